import { describe, expect, it } from 'vitest';
import { createDocument } from '../../src/document/createDocument.js';
import { createEnglishStage } from '../../src/recognizers/english.js';
import type { Resources } from '../../src/resources/resources.js';

async function finder(): Promise<(text: string) => [number, number, string][]> {
  const stage = createEnglishStage();
  await stage.setup!({} as Resources);
  return (text) => {
    const doc = createDocument(text);
    stage.run(doc, {});
    return (doc.candidates ?? []).map((e) => [e.start, e.end, e.type]);
  };
}

describe('english stage', () => {
  it('finds an English name inside Korean text', async () => {
    const find = await finder();
    const text = '미국 대통령 Donald Trump는 말했다.';
    expect(find(text).map(([s, e, type]) => [text.slice(s, e), type])).toContainEqual(['Donald Trump', 'PERSON']);
  });

  it('reads a long run in pieces cut after sentence ends, finding in each sentence what it finds alone', async () => {
    const find = await finder();
    const sentence = 'Donald Trump met Kim Jong Un in Seoul. ';
    const alone = find(sentence.trim());
    expect(alone.length).toBeGreaterThan(0);
    const times = 200;
    const found = find(sentence.repeat(times).trim());
    const expected: [number, number, string][] = [];
    for (let k = 0; k < times; k++) for (const [s, e, type] of alone) expected.push([s + k * sentence.length, e + k * sentence.length, type]);
    const byStart = (a: [number, number, string], b: [number, number, string]) => a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2]);
    expect(found.sort(byStart)).toEqual(expected.sort(byStart));
  });
});
