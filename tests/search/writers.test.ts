import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/document/types.js';
import { FRAMING, recordBody, type RecordFormat } from '../../src/formats/records.js';
import type { RecordContent } from '../../src/formats/writer.js';
import { indexNameProblem } from '../../src/search/writers.js';

const text = '해수부는 2023년 11월 3~5명과 만났다.';
const entities: Entity[] = [
  { type: 'ORGANIZATION', start: 0, end: 3, text: '해수부', canonical: '해양수산부', source: 'test' },
  { type: 'DATE', start: 5, end: 14, text: '2023년 11월', value: '2023-11', source: 'test' },
  { type: 'QUANTITY', start: 15, end: 19, text: '3~5명', value: { number: 3, unit: '명', range: { from: 3, to: 5 } }, source: 'test' },
];
const good: RecordContent = { id: 'news:1', line: 1, text, entities, links: [], extra: { meta: { page: 3 }, tags: ['a', 'b'] } };
const bad: RecordContent = { id: 'news:2', line: 2, error: { code: 'KORNER_INPUT_JSON', message: 'news:2: not JSON' } };
const second: RecordContent = { id: 'news:3', line: 3, text: '2024년 3월 14일', entities: [{ type: 'DATE', start: 0, end: 13, text: '2024년 3월 14일', value: '2024-03-14', source: 'test' }], links: [] };

/** The whole output of records in a format, framed as korner extract frames it. */
function output(format: RecordFormat, records: RecordContent[], options = {}): string {
  const framing = FRAMING[format];
  return framing.open + records.map((record, k) => framing.before(k) + recordBody(format, record, options) + framing.after).join('') + framing.close(records.length);
}

const lines = (ndjson: string): unknown[] => {
  expect(ndjson.endsWith('\n')).toBe(true);
  return ndjson.slice(0, -1).split('\n').map((line) => JSON.parse(line) as unknown);
};

describe.each(['elasticsearch', 'opensearch'] as const)('the %s bulk body', (format) => {
  it('is an index action then the document for each record, ending in a newline; error records left out', () => {
    const body = lines(output(format, [good, bad, second]));
    expect(body).toHaveLength(4);
    expect(body[0]).toEqual({ index: { _id: 'news:1' } });
    expect(body[1]).toMatchObject({ id: 'news:1', organization: ['해양수산부'], date: [], date_range: [{ gte: '2023-11-01', lte: '2023-11-30' }] });
    expect(body[2]).toEqual({ index: { _id: 'news:3' } });
    expect(body[3]).toMatchObject({ id: 'news:3', date: ['2024-03-14'] });
  });

  it('names the index in each action on --index, and makes numeric ids strings', () => {
    const body = lines(output(format, [{ ...good, id: 7 }], { index: 'news-2024' }));
    expect(body[0]).toEqual({ index: { _index: 'news-2024', _id: '7' } });
    expect(body[1]).toMatchObject({ id: 7 });
  });

  it('writes nothing at all for error records alone', () => {
    expect(output(format, [bad, bad])).toBe('');
  });

  it('says when an id is longer than the engine takes', () => {
    const warnings: string[] = [];
    recordBody(format, { ...second, id: '가'.repeat(171) }, {}, (m) => warnings.push(m));
    expect(warnings).toEqual([expect.stringMatching(/id is longer than 512 bytes/)]);
  });
});

describe('the solr documents', () => {
  it('are one JSON document a line, error records left out, with no object field left', () => {
    const docs = lines(output('solr', [good, bad, second])) as Record<string, unknown>[];
    expect(docs).toHaveLength(2);
    const [first, other] = docs as [Record<string, unknown>, Record<string, unknown>];
    expect(first).toMatchObject({
      id: 'news:1',
      meta: '{"page":3}',
      tags: ['a', 'b'],
      text,
      organization: ['해양수산부'],
      date: [],
      date_range: ['[2023-11-01 TO 2023-11-30]'],
      quantity_value: [3, 5],
      quantity_unit: ['명', '명'],
    });
    expect(first).not.toHaveProperty('quantity');
    expect(first).not.toHaveProperty('entities');
    expect(JSON.parse(first.entities_json as string)).toHaveLength(3);
    expect(other).toMatchObject({ date: ['2024-03-14T00:00:00Z'], date_range: ['2024-03-14'] });
    for (const doc of docs) {
      for (const [field, value] of Object.entries(doc)) {
        const values = Array.isArray(value) ? value : [value];
        expect(values.every((v) => v === null || typeof v !== 'object'), field).toBe(true);
      }
    }
  });
});

describe('the search-jsonl documents', () => {
  it('are the flattened documents one a line, with error records in place', () => {
    const docs = lines(output('search-jsonl', [good, bad, second])) as Record<string, unknown>[];
    expect(docs.map((d) => d.id)).toEqual(['news:1', 'news:2', 'news:3']);
    expect(docs[1]).toEqual({ id: 'news:2', line: 2, error: { code: 'KORNER_INPUT_JSON', message: 'news:2: not JSON' } });
    expect(docs[0]).toMatchObject({ meta: { page: 3 }, quantity: [{ value: 3, unit: '명' }, { value: 5, unit: '명' }] });
    expect(Object.keys(docs[2]!)).toEqual(['id', 'text', 'person', 'place', 'organization', 'date', 'date_range', 'time', 'quantity', 'link', 'gloss', 'hangul', 'entities']);
  });
});

describe('index names', () => {
  it.each([
    ['news', undefined],
    ['news-2024.03', undefined],
    ['News', /lower case/],
    ['a b', /may not contain " "/],
    ['a/b', /may not contain "\/"/],
    ['_news', /may not start/],
    ['..', /may not be/],
    ['', /empty/],
    ['n'.repeat(256), /255 bytes/],
  ])('%s: %s', (name, problem) => {
    if (problem === undefined) expect(indexNameProblem(name)).toBeUndefined();
    else expect(indexNameProblem(name)).toMatch(problem);
  });
});
