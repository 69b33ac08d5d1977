import { describe, expect, it } from 'vitest';
import { FLOOR_MS, MAX_RATIO } from '../../scripts/adversarial/families.mjs';
import type { Entity, Link } from '../../src/document/types.js';
import { readAnnotated } from '../../src/formats/annotated.js';
import { RECORD_FORMATS, recordBody, type RecordFormat } from '../../src/formats/records.js';
import type { GoldFormat } from '../../src/formats/readers.js';

/**
 * The writers and readers of every format take time linear in their input, on long and awkward input: a document
 * of a million characters with an entity in every word, one word without spaces, only line breaks, only astral
 * characters; gold files of one huge sentence, one huge JSON line, a JSON string full of escapes. Each case runs at
 * about 100 KB and 1 MB (after a 10 KB warm-up); time(1 MB) may be at most MAX_RATIO (20) times time(100 KB).
 */

/** A document of about `size` UTF-16 units with `entityEvery`-th words as entities, and a link per 50 entities. */
function document(unit: string, size: number, entityEvery: number): { text: string; entities: Entity[]; links: Link[] } {
  const text = unit.repeat(Math.ceil(size / unit.length));
  const entities: Entity[] = [];
  const links: Link[] = [];
  let word = 0;
  for (let at = 0; at < text.length; ) {
    let end = at;
    while (end < text.length && text[end] !== ' ' && text[end] !== '\n') end++;
    if (end > at && word++ % entityEvery === 0) {
      entities.push({ start: at, end, text: text.slice(at, end), type: 'PERSON', source: 'test', score: 0.5 });
      if (entities.length % 50 === 0) links.push({ kind: 'hanja', source: { start: at, end, text: text.slice(at, end) }, target: null, hangul: '유정복', reading: 'sino-korean' });
    }
    at = end + 1;
  }
  return { text, entities, links };
}

const WRITER_INPUTS: [string, string, number][] = [
  ['words, every one an entity', '유정복 😀인천 27일\n', 1],
  ['one word without spaces', '유정복인천', 1],
  ['only line breaks', '\n', 1],
  ['only astral characters', '𠀀😀', 1],
];

/** Gold files in each format, about `size` characters. */
const READER_INPUTS: [string, GoldFormat, (size: number) => string][] = [
  ['one CoNLL sentence of many tokens', 'conll', (size) => `-DOCSTART- -X- O O\n\n${'유정복\tB-PS\n시장\tO\n'.repeat(size / 12)}`],
  ['one CoNLL entity of many tokens', 'conll', (size) => `-DOCSTART- -X- O O\n\n유\tB-PS\n${'정\tI-PS\n'.repeat(size / 6)}`],
  ['one KLUE sentence', 'klue', (size) => { const text = '유정복 시장'.repeat(size / 12); return `## a\t${text}\n${Array.from(text, (c) => `${c}\tO\n`).join('')}`; }],
  ['one doccano line of many labels', 'doccano', (size) => `${JSON.stringify({ text: '유정복 '.repeat(size / 8), label: Array.from({ length: size / 8 }, (_, i) => [i * 4, i * 4 + 3, 'PS']) })}\n`],
  ['Label Studio: a text of escapes and brackets', 'label-studio', (size) => JSON.stringify([{ data: { text: '"[{\\'.repeat(size / 8) }, annotations: [{ result: [] }] }])],
  ['Label Studio: many small tasks', 'label-studio', (size) => `[\n${Array.from({ length: size / 120 }, () => JSON.stringify({ data: { text: '유정복 시장' }, annotations: [{ result: [{ type: 'labels', value: { start: 0, end: 3, labels: ['PS'] } }] }] })).join(',\n')}\n]\n`],
];

async function timeOf(run: () => unknown | Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const start = performance.now();
    await run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** time(1 MB) / max(time(100 KB), FLOOR_MS), measured again (up to twice) when it is over MAX_RATIO. */
async function ratio(make: (size: number) => () => unknown | Promise<unknown>): Promise<{ ratio: number; ms: number[] }> {
  await make(10_000)();
  let last = { ratio: Infinity, ms: [0, 0] };
  for (let attempt = 0; attempt < 3 && last.ratio > MAX_RATIO; attempt++) {
    const small = await timeOf(make(100_000));
    const large = await timeOf(make(1_000_000));
    last = { ratio: large / Math.max(small, FLOOR_MS), ms: [small, large] };
  }
  return last;
}

describe('linear time of the formats', () => {
  it.each(RECORD_FORMATS.flatMap((format) => WRITER_INPUTS.map(([title, unit, every]) => [format, title, unit, every] as const)))(
    'the %s writer on %s',
    async (format: RecordFormat, _title, unit, every) => {
      const { ratio: r, ms } = await ratio((size) => {
        const doc = document(unit, size, every);
        return () => recordBody(format, { id: 'd', line: 1, ...doc });
      });
      expect(r, `${ms.map((m) => m.toFixed(1)).join(' / ')} ms`).toBeLessThanOrEqual(MAX_RATIO);
    },
    120_000,
  );

  it.each(READER_INPUTS)('the reader of %s (%s)', async (_title, format, make) => {
    const { ratio: r, ms } = await ratio((size) => {
      const content = make(size);
      return async () => {
        const items = await readAnnotated(content, { format });
        expect(items.length).toBeGreaterThan(0);
      };
    });
    expect(r, `${ms.map((m) => m.toFixed(1)).join(' / ')} ms`).toBeLessThanOrEqual(MAX_RATIO);
  }, 120_000);
});
