import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dictionaries, root } from './helpers.js';

const hasDebianSources =
  existsSync('/usr/share/libhangul/hanja/hanja.txt') &&
  (existsSync('/usr/share/unicode/Unihan_Readings.txt.bz2') || existsSync('/usr/share/unicode/Unihan.zip'));

function check(script: string): void {
  execFileSync(process.execPath, [join(root, 'scripts', 'hanja', script), '--check'], { stdio: 'pipe' });
}

describe('generated Hanja tables', () => {
  it('pinyin-hangul.tsv is what its script writes', () => {
    expect(() => check('build-pinyin-table.mjs')).not.toThrow();
  });

  it.skipIf(!hasDebianSources)('readings.tsv, words.tsv and japanese.tsv are what their script writes from unicode-data and libhangul-data', () => {
    expect(() => check('build-tables.mjs')).not.toThrow();
  });

  it.each(['readings.tsv', 'words.tsv', 'pinyin-hangul.tsv', 'abbreviations.tsv', 'surnames.tsv', 'japanese.tsv'])(
    '%s has a columns header, a source and a licence, and sorted unique entries',
    (name) => {
      const text = readFileSync(join(dictionaries, 'hanja', name), 'utf8');
      const header = text.split('\n').filter((l) => l.startsWith('#'));
      expect(header.some((l) => /^# columns: /.test(l))).toBe(true);
      expect(header.join('\n')).toMatch(/[Ll]icen[cs]e/);
      expect(text.normalize('NFC')).toBe(text);
      const keys = text.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')[0]!);
      const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(keys).toEqual(sorted);
      expect(new Set(keys).size).toBe(keys.length);
    },
  );
});
