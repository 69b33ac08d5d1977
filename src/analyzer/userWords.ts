/**
 * User words for the morphological analyzer: surfaces the dictionary lacks or splits (brand names, new coinages,
 * names), with a Sejong tag, an optional cost and an optional breakdown.
 */
import { hasBatchim } from 'es-hangul';
import { ERROR_CODES, KornerError } from '../errors.js';
import { PatternAutomaton } from '../text/patternAutomaton.js';
import type { MecabDictionary, Morpheme, NameClass } from './dictionary.js';

export interface UserWord {
  surface: string;
  /** Sejong / mecab-ko-dic tag: NNG, NNP, VV, ... */
  pos: string;
  /** Word cost; lower wins. Defaults to {@link DEFAULT_USER_WORD_COST}. */
  cost?: number;
  /** Parts, when the word is a compound (삼성전자 → 삼성/NNP + 전자/NNG). */
  morphemes?: Morpheme[];
  /** For NNP: which kind of name (person, place or other); picks the dictionary's context ids for that class. */
  nameClass?: NameClass;
}

/**
 * The default cost of a user word. Word costs of mecab-ko-dic lie between about -6,000 and 15,000 and the
 * connection costs between about -4,000 and 10,000, so no split of the same span through the dictionary can
 * be cheaper: a user word always wins where it matches (the convention of Lucene's Korean and Japanese
 * tokenizers, whose user words cost -100,000). Where two user words overlap, the longer one starting first
 * wins, because only the longest user word is added at each position.
 */
export const DEFAULT_USER_WORD_COST = -100_000;

const SEJONG_TAGS = new Set([
  'NNG', 'NNP', 'NNB', 'NNBC', 'NR', 'NP', 'VV', 'VA', 'VX', 'VCP', 'VCN', 'MM', 'MAG', 'MAJ', 'IC',
  'JKS', 'JKC', 'JKG', 'JKO', 'JKB', 'JKV', 'JKQ', 'JX', 'JC', 'EP', 'EF', 'EC', 'ETN', 'ETM',
  'XPN', 'XSN', 'XSV', 'XSA', 'XR', 'SF', 'SE', 'SSO', 'SSC', 'SC', 'SY', 'SL', 'SH', 'SN',
]);

/**
 * Parses user words from TSV: `surface<TAB>tag[<TAB>cost[<TAB>breakdown]]`, `#` lines are comments. The tag
 * may carry a name class for proper nouns (`NNP:person`, `NNP:place`, `NNP:other`). The breakdown is
 * `part/TAG+part/TAG` (mecab style, `+` between parts) or parts separated by spaces, which take the word's tag.
 */
export function parseUserWords(tsv: string, name = 'user words'): UserWord[] {
  const words: UserWord[] = [];
  const lines = tsv.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [surface = '', tagField = '', costField = '', breakdown = ''] = line.split('\t').map((f) => f.trim());
    const where = `${name}, line ${i + 1}`;
    const [pos = '', nameClass] = tagField.split(':');
    const word: UserWord = { surface: surface.normalize('NFC'), pos };
    if (nameClass) word.nameClass = nameClass as NameClass;
    if (costField !== '') {
      const cost = Number(costField);
      if (!Number.isInteger(cost)) {
        throw new KornerError(ERROR_CODES.DICTIONARY, `${where}: cost "${costField}" is not an integer.`);
      }
      word.cost = cost;
    }
    if (breakdown) {
      word.morphemes = breakdown.includes('/')
        ? breakdown.split('+').map((part) => {
            const [text = '', tag = ''] = part.split('/');
            return { text: text.normalize('NFC'), pos: tag };
          })
        : breakdown.split(/\s+/).map((text) => ({ text: text.normalize('NFC'), pos }));
    }
    words.push(checkUserWord(word, where));
  }
  return words;
}

