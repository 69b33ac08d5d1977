import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResourceLoader } from '../../src/resources/loader.js';
import { loadAnalyzer } from '../../src/analyzer/index.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const dictionaryRoot = join(repoRoot, 'dictionaries');

/** A loader over the repository's dictionaries/ folder. */
export const fsLoader: ResourceLoader = {
  async read(name) {
    return new Uint8Array(await readFile(join(dictionaryRoot, name)));
  },
};

export const realAnalyzer = () => loadAnalyzer(fsLoader);

/** "surface/POS" for each token, joined by spaces. */
export const show = (tokens: { text: string; pos: string }[]) => tokens.map((t) => `${t.text}/${t.pos}`).join(' ');
