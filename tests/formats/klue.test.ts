import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { klueReader } from '../../src/formats/klue/reader.js';
import { isReadError } from '../../src/formats/reader.js';
import { detectLineFormat } from '../../src/formats/readers.js';
import { recordParts, type RecordContent } from '../../src/formats/records.js';
import { parseGold } from '../../src/eval/gold.js';
import { createExtractor, type Extractor } from '../../src/index.js';
import { repoRoot, sharedFile } from '../helpers.js';
import { entity, summary, readAll, spanKey, texts, written } from './taggedHelpers.js';

describe('klue writer', () => {
  const t1 = '유정복은 말했다';
  const t2 = '서울부산';
  const t3 = '😀𠀀 씨';
  const t4 = '#1 오는 27일';
  const t5 = '첫 줄\n둘\t째';
  it.each([
    ['an entity inside an eojeol', { id: 'a', line: 1, text: t1, entities: [entity(t1, 0, 3, 'PERSON')] }, {}, `## a\t<유정복:PS>은 말했다\n유\tB-PS\n정\tI-PS\n복\tI-PS\n은\tO\n \tO\n말\tO\n했\tO\n다\tO\n\n`, 0],
    ['long labels', { id: 'a', line: 1, text: t2, entities: [entity(t2, 0, 2, 'LOCATION')] }, { labels: 'long' }, `## a\t<서울:LOCATION>부산\n서\tB-LOCATION\n울\tI-LOCATION\n부\tO\n산\tO\n\n`, 0],
    ['adjacent entities of one type', { id: 'b', line: 1, text: t2, entities: [entity(t2, 0, 2, 'LOCATION'), entity(t2, 2, 4, 'LOCATION')] }, {}, `## b\t<서울:LC><부산:LC>\n서\tB-LC\n울\tI-LC\n부\tB-LC\n산\tI-LC\n\n`, 0],
    ['astral characters, one line each', { id: 'c', line: 1, text: t3, entities: [entity(t3, 2, 4, 'PERSON')] }, {}, `## c\t😀<𠀀:PS> 씨\n😀\tO\n𠀀\tB-PS\n \tO\n씨\tO\n\n`, 0],
    ['a space inside an entity, and a #', { id: 'd', line: 1, text: t4, entities: [entity(t4, 3, 9, 'DATE')] }, {}, `## d\t#1 <오는 27일:DT>\n#\tO\n1\tO\n \tO\n오\tB-DT\n는\tI-DT\n \tI-DT\n2\tI-DT\n7\tI-DT\n일\tI-DT\n\n`, 0],
    ['a line break and a tab', { id: 'e', line: 1, text: t5, entities: [] }, {}, `## e\t첫 줄\\n둘\\t째\n첫\tO\n \tO\n줄\tO\n\\n\tO\n둘\tO\n\\t\tO\n째\tO\n\n`, 1],
    ['an error record', { id: 'f', line: 3, error: { code: 'KORNER_INPUT_JSON', message: 'in:3: not valid JSON' } }, {}, '## f\t\n## error = in:3: not valid JSON\n\n', 0],
    ['an empty text', { id: 'g', line: 1, text: '', entities: [] }, {}, '## g\t\n\n', 0],
  ] as [string, RecordContent, object, string, number][])('writes %s', (_title, record, options, expected, warnings) => {
    const result = written('klue', record, options);
    expect(result.body).toBe(expected);
    expect(result.warnings).toHaveLength(warnings);
  });

  it('writes a long document in parts', () => {
    const text = '유정복 인천시장은 말했다. '.repeat(20000);
    const parts = [...recordParts('klue', { id: 'big', line: 1, text, entities: [entity(text, 0, 3, 'PERSON')] })];
    expect(parts.length).toBeGreaterThan(50);
    expect(parts.join('').split('\n')).toHaveLength(text.length + 3);
  });
});

/** KLUE-NER v1.1's layout: the file's notes, then sentences with their marked text in the header. */
const KLUE_SAMPLE =
  '## 본 파일은 예시입니다\n## klue-ner-v1_dev_00000-nsmc\t<한군데:QT>서 필름을\n한\tB-QT\n군\tI-QT\n데\tI-QT\n서\tO\n \tO\n필\tO\n름\tO\n을\tO\n\n' +
  '## klue-ner-v1_dev_00001-nsmc\t<이동욱:PS>님\n이\tB-PS\n동\tI-PS\n욱\tI-PS\n님\tO\n';

