import type { Token } from '../document/types.js';
import type { MecabDictionary } from './dictionary.js';

/**
 * The mecab-ko-dic words that the analyzer's lattice found while it tokenized a text, kept for the tagger: its
 * features need mecab-ko-dic's proper nouns where a word starts, and reading them here instead of walking the
 * 12 MB trie a second time over the same text saves that walk's cache misses.
 *
 * Only starts that the analyzer walked to the end count as covered: it skips starts where no lattice node ends,
 * and stops a walk where it cuts a long line, while the trie may go on there. The reader looks the others up
 * itself.
 */
export class PrefixMatches {
  constructor(
    /** The text that was analysed: the matches hold for exactly this text. */
    readonly text: string,
    readonly dictionary: MecabDictionary,
    /**
     * One plain array of small integers, one allocation per text (a typed array per text, allocated outside the
     * heap, cost the analyzer more than the tagger saved on short texts): first a bit per UTF-16 unit of the text,
     * set where the start is covered (bit `i & 15` of element `i >>> 4`, 16 bits so that every element stays a
     * small integer); from {@link namesAt} on, triples (start, end, value) in order of start then
     * end: every word of two units or more that starts at a covered start and whose entries include a name class,
     * with the set of its entries' name classes (bit k: an entry has the class `dictionary.meta.nameClasses[k]`).
     */
    readonly data: readonly number[],
    /** Where the triples begin in `data`. */
    readonly namesAt: number,
  ) {}

  /** Whether every match starting at `start` is in the triples. */
  covers(start: number): boolean {
    return start >= 0 && start < this.text.length && ((this.data[start >>> 4]! >>> (start & 15)) & 1) !== 0;
  }

  /** The offset in `data` of the first triple whose start is `from` or later (data.length if none). */
  firstAtOrAfter(from: number): number {
    const data = this.data;
    let lo = 0;
    let hi = (data.length - this.namesAt) / 3;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (data[this.namesAt + 3 * mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return this.namesAt + 3 * lo;
  }
}

/**
 * Where the analyzer leaves its matches: a symbol-keyed, non-enumerable property of the token array it returns,
 * so that they live exactly as long as the tokens and leave what users see of the array (its elements, JSON,
 * enumerable properties) unchanged. A stage that replaces the tokens drops them with the old array.
 */
const PREFIX_MATCHES = Symbol('korner.prefixMatches');

export function attachPrefixMatches(tokens: Token[], matches: PrefixMatches): void {
  if (Object.isExtensible(tokens)) Object.defineProperty(tokens, PREFIX_MATCHES, { value: matches, configurable: true, writable: true });
}

/** The matches the analyzer left on `tokens` for `text`, if any. */
export function prefixMatchesOf(tokens: readonly Token[] | undefined, text: string): PrefixMatches | undefined {
  const matches = tokens && (tokens as unknown as Record<symbol, PrefixMatches | undefined>)[PREFIX_MATCHES];
  return matches && matches.text === text ? matches : undefined;
}
