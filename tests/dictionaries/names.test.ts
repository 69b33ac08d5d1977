import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';

/**
 * The typed name lists of dictionaries/names/ (the tagger reads them as features): one set of columns, kinds named in
 * the header, a canonical that is itself an entry, and `ambiguous` on every surface that is one syllable, a common
 * word, a place name (in a list that is not itself of places) or a name of several things.
 */
const dictionaries = join(repoRoot, 'dictionaries');
const namesDir = join(dictionaries, 'names');
const COLUMNS = ['surface', 'canonical', 'kind', 'source', 'flags'];

interface List {
  name: string;
  header: string[];
  rows: string[][];
}

function read(path: string, name = path): List {
  const lines = readFileSync(path, 'utf8').split('\n').filter((line) => line.length > 0);
  return {
    name,
    header: lines.filter((line) => line.startsWith('#')),
    rows: lines.filter((line) => !line.startsWith('#')).map((line) => line.split('\t')),
  };
}

function column(list: List, name: string): number {
  const line = list.header.find((l) => /^#\s*columns:/.test(l))!;
  return line.replace(/^#\s*columns:\s*/, '').split('\t').indexOf(name);
}

const lists = readdirSync(namesDir)
  .filter((name) => name.endsWith('.tsv'))
  .sort()
  .map((name) => read(join(namesDir, name), name));

const common = new Set(read(join(dictionaries, 'search', 'common-words.tsv')).rows.map((row) => row[0]!));
const places = new Set<string>();
for (const file of ['places-korea.tsv', 'places-world.tsv', 'countries.tsv']) {
  for (const row of read(join(dictionaries, file)).rows) places.add(row[0]!);
}
const placeLists = new Set(lists.filter((list) => list.name.startsWith('places-')).map((list) => list.name));
for (const list of lists) if (placeLists.has(list.name)) for (const row of list.rows) places.add(row[0]!);

/** surface → the canonicals it has in the lists that are not of places. */
const canonicals = new Map<string, Set<string>>();
for (const list of lists) {
  if (placeLists.has(list.name)) continue;
  for (const [surface, canonical] of list.rows) {
    if (!canonicals.has(surface!)) canonicals.set(surface!, new Set());
    canonicals.get(surface!)!.add(canonical!);
  }
}

describe.each(lists.map((list) => [list.name, list] as const))('dictionaries/names/%s', (_name, list) => {
  const kindsLine = list.header.find((line) => /^#\s*kinds:/.test(line));
  const kinds = new Set(kindsLine?.replace(/^#\s*kinds:\s*/, '').split(/\s+/) ?? []);

  it('has the shared columns and names its kinds', () => {
    expect(COLUMNS.map((name) => column(list, name))).toEqual([0, 1, 2, 3, 4]);
    expect(kinds.size).toBeGreaterThan(0);
  });

  it('has a surface, canonical, known kind and source in every row, and only the flag "ambiguous"', () => {
    const bad = list.rows.filter(
      (row) =>
        row.length < 4 ||
        row.length > 5 ||
        row.slice(0, 4).some((cell) => cell.trim() !== cell || cell.length === 0) ||
        !kinds.has(row[2]!) ||
        !['', 'ambiguous', undefined].includes(row[4]),
    );
    expect(bad.map((row) => row.join('|'))).toEqual([]);
  });

  it('lists each canonical as an entry of its own, of the same kind', () => {
    const own = new Set(list.rows.map((row) => `${row[0]}\t${row[2]}`));
    const missing = list.rows.filter((row) => !own.has(`${row[1]}\t${row[2]}`));
    expect(missing.map((row) => row.join('|'))).toEqual([]);
  });

  it('flags one syllable, common words, place names and names of several things as ambiguous', () => {
    const isPlaceList = placeLists.has(list.name);
    const unflagged = list.rows.filter(([surface, , , , flags]) => {
      if (flags === 'ambiguous') return false;
      return (
        /^[\uAC00-\uD7A3]$/.test(surface!) ||
        common.has(surface!) ||
        (!isPlaceList && places.has(surface!)) ||
        (!isPlaceList && canonicals.get(surface!)!.size > 1)
      );
    });
    expect(unflagged.map((row) => row.join('|'))).toEqual([]);
  });
});

describe('generated name lists', () => {
  it('places-cldr.tsv is what its script writes', () => {
    execFileSync(process.execPath, [join(repoRoot, 'scripts', 'dictionaries', 'generate-places-cldr.mjs'), '--check'], {
      cwd: repoRoot,
      stdio: 'pipe',
    });
  });
});
