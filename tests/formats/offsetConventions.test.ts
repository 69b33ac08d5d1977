import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createExtractor, type Extractor } from '../../src/index.js';
import { recordBody, type RecordFormat } from '../../src/formats/records.js';
import type { OffsetUnit } from '../../src/formats/offsets.js';

let extractor: Extractor;
beforeAll(async () => {
  extractor = await createExtractor({ referenceDate: '2016-05-17' });
});

/** A slice of `text` in a unit, counted as the tools of that unit count (Python: code points; Rust, Go: bytes). */
function sliceIn(text: string, start: number, end: number, unit: OffsetUnit): string {
  if (unit === 'utf16') return text.slice(start, end);
  if (unit === 'codepoint') return Array.from(text).slice(start, end).join('');
  return Buffer.from(text, 'utf8').subarray(start, end).toString('utf8');
}

/** The same text as a tool of that unit would have it (UTF-8 cannot hold a lone surrogate: it becomes U+FFFD). */
function asUnit(text: string, unit: OffsetUnit): string {
  return unit === 'utf8' ? Buffer.from(text, 'utf8').toString('utf8') : text;
}

type Span = [start: number, end: number, text: string | undefined];

/** The spans a format's body says the text has, in its own unit. */
const READ: [RecordFormat, OffsetUnit, (body: string) => Span[]][] = [
  ...(['utf16', 'codepoint', 'utf8'] as const).map((unit): [RecordFormat, OffsetUnit, (body: string) => Span[]] => [
    'jsonl',
    unit,
    (body) => (JSON.parse(body) as { entities: { start: number; end: number; text: string }[] }).entities.map((e) => [e.start, e.end, e.text]),
  ]),
  ...(['utf16', 'codepoint', 'utf8'] as const).map((unit): [RecordFormat, OffsetUnit, (body: string) => Span[]] => [
    'tsv',
    unit,
    (body) =>
      body
        .split('\n')
        .filter(Boolean)
        .map((row) => row.split('\t'))
        .map(([, start, end, , text]) => [Number(start), Number(end), text!.replace(/\\(.)/g, (_m, c: string) => ({ t: '\t', n: '\n', r: '\r', '\\': '\\' })[c]!)]),
  ]),
  ['doccano', 'codepoint', (body) => (JSON.parse(body) as { label: [number, number, string][] }).label.map(([s, e]) => [s, e, undefined])],
  ['spacy', 'codepoint', (body) => (JSON.parse(body) as { ents: { start: number; end: number }[] }).ents.map((e) => [e.start, e.end, undefined])],
  [
    'label-studio',
    'codepoint',
    (body) =>
      (JSON.parse(body) as { predictions: { result: { value: { start: number; end: number; text: string } }[] }[] }).predictions.flatMap((p) =>
        p.result.map((r): Span => [r.value.start, r.value.end, r.value.text]),
      ),
  ],
  [
    'brat',
    'codepoint',
    (body) =>
      body
        .split('\n')
        .filter((line) => /^T\d+\t(PS|LC|OG|DT|TI|QT) /.test(line))
        .map((line) => {
          const ranges = line.split('\t')[1]!.split(' ').slice(1).join(' ').split(';');
          return [Number(ranges[0]!.split(' ')[0]), Number(ranges.at(-1)!.split(' ')[1]), undefined];
        }),
  ],
];

const pieces = fc.constantFrom('😀', '𠀀', '👩‍👩‍👧', '🇰🇷', 'é', '유정복', ' 인천시장은 ', '오는 27일', '威海', '웨이하이(威海)', '5천㎡', 'ETRI', ' ', '\n', '\t', '\uD800', '.');
const texts = fc.array(pieces, { minLength: 1, maxLength: 20 }).map((parts) => parts.join(''));

describe('offsets in every format, in the convention of its readers', () => {
  it.each(READ)('%s with %s offsets selects exactly the entity texts', (format, unit, read) => {
    fc.assert(
      fc.property(texts, (text) => {
        const result = extractor.extract(text);
        const body = recordBody(format, { id: 'p', line: 1, text, entities: result.entities, links: result.links }, format === 'jsonl' || format === 'tsv' ? { offsets: unit } : {});
        const spans = read(format === 'tsv' ? body : body.trimEnd());
        expect(spans.map(([start, end]) => sliceIn(asUnit(text, unit), start, end, unit))).toEqual(result.entities.map((e) => asUnit(e.text, unit)));
        // Where the format also writes the span's text, it is the entity's.
        spans.forEach(([, , written], k) => {
          if (written !== undefined) expect(written).toBe(result.entities[k]!.text);
        });
      }),
      { numRuns: 150 },
    );
  });
});
