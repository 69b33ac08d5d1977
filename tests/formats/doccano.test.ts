import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { doccanoReader } from '../../src/formats/doccano/reader.js';
import { LabelReader } from '../../src/formats/labels.js';
import { isReadError, type GoldDocument } from '../../src/formats/reader.js';
import { recordBody, recordParts, type RecordContent } from '../../src/formats/records.js';
import { createExtractor, type Extractor } from '../../src/index.js';
import { repoRoot } from '../helpers.js';
import { codePoint, collect, context, entityAt, linesOf, SAMPLE, SAMPLE_ENTITIES, spanOf, textsWithEntities } from './codepointHelpers.js';

const write = (record: RecordContent, labels?: 'klue' | 'long'): Record<string, unknown> =>
  JSON.parse(recordBody('doccano', record, labels ? { labels } : {}));

const read = async (jsonl: string, labels?: LabelReader) => collect(doccanoReader.read(linesOf(jsonl), context('in.jsonl', labels)));

describe('the doccano writer', () => {
  const at = (text: string) => [codePoint(SAMPLE, SAMPLE.indexOf(text)), codePoint(SAMPLE, SAMPLE.indexOf(text)) + [...text].length];
  it.each([
    [
      'code-point offsets after astral characters, a <script> text kept as it is',
      { id: 'a', line: 1, text: SAMPLE, entities: SAMPLE_ENTITIES },
      undefined,
      { id: 'a', text: SAMPLE, label: [[...at('유정복'), 'PS'], [...at('인천'), 'LC'], [...at('2016년 5월 27일'), 'DT'], [...at('기재부'), 'OG']] },
    ],
    ['korner names with --labels long', { id: 2, line: 1, text: '😀유정복', entities: [entityAt('😀유정복', '유정복', 'PERSON')] }, 'long', { id: 2, text: '😀유정복', label: [[1, 4, 'PERSON']] }],
    [
      'the input record’s fields after the label, its own id kept, fields named text or label not passed',
      { id: 'in.jsonl:1', line: 1, text: '서울', extra: { id: 7, meta: { source: 'x' }, label: 'old', text: 'old' }, entities: [entityAt('서울', '서울', 'LOCATION')] },
      undefined,
      { id: 7, text: '서울', label: [[0, 2, 'LC']], meta: { source: 'x' } },
    ],
    ['a document without entities', { id: 'e', line: 4, text: '', entities: [] }, undefined, { id: 'e', text: '', label: [] }],
    ['an error record, as jsonl writes it', { id: 'in:3', line: 3, error: { code: 'KORNER_INPUT_JSON', message: 'bad' } }, undefined, { id: 'in:3', line: 3, error: { code: 'KORNER_INPUT_JSON', message: 'bad' } }],
  ] as [string, RecordContent, 'long' | undefined, Record<string, unknown>][])('writes %s', (_title, record, labels, expected) => {
    const body = recordBody('doccano', record, labels ? { labels } : {});
    expect(body).not.toContain('\n');
    expect(JSON.parse(body)).toEqual(expected);
    expect(Object.keys(JSON.parse(body))).toEqual(Object.keys(expected));
  });

  it('writes a long document in parts that join into one line', () => {
    const text = '서울 '.repeat(10000);
    const entities = Array.from({ length: 10000 }, (_, i) => ({ ...entityAt(text, '서울', 'LOCATION', {}, i * 3) }));
    const parts = [...recordParts('doccano', { id: 'long', line: 1, text, entities, extra: { meta: 1 } })];
    expect(parts.length).toBeGreaterThan(2);
    const record = JSON.parse(parts.join('')) as { label: unknown[]; meta: number };
    expect(record.label).toHaveLength(10000);
    expect(record.meta).toBe(1);
    expect(write({ id: 'x', line: 1, text: '서울', entities: [entityAt('서울', '서울', 'LOCATION')] })).toEqual({ id: 'x', text: '서울', label: [[0, 2, 'LC']] });
  });
});

