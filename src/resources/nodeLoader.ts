import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResourceLoader } from './loader.js';

/**
 * Finds the package's `dictionaries/` folder by walking up from this module: it is `../dictionaries` from `dist/`
 * and `../../dictionaries` from `src/resources/` in a checkout.
 */
export function defaultDictionaryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'dictionaries');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error('cannot find the korner dictionaries folder next to the package; reinstall korner');
}

/**
 * The loaders made so far, by folder, held weakly: while one is in use, every extractor over the same folder gets
 * the same loader and so shares its dictionaries (Resources caches by loader); once none is, both can go.
 */
const loaders = new Map<string, WeakRef<ResourceLoader>>();

/**
 * A loader over a folder on disk (by default the package's own `dictionaries/`). The same folder gives the same
 * loader object while one is alive, so that extractors share what they load from it.
 */
export function nodeLoader(root: string = defaultDictionaryRoot()): ResourceLoader {
  const base = resolve(root);
  const existing = loaders.get(base)?.deref();
  if (existing) return existing;
  const loader = folderLoader(base);
  loaders.set(base, new WeakRef(loader));
  return loader;
}

function folderLoader(base: string): ResourceLoader {
  return {
    async read(name) {
      // A view of the Buffer, not a copy (the dictionary files are 40 MB; copying them was a tenth of the start-up).
      const buffer = await readFile(join(base, name));
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    },
  };
}

/** Reads a file as UTF-8 text, synchronously (for user dictionaries given as paths). */
export function readTextFile(path: string): string {
  return readFileSync(path, 'utf8');
}
