import { describe, expect, it } from 'vitest';
import type { Entity, EntityValue, Link } from '../../src/document/types.js';
import { calendarSpan, searchDocument, searchFields, type SearchOptions } from '../../src/search/indexDocument.js';

const OPTIONS: SearchOptions = { labels: 'long', offsets: 'utf16' };

const date = (value: EntityValue, text = 'x'): Entity => ({ type: 'DATE', start: 0, end: text.length, text, value, source: 'test' });
const quantity = (value: EntityValue): Entity => ({ type: 'QUANTITY', start: 0, end: 1, text: 'x', value, source: 'test' });
const fields = (entities: Entity[], links: Link[] = [], text = 'x') => searchFields({ id: 'd', line: 1, text, entities, links }, OPTIONS);

describe('DATE values', () => {
  it.each([
    ['a day', '2024-03-14', ['2024-03-14'], [{ gte: '2024-03-14', lte: '2024-03-14' }]],
    ['a month', '2023-11', [], [{ gte: '2023-11-01', lte: '2023-11-30' }]],
    ['February of a leap year', '2024-02', [], [{ gte: '2024-02-01', lte: '2024-02-29' }]],
    ['February of another year', '2023-02', [], [{ gte: '2023-02-01', lte: '2023-02-28' }]],
    ['a year', '2026', [], [{ gte: '2026-01-01', lte: '2026-12-31' }]],
    ['a period of days', { start: '2024-03-01', end: '2024-03-10' }, [], [{ gte: '2024-03-01', lte: '2024-03-10' }]],
    ['a period of months (상반기)', { start: '2024-01', end: '2024-06' }, [], [{ gte: '2024-01-01', lte: '2024-06-30' }]],
    ['a duration', 'P4D', [], []],
    ['a period that ends before it starts', { start: '2024-05-01', end: '2024-03-01' }, [], []],
    ['a month that is not one', '2024-13', [], []],
    ['a day that is not one', '2023-02-29', [], []],
  ] as const)('%s (%j): date %j, date_range %j', (_title, value, dates, ranges) => {
    const result = fields([date(value as EntityValue)]);
    expect(result.date).toEqual(dates);
    expect(result.date_range).toEqual(ranges);
  });

  it('holds each date and range once, in first-seen order; a DATE without a value is in neither', () => {
    const result = fields([date('2024-03-21'), date('2024-03-13'), date('2024-03-21'), { type: 'DATE', start: 0, end: 2, text: '주말', source: 'test' }]);
    expect(result.date).toEqual(['2024-03-21', '2024-03-13']);
    expect(result.date_range.map((r) => r.gte)).toEqual(['2024-03-21', '2024-03-13']);
  });

  it('reads a date as the days it covers', () => {
    expect(calendarSpan('2024-03')).toEqual({ first: '2024-03-01', last: '2024-03-31', day: false });
    expect(calendarSpan('2024-03-05')).toEqual({ first: '2024-03-05', last: '2024-03-05', day: true });
    expect(calendarSpan('P1Y')).toBeUndefined();
  });
});

describe('QUANTITY values', () => {
  it.each([
    ['a figure', { number: 120, unit: '명' }, [{ value: 120, unit: '명' }]],
    ['a money figure', { number: 200000000000, unit: 'KRW' }, [{ value: 200000000000, unit: 'KRW' }]],
    ['an exact decimal string', { number: '0.1', unit: '%' }, [{ value: 0.1, unit: '%' }]],
    ['an approximate figure (the flag stays in entities)', { number: 3, unit: '명', approximate: true }, [{ value: 3, unit: '명' }]],
    ['a range: its two bounds', { number: 3, unit: '명', range: { from: 3, to: 5 } }, [{ value: 3, unit: '명' }, { value: 5, unit: '명' }]],
    ['a figure that is not a number', { number: 'many', unit: '명' }, []],
  ] as const)('%s', (_title, value, expected) => {
    expect(fields([quantity(value as EntityValue)]).quantity).toEqual(expected);
  });

  it('holds a value and unit once', () => {
    expect(fields([quantity({ number: 3, unit: '곳' }), quantity({ number: 3, unit: '곳' }), quantity({ number: 3, unit: '명' })]).quantity).toEqual([
      { value: 3, unit: '곳' },
      { value: 3, unit: '명' },
    ]);
  });
});

