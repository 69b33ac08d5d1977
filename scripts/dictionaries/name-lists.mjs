/**
 * The words a name list marks `ambiguous` (dictionaries/names/): a surface of one Hangul syllable, or one that is also
 * a frequent common word — a word of dictionaries/search/common-words.tsv (the analyzer dictionary's common
 * vocabulary that the shared corpora use at least 20 times), or a name that dictionaries/countries.tsv already flags
 * (수단, 이란, 오만 ...).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Reads the rows of a dictionary TSV as objects keyed by its `# columns:` names. */
export function readTsv(path) {
  let columns = [];
  const rows = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.length === 0) continue;
    if (line.startsWith('#')) {
      const match = /^#\s*columns:\s*(.*)$/.exec(line);
      if (match) columns = match[1].split('\t').map((c) => c.trim());
      continue;
    }
    const cells = line.split('\t');
    rows.push(Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ''])));
  }
  return rows;
}

/** A function telling whether a surface is ambiguous, reading the lists under `dictionaries`. */
export function ambiguityTest(dictionaries) {
  const common = new Set(readTsv(join(dictionaries, 'search', 'common-words.tsv')).map((row) => row.word));
  for (const row of readTsv(join(dictionaries, 'countries.tsv'))) {
    if (row.flags.split(',').includes('ambiguous')) common.add(row.surface);
  }
  return (surface) => /^[\uAC00-\uD7A3]$/.test(surface) || common.has(surface);
}

/** Orders rows by their text in UTF-16 code units, as tests/dictionaries/format.test.ts wants. */
export function byCodeUnits(x, y) {
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Writes a generated list, or with --check on the command line compares it with the file and exits 1 when they
 * differ (`command` is what regenerates it).
 */
export function writeOrCheck(path, text, command) {
  const name = relative(process.cwd(), path);
  if (!process.argv.includes('--check')) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${name}`);
    return;
  }
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {}
  if (current !== text) {
    console.error(`${name} is out of date: run ${command}`);
    process.exit(1);
  }
}