describe('the doccano reader', () => {
  const good = [
    ['label triples', '{"id": 5, "text": "😀유정복", "label": [[1, 4, "PS"]], "meta": {"a": 1}}', { id: '5', extra: { id: 5, meta: { a: 1 } } }],
    ['a labels field', '{"text": "😀유정복", "labels": [[1, 4, "PER"]]}', { id: 'in.jsonl:1' }],
    ['the entities shape', '{"id": "d", "text": "😀유정복", "entities": [{"id": 3, "start_offset": 1, "end_offset": 4, "label": "PS"}], "relations": []}', { id: 'd', extra: { id: 'd' } }],
  ] as const;
  it.each(good)('reads %s in code points', async (_title, line, fields) => {
    const [document] = (await read(line)) as GoldDocument[];
    expect(document).toMatchObject({ ...fields, line: 1, text: '😀유정복', entities: [{ start: 2, end: 5, type: 'PERSON', text: '유정복' }] });
    if (!('extra' in fields)) expect(document!.extra).toBeUndefined();
  });

  it('leaves out a label the label map drops, and sorts the entities', async () => {
    const labels = new LabelReader(new Map([['MISC', null]]));
    const [document] = (await read('{"text": "서울 부산", "label": [[3, 5, "LC"], [0, 2, "MISC"], [0, 2, "LC"]]}', labels)) as GoldDocument[];
    expect(document!.entities.map(spanOf)).toEqual([
      { start: 0, end: 2, type: 'LOCATION', text: '서울' },
      { start: 3, end: 5, type: 'LOCATION', text: '부산' },
    ]);
  });

  it.each([
    ['a span outside the text', '{"text": "😀ab", "label": [[1, 4, "PS"]]}', 'outside the text (3 code points)'],
    ['a label list that is not of triples', '{"text": "ab", "label": ["positive"]}', '"label" is not a list of [start, end, "LABEL"]'],
    ['a triple with a string offset', '{"text": "ab", "label": [["0", 1, "PS"]]}', 'is not a list of'],
    ['an entity without offsets', '{"text": "ab", "entities": [{"start": 0, "end": 1, "label": "PS"}]}', 'entity 0 is not'],
    ['an unknown label', '{"text": "ab", "label": [[0, 1, "EVENT"]]}', 'unknown label "EVENT" (map it with --label-map FILE)'],
    ['malformed JSON', '{"text": "ab", ', 'not valid JSON'],
    ['a record without text', '{"label": []}', '"text" is not a string'],
  ])('names the file and line of %s, and reads on', async (_title, bad, message) => {
    const items = await read(`{"text": "a", "label": []}\n\n${bad}\n{"id": "next", "text": "ab", "label": [[0, 2, "OG"]]}\n`);
    expect(items).toHaveLength(3);
    const error = items[1]!;
    expect(isReadError(error)).toBe(true);
    expect(error).toMatchObject({ id: 'in.jsonl:3', line: 3, error: { code: 'KORNER_INPUT_JSON' } });
    expect(isReadError(error) && error.error.message).toContain(`in.jsonl:3: `);
    expect(isReadError(error) && error.error.message).toContain(message);
    expect(items[2]).toMatchObject({ id: 'next', line: 4, entities: [{ type: 'ORGANIZATION' }] });
  });

  it.each([
    ['label triples', '{"text": "a", "label": [[0, 1, "PS"]]}', true],
    ['an empty label list', '\n{"text": "a", "label": []}', true],
    ['the entities shape', '{"text": "a", "entities": [{"start_offset": 0, "end_offset": 1, "label": "PS"}]}', true],
    ['korner gold JSONL', '{"text": "a", "entities": [{"start": 0, "end": 1, "type": "PS"}]}', false],
    ['korner JSONL without entities', '{"text": "a", "entities": []}', false],
    ['text classification', '{"text": "a", "label": ["positive"]}', false],
    ['a Label Studio export', '[{"data": {"text": "a"}, "annotations": []}]', false],
    ['plain text', '유정복 인천시장', false],
  ])('detects %s: %s', (_title, head, expected) => {
    expect(doccanoReader.detect(head)).toBe(expected);
  });
});

describe('doccano round trip', () => {
  let extractor: Extractor;
  beforeAll(async () => {
    extractor = await createExtractor();
  });

  const roundTrip = async (text: string, entities: RecordContent['entities']) => {
    const [document] = await read(`${recordBody('doccano', { id: 'r', line: 1, text, entities })}\n`);
    expect(isReadError(document!)).toBe(false);
    expect((document as GoldDocument).text).toBe(text);
    expect((document as GoldDocument).entities.map(spanOf)).toEqual((entities ?? []).map(spanOf));
  };

  it('gives back the text and entities of examples/news.txt', async () => {
    const text = readFileSync(join(repoRoot, 'examples', 'news.txt'), 'utf8');
    const { entities } = extractor.extract(text);
    expect(entities.length).toBeGreaterThan(30);
    await roundTrip(text, entities);
  });

  it('gives back random texts with astral characters and their entities', async () => {
    await fc.assert(fc.asyncProperty(textsWithEntities, ({ text, entities }) => roundTrip(text, entities)), { numRuns: 300, seed: 20160527 });
  });
});
