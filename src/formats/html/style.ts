import type { EntityType } from '../../document/types.js';

/** Each type's accent (underline, label) and tint (background), for a light page and for a dark one. */
const COLOURS: Readonly<Record<EntityType, { light: [string, string]; dark: [string, string] }>> = {
  PERSON: { light: ['#cf222e', '#ffebe9'], dark: ['#ff7b72', 'rgba(255,123,114,.2)'] },
  LOCATION: { light: ['#0969da', '#ddf4ff'], dark: ['#58a6ff', 'rgba(88,166,255,.2)'] },
  ORGANIZATION: { light: ['#8250df', '#fbefff'], dark: ['#d2a8ff', 'rgba(210,168,255,.2)'] },
  DATE: { light: ['#1a7f37', '#dafbe1'], dark: ['#56d364', 'rgba(86,211,100,.18)'] },
  TIME: { light: ['#0e7c86', '#d8f6f4'], dark: ['#39c5cf', 'rgba(57,197,207,.18)'] },
  QUANTITY: { light: ['#9a6700', '#fff4d4'], dark: ['#e3b341', 'rgba(227,179,65,.2)'] },
};

/** Each type's `--accent` and `--tint` for an element with its `data-type` (the eval report uses them too). */
export function typeRules(scheme: 'light' | 'dark'): string {
  return Object.entries(COLOURS)
    .map(([type, colours]) => `[data-type=${type}]{--accent:${colours[scheme][0]};--tint:${colours[scheme][1]}}`)
    .join('\n');
}

/**
 * The page's only stylesheet. Colours come from the system's scheme (prefers-color-scheme); the text keeps its
 * line breaks (pre-wrap), breaks lines between words as Korean is set (keep-all), and has lines tall enough for
 * the arrows that the script draws above them.
 */
export const PAGE_CSS = `
:root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--muted:#59636e;--panel:#f6f8fa;--line:#d1d9e0;--arrow:#59636e;--error:#cf222e}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--panel:#151b23;--line:#3d444d;--arrow:#9198a1;--error:#ff7b72}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.6 system-ui,-apple-system,"Segoe UI","Noto Sans CJK KR","Noto Sans KR","Apple SD Gothic Neo","Malgun Gothic",sans-serif}
header{position:sticky;top:0;z-index:2;display:flex;flex-wrap:wrap;align-items:center;gap:.4rem 1.5rem;padding:.6rem 1.5rem;background:var(--panel);border-bottom:1px solid var(--line)}
header h1{margin:0;font-size:1rem}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;margin:0;padding:0;list-style:none;font-size:.85rem}
.legend li{display:flex;align-items:center;gap:.35rem}
.legend small,.count,.hint,.summary{color:var(--muted)}
.count{font-variant-numeric:tabular-nums}
.swatch{width:.95em;height:.95em;border-radius:3px;background:var(--tint);border:2px solid var(--accent)}
.hint{margin:0;font-size:.8rem}
main{max-width:60rem;margin:0 auto;padding:.5rem 1.5rem 3rem}
.doc{margin:1.25rem 0;padding:.9rem 1.25rem 1.1rem;border:1px solid var(--line);border-radius:8px}
.doc h2{margin:0;font-size:1rem;overflow-wrap:anywhere}
.summary{margin:0 0 .4rem;font-size:.8rem}
.body{position:relative}
.text{white-space:pre-wrap;word-break:keep-all;overflow-wrap:anywhere;line-height:2.7}
mark{white-space:pre;color:inherit;background:var(--tint);border-bottom:2px solid var(--accent);border-radius:4px;padding:.15em .25em;-webkit-box-decoration-break:clone;box-decoration-break:clone}
mark::after{content:attr(data-label);margin-left:.3em;color:var(--accent);font-size:.58em;font-weight:700;letter-spacing:.02em;vertical-align:.2em}
mark[title],.gloss{cursor:help}
.gloss{text-decoration:underline dotted var(--arrow) 2px;text-underline-offset:.35em}
.active{outline:2px solid var(--arrow);outline-offset:1px;border-radius:4px}
svg.links{position:absolute;left:0;top:0;width:100%;height:100%;overflow:visible;pointer-events:none}
svg.links path.arrow{fill:none;stroke:var(--arrow);stroke-width:1.4;opacity:.7}
svg.links path.arrow.active{outline:none;stroke:var(--fg);stroke-width:2;opacity:1}
svg.links marker path{fill:var(--arrow)}
.error-message{margin:.4rem 0 0;color:var(--error)}
.empty{color:var(--muted)}
${typeRules('light')}
@media (prefers-color-scheme:dark){
${typeRules('dark')}
}
`;
