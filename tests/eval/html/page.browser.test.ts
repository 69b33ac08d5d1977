import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorAnalysis } from '../../../src/eval/analysis.js';
import { seededRandom } from '../../../src/eval/bootstrap.js';
import { chromiumPath, hasChromium, launchChromium, openFile } from '../../chromium.js';
import { runCli } from '../../cli/run.js';
import { repoRoot } from '../../helpers.js';

/**
 * The error report in a real browser (tests/chromium.ts). It checks what only a browser shows: the bars as long as
 * their scores, the matrix as its data, the list drawn by the script and narrowed by the filters, no text run as
 * script (the page's policy would also say so on the console), and that 4,000 sentences with 3,000 errors stay
 * quick. Screenshots are saved in the test's temporary folder.
 */
if (!hasChromium) console.warn(`tests/eval/html/page.browser.test.ts: skipped, chromium not installed: apt-get install chromium fonts-nanum (${chromiumPath})`);

const fixtures = join(repoRoot, 'tests', 'eval', 'fixtures');
const dir = mkdtempSync(join(tmpdir(), 'korner-eval-browser-'));

type PageData = ErrorAnalysis & { gold: string };
const dataOf = (html: string): PageData => JSON.parse(/<script type="application\/json" id="korner-eval-data">([\s\S]*?)<\/script>/.exec(html)![1]!) as PageData;

async function report(gold: string, predictions: string, extra: string[] = []): Promise<string> {
  const { status, stdout, stderr } = await runCli(['eval', '--predictions', predictions, '--format', 'html', ...extra, gold]);
  if (status !== 0) throw new Error(`korner eval failed (${status}): ${stderr}`);
  return stdout;
}

/**
 * A corpus of `n` sentences of random syllables with entities, and predictions that get about 70% of them right:
 * the rest too long, of another type, missed, or beside them.
 */
function syntheticCorpus(n: number): { gold: string; predictions: string } {
  const random = seededRandom(11);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const types = ['PERSON', 'LOCATION', 'ORGANIZATION', 'DATE', 'QUANTITY'];
  const sources = ['tagger', 'place', 'organization', 'dateTime', 'quantity'];
  const gold: string[] = [];
  const predicted: string[] = [];
  for (let i = 0; i < n; i++) {
    const words = Array.from({ length: 8 + Math.floor(random() * 10) }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => String.fromCharCode(0xac00 + Math.floor(random() * 11172))).join(''));
    const text = words.join(' ');
    const goldSpans: object[] = [];
    const predictedSpans: object[] = [];
    let at = 0;
    for (const word of words) {
      const start = at;
      at += word.length + 1;
      if (random() > 0.25) continue;
      const type = pick(types);
      const source = pick(sources);
      goldSpans.push({ start, end: start + word.length, type });
      const roll = random();
      if (roll < 0.8) predictedSpans.push({ start, end: start + word.length, type, source });
      else if (roll < 0.86) predictedSpans.push({ start, end: start + word.length - 1, type, source });
      else if (roll < 0.92) predictedSpans.push({ start, end: start + word.length, type: pick(types.filter((t) => t !== type)), source });
      // else: missed
    }
    if (random() < 0.3) {
      const start = text.length - words[words.length - 1]!.length;
      if (!goldSpans.some((s) => (s as { end: number }).end > start)) predictedSpans.push({ start, end: text.length, type: pick(types), source: pick(sources) });
    }
    gold.push(JSON.stringify({ id: `n${i}`, text, entities: goldSpans }));
    predicted.push(JSON.stringify({ id: `n${i}`, text, fold: i % 5, entities: predictedSpans }));
  }
  const goldPath = join(dir, 'synthetic.gold.jsonl');
  const predictionsPath = join(dir, 'synthetic.predictions.jsonl');
  writeFileSync(goldPath, `${gold.join('\n')}\n`);
  writeFileSync(predictionsPath, `${predicted.join('\n')}\n`);
  return { gold: goldPath, predictions: predictionsPath };
}

