import { ERROR_CODES, KornerError } from '../errors.js';
import type { ResourceLoader } from './loader.js';
import { parseTsv, type TsvTable } from './tsv.js';
import type { UserEntry } from './userDictionary.js';

/**
 * The dictionaries a pipeline's stages share. Each file is read once and cached, however many stages ask for it.
 */
export class Resources {
  private readonly cache = new Map<string, Promise<unknown>>();
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(
    readonly loader: ResourceLoader,
    /** Entries the user added (in memory or from TSV files): recognisers merge them into their lexicons. */
    readonly userEntries: readonly UserEntry[] = [],
  ) {}

  /** The raw bytes of a dictionary file. */
  binary(name: string): Promise<Uint8Array> {
    return this.cached(`bin:${name}`, async () => {
      try {
        return await this.loader.read(name);
      } catch (error) {
        throw new KornerError(
          ERROR_CODES.DICTIONARY,
          `cannot read dictionary "${name}": ${(error as Error).message}. Reinstall korner, or pass a loader that provides it.`,
          { cause: error },
        );
      }
    });
  }

  /** A dictionary file parsed as a TSV table. */
  table(name: string): Promise<TsvTable> {
    return this.cached(`tsv:${name}`, async () => {
      const bytes = await this.binary(name);
      let text: string;
      try {
        text = this.decoder.decode(bytes);
      } catch (error) {
        throw new KornerError(ERROR_CODES.DICTIONARY, `dictionary "${name}" is not valid UTF-8.`, { cause: error });
      }
      return parseTsv(name, text);
    });
  }

  /** Any value derived from dictionaries, computed once per Resources (e.g. a compiled trie). */
  derived<T>(key: string, build: () => Promise<T>): Promise<T> {
    return this.cached(`derived:${key}`, build);
  }

  private cached<T>(key: string, build: () => Promise<T>): Promise<T> {
    let entry = this.cache.get(key) as Promise<T> | undefined;
    if (!entry) {
      entry = build();
      this.cache.set(key, entry);
    }
    return entry;
  }
}
