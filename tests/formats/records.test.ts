import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/document/types.js';
import { FRAMING, recordBody, recordParts, type RecordContent } from '../../src/formats/records.js';

const entity = (i: number): Entity => ({ start: i, end: i + 2, text: '인천', type: 'LOCATION', source: 'tagger', score: 0.5 });
const links = [{ kind: 'hanja' as const, source: { start: 0, end: 2, text: '仁川' }, target: null, hangul: '인천', reading: 'sino-korean' as const }];

describe('recordParts', () => {
  it.each([
    ['a short record', { id: 'a', line: 1, entities: [entity(0)], links }],
    ['a long record', { id: 'b', line: 1, entities: Array.from({ length: 10000 }, (_, i) => entity(i)), links }],
    ['a long record with passed-through fields and its text', { id: 7, line: 1, extra: { source: 'x', n: 1 }, text: '인천 인천', echoText: true, entities: Array.from({ length: 9000 }, (_, i) => entity(i)), links }],
    ['a long record whose input has a field named entities', { id: 'c', line: 1, extra: { entities: 'theirs', z: 1 }, entities: Array.from({ length: 9000 }, (_, i) => entity(i)), links: [] }],
    ['an error record', { id: 'd', line: 3, error: { code: 'KORNER_INPUT_JSON', message: 'bad' } }],
  ] as [string, RecordContent][])('joins into the body of %s', (_title, record) => {
    for (const format of ['jsonl', 'json', 'pretty'] as const) {
      expect([...recordParts(format, record)].join('')).toBe(recordBody(format, record));
    }
  });

  it('cuts a long record into parts of a few thousand entities', () => {
    const parts = [...recordParts('jsonl', { id: 'b', line: 1, entities: Array.from({ length: 10000 }, (_, i) => entity(i)), links })];
    expect(parts.length).toBe(5);
    expect(JSON.parse(parts.join('')).entities).toHaveLength(10000);
  });
});

describe('FRAMING', () => {
  it.each([
    ['jsonl', ['{"a":1}', '{"a":2}'], '{"a":1}\n{"a":2}\n'],
    ['json', ['{"a":1}', '{"a":2}'], '[\n{"a":1},\n{"a":2}\n]\n'],
    ['json', [], '[]\n'],
  ] as const)('joins %s records', (format, bodies, expected) => {
    const framing = FRAMING[format];
    const text = framing.open + bodies.map((body, i) => framing.before(i) + body + framing.after).join('') + framing.close(bodies.length);
    expect(text).toBe(expected);
    if (format === 'json') expect(JSON.parse(text)).toEqual(bodies.map((b) => JSON.parse(b)));
  });
});
