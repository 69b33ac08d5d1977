import { ERROR_CODES, KornerError } from '../errors.js';
import type { ResourceLoader } from './loader.js';
import { parseTsv, type TsvTable } from './tsv.js';
import type { UserEntry } from './userDictionary.js';

/**
 * Who may reuse a value built from dictionaries: every Resources over the same loader (`loader`: the value does not
 * depend on the user's entries, such as the compiled mecab-ko-dic), or only those that also have the same user
 * entries (`userEntries`, the default: safe for a value a stage builds from them).
 */
export type DerivedScope = 'loader' | 'userEntries';

/** What the Resources over one loader share: the cached files and values, and the user-entry sets seen. */
interface LoaderCache {
  readonly values: Map<string, Promise<unknown>>;
  /** A small number for each distinct set of user entries (by its JSON), to key `userEntries`-scoped values. */
  readonly userEntrySets: Map<string, number>;
}

/**
 * Caches by loader object, for the life of the loader: every extractor of a process that reads the same loader
 * (the package's dictionaries, by default) shares one copy of each file and of each table compiled from it, so a
 * second extractor costs a few MB instead of a second copy of every dictionary. Weak, so that the tables go
 * when the last extractor over a loader does.
 */
const caches = new WeakMap<ResourceLoader, LoaderCache>();

function cacheOf(loader: ResourceLoader): LoaderCache {
  let cache = caches.get(loader);
  if (!cache) {
    cache = { values: new Map(), userEntrySets: new Map() };
    caches.set(loader, cache);
  }
  return cache;
}

/**
 * The dictionaries a pipeline's stages share. Each file is read once and each derived value built once per loader,
 * however many stages and extractors ask (see {@link DerivedScope}). Values must therefore be read-only once built,
 * or hold only state that a synchronous run leaves as it found it.
 */
export class Resources {
  private readonly cache: LoaderCache;
  /** Keys the `userEntries`-scoped values of this Resources. */
  private readonly userKey: number;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(
    readonly loader: ResourceLoader,
    /** Entries the user added (in memory or from TSV files): recognisers merge them into their lexicons. */
    readonly userEntries: readonly UserEntry[] = [],
  ) {
    this.cache = cacheOf(loader);
    const fingerprint = userEntries.length === 0 ? '' : JSON.stringify(userEntries);
    let key = this.cache.userEntrySets.get(fingerprint);
    if (key === undefined) {
      key = this.cache.userEntrySets.size;
      this.cache.userEntrySets.set(fingerprint, key);
    }
    this.userKey = key;
  }

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

  /** Any value derived from dictionaries (e.g. a compiled trie), built once for its {@link DerivedScope}. */
  derived<T>(key: string, build: () => Promise<T>, scope: DerivedScope = 'userEntries'): Promise<T> {
    return this.cached(scope === 'loader' ? `derived:${key}` : `derived:${this.userKey}:${key}`, build);
  }

  private cached<T>(key: string, build: () => Promise<T>): Promise<T> {
    const values = this.cache.values;
    let entry = values.get(key) as Promise<T> | undefined;
    if (!entry) {
      entry = build();
      values.set(key, entry);
      // A failure is not cached: the next extractor tries again (the file may have been restored).
      entry.catch(() => {
        if (values.get(key) === entry) values.delete(key);
      });
    }
    return entry;
  }
}
