import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LONG_SURFACE, Trie } from '../../src/recognizers/gazetteer.js';
import { NAME_DICTIONARIES, buildNameLexicon } from '../../src/recognizers/lexicon.js';
import { parseTsv } from '../../src/resources/tsv.js';
import { repoRoot } from '../helpers.js';

describe('Trie', () => {
  it('finds every surface that starts at a position, shortest first, within a limit', () => {
    const trie = new Trie<string>();
    for (const word of ['인천', '인천시', '인천시청', '시청']) trie.set(word, word.toUpperCase());
    expect(trie.matchesAt('인천시청에서', 0).map((m) => m.end)).toEqual([2, 3, 4]);
    expect(trie.matchesAt('인천시청에서', 0, 3).map((m) => m.end)).toEqual([2, 3]);
    expect(trie.matchesAt('인천시청에서', 2).map((m) => m.value)).toEqual(['시청']);
    expect(trie.size).toBe(4);
  });

  it('replaces, deletes and ignores the empty surface', () => {
    const trie = new Trie<number>();
    trie.set('a', 1);
    trie.set('a', 2);
    trie.set('', 3);
    expect(trie.get('a')).toBe(2);
    trie.delete('a');
    expect(trie.has('a')).toBe(false);
    expect(trie.size).toBe(0);
  });

  it('finds the longest surface at a position, with or without token ends to respect', () => {
    const trie = new Trie<string>();
    for (const word of ['인천', '인천시', '인천시청']) trie.set(word, word);
    const hit: { end: number; value: string | undefined } = { end: 0, value: undefined };
    expect(trie.longestAt('인천시청에서', 0, hit)).toBe(true);
    expect(hit).toEqual({ end: 4, value: '인천시청' });
    const ends = new Uint8Array(8);
    ends[3] = 1;
    expect(trie.longestEndingAt('인천시청에서', 0, ends, hit)).toBe(true);
    expect(hit).toEqual({ end: 3, value: '인천시' });
    expect(trie.longestAt('서울', 0, hit)).toBe(false);
    expect(trie.longestAt('인천', 2, hit)).toBe(false);
  });

  it('answers look-ups made while it is still being filled, and after a change', () => {
    const trie = new Trie<number>();
    trie.set('인천', 1);
    expect(trie.get('인천')).toBe(1);
    expect(trie.matchesAt('인천시청', 0).map((m) => m.value)).toEqual([1]);
    trie.set('인천시청', 2);
    expect(trie.matchesAt('인천시청', 0).map((m) => m.value)).toEqual([1, 2]);
    trie.delete('인천');
    expect(trie.get('인천')).toBeUndefined();
    expect(trie.matchesAt('인천시청', 0).map((m) => m.value)).toEqual([2]);
  });

  it('finds surfaces longer than a walk goes, as it finds short ones', () => {
    const trie = new Trie<string>();
    const long = '가 '.repeat(LONG_SURFACE);
    const longer = `${long}나`;
    for (const word of ['가', long.trim(), longer]) trie.set(word, `${word.length}`);
    const text = `${longer} ${long}`;
    expect(trie.matchesAt(text, 0).map((m) => m.end)).toEqual([1, long.length - 1, longer.length]);
    expect(trie.matchesAt(text, 0, longer.length - 1).map((m) => m.end)).toEqual([1, long.length - 1]);
    const hit: { end: number; value: string | undefined } = { end: 0, value: undefined };
    expect(trie.longestAt(text, 0, hit)).toBe(true);
    expect(hit.end).toBe(longer.length);
    const ends = new Uint8Array(text.length + 1);
    ends[long.length - 1] = 1;
    expect(trie.longestEndingAt(text, 0, ends, hit)).toBe(true);
    expect(hit.end).toBe(long.length - 1);
    trie.delete(longer);
    expect(trie.longestAt(text, 0, hit)).toBe(true);
    expect(hit.end).toBe(long.length - 1);
    trie.set(long.trim(), 'changed');
    expect(trie.matchesAt(text, longer.length + 1).map((m) => m.value)).toEqual(['1', 'changed']);
  });

  it('looks up a surface as long as the text at every start in linear time', () => {
    const text = '가 '.repeat(100_000);
    const trie = new Trie<number>();
    trie.set(text.trim(), 1);
    const hit: { end: number; value: number | undefined } = { end: 0, value: undefined };
    const start = performance.now();
    let found = 0;
    for (let i = 0; i < text.length; i += 2) if (trie.longestAt(text, i, hit)) found++;
    expect(found).toBe(1);
    // Walking the surface from every start took minutes here (the bound only catches that).
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});

const OWN_TABLES: string[] = [...NAME_DICTIONARIES];

describe.each(OWN_TABLES)('dictionaries/%s', (name) => {
  const text = readFileSync(join(repoRoot, 'dictionaries', name), 'utf8');
  const lines = text.split('\n');
  const entries = lines.filter((line) => line.length > 0 && !line.startsWith('#'));

  it('has a header naming its columns, source and licence', () => {
    const header = lines.filter((line) => line.startsWith('#'));
    expect(header.some((line) => /^# columns: \S/.test(line))).toBe(true);
    expect(header.some((line) => /^# source: \S/.test(line))).toBe(true);
    expect(header.some((line) => /^# licence: \S/.test(line))).toBe(true);
    expect(lines.findIndex((line) => !line.startsWith('#'))).toBe(header.length);
  });

  it('is sorted, NFC, without duplicates or stray whitespace', () => {
    const keys = entries.map((line) => line.split('\t')[0]!);
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(text.normalize('NFC')).toBe(text);
    for (const line of entries) expect(line).toBe(line.trim());
    expect(text.endsWith('\n')).toBe(true);
  });

  it('has as many fields a line as it names columns, at most', () => {
    const table = parseTsv(name, text);
    for (const row of table.rows) expect(row.length).toBeLessThanOrEqual(table.columns.length);
  });
});

describe('name lexicon', () => {
  const tables = new Map(OWN_TABLES.map((name) => [name, parseTsv(name, readFileSync(join(repoRoot, 'dictionaries', name), 'utf8'))]));
  const lexicon = buildNameLexicon((name) => tables.get(name)!);

  it.each([
    ['기재부', 'ORGANIZATION', '기획재정부'],
    ['기획재정부', 'ORGANIZATION', '기획재정부'],
    ['과기정통부', 'ORGANIZATION', '과학기술정보통신부'],
    ['인천', 'LOCATION', '인천광역시'],
    ['인천광역시', 'LOCATION', '인천광역시'],
    ['미국', 'LOCATION', '미국'],
    ['남한', 'LOCATION', '대한민국'],
    ['웨이하이', 'LOCATION', '웨이하이'],
    ['인천시청', 'ORGANIZATION', undefined],
  ])('%s is %s (canonical %s)', (surface, type, canonical) => {
    const entry = lexicon.names.get(surface);
    expect(entry?.type).toBe(type);
    expect(entry?.canonical).toBe(canonical);
  });

  it('holds all 17 provinces and metropolitan cities, and the 시/군/구 in full', () => {
    const kinds = (kind: string) =>
      tables.get('places-korea.tsv')!.rows.filter((row) => row[2] === kind && row[1] === row[0]).map((row) => row[0]!);
    expect(new Set(kinds('province')).size).toBeGreaterThanOrEqual(17);
    expect(kinds('city').length).toBeGreaterThanOrEqual(75);
    // 82 군, of which two are named 고성군 (강원, 경남).
    expect(kinds('county').length).toBe(81);
  });

  it('lets user entries win over the dictionaries', () => {
    const user = buildNameLexicon((name) => tables.get(name)!, [
      { surface: '삼성', type: 'PERSON' },
      { surface: '시장', type: 'LOCATION', canonical: '남대문시장' },
      { surface: '오늘', type: 'DATE' },
    ]);
    expect(user.names.get('삼성')).toMatchObject({ type: 'PERSON', user: true });
    expect(user.names.get('시장')).toMatchObject({ type: 'LOCATION', canonical: '남대문시장' });
    expect(user.cues.has('시장')).toBe(false);
    expect(user.names.has('오늘')).toBe(false);
  });
});

describe('dictionaries/countries.tsv', () => {
  it('is up to date with its generator', () => {
    expect(() =>
      execFileSync(process.execPath, [join(repoRoot, 'scripts', 'dictionaries', 'generate-countries.mjs'), '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
  });
});
