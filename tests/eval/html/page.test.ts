import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { analyzeErrors, type AnalyzedSentence } from '../../../src/eval/analysis.js';
import { jsonScriptContent } from '../../../src/eval/html/data.js';
import { formatCount } from '../../../src/eval/html/format.js';
import { EVAL_PAGE_CSS_HASH, EVAL_PAGE_SCRIPT_HASH, errorReportPage } from '../../../src/eval/html/page.js';
import { EVAL_PAGE_SCRIPT } from '../../../src/eval/html/script.js';
import { EVAL_PAGE_CSS } from '../../../src/eval/html/style.js';

const sha256 = (text: string): string => `sha256-${createHash('sha256').update(text).digest('base64')}`;

const ATTACK = '<script>alert(1)</script> & </script><!-- &amp; \u2028\u2029';
const sentences: AnalyzedSentence[] = [
  { id: 'id <b>&', text: `서울시청 ${ATTACK}`, gold: [{ start: 0, end: 4, type: 'LOCATION' }], predicted: [{ start: 0, end: 2, type: 'LOCATION', source: 'place' }] },
  { id: '2', text: '김민수 씨', gold: [{ start: 0, end: 3, type: 'PERSON' }], predicted: [{ start: 0, end: 3, type: 'PERSON', source: 'tagger' }] },
];
const page = (name = 'gold.jsonl') => errorReportPage(analyzeErrors(sentences, { rounds: 100, seed: 1 }), { gold: name, predictions: 'p<1>.jsonl', split: 'all' });
const dataOf = (html: string): unknown => JSON.parse(/<script type="application\/json" id="korner-eval-data">([\s\S]*?)<\/script>/.exec(html)![1]!);

describe('the error report page', () => {
  it('allows only its own stylesheet and script, by hashes that are those of their texts', () => {
    expect(EVAL_PAGE_CSS_HASH, 'EVAL_PAGE_CSS changed: put its new hash in src/eval/html/page.ts').toBe(sha256(EVAL_PAGE_CSS));
    expect(EVAL_PAGE_SCRIPT_HASH, 'EVAL_PAGE_SCRIPT changed: put its new hash in src/eval/html/page.ts').toBe(sha256(EVAL_PAGE_SCRIPT));
    const html = page();
    const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1]!;
    expect(policy).toBe(`default-src 'none'; style-src '${sha256(EVAL_PAGE_CSS)}'; script-src '${sha256(EVAL_PAGE_SCRIPT)}'; base-uri 'none'; form-action 'none'`);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(styles).toEqual([EVAL_PAGE_CSS]);
    expect(scripts).toEqual([EVAL_PAGE_SCRIPT]);
    expect(html).not.toMatch(/ style=|<img|<link|<iframe/);
  });

  it('loads nothing from anywhere, and its script writes no HTML', () => {
    const html = page();
    expect(html.replace('http://www.w3.org/2000/svg', 'svg namespace')).not.toMatch(/\b(src|href)=|@import|url\(|https?:/);
    expect(EVAL_PAGE_SCRIPT).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
  });

  it('escapes the text: the sentence is only in the data block, whole, and names are references', () => {
    const html = page('<gold & co>.jsonl');
    const block = /<script type="application\/json" id="korner-eval-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(block).not.toMatch(/[<\u2028\u2029]/);
    const data = dataOf(html) as { gold: string; predictions: string; examples: { sentences: { id: string; text: string }[] } };
    expect(data.examples.sentences.map((x) => [x.id, x.text])).toEqual([['id <b>&', sentences[0]!.text]]);
    expect(data.gold).toBe('<gold & co>.jsonl');
    expect(html).toContain('<title>korner eval: &lt;gold &amp; co&gt;.jsonl</title>');
    expect(html).toContain('predictions <b>p&lt;1&gt;.jsonl</b>');
    // Outside the data block, no text of a sentence: the script draws the sentences.
    expect(html.replace(block, '')).not.toContain('alert(1)');
    expect(html.match(/<script/g)).toHaveLength(2);
  });

  it('is the same for the same input, byte for byte', () => {
    expect(page()).toBe(page());
  });

  it('draws a bar per type and metric, with its interval', () => {
    const html = page();
    const cells = [...html.matchAll(/<td class="metric" data-metric="(\w+)" data-value="([\d.]+)" data-low="([\d.]+)" data-high="([\d.]+)">/g)];
    expect(cells).toHaveLength(3 * 3); // PERSON, LOCATION, micro
    for (const [, , value, low, high] of cells) {
      expect(Number(low)).toBeLessThanOrEqual(Number(value) + 1e-9);
      expect(Number(high)).toBeGreaterThanOrEqual(Number(value) - 1e-9);
    }
    expect(html).toContain('<tr data-key="LOCATION"><th>LOCATION <small>LC</small></th>');
  });
});

describe('jsonScriptContent', () => {
  it.each([
    ['an end tag', '</script>'],
    ['a comment opening', '<!--'],
    ['line and paragraph separators', 'a\u2028b\u2029c'],
    ['astral and lone surrogates', '𠀀 \ud800'],
  ])('keeps %s out of the markup and gives it back to JSON.parse', (_title, text) => {
    const content = jsonScriptContent({ text });
    expect(content).not.toMatch(/[<\u2028\u2029]/);
    expect(JSON.parse(content)).toEqual({ text });
  });
});

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [1234567, '1,234,567'],
  ])('%d → %s', (count, text) => expect(formatCount(count)).toBe(text));
});
