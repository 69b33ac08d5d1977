import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ResourceLoader } from '../resources/loader.js';

/** Dictionary files by name (`mecab-ko-dic/trie.bin`), in memory that every worker thread of the process can read. */
export type SharedFiles = Record<string, SharedArrayBuffer>;

/** Files of the dictionaries folder that no stage reads (licences and notes). */
const NOT_READ = /(^|\/)(LICENSE|NOTICE|README|ATTRIBUTION|LICENSES)(\.[a-z]+)?$|\.md$/;

/**
 * Reads every dictionary file under `root` into shared memory, once: the worker threads read their dictionaries
 * from it instead of each reading (and holding) its own copy of about 40 MB of files. The tables that the stages
 * read in place (mecab-ko-dic's trie, entries and matrices are typed-array views of the file bytes) stay shared.
 */
export async function readSharedFiles(root: string): Promise<SharedFiles> {
  const files: SharedFiles = {};
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        await walk(path);
        continue;
      }
      const name = relative(root, path).split(sep).join('/');
      if (!entry.isFile() || NOT_READ.test(name)) continue;
      const bytes = await readFile(path);
      const shared = new SharedArrayBuffer(bytes.byteLength);
      new Uint8Array(shared).set(bytes);
      files[name] = shared;
    }
  };
  await walk(root);
  return files;
}

/** A loader over shared files, falling back to `fallback` for a file that is not among them. */
export function sharedFilesLoader(files: SharedFiles, fallback: ResourceLoader): ResourceLoader {
  return {
    async read(name) {
      const shared = files[name];
      return shared ? new Uint8Array(shared) : fallback.read(name);
    },
  };
}