describe.skipIf(!hasChromium)('the eval report in chromium', () => {
  let browser: Browser;
  const pages: Page[] = [];

  async function open(html: string, name: string, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; messages: string[] }> {
    const path = join(dir, name);
    writeFileSync(path, html);
    const { page, watch } = await openFile(browser, path, colorScheme);
    pages.push(page);
    // A dialog is a script that ran; a console error, something the policy refused.
    return { page, messages: [...watch.dialogs.map((text) => `dialog: ${text}`), ...watch.messages] };
  }

  const listed = (page: Page) => page.$$eval('ol.errors li', (items) => items.map((item) => ({ kind: item.getAttribute('data-kind'), id: item.querySelector('.id')!.textContent })));

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const page of pages) await page.close();
    await browser?.close();
  });

  it('draws the bars as long as the scores, the matrix as its data, and the list of errors', async () => {
    const html = await report(join(fixtures, 'gold.jsonl'), join(fixtures, 'predictions.jsonl'));
    const data = dataOf(html);
    const { page, messages } = await open(html, 'report.html');

    // Each bar's fill is its score's share of the track; the whisker spans the interval.
    const bars = await page.$$eval('td.metric', (cells) =>
      cells.map((cell) => {
        const track = cell.querySelector('rect.track')!.getBoundingClientRect();
        const fill = cell.querySelector('rect.fill')!.getBoundingClientRect();
        const ends = [...cell.querySelectorAll('line')].slice(1).map((line) => (line.getBoundingClientRect().left - track.left) / track.width);
        return { value: Number(cell.getAttribute('data-value')), low: Number(cell.getAttribute('data-low')), high: Number(cell.getAttribute('data-high')), share: fill.width / track.width, ends, width: track.width };
      }),
    );
    expect(bars).toHaveLength(7 * 3);
    for (const bar of bars) {
      expect(bar.width).toBeGreaterThan(100);
      expect(bar.share).toBeCloseTo(bar.value, 2);
      expect(bar.ends[0]).toBeCloseTo(bar.low, 1);
      expect(bar.ends[1]).toBeCloseTo(bar.high, 1);
    }

    const matrix = await page.$$eval('table.matrix tbody tr', (rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent)));
    expect(matrix).toEqual(data.matrix.counts.map((row, r) => row.map((count, c) => (r === row.length - 1 && c === row.length - 1 ? '–' : String(count)))));

    expect(await page.locator('#errors .status').textContent()).toBe('Errors 1–9 of 9');
    expect((await listed(page)).map((item) => item.kind)).toEqual(data.examples.errors.map((error) => error.kind));
    // The first error, 인천 read as 인천시장: the gold row outlines 인천, the predicted row 인천시장, both over the whole sentence.
    const first = page.locator('ol.errors li').first();
    expect(await first.locator('.row.gold mark.focus').textContent()).toBe('인천');
    expect(await first.locator('.row.predicted mark.focus').textContent()).toBe('인천시장');
    expect(await first.locator('.row.gold .text').textContent()).toBe(data.examples.sentences[0]!.text);
    expect(await first.locator('.row.predicted mark').evaluateAll((marks) => marks.map((m) => m.getAttribute('data-label')))).toEqual(['PS', 'LC', 'DT', 'OG', 'OG']);

    expect(messages).toEqual([]);
    await page.screenshot({ path: join(dir, 'report.png'), fullPage: true });
    const dark = await open(html, 'report.html', 'dark');
    await dark.page.screenshot({ path: join(dir, 'report-dark.png'), fullPage: true });
    expect(dark.messages).toEqual([]);
  });

  it('narrows the list by class, type, source and text, and from a count in the tables', async () => {
    const { page, messages } = await open(await report(join(fixtures, 'gold.jsonl'), join(fixtures, 'predictions.jsonl')), 'filters.html');
    await page.selectOption('#filter-kind', 'missed');
    expect(await listed(page)).toEqual([{ kind: 'missed', id: 's2' }, { kind: 'missed', id: 's5' }]);
    expect(await page.locator('#errors .status').textContent()).toBe('Errors 1–2 of 2 (filtered from 9)');
    await page.selectOption('#filter-gold', 'LOCATION');
    expect(await listed(page)).toEqual([{ kind: 'missed', id: 's5' }]);
    await page.click('#filter-reset');
    await page.selectOption('#filter-source', 'tagger');
    expect((await listed(page)).map((item) => item.kind)).toEqual(['boundary+type', 'spurious', 'boundary+type']);
    await page.click('#filter-reset');
    await page.fill('#filter-search', '서울시청');
    expect((await listed(page)).map((item) => item.id)).toEqual(['s3', 's3']);
    await page.fill('#filter-search', 'no such text');
    expect(await listed(page)).toEqual([]);
    expect(await page.locator('#errors .status').textContent()).toBe('No error matches the filters (filtered from 9).');

    // The matrix's (none, ORGANIZATION) count: the predictions of organisations that have no gold partner.
    await page.click('table.matrix td[data-gold="none"][data-predicted="ORGANIZATION"] button');
    expect(await page.inputValue('#filter-search')).toBe('');
    expect(await page.inputValue('#filter-predicted')).toBe('ORGANIZATION');
    expect(await listed(page)).toEqual([{ kind: 'spurious', id: 's2' }]);
    await page.click('table.classes[data-by="type"] tr[data-row="LOCATION"] td[data-kind="boundary"] button');
    expect(await listed(page)).toEqual([{ kind: 'boundary', id: 's1' }, { kind: 'boundary', id: 's3' }]);
    expect(messages).toEqual([]);
  });

  it('shows <script> and & in a sentence as text and runs nothing', async () => {
    const { page, messages } = await open(await report(join(fixtures, 'gold.jsonl'), join(fixtures, 'predictions.jsonl')), 'escaping.html');
    await page.fill('#filter-search', '<script>');
    const rows = await page.$$eval('ol.errors li .row.gold .text', (texts) => texts.map((text) => text.textContent));
    expect(rows).toEqual(Array(2).fill('<script>alert("x")</script> & 서울시청 발표 </script><!-- & &amp;'));
    expect(await page.$$eval('script', (scripts) => scripts.length)).toBe(2);
    expect(await page.locator('ol.errors script, ol.errors img, [onerror], [onload]').count()).toBe(0);
    expect(messages).toEqual([]);
  });

  it('stays quick with 4,000 sentences and about 3,000 errors: a page of 50 at a time', async () => {
    const corpus = syntheticCorpus(4000);
    const started = Date.now();
    const html = await report(corpus.gold, corpus.predictions);
    const seconds = (Date.now() - started) / 1000;
    const data = dataOf(html);
    expect(data.sentences).toBe(4000);
    expect(data.examples.errors.length).toBeGreaterThan(2000);
    expect(data.examples.errors.length).toBeLessThan(4500);
    expect(seconds, 'korner eval --format html on 4,000 sentences').toBeLessThan(30);

    const { page, messages } = await open(html, 'large.html');
    expect(await page.locator('ol.errors li').count()).toBe(50);
    const pages = Math.ceil(data.examples.errors.length / 50);
    expect(await page.locator('#errors .page-label').first().textContent()).toBe(`page 1 of ${pages}`);
    await page.locator('#errors .page-next').first().click();
    expect(await page.locator('#errors .status').textContent()).toBe(`Errors 51–100 of ${data.examples.errors.length}`);

    // Filtering all the errors and drawing the first page, timed in the page itself.
    const milliseconds = await page.$eval('#filter-search', (search) => {
      const input = search as unknown as { value: string; dispatchEvent(event: Event): boolean };
      const times: number[] = [];
      for (const text of ['가', '각', '']) {
        const begun = performance.now();
        input.value = text;
        input.dispatchEvent(new Event('input'));
        times.push(performance.now() - begun);
      }
      return Math.max(...times);
    });
    expect(milliseconds).toBeLessThan(500);
    await page.selectOption('#filter-kind', 'type');
    const kinds = await page.$$eval('ol.errors li', (items) => items.map((item) => item.getAttribute('data-kind')));
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['type']));
    expect(messages).toEqual([]);
    await page.screenshot({ path: join(dir, 'report-large.png') });
  });
});

if (!hasChromium) {
  describe('the eval report in chromium', () => {
    it.skip('chromium not installed: apt-get install chromium fonts-nanum', () => undefined);
  });
}
