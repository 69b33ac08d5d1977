import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { conllReader } from '../../src/formats/conll/reader.js';
import { isTokenSpace, sentencesOf } from '../../src/formats/conll/tokens.js';
import { isReadError, type GoldDocument, type ReadItem } from '../../src/formats/reader.js';
import { detectLineFormat } from '../../src/formats/readers.js';
import { recordParts, type RecordContent } from '../../src/formats/records.js';
import type { Entity, Token } from '../../src/document/types.js';
import { createExtractor, type Extractor } from '../../src/index.js';
import type { MorphemeSource } from '../../src/parallel/morphemes.js';
import { repoRoot } from '../helpers.js';
import { entity, summary, morphemesOf, readAll, spanKey, texts, written } from './taggedHelpers.js';

const HEAD = '-DOCSTART- -X- O O\n\n';
const morpheme = (text: string, start: number, end: number, pos: string): Token => ({ start, end, pos, text: text.slice(start, end), eojeol: 0 });

describe('conll writer', () => {
  const t1 = '김민수 기자';
  const t2 = '유정복은 말했다';
  const t3 = '서울 부산';
  const t4 = '😀 𠀀 씨';
  const t5 = '#태그 -DOCSTART- # x';
  const t6 = '서울부산';
  const t7 = '첫째. 둘째.\n\n셋째 ';
  it.each([
    ['an entity at a word start', { id: 'a', line: 1, text: t1, entities: [entity(t1, 0, 3, 'PERSON')] }, {}, `${HEAD}# id = a\n# text = ${t1}\n김민수\tB-PS\n기자\tO\n\n`, 0],
    ['long labels', { id: 'a', line: 1, text: t1, entities: [entity(t1, 0, 3, 'PERSON')] }, { labels: 'long' }, `${HEAD}# id = a\n# text = ${t1}\n김민수\tB-PERSON\n기자\tO\n\n`, 0],
    ['an entity inside an eojeol', { id: 'b', line: 1, text: t2, entities: [entity(t2, 0, 3, 'PERSON')] }, {}, `${HEAD}# id = b\n# text = ${t2}\n유정복은\tB-PS\n말했다\tO\n\n`, 1],
    ['adjacent entities of one type', { id: 'c', line: 1, text: t3, entities: [entity(t3, 0, 2, 'LOCATION'), entity(t3, 3, 5, 'LOCATION')] }, {}, `${HEAD}# id = c\n# text = ${t3}\n서울\tB-LC\n부산\tB-LC\n\n`, 0],
    ['two entities in one eojeol', { id: 'c', line: 1, text: t6, entities: [entity(t6, 0, 2, 'LOCATION'), entity(t6, 2, 4, 'LOCATION')] }, {}, `${HEAD}# id = c\n# text = ${t6}\n서울부산\tB-LC\n\n`, 2],
    ['astral characters', { id: 'd', line: 1, text: t4, entities: [entity(t4, 3, 5, 'PERSON')] }, {}, `${HEAD}# id = d\n# text = ${t4}\n😀\tO\n𠀀\tB-PS\n씨\tO\n\n`, 0],
    ['tokens that look like comments or DOCSTART', { id: 'e', line: 1, text: t5, entities: [] }, {}, `${HEAD}# id = e\n# text = ${t5}\n#태그\tO\n-DOCSTART-\tO\n#\tO\nx\tO\n\n`, 0],
    ['sentences and the white space between them', { id: 'f', line: 1, text: t7, entities: [] }, {}, `${HEAD}# id = f\n# text = 첫째.\n첫째.\tO\n\n# space_before = " "\n# text = 둘째.\n둘째.\tO\n\n# space_before = "\\n\\n"\n# space_after = " "\n# text = 셋째\n셋째\tO\n\n`, 0],
    ['an error record', { id: 'g', line: 4, error: { code: 'KORNER_INPUT_JSON', message: 'in:4: not valid JSON' } }, {}, `${HEAD}# id = g\n# error = in:4: not valid JSON\n\n`, 0],
    ['an empty text', { id: 'h', line: 1, text: '', entities: [] }, {}, `${HEAD}# id = h\n\n`, 0],
    ['a text of white space', { id: 'i', line: 1, text: ' \n', entities: [] }, {}, `${HEAD}# id = i\n# space_after = " \\n"\n\n`, 0],
    [
      'morphemes',
      { id: 'j', line: 1, text: t2, entities: [entity(t2, 0, 3, 'PERSON')], morphemes: [morpheme(t2, 0, 3, 'NNP'), morpheme(t2, 3, 4, 'JX'), morpheme(t2, 5, 8, 'VV+EP+EF')] },
      { tokens: 'morpheme' },
      `${HEAD}# id = j\n# text = ${t2}\n유정복\tNNP\tB-PS\n은\tJX\tO\n말했다\tVV+EP+EF\tO\n\n`,
      0,
    ],
  ] as [string, RecordContent, object, string, number][])('writes %s', (_title, record, options, expected, warnings) => {
    const result = written('conll', record, options);
    expect(result.body).toBe(expected);
    expect(result.warnings).toHaveLength(warnings === 0 ? 0 : 1);
    if (warnings > 0) expect(result.warnings[0]).toMatch(new RegExp(`^${warnings} entit.*--tokens morpheme keeps more of them`));
  });

  it('says where an id with a line break was changed', () => {
    const result = written('conll', { id: 'a\nb', line: 1, text: 'x', entities: [] });
    expect(result.body).toContain('# id = a b\n');
    expect(result.warnings).toEqual(['the id holds a tab or a line break, written as a space: "a\\nb".']);
  });

  it('writes a long document in parts, in linear time', () => {
    const text = '유정복 인천시장은 오늘 말했다. '.repeat(60000);
    const entities = Array.from({ length: 60000 }, (_, i) => entity(text, i * 18, i * 18 + 3, 'PERSON'));
    const started = performance.now();
    const parts = [...recordParts('conll', { id: 'big', line: 1, text, entities })];
    expect(performance.now() - started).toBeLessThan(5000);
    expect(parts.length).toBeGreaterThan(100);
    expect(parts.join('').match(/\tB-PS\n/g)).toHaveLength(60000);
  });
});