/** Checks one word and returns it; the message names the field to fix. */
export function checkUserWord(word: UserWord, where: string): UserWord {
  const fail = (what: string): never => {
    throw new KornerError(ERROR_CODES.DICTIONARY, `${where}: ${what}`);
  };
  if (!word || typeof word.surface !== 'string' || word.surface.trim() === '') fail('empty surface.');
  if (/\s/.test(word.surface)) fail(`surface "${word.surface}" contains a space; user words are single eojeol parts.`);
  if (!SEJONG_TAGS.has(word.pos)) fail(`unknown tag "${word.pos}" for "${word.surface}"; use a Sejong tag such as NNG, NNP, VV.`);
  if (word.nameClass !== undefined && !['person', 'place', 'other'].includes(word.nameClass)) {
    fail(`unknown name class "${word.nameClass}" for "${word.surface}"; use person, place or other.`);
  }
  if (word.nameClass !== undefined && word.pos !== 'NNP') fail(`a name class needs the tag NNP ("${word.surface}").`);
  if (word.cost !== undefined && (!Number.isInteger(word.cost) || Math.abs(word.cost) > 1e7)) {
    fail(`cost of "${word.surface}" must be an integer between -10,000,000 and 10,000,000.`);
  }
  for (const m of word.morphemes ?? []) {
    if (!m.text || !SEJONG_TAGS.has(m.pos)) fail(`bad breakdown part "${m.text}/${m.pos}" of "${word.surface}".`);
  }
  return word;
}

/** A user word ready for the lattice. */
export interface CompiledUserWord {
  word: UserWord;
  length: number;
  leftId: number;
  rightId: number;
  cost: number;
  tagId: number;
}

/**
 * The user words of one analyzer, in an Aho–Corasick automaton: one pass over a segment finds the words at every
 * start, in time linear in the segment however long the words are (a trie walk from every start cost the length
 * of the longest match at each, which a long word over a text repeating its beginning made quadratic).
 */
export class UserLexicon {
  private readonly automaton = new PatternAutomaton();
  /** The word of each pattern id (a word added again replaces the old one). */
  private readonly byId: CompiledUserWord[] = [];
  private readonly list: UserWord[] = [];

  constructor(private readonly dictionary: MecabDictionary) {}

  get size(): number {
    return this.list.length;
  }

  get words(): readonly UserWord[] {
    return this.list;
  }

  add(word: UserWord): void {
    checkUserWord(word, 'user word');
    const surface = word.surface.normalize('NFC');
    const ids = this.contextIds(word, surface);
    const compiled: CompiledUserWord = {
      word: { ...word, surface },
      length: surface.length,
      leftId: ids[0],
      rightId: ids[1],
      cost: word.cost ?? DEFAULT_USER_WORD_COST,
      tagId: this.dictionary.tagIds.get(word.pos) ?? 0,
    };
    const id = this.automaton.add(surface);
    const old = this.byId[id];
    if (old) this.list[this.list.indexOf(old.word)] = compiled.word;
    else this.list.push(compiled.word);
    this.byId[id] = compiled;
  }

  /**
   * Calls `visit(start, word)` for every user word inside `text[from, to)`, by increasing end: the last call for a
   * start gives the longest word there.
   */
  scan(text: string, from: number, to: number, visit: (start: number, word: CompiledUserWord) => void): void {
    this.automaton.scan(text, from, to, (start, _end, id) => visit(start, this.byId[id]!));
  }

  /**
   * Left and right context ids: those most common among dictionary words with the same tag (and name class),
   * the right id chosen by whether the word ends in a final consonant (받침), which the connection costs of
   * particles depend on (이/가, 을/를).
   */
  private contextIds(word: UserWord, surface: string): [number, number] {
    const table = this.dictionary.meta.userWordIds;
    const nameClass = word.pos === 'NNP' ? (word.nameClass ?? 'other') : '';
    const ids = table[`${word.pos}|${nameClass}`] ?? table[`${word.pos}|`];
    if (!ids) {
      throw new KornerError(ERROR_CODES.DICTIONARY, `user word "${surface}": the dictionary has no words tagged ${word.pos}.`);
    }
    return [ids[0], hasBatchim(surface) ? ids[1] : ids[2]];
  }
}
