import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { create, insertMultiple, search } from '@orama/orama';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entity, Link, QuantityValue } from '../../src/document/types.js';
import { facetValues, type FacetField } from '../../src/search/facets.js';
import { calendarSpan } from '../../src/search/indexDocument.js';
import { cliPath, repoRoot } from '../helpers.js';

/**
 * examples/search/search.mjs (issue 16, item 4): the example articles in an Orama index with korner's analyzer as
 * its tokenizer, checked against what `korner extract` finds in the same files (the built CLI, as a user runs it).
 */

interface Hit {
  id: string;
  document: { id: string; title: string; date: number[]; quantity: Record<string, number[]> };
}
interface Results {
  hits: Hit[];
  facets?: Record<string, { values: Record<string, number> }>;
}
interface Example {
  FILES: string[];
  buildIndex(): Promise<unknown>;
  searchText(index: unknown, query: string): Promise<{ forms: string[]; hits: Hit[] }>;
  browse(index: unknown): Promise<Results>;
  datesBetween(index: unknown, from: string, to: string): Promise<Results>;
  quantityOver(index: unknown, unit: string, min: number): Promise<Results>;
}
interface Extracted {
  id: string;
  entities: Entity[];
  links: Link[];
}

const examplePath = join(repoRoot, 'examples', 'search', 'search.mjs');
const ids = (results: { hits: Hit[] }): string[] => results.hits.map((hit) => hit.id).sort();
const doc = (name: string): string => `examples/search/${name}.txt`;

let example: Example;
let index: unknown;
let extracted: Extracted[];

beforeAll(async () => {
  example = (await import(pathToFileURL(examplePath).href)) as Example;
  index = await example.buildIndex();
  const jsonl = execFileSync(process.execPath, [cliPath, 'extract', '--input', 'document', '--format', 'jsonl', ...example.FILES.map((file) => relative(repoRoot, file))], { cwd: repoRoot, encoding: 'utf8' });
  extracted = jsonl.trim().split('\n').map((line) => JSON.parse(line) as Extracted);
});

describe('examples/search/search.mjs', () => {
  it('indexes examples/news.txt and the articles beside the script, ids as korner extract names them', async () => {
    expect(extracted.map((record) => record.id)).toEqual(['examples/news.txt', doc('cooperation'), doc('weihai-gloss'), doc('weihai-hangul'), doc('weihai-hanja')]);
    expect(ids(await example.browse(index))).toEqual(extracted.map((record) => record.id).sort());
  });

  it('a query for 웨이하이 finds the article that writes only 威海 and those that write 웨이하이, not "협력 확대를 위해"', async () => {
    const weihai = await example.searchText(index, '웨이하이');
    expect(weihai.forms.sort()).toEqual(['威海', '웨이하이']);
    expect(ids(weihai)).toEqual([doc('weihai-gloss'), doc('weihai-hangul'), doc('weihai-hanja')]);
    expect(ids(await example.searchText(index, '威海'))).toEqual(ids(weihai));
    // 위해 (the Sino-Korean reading of 威海) is in no synonym group, and the verb 위해 is no token of the index.
    expect(ids(await example.searchText(index, '위해'))).toEqual([]);
  });

  it('korner’s analyzer finds a noun inside a word, where Orama’s default tokenizer or one that cuts at spaces does not', async () => {
    // 인천항만공사는, 부산항만공사가: 항만공사 is neither a word nor the start of one.
    expect(ids(await example.searchText(index, '항만공사'))).toEqual(['examples/news.txt', doc('weihai-gloss')]);
    const byDefault = create({ schema: { text: 'string' } });
    const atSpaces = create({ schema: { text: 'string' }, components: { tokenizer: { language: 'korean', normalizationCache: new Map(), tokenize: (text: string) => text.split(/\s+/u).filter(Boolean) } } });
    for (const db of [byDefault, atSpaces]) {
      await insertMultiple(db, extracted.map((record) => ({ id: record.id, text: readFileSync(join(repoRoot, record.id), 'utf8') })));
      expect((await search(db, { term: '항만공사', threshold: 0 })).hits).toEqual([]);
    }
    // Orama's default (English) tokenizer drops Hangul and Hanja: nothing Korean is found at all.
    expect((await search(byDefault, { term: '웨이하이', threshold: 0 })).hits).toEqual([]);
  });

  it('facet counts are the entity counts of korner extract after the facet rule', async () => {
    const expected: Record<FacetField, Record<string, number>> = { person: {}, place: {}, organization: {} };
    for (const record of extracted) {
      for (const [field, names] of Object.entries(facetValues(record.entities, record.links)) as [FacetField, string[]][]) {
        for (const name of names) expected[field][name] = (expected[field][name] ?? 0) + 1;
      }
    }
    const { facets } = await example.browse(index);
    for (const field of ['person', 'place', 'organization'] as const) expect(facets![field]!.values).toEqual(expected[field]);
    expect(expected.person['박형준']).toBe(2);
    expect(expected.place['웨이하이']).toBe(2);
  });

  it('the date range filter returns exactly the articles with a DATE day in the range', async () => {
    const days = (record: Extracted): string[] =>
      record.entities.filter((entity) => entity.type === 'DATE' && typeof entity.value === 'string' && calendarSpan(entity.value)?.day).map((entity) => entity.value as string);
    const ranges: [string, string][] = [['2024-05-01', '2024-06-30'], ['2024-03-14', '2024-04-01'], ['2024-06-12', '2024-07-02'], ['2024-07-04', '2024-12-31']];
    for (const [from, to] of ranges) {
      const expected = extracted.filter((record) => days(record).some((day) => day >= from && day <= to)).map((record) => record.id).sort();
      expect(ids(await example.datesBetween(index, from, to)), `${from}..${to}`).toEqual(expected);
    }
    expect(ids(await example.datesBetween(index, '2024-05-01', '2024-06-30'))).toEqual([doc('weihai-hangul'), doc('weihai-hanja')]);
    expect(ids(await example.datesBetween(index, '2024-07-04', '2024-12-31'))).toEqual([]);
  });

  it('the quantity filter takes the unit and the value: KRW over 1억 is not 5천만원, nor 5천만달러', async () => {
    const amounts = (record: Extracted, unit: string): number[] =>
      record.entities.filter((entity) => entity.type === 'QUANTITY' && (entity.value as QuantityValue | undefined)?.unit === unit).map((entity) => Number((entity.value as QuantityValue).number));
    for (const [unit, min] of [['KRW', 1e8], ['KRW', 1e7], ['USD', 1e7], ['명', 100]] as const) {
      const expected = extracted.filter((record) => amounts(record, unit).some((amount) => amount > min)).map((record) => record.id).sort();
      expect(ids(await example.quantityOver(index, unit, min)), `${unit} > ${min}`).toEqual(expected);
    }
    expect(ids(await example.quantityOver(index, 'KRW', 1e8))).toEqual(['examples/news.txt', doc('weihai-hangul')]);
    expect(ids(await example.quantityOver(index, 'KRW', 1e7))).toContain(doc('cooperation'));
  });

  it('prints a summary when run by hand', () => {
    const output = execFileSync(process.execPath, [examplePath], { cwd: repoRoot, encoding: 'utf8' });
    expect(output).toContain('Query 웨이하이 → 威海 OR 웨이하이: 3 articles');
    expect(output).toContain('examples/search/weihai-hanja.txt');
    expect(output).toMatch(/person +박형준 2/);
    expect(output).toContain('An amount over 1억 KRW:');
  });
});