const document = (item: ReadItem): GoldDocument => {
  if (isReadError(item)) throw new Error(item.error.message);
  return item;
};
describe('conll reader', () => {
  it.each([
    [
      'CoNLL-2003 with four space-separated columns',
      '-DOCSTART- -X- -X- O\n\nU.N. NNP I-NP B-ORG\nofficial NN I-NP O\nEkeus NNP I-NP B-PER\nheads VBZ B-VP O\nfor IN B-PP O\nBaghdad NNP I-NP B-LOC\n. . O O\n\nHe PRP B-NP O\n',
      [{ id: 'in:1', text: 'U.N. official Ekeus heads for Baghdad .\nHe', entities: ['ORGANIZATION:0-4 U.N.', 'PERSON:14-19 Ekeus', 'LOCATION:30-37 Baghdad'] }],
    ],
    [
      'sentences without DOCSTART, each a document',
      '김민수\tB-PS\n기자\tO\n\n서울\tB-LC\n',
      [
        { id: 'in:1', text: '김민수 기자', entities: ['PERSON:0-3 김민수'] },
        { id: 'in:4', text: '서울', entities: ['LOCATION:0-2 서울'] },
      ],
    ],
    [
      'ids and texts from comments',
      `${HEAD}# id = doc1\n# text = 유정복은  말했다\n유정복\tNNP\tB-PS\n은\tJX\tO\n말했다\tVV\tO\n\n# space_before = " "\n# text = 끝.\n끝.\tO\n\n${HEAD}# id = doc2\n\n`,
      [
        { id: 'doc1', text: '유정복은  말했다 끝.', entities: ['PERSON:0-3 유정복'] },
        { id: 'doc2', text: '', entities: [] },
      ],
    ],
    [
      'tokens that look like comments or DOCSTART',
      `${HEAD}# id = e\n# text = #태그 -DOCSTART- # x\n#태그\tO\n-DOCSTART-\tB-PS\n#\tO\nx\tO\n`,
      [{ id: 'e', text: '#태그 -DOCSTART- # x', entities: ['PERSON:4-14 -DOCSTART-'] }],
    ],
    [
      'BIOES tags and a two-word entity',
      '인천\tS-LOC\n광역시\tO\n\n오는\tB-DAT\n27\tI-DAT\n일\tE-DAT\n',
      [
        { id: 'in:1', text: '인천 광역시', entities: ['LOCATION:0-2 인천'] },
        { id: 'in:4', text: '오는 27 일', entities: ['DATE:0-7 오는 27 일'] },
      ],
    ],
    [
      'a label the map ignores',
      'EU\tB-MISC\nrejects\tO\nKim\tB-PER\n',
      [{ id: 'in:1', text: 'EU rejects Kim', entities: ['PERSON:11-14 Kim'] }],
    ],
  ])('reads %s', async (_title, content, expected) => {
    const items = await readAll(conllReader, content, new Map([['MISC', null]]));
    expect(items.map(summary)).toEqual(expected);
  });

  it.each([
    ['I- after O', '서울\tO\n부산\tI-LC\n', 'in:2: tag I-LC continues no entity (it follows O); an entity starts with B-LC'],
    ['I- after another type', '서울\tB-PS\n부산\tI-LC\n', 'in:2: tag I-LC continues no entity (it follows B-PS)'],
    ['I- first in a sentence', `${HEAD}서울\tB-LC\n\n부산\tI-LC\n`, 'in:5: tag I-LC continues no entity (it comes first in its sentence)'],
    ['an unknown label', '서울\tB-CITY\n', 'in:1: unknown label "CITY" in tag "B-CITY"; map it to a type with --label-map FILE'],
    ['a tag without a prefix', '서울\tLC\n', 'in:1: tag "LC" is not O, nor B-, I-, E- or S- and a label'],
    ['a line of one column', '서울\n', 'in:1: expected a token and a tag separated by a tab or spaces, found "서울"'],
    ['a token not in the text', '# text = 서울 부산\n서울\tO\n대구\tO\n', 'in:3: token "대구" is not the next word of the # text on line 1 (which has "부산" there)'],
    ['a text longer than its tokens', '# text = 서울 부산\n서울\tO\n', 'in:1: the # text goes on after the sentence\'s last token: "부산"'],
    ['white space that is not JSON', '# space_before = \\n\n서울\tO\n', 'in:1: # space_before is not a JSON string: \\n'],
    ['an error record', `${HEAD}# id = x\n# error = in:4: not valid JSON\n`, 'in:4: the record is an error: in:4: not valid JSON'],
  ])('makes %s an error record, and reads on', async (_title, content, message) => {
    const items = await readAll(conllReader, `${content}\n${HEAD}다음\tO\n`);
    expect(items).toHaveLength(2);
    expect(isReadError(items[0]!) && items[0].error.message).toContain(message);
    expect(items[1]).toMatchObject({ text: '다음', entities: [] });
  });

  it('makes a line it could not read an error record', async () => {
    const error = { code: 'KORNER_INPUT_TOO_LARGE' as const, message: 'in:2: record is larger than 10 bytes' };
    const items = await readAll(conllReader, '서울\tO\n부산\tO\n\n대구\tO\n', undefined, { 2: error });
    expect(items.map(summary)).toEqual([{ id: 'in:1', error: error.message }, { id: 'in:4', text: '대구', entities: [] }]);
  });

  it.each([
    ['korner conll', `${HEAD}# id = a\n# text = 서울\n서울\tB-LC\n`, 'conll'],
    ['CoNLL-2003', 'EU NNP B-NP B-ORG\nrejects VBZ B-VP O\n', 'conll'],
    ['plain text', '서울 부산 대구\n', undefined],
    ['korner tokenize conll', '# id = x\n1\t부산\tNNP\t0\t2\t_\t_\n', undefined],
  ])('detects %s', (_title, head, format) => {
    expect(detectLineFormat(head)).toBe(format);
  });
});

