/**
 * Where dictionary files come from. The core never touches the file system: Node gets a loader over the package's
 * `dictionaries/` folder, a browser build can pass one that uses `fetch`, tests can pass one over a Map.
 */
export interface ResourceLoader {
  /** Reads the named file from the dictionaries (e.g. `places.tsv`). Rejects when it is missing. */
  read(name: string): Promise<Uint8Array>;
}

/** A loader over in-memory files, for tests and bundlers. */
export function memoryLoader(files: Record<string, string | Uint8Array>): ResourceLoader {
  const encoder = new TextEncoder();
  return {
    async read(name) {
      const file = files[name];
      if (file === undefined) throw new Error(`no file named ${name}`);
      return typeof file === 'string' ? encoder.encode(file) : file;
    },
  };
}
