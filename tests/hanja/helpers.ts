import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HANJA_TABLES, HanjaReader } from '../../src/hanja/index.js';
import { parseTsv, type TsvTable } from '../../src/resources/tsv.js';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const dictionaries = join(root, 'dictionaries');

let cached: HanjaReader | undefined;

/** A committed dictionary table, parsed. */
export function table(name: string): TsvTable {
  return parseTsv(name, readFileSync(join(dictionaries, name), 'utf8'));
}

/** The reader over the committed dictionaries, built once per test file. */
export function realReader(): HanjaReader {
  if (cached) return cached;
  cached = HanjaReader.fromTables({
    readings: table(HANJA_TABLES.readings),
    words: table(HANJA_TABLES.words),
    pinyin: table(HANJA_TABLES.pinyin),
    abbreviations: table(HANJA_TABLES.abbreviations),
    surnames: table(HANJA_TABLES.surnames),
    japanese: table(HANJA_TABLES.japanese),
    kana: table(HANJA_TABLES.kana),
  });
  return cached;
}
