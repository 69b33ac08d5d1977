/**
 * Korean morphological analysis on mecab-ko-dic (from Lucene's Korean analyzer): tokens with Sejong tags, name
 * classes of proper nouns, Hanja readings and the breakdown of compounds and inflected forms.
 */
import type { ResourceLoader } from '../resources/loader.js';
import { Analyzer } from './analyzer.js';
import { loadMecabDictionary, type MecabDictionary } from './dictionary.js';
import type { UserWord } from './userWords.js';

export { Analyzer, type DecompoundMode, type TokenizeOptions } from './analyzer.js';
export {
  DICTIONARY_FOLDER,
  DICTIONARY_FORMAT,
  MecabDictionary,
  loadMecabDictionary,
  type DictionaryMeta,
  type EntryExtra,
  type EntryType,
  type Morpheme,
  type NameClass,
  type UnknownDefinition,
} from './dictionary.js';
export { DEFAULT_USER_WORD_COST, parseUserWords, type UserWord } from './userWords.js';
export { createAnalyzerStage, type AnalyzerStageOptions } from './stage.js';

const dictionaries = new WeakMap<ResourceLoader, Promise<MecabDictionary>>();

/** The dictionary behind a loader, read once however many analyzers use it. */
export function sharedDictionary(loader: ResourceLoader): Promise<MecabDictionary> {
  let dictionary = dictionaries.get(loader);
  if (!dictionary) {
    dictionary = loadMecabDictionary(loader);
    dictionaries.set(loader, dictionary);
    dictionary.catch(() => dictionaries.delete(loader));
  }
  return dictionary;
}

/** Loads the dictionary through `loader` (once per loader) and returns an analyzer with its own user words. */
export async function loadAnalyzer(
  loader: ResourceLoader,
  options: { userWords?: readonly UserWord[] | string } = {},
): Promise<Analyzer> {
  return new Analyzer(await sharedDictionary(loader), options.userWords);
}
