import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/document/types.js';
import { FRAMING, recordBody } from '../../src/formats/records.js';
import { TSV_HEADER } from '../../src/formats/tsv/writer.js';

const date: Entity = { start: 3, end: 7, text: '27일', type: 'DATE', value: '2016-05-27', source: 'dateTime' };

describe('the tsv writer', () => {
  it('writes a header, then one row an entity with value, canonical, source and score', () => {
    const text = '😀 유정복 27일';
    const entities: Entity[] = [
      { start: 3, end: 6, text: '유정복', type: 'PERSON', source: 'tagger', score: 0.9 },
      { ...date, start: 7, end: 10 },
    ];
    const body = recordBody('tsv', { id: 'a', line: 1, text, entities, links: [] });
    expect(FRAMING.tsv.open).toBe(`${TSV_HEADER.join('\t')}\n`);
    expect(body.split('\n')).toEqual(['a\t2\t5\tPERSON\t유정복\t\t\ttagger\t0.9', 'a\t6\t9\tDATE\t27일\t2016-05-27\t\tdateTime\t', '']);
  });

  it.each([
    ['utf16', '3\t6'],
    ['utf8', '5\t14'],
  ] as const)('counts offsets in %s on --offsets', (offsets, columns) => {
    const text = '😀 유정복';
    const body = recordBody('tsv', { id: 'a', line: 1, text, entities: [{ start: 3, end: 6, text: '유정복', type: 'PERSON', source: 't' }], links: [] }, { offsets });
    expect(body.split('\t').slice(1, 3).join('\t')).toBe(columns);
  });

  it('escapes tabs, line breaks and backslashes so that a row stays one line', () => {
    const text = 'a\tb\nc\\d';
    const body = recordBody('tsv', { id: 'i\td', line: 1, text, entities: [{ start: 0, end: 7, text, type: 'ORGANIZATION', source: 't' }], links: [] });
    expect(body).toBe('i\\td\t0\t7\tORGANIZATION\ta\\tb\\nc\\\\d\t\t\tt\t\n');
  });

  it('writes an error record as a comment line', () => {
    expect(recordBody('tsv', { id: 'x:2', line: 2, error: { code: 'KORNER_INPUT_JSON', message: 'x:2: bad' } })).toBe('# error x:2 line 2: x:2: bad\n');
  });
});
