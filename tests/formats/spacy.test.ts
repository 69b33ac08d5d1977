import { describe, expect, it } from 'vitest';
import type { Entity, Token } from '../../src/document/types.js';
import { recordBody } from '../../src/formats/records.js';
import type { RecordContent, WriterOptions } from '../../src/formats/writer.js';

interface SpacyDoc {
  text: string;
  ents: { start: number; end: number; label: string }[];
  sents: { start: number; end: number }[];
  tokens: { id: number; start: number; end: number; tag?: string }[];
  _: Record<string, unknown>;
}

function write(record: RecordContent, options: WriterOptions = {}): SpacyDoc {
  return JSON.parse(recordBody('spacy', record, options)) as SpacyDoc;
}

const entity = (text: string, surface: string, type: Entity['type'], from = 0): Entity => {
  const start = text.indexOf(surface, from);
  return { start, end: start + surface.length, text: surface, type, source: 'test' };
};

/** What Doc.from_json makes of the tokens: each token's text, then one space where the next starts later. */
function rebuild(doc: SpacyDoc): string {
  const chars = Array.from(doc.text);
  return doc.tokens
    .map((token, i) => {
      const next = i + 1 < doc.tokens.length ? doc.tokens[i + 1]!.start : chars.length;
      return chars.slice(token.start, token.end).join('') + (next > token.end ? ' ' : '');
    })
    .join('');
}

const cases: [string, string, (text: string) => Entity[]][] = [
  ['an entity with a josa after it', '유정복 시장은 인천에서 말했다.', (t) => [entity(t, '유정복', 'PERSON'), entity(t, '인천', 'LOCATION')]],
  ['emoji before the entities', '😀😀 유정복 인천시장', (t) => [entity(t, '유정복', 'PERSON'), entity(t, '인천', 'LOCATION')]],
  ['line breaks and runs of spaces', '첫 줄\n\n둘째   줄 유정복\t끝', (t) => [entity(t, '유정복', 'PERSON')]],
  ['white space at both ends', '  유정복 ', (t) => [entity(t, '유정복', 'PERSON')]],
  ['an entity with a space inside', '오는 27일 오후 3시', (t) => [entity(t, '오는 27일', 'DATE'), entity(t, '오후 3시', 'TIME')]],
  ['no entities', '그냥 문장.', () => []],
  ['empty text', '', () => []],
];

describe('the spacy writer', () => {
  it.each(cases)('%s: tokens rebuild the text, entities sit on token edges, offsets in code points', (_title, text, entities) => {
    const found = entities(text);
    const doc = write({ id: 'd', line: 1, text, entities: found, links: [] });
    expect(doc.text).toBe(text);
    expect(rebuild(doc)).toBe(text);
    const chars = Array.from(text);
    expect(doc.ents.map((e) => [chars.slice(e.start, e.end).join(''), e.label])).toEqual(found.map((e) => [e.text, e.type]));
    const edges = new Set(doc.tokens.flatMap((t) => [t.start, t.end]));
    for (const span of [...doc.ents, ...doc.sents]) {
      expect(edges.has(span.start) && edges.has(span.end)).toBe(true);
    }
    doc.tokens.forEach((token, i) => expect(token.id).toBe(i));
    expect(doc._.id).toBe('d');
  });

  it('labels with KLUE tags on --labels klue', () => {
    const text = '유정복 시장';
    expect(write({ id: 1, line: 1, text, entities: [entity(text, '유정복', 'PERSON')], links: [] }, { labels: 'klue' }).ents[0]!.label).toBe('PS');
  });

  it('cuts tokens at the morphemes and tags them with --tokens morpheme', () => {
    const text = '유정복은 갔다';
    const morphemes: Token[] = [
      { start: 0, end: 3, text: '유정복', pos: 'NNP', eojeol: 0 },
      { start: 3, end: 4, text: '은', pos: 'JX', eojeol: 0 },
      { start: 5, end: 6, text: '갔', pos: 'VV+EP', eojeol: 1 },
      { start: 6, end: 7, text: '다', pos: 'EF', eojeol: 1 },
    ];
    const doc = write({ id: 1, line: 1, text, entities: [], links: [], morphemes }, { tokens: 'morpheme' });
    expect(doc.tokens.map((t) => [text.slice(t.start, t.end), t.tag])).toEqual([
      ['유정복', 'NNP'],
      ['은', 'JX'],
      ['갔', 'VV+EP'],
      ['다', 'EF'],
    ]);
  });

  it('writes an error record as an empty document whose "_" holds the error', () => {
    const doc = write({ id: 'x:3', line: 3, error: { code: 'KORNER_INPUT_JSON', message: 'bad' } });
    expect(doc).toMatchObject({ text: '', tokens: [], _: { id: 'x:3', line: 3, error: { message: 'bad' } } });
  });
});