describe('the search document', () => {
  const text = '김 씨와 자오하오즈(趙豪志) 시장이 오후 2시 30분 해수부에서 만났다.';
  const at = (part: string): number => text.indexOf(part);
  const entities: Entity[] = [
    { type: 'PERSON', start: at('김'), end: at('김') + 1, text: '김', source: 'test' },
    { type: 'PERSON', start: at('자오하오즈'), end: at('자오하오즈') + 5, text: '자오하오즈', source: 'test' },
    { type: 'PERSON', start: at('趙豪志'), end: at('趙豪志') + 3, text: '趙豪志', source: 'test' },
    { type: 'TIME', start: at('오후'), end: at('오후') + 9, text: '오후 2시 30분', value: '14:30', source: 'test' },
    { type: 'ORGANIZATION', start: at('해수부'), end: at('해수부') + 3, text: '해수부', canonical: '해양수산부', source: 'test', score: 0.9 },
  ];
  const links: Link[] = [
    { kind: 'hanja', source: { start: at('趙豪志'), end: at('趙豪志') + 3, text: '趙豪志' }, target: { start: at('자오하오즈'), end: at('자오하오즈') + 5, text: '자오하오즈' }, hangul: '자오하오즈', reading: 'mandarin' },
  ];

  it('has id, the passed-through fields, text, facets, values, links and spans, in that order', () => {
    const document = searchDocument({ id: 'a', line: 1, extra: { source: 'news', meta: { page: 3 } }, text, entities, links }, OPTIONS);
    expect(Object.keys(document)).toEqual(['id', 'source', 'meta', 'text', 'person', 'place', 'organization', 'date', 'date_range', 'time', 'quantity', 'link', 'gloss', 'hangul', 'entities']);
    expect(document).toMatchObject({
      id: 'a',
      source: 'news',
      meta: { page: 3 },
      text,
      person: ['자오하오즈'],
      organization: ['해양수산부'],
      time: ['14:30'],
      link: ['趙豪志=자오하오즈'],
      gloss: ['趙豪志'],
      hangul: ['자오하오즈'],
    });
  });

  it('keeps every entity in the spans, those left out of the facets too, with value and canonical, without source and score', () => {
    const document = searchDocument({ id: 'a', line: 1, text, entities, links }, OPTIONS);
    expect(document.entities).toHaveLength(5);
    expect(document.entities[0]).toEqual({ start: 0, end: 1, type: 'PERSON', text: '김' });
    expect(document.entities[3]).toEqual({ start: at('오후'), end: at('오후') + 9, type: 'TIME', text: '오후 2시 30분', value: '14:30' });
    expect(document.entities[4]).toEqual({ start: at('해수부'), end: at('해수부') + 3, type: 'ORGANIZATION', text: '해수부', canonical: '해양수산부' });
  });

  it('counts span offsets in the unit asked for, and names types in the label set asked for', () => {
    const record = { id: 'a', line: 1, text: '😀 김민수', entities: [{ type: 'PERSON', start: 3, end: 6, text: '김민수', source: 'test' } as Entity] };
    expect(searchDocument(record, { labels: 'klue', offsets: 'codepoint' }).entities).toEqual([{ start: 2, end: 5, type: 'PS', text: '김민수' }]);
    expect(searchDocument(record, { labels: 'long', offsets: 'utf8' }).entities[0]).toMatchObject({ start: 5, end: 14, type: 'PERSON' });
  });

  it("replaces a passed-through field of one of korner's names, and says so when the two differ", () => {
    const warnings: string[] = [];
    const document = searchDocument({ id: 'a', line: 1, extra: { person: ['someone'], text, lang: 'ko' }, text, entities, links }, OPTIONS, (m) => warnings.push(m));
    expect(document.person).toEqual(['자오하오즈']);
    expect(Object.keys(document).slice(0, 4)).toEqual(['id', 'person', 'text', 'lang']);
    expect(warnings).toEqual(["input field person replaced by korner's search field of that name"]);
  });
});
