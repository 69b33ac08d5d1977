import { typeRules } from '../../formats/html/style.js';

/**
 * The error report's only stylesheet. Colours follow the system's scheme (prefers-color-scheme), types keep the
 * colours of `korner extract --format html`. Gold spans are tinted, predicted spans underlined, and the spans of the
 * error an item is about are outlined. Bars are SVG drawn from attributes, so the page needs no inline style (which
 * its Content-Security-Policy would refuse).
 */
export const EVAL_PAGE_CSS = `
:root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--muted:#59636e;--panel:#f6f8fa;--line:#d1d9e0;--bar:#0969da;--track:#eef1f4;--ci:#1f2328;--good:#1a7f37;--bad:#cf222e}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--panel:#151b23;--line:#3d444d;--bar:#4493f8;--track:#212830;--ci:#e6edf3;--good:#56d364;--bad:#ff7b72}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans CJK KR","Noto Sans KR","NanumGothic","Apple SD Gothic Neo","Malgun Gothic",sans-serif}
header{padding:.8rem 1.5rem;background:var(--panel);border-bottom:1px solid var(--line)}
header h1{margin:0 0 .2rem;font-size:1.1rem}
.facts{margin:0;color:var(--muted);font-size:.9rem}
.facts b{color:var(--fg);font-weight:600;overflow-wrap:anywhere}
main{max-width:72rem;margin:0 auto;padding:.5rem 1.5rem 3rem}
section{margin:1.8rem 0}
h2{font-size:1.05rem;margin:0 0 .3rem}
.note{margin:0 0 .8rem;color:var(--muted);font-size:.85rem}
table{border-collapse:collapse;font-variant-numeric:tabular-nums}
th,td{padding:.3rem .55rem;text-align:right;border-bottom:1px solid var(--line)}
th{font-weight:600}
th:first-child{text-align:left}
tr.micro th,tr.micro td{border-top:2px solid var(--line);font-weight:600}
td.metric{text-align:left;min-width:13rem}
svg.bar{display:block;width:100%;height:.8rem;overflow:visible}
svg.bar .track{fill:var(--track)}
svg.bar .fill{fill:var(--bar)}
svg.bar line{stroke:var(--ci);stroke-width:1.5}
.value{font-weight:600}
.interval,.support{color:var(--muted);font-size:.85em}
.tables{display:flex;flex-wrap:wrap;gap:1rem 3rem;align-items:flex-start}
.matrix td{min-width:3.2rem}
.matrix td.diagonal{box-shadow:inset 0 0 0 1px var(--good)}
.heat-1{background:rgba(207,34,46,.08)}.heat-2{background:rgba(207,34,46,.18)}.heat-3{background:rgba(207,34,46,.3)}.heat-4{background:rgba(207,34,46,.45)}.heat-5{background:rgba(207,34,46,.62)}
.matrix td.diagonal.heat-1,.matrix td.diagonal.heat-2,.matrix td.diagonal.heat-3,.matrix td.diagonal.heat-4,.matrix td.diagonal.heat-5{background:rgba(26,127,55,.16)}
button.count{font:inherit;color:inherit;background:none;border:0;padding:0;cursor:pointer;text-decoration:underline dotted;text-underline-offset:.2em}
button.count:hover,button.count:focus-visible{color:var(--bar)}
.zero{color:var(--muted)}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;padding:.7rem .9rem;background:var(--panel);border:1px solid var(--line);border-radius:8px;font-size:.85rem}
.filters label{display:flex;flex-direction:column;gap:.15rem;color:var(--muted)}
.filters select,.filters input{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--line);border-radius:5px;padding:.25rem .4rem}
.filters input{min-width:14rem}
.filters button,.pager button{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--line);border-radius:5px;padding:.25rem .7rem;cursor:pointer}
.pager button:disabled{opacity:.45;cursor:default}
.status{margin:.8rem 0 .4rem;color:var(--muted);font-size:.9rem}
.pager{display:flex;gap:.6rem;align-items:center;margin:.6rem 0}
ol.errors{list-style:none;margin:0;padding:0}
li.error{margin:.6rem 0;padding:.6rem .9rem;border:1px solid var(--line);border-radius:8px}
.meta{display:flex;flex-wrap:wrap;gap:.2rem .9rem;font-size:.85rem;color:var(--muted)}
.meta .kind{font-weight:700;color:var(--bad)}
.meta .what{color:var(--fg)}
.meta .id{margin-left:auto;overflow-wrap:anywhere}
.row{display:grid;grid-template-columns:5.5rem 1fr;gap:.6rem;margin-top:.25rem}
.row .side{color:var(--muted);font-size:.8rem;padding-top:.35rem}
.row .text{white-space:pre-wrap;word-break:keep-all;overflow-wrap:anywhere;line-height:2.2}
.row mark{color:inherit;background:none;border-radius:3px;padding:.1em .15em}
.row.gold mark{background:var(--tint)}
.row.predicted mark{border-bottom:2px solid var(--accent)}
.row mark::after{content:attr(data-label);margin-left:.25em;color:var(--accent);font-size:.62em;font-weight:700;vertical-align:.25em}
.row mark.focus{outline:2px solid var(--accent);outline-offset:1px}
.cut{color:var(--muted)}
.empty{color:var(--muted)}
${typeRules('light')}
@media (prefers-color-scheme:dark){
${typeRules('dark')}
}
`;
