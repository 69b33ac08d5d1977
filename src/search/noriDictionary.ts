/**
 * Nori's user dictionary (`user_dictionary` / `user_dictionary_rules` of Elasticsearch's `nori_tokenizer`, Lucene's
 * `UserDictionary`): one word a line, optionally followed by its parts separated by spaces (`경인아라뱃길 경인 아라뱃길`),
 * which Nori then emits in `discard` mode instead of the whole. Every entry is a noun (NNG) to Nori.
 *
 * korner writes the names it found that Nori's tokenizer would cut (more than one token, checked with the emulated
 * tokenizer of {@link AnalysisChain}), so that an index stops cutting them into pieces it cannot find again
 * (클라이막스시리즈 → 클라/NNP 이/MM 막스/NNG 시리즈/NNG, whose 이/MM the part-of-speech filter removes).
 * - A name whose pieces are all nouns of the dictionary is written with them as its parts: the index keeps the same
 *   words, now always cut at the same places (경인아라뱃길 경인 아라뱃길).
 * - Any other name is written alone, so that Nori keeps it whole (웨이하이, 클라이막스시리즈).
 * Only Hangul words of two syllables or more are written; a name of several words gives each word that needs it.
 */
import type { MecabDictionary } from '../analyzer/dictionary.js';
import type { UserWord } from '../analyzer/userWords.js';
import type { Entity, Link } from '../document/types.js';
import { ERROR_CODES, KornerError } from '../errors.js';
import type { AnalysisChain } from './analysisChain.js';
import { syllableCount } from './commonWords.js';

const NAME_TYPES = new Set(['PERSON', 'LOCATION', 'ORGANIZATION']);
const HANGUL_WORD = /^[\uAC00-\uD7A3]+$/;
const NOUN_TAGS = new Set(['NNG', 'NNP']);

/** The Hangul names of a document: entity texts and canonical names, and the Hangul forms of Hanja and acronym links. */
export function namesOf(doc: { entities?: readonly Entity[]; links?: readonly Link[] }): string[] {
  const names: string[] = [];
  for (const entity of doc.entities ?? []) {
    if (!NAME_TYPES.has(entity.type)) continue;
    names.push(entity.text);
    if (entity.canonical) names.push(entity.canonical);
  }
  for (const link of doc.links ?? []) {
    // A Sino-Korean reading korner computed (no Hangul mention in the text) is no name anybody wrote.
    if (link.target || link.reading === 'mandarin' || link.reading === 'japanese') names.push(link.hangul);
  }
  return names;
}

export class NoriDictionaryBuilder {
  /** Surface → the line written for it. */
  private readonly lines = new Map<string, string>();

  constructor(
    private readonly chain: AnalysisChain,
    private readonly dictionary: MecabDictionary,
  ) {}

  /** Adds the words of a name that Nori would cut; returns how many lines were added. */
  addName(name: string): number {
    let added = 0;
    for (const word of name.normalize('NFC').split(/\s+/)) {
      if (!HANGUL_WORD.test(word) || syllableCount(word) < 2 || this.lines.has(word)) continue;
      const line = this.lineFor(word);
      if (line) {
        this.lines.set(word, line);
        added++;
      }
    }
    return added;
  }

  /** The entry for `word`, or undefined when Nori's tokenizer keeps it whole already. */
  lineFor(word: string): string | undefined {
    const pieces = this.chain.noriTokens(word);
    if (pieces.length <= 1) return undefined;
    const words = pieces.every((p) => NOUN_TAGS.has(p.pos) && this.dictionary.lookup(p.surface).length > 0);
    return words && pieces.map((p) => p.surface).join('') === word ? `${word} ${pieces.map((p) => p.surface).join(' ')}` : word;
  }

  /**
   * A user word of korner (analyzer/userWords.ts) in Nori's format: its breakdown as the parts when the parts spell
   * it; Nori has no tags or costs. A later word of the same surface replaces an earlier one.
   */
  addUserWord(word: UserWord): void {
    const surface = word.surface.normalize('NFC');
    const parts = (word.morphemes ?? []).map((m) => m.text);
    this.lines.set(surface, parts.length > 1 && parts.join('') === surface ? `${surface} ${parts.join(' ')}` : surface);
  }

  /** The dictionary, sorted by surface, one entry a line. */
  toString(): string {
    const surfaces = [...this.lines.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return surfaces.map((s) => `${this.lines.get(s)}\n`).join('');
  }

  get size(): number {
    return this.lines.size;
  }
}

/**
 * Reads a Nori user dictionary (`word [part ...]` a line, `#` comments) as korner user words, so that the rules of
 * `korner synonyms --nori-dictionary FILE` are checked against the tokenizer the index will run: each entry a
 * noun, split into its parts where it lists them (what Nori emits for it in `discard` mode).
 */
export function parseNoriDictionary(text: string, name: string): UserWord[] {
  const words: UserWord[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const [surface, ...parts] = line.split(/\s+/).map((part) => part.normalize('NFC'));
    const word: UserWord = { surface: surface!, pos: 'NNG' };
    if (parts.length > 0) word.morphemes = parts.map((part) => ({ text: part, pos: 'NNG' }));
    words.push(word);
  }
  if (words.length === 0) throw new KornerError(ERROR_CODES.DICTIONARY, `${name}: the Nori user dictionary has no entries.`);
  return words;
}