describe('klue reader', () => {
  it.each([
    [
      "KLUE's own layout",
      KLUE_SAMPLE,
      [
        { id: 'klue-ner-v1_dev_00000-nsmc', text: '한군데서 필름을', entities: ['QUANTITY:0-3 한군데'] },
        { id: 'klue-ner-v1_dev_00001-nsmc', text: '이동욱님', entities: ['PERSON:0-3 이동욱'] },
      ],
    ],
    ['escaped line breaks and an empty document', '## a\t\\n\n\\n\tO\n\\t\tO\n\\\tO\n\n## b\t\n', [{ id: 'a', text: '\n\t\\', entities: [] }, { id: 'b', text: '', entities: [] }]],
    ['a header after characters without a blank line', '## a\tx\nx\tS-PS\n## b\ty\ny\tO\n', [{ id: 'a', text: 'x', entities: ['PERSON:0-1 x'] }, { id: 'b', text: 'y', entities: [] }]],
    ['characters without a header', '가\tB-LC\n', [{ id: 'in:1', text: '가', entities: ['LOCATION:0-1 가'] }]],
  ])('reads %s', async (_title, content, expected) => {
    expect((await readAll(klueReader, content)).map(summary)).toEqual(expected);
  });

  it.each([
    ['I- after O', '## a\tx\n가\tO\n나\tI-PS\n', 'in:3: tag I-PS continues no entity (it follows O); an entity starts with B-PS'],
    ['I- after another type', '## a\tx\n가\tB-LC\n나\tI-PS\n', 'in:3: tag I-PS continues no entity (it follows B-LC); an entity starts with B-PS'],
    ['an unknown label', '## a\tx\n가\tB-PS_NAME\n', 'in:2: unknown label "PS_NAME" in tag "B-PS_NAME"; map it to a type with --label-map FILE (lines label<TAB>TYPE, or label<TAB>- to ignore it)'],
    ['a line without a tab', '## a\tx\n가 O\n', 'in:2: expected CHARACTER<TAB>TAG, found "가 O"'],
    ['an error record', '## a\t\n## error = in:3: not valid JSON\n', 'in:2: the record is an error: in:3: not valid JSON'],
  ])('makes %s an error record, and reads on', async (_title, content, message) => {
    const items = await readAll(klueReader, `${content}\n## next\t다\n다\tO\n`);
    expect(items.map(summary)).toEqual([{ id: 'a', error: message }, { id: 'next', text: '다', entities: [] }]);
  });

  it('maps labels through a label map', async () => {
    const items = await readAll(klueReader, '## a\tx\n가\tB-PS_NAME\n나\tI-PS_NAME\n다\tB-MISC\n', new Map([['PS_NAME', 'PERSON'], ['MISC', null]]));
    expect(items.map(summary)).toEqual([{ id: 'a', text: '가나다', entities: ['PERSON:0-2 가나'] }]);
  });

  it.each([
    ["KLUE's own layout", KLUE_SAMPLE, 'klue'],
    ['korner klue', '## a\t<서울:LC>\n서\tB-LC\n울\tI-LC\n', 'klue'],
    ['conll', '서울\tB-LC\n', 'conll'],
    ['markdown', '## A title\n\nSome text\n', undefined],
  ])('detects %s', (_title, head, format) => {
    expect(detectLineFormat(head)).toBe(format);
  });
});

describe('klue round trip', () => {
  let extractor: Extractor;
  beforeAll(async () => {
    extractor = await createExtractor({ referenceDate: '2016-05-17' });
  });

  /** Writes texts with their entities and reads them back: every text and every entity exactly. */
  async function roundTrip(records: { id: string; text: string; entities: RecordContent['entities'] }[]): Promise<void> {
    const body = records.map((record) => written('klue', { ...record, line: 1 }).body).join('');
    const items = await readAll(klueReader, body);
    expect(items.map(summary)).toEqual(records.map((r) => ({ id: r.id, text: r.text, entities: (r.entities ?? []).map((e) => `${spanKey(e)} ${e.text}`) })));
  }

  it('gives back examples/news.txt exactly', async () => {
    const text = readFileSync(join(repoRoot, 'examples', 'news.txt'), 'utf8');
    await roundTrip([{ id: 'news', text, entities: extractor.extract(text).entities }]);
  });

  it('gives back any text exactly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(texts, { minLength: 1, maxLength: 3 }), (list) =>
        roundTrip(list.map((text, i) => ({ id: `r${i}`, text, entities: extractor.extract(text).entities }))),
      ),
      { numRuns: 300, seed: 20160517 },
    );
  });

  const open = sharedFile('data/klue-ner-open.jsonl');
  it.skipIf(!open)("gives back ../shared's KLUE-NER sentences exactly, in KLUE's TSV", async () => {
    const records = parseGold(readFileSync(open!, 'utf8')).map((r) => ({ ...r, entities: r.entities.map((e) => ({ ...e, source: 'gold' })) }));
    await roundTrip(records);
  });

  const tsv = sharedFile('data/klue-ner-v1.1_dev.tsv');
  it.skipIf(!tsv)("reads ../shared's KLUE-NER TSV without an error", async () => {
    const items = await readAll(klueReader, readFileSync(tsv!, 'utf8'));
    expect(items.filter(isReadError)).toEqual([]);
    expect(items.length).toBeGreaterThan(1000);
  });
});
