import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DICTIONARY_FORMAT } from '../../src/analyzer/dictionary.js';
import { dictionaryRoot } from './helpers.js';

const folder = join(dictionaryRoot, 'mecab-ko-dic');
const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as {
  version: string;
  format: number;
  files: Record<string, { bytes: number; sha256: string }>;
};

describe('dictionaries/mecab-ko-dic', () => {
  it('is the recorded dictionary version, in the format this code reads', () => {
    expect(manifest.version).toBe('mecab-ko-dic-2.0.3-20170922');
    expect(manifest.format).toBe(DICTIONARY_FORMAT);
    const meta = JSON.parse(readFileSync(join(folder, 'meta.json'), 'utf8'));
    expect(meta).toMatchObject({ version: manifest.version, format: DICTIONARY_FORMAT, entries: 811757 });
  });

  it('lists every file of the folder, and only those', () => {
    const files = readdirSync(folder).filter((f) => f !== 'manifest.json').sort();
    expect(files).toEqual(Object.keys(manifest.files).sort());
  });

  it.each(Object.entries(manifest.files))('%s matches its recorded checksum', (name, { bytes, sha256 }) => {
    const data = readFileSync(join(folder, name));
    expect(data.length).toBe(bytes);
    expect(createHash('sha256').update(data).digest('hex')).toBe(sha256);
  });

  it('keeps every file well under 20 MiB', () => {
    for (const name of Object.keys(manifest.files)) expect(statSync(join(folder, name)).size).toBeLessThan(16 * 1024 * 1024);
  });

  it('carries the licence and notice of mecab-ko-dic and Lucene', () => {
    expect(readFileSync(join(folder, 'LICENSE'), 'utf8')).toContain('Apache License');
    expect(readFileSync(join(folder, 'NOTICE'), 'utf8')).toContain('mecab-ko-dic');
  });
});