/** Whether an entity's offsets fall on token edges, by the rule of eojeol tokens: white space on both sides. */
function onTokenEdges(text: string, e: Entity): boolean {
  const space = (i: number): boolean => i < 0 || i >= text.length || isTokenSpace(text.charCodeAt(i));
  return !space(e.start) && space(e.start - 1) && !space(e.end - 1) && space(e.end);
}

describe('conll round trip', () => {
  let extractor: Extractor;
  let morphemes: MorphemeSource;
  beforeAll(async () => {
    extractor = await createExtractor({ referenceDate: '2016-05-17' });
    morphemes = await morphemesOf(extractor);
  });

  /** Writes a text's entities and reads them back: the same text, and the entities the warning does not name. */
  async function roundTrip(text: string, tokens: 'eojeol' | 'morpheme'): Promise<void> {
    const entities = extractor.extract(text).entities;
    const record: RecordContent = { id: 'r', line: 1, text, entities, ...(tokens === 'morpheme' ? { morphemes: morphemes(text) } : {}) };
    const { body, warnings } = written('conll', record, { tokens });
    const items = await readAll(conllReader, body);
    expect(items).toHaveLength(1);
    const read = document(items[0]!);
    expect(read.text).toBe(text);
    const kept = new Set(read.entities.map(spanKey));
    const changed = entities.filter((e) => !kept.has(spanKey(e)));
    expect(warnings.length).toBe(changed.length > 0 ? 1 : 0);
    if (changed.length > 0) {
      expect(warnings[0]!.startsWith(`${changed.length} entit`)).toBe(true);
      expect(warnings[0]).toContain(`(the first: ${changed[0]!.text} in `);
    }
    const sentences = sentencesOf(text);
    for (const e of changed) {
      // Changed: a boundary off the token edges, or an entity a sentence end cuts.
      const inOneSentence = sentences.some((s) => s.start <= e.start && e.end <= s.end);
      if (tokens === 'eojeol') expect(onTokenEdges(text, e) && inOneSentence, `${e.text} at ${e.start}`).toBe(false);
    }
    if (tokens === 'eojeol') for (const e of entities) if (!onTokenEdges(text, e)) expect(kept.has(spanKey(e))).toBe(false);
  }

  it.each(['eojeol', 'morpheme'] as const)('gives back examples/news.txt with %s tokens', async (tokens) => {
    await roundTrip(readFileSync(join(repoRoot, 'examples', 'news.txt'), 'utf8'), tokens);
  });

  it.each(['eojeol', 'morpheme'] as const)('gives back any text with %s tokens', async (tokens) => {
    await fc.assert(fc.asyncProperty(texts, (text) => roundTrip(text, tokens)), { numRuns: 300, seed: 20160517 });
  });

  it('reads its own output as conll', () => {
    const text = readFileSync(join(repoRoot, 'examples', 'news.txt'), 'utf8');
    const body = written('conll', { id: 'r', line: 1, text, entities: extractor.extract(text).entities }).body;
    expect(detectLineFormat(body.slice(0, 65536))).toBe('conll');
  });
});
