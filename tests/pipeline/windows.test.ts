import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createExtractor, type Extractor } from '../../src/index.js';
import { windowEnds, windowsOf } from '../../src/pipeline/windows.js';
import { repoRoot, sharedFile } from '../helpers.js';

/** Every window of `text` as [start, end) pairs. */
function windows(text: string, size: number): [number, number][] {
  const ends = windowEnds(text, size);
  return ends.map((end, k) => [k === 0 ? 0 : ends[k - 1]!, end]);
}

describe('windowEnds', () => {
  it.each([
    ['a text of up to twice the size is one window', 'a'.repeat(20), 10, [[0, 20]]],
    ['a line break after the size ends a window', `${'가'.repeat(12)}\n${'나'.repeat(12)}`, 10, [[0, 13], [13, 25]]],
    ['a sentence end and a space end a window when there is no line break', `${'가'.repeat(11)}. ${'나'.repeat(12)}`, 10, [[0, 13], [13, 25]]],
    ['not inside brackets', `가(${'나'.repeat(10)}. 다) 라마바사아자차카타파하`, 10, [[0, 17], [17, 28]]],
    ['inside brackets only where there is no other white space', `가(${'나'.repeat(10)}. ${'다'.repeat(12)}`, 10, [[0, 14], [14, 26]]],
    ['white space where there is no sentence end', `${'가'.repeat(12)} ${'나'.repeat(12)}`, 10, [[0, 13], [13, 25]]],
    ['at twice the size in a run with no white space, whole surrogate pairs', `a${'𠀀'.repeat(13)}`, 5, [[0, 9], [9, 19], [19, 27]]],
  ])('%s', (_title, text, size, expected) => {
    expect(windows(text, size)).toEqual(expected);
  });

  it('cuts a long text into windows of the size to twice the size that cover it exactly', () => {
    const text = Array.from({ length: 400 }, (_, i) => `${i}번째 문장입니다.${i % 7 === 0 ? '\n' : ' '}`).join('');
    const parts = windows(text, 256);
    expect(parts[0]![0]).toBe(0);
    expect(parts.at(-1)![1]).toBe(text.length);
    for (let k = 1; k < parts.length; k++) expect(parts[k]![0]).toBe(parts[k - 1]![1]);
    for (const [start, end] of parts.slice(0, -1)) {
      expect(end - start).toBeGreaterThanOrEqual(256);
      expect(end - start).toBeLessThanOrEqual(512);
      expect(/[\n.] ?$|\n$/.test(text.slice(start, end))).toBe(true);
    }
  });
});

describe('windowsOf', () => {
  it('gives a short text one window whose document is the whole text', () => {
    const [only, ...rest] = windowsOf('짧은 글', 3, '2016-05-17', 256);
    expect(rest).toEqual([]);
    const doc = only!.document();
    expect(doc.text).toBe('짧은 글');
    expect(doc.window).toBeUndefined();
    expect(only!.finish(doc)).toBe(doc);
  });
});

/** The texts the window boundary must be invisible on: the example article and the seed article. */
function articles(): [string, string][] {
  const list: [string, string][] = [['examples/news.txt', readFileSync(join(repoRoot, 'examples', 'news.txt'), 'utf8')]];
  const seed = sharedFile('acceptance/seed-article.txt');
  if (seed) list.push(['seed-article.txt', readFileSync(seed, 'utf8')]);
  else console.warn('../shared/acceptance/seed-article.txt is missing: the windowed run is compared on examples/ only');
  return list;
}

describe('a long document run in windows', () => {
  let whole: Extractor;
  let windowed: Extractor;
  beforeAll(async () => {
    whole = await createExtractor({ windowSize: Infinity });
    windowed = await createExtractor({ windowSize: 100 });
  });

  it.each(articles())('gives the same entities and links as one run over %s', (_name, text) => {
    expect(windows(text, 100).length).toBeGreaterThan(2);
    expect(windowed.extract(text)).toEqual(whole.extract(text));
  });

  it.each(articles())('gives the same results for %s on one line, cut at sentence ends', async (_name, article) => {
    const text = article.replace(/\n/g, ' ');
    const parts = windows(text, 200);
    expect(parts.length).toBeGreaterThan(1);
    for (const [, end] of parts.slice(0, -1)) expect(text.slice(end - 3, end)).toMatch(/[.!?…]["'”’」』)\]]* $/);
    const bySentence = await createExtractor({ windowSize: 200 });
    expect(bySentence.extract(text)).toEqual(whole.extract(text));
  });

  it.each(articles())('gives the same results for %s repeated ten times, as one of a batch', (_name, text) => {
    const long = Array.from({ length: 10 }, () => text).join('\n');
    const batch = ['첫 문장', long, '유정복 인천시장'];
    expect(windowed.extractAll(batch)).toEqual(whole.extractAll(batch));
  });

  it('reads relative dates against a dateline at the end of the document, and counts 이날 from the window before', () => {
    const filler = '그리고 평범한 문장이 이어진다. '.repeat(60);
    const text = `지난 3일 회의가 열렸다. ${filler}\n이날 결론은 없었다. ${filler}\n발행일 2016-05-17`;
    const result = windowed.extract(text);
    expect(result).toEqual(whole.extract(text));
    expect(result.referenceDate).toBe('2016-05-17');
    expect(result.entities.find((e) => e.text === '지난 3일')?.value).toBe('2016-05-03');
  });
});
