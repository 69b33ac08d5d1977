import { describe, expect, it } from 'vitest';
import { parseTsv } from '../../src/resources/tsv.js';
import { parseUserDictionary } from '../../src/resources/userDictionary.js';

describe('parseTsv', () => {
  it('reads the columns header and the entries', () => {
    const table = parseTsv('t.tsv', '# source: ours\n# columns: surface\tcanonical\n기재부\t기획재정부\r\n\n인천\n');
    expect(table.columns).toEqual(['surface', 'canonical']);
    expect(table.rows).toEqual([['기재부', '기획재정부'], ['인천']]);
    expect(table.column('canonical')).toBe(1);
  });

  it.each([
    ['an entry before the header', '인천\n# columns: surface\n', /t.tsv, line 1: entry before/],
    ['no header at all', '# licence: x\n', /no "# columns:" header/],
  ])('rejects %s', (_title, content, message) => {
    expect(() => parseTsv('t.tsv', content)).toThrow(message);
  });

  it('names the missing column', () => {
    expect(() => parseTsv('t.tsv', '# columns: a\n').column('b')).toThrow(/no column "b"/);
  });
});

describe('parseUserDictionary', () => {
  it.each([
    ['경인아라뱃길\tLOCATION', { surface: '경인아라뱃길', type: 'LOCATION' }],
    ['기재부\tOG\t기획재정부', { surface: '기재부', type: 'ORGANIZATION', canonical: '기획재정부' }],
    ['# columns: type\tsurface\nPS\t장후이', { surface: '장후이', type: 'PERSON' }],
  ])('%j', (content, entry) => {
    expect(parseUserDictionary(content)).toEqual([entry]);
  });

  it('rejects an unknown type with the entry number', () => {
    expect(() => parseUserDictionary('인천\tLC\n서울\tCITY', 'my.tsv')).toThrow(/my.tsv, entry 2: unknown entity type "CITY"/);
  });
});
