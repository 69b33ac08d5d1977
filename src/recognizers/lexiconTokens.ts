import type { Token } from '../document/types.js';
import type { Trie, TrieMatch } from './gazetteer.js';
import type { NameLexicon } from './lexicon.js';

/**
 * Views over the tokens that the name recognisers share. They read only Token fields (offsets, text, pos,
 * nameClass, eojeol), so they work the same over the first tokenizer and over the mecab-ko-dic analyzer.
 */
export interface Eojeol {
  index: number;
  tokens: Token[];
  start: number;
  end: number;
  /**
   * The noun phrase the eojeol starts with, after leading quotes or brackets: its noun-like tokens up to the first
   * particle, ending, symbol or parenthesis (인천시청 in 인천시청에서, 이현준기자 in /이현준기자).
   */
  core: { start: number; end: number; text: string; tokens: Token[] } | undefined;
  /** True when nothing but the core (and closing quotes or commas) is in the eojeol: no particle follows. */
  bare: boolean;
  /** The core's bounds without making the core (its text and tokens): -1 when there is none. */
  coreStart: number;
  coreEnd: number;
}

const POS_NOUN_LIKE = 1;
const POS_LEADING_SYMBOL = 2;
const POS_TRAILING_SYMBOL = 4;

/**
 * What the tag says, as bits: noun-like (it starts with NN, NR, NP, NA, SL, SN, SH, XR, XPN or UNKNOWN), a symbol
 * that may lead an eojeol (exactly SS, SP, SO, SF or SW) or trail a name (SS, SP or SF). Read from the tag's first
 * units: tags are fresh strings per token, and hashing each one for a cache cost more than the test itself.
 */
function posClass(pos: string): number {
  const a = pos.charCodeAt(0);
  const b = pos.charCodeAt(1);
  switch (a) {
    case 78 /* N */:
      return b === 78 || b === 82 || b === 80 || b === 65 ? POS_NOUN_LIKE : 0;
    case 83 /* S */:
      if (b === 76 || b === 78 || b === 72) return POS_NOUN_LIKE;
      if (pos.length !== 2) return 0;
      if (b === 83 || b === 80 || b === 70) return POS_LEADING_SYMBOL | POS_TRAILING_SYMBOL;
      return b === 79 || b === 87 ? POS_LEADING_SYMBOL : 0;
    case 88 /* X */:
      return b === 82 || (b === 80 && pos.charCodeAt(2) === 78) ? POS_NOUN_LIKE : 0;
    case 85 /* U */:
      return pos.startsWith('UNKNOWN') ? POS_NOUN_LIKE : 0;
    default:
      return 0;
  }
}

export function isNounLike(token: Token): boolean {
  return (posClass(token.pos) & POS_NOUN_LIKE) !== 0 || (token.pos === 'XSN' && token.text !== '들');
}

/** Particles, copula, endings and verb suffixes: what may follow a name inside its eojeol. */
export function isFunctional(token: Token): boolean {
  return /^(J|E|VCP|XSV|XSA)/.test(token.pos) || token.text === '들' || token.pos === 'NNB';
}

/**
 * The person, place and organisation stages all read the same eojeol grouping and dictionary hits of one
 * document; they are kept on the token array itself (under a symbol, checked against its length and the text), so
 * that the work is done once per document, also when the pipeline runs a batch stage by stage, and lives exactly
 * as long as the tokens. (A memo of the last document missed in batches; a WeakMap keyed by the token arrays, whose
 * values point back at them, grew the heap to 700 MB on nsmc-5mb; a first-in first-out memo of many documents kept
 * them alive long enough to fill the old generation.) Callers must not change what these functions return.
 */
const EOJEOLS = Symbol('korner.eojeols');
const MATCHES = Symbol('korner.gazetteerMatches');
let endsBuffer = new Uint8Array(1024);

interface Memo<V> {
  text: string;
  length: number;
  key: object | undefined;
  result: V;
}

function recall<V>(tokens: readonly Token[], slot: symbol, text: string, key?: object): V | undefined {
  const memo = (tokens as unknown as Record<symbol, Memo<V> | undefined>)[slot];
  return memo && memo.text === text && memo.length === tokens.length && memo.key === key ? memo.result : undefined;
}

function remember<V>(tokens: readonly Token[], slot: symbol, text: string, result: V, key?: object): V {
  // A frozen array (tokens from a caller's own stage) is simply not memoised.
  if (Object.isExtensible(tokens)) {
    Object.defineProperty(tokens, slot, { value: { text, length: tokens.length, key, result }, configurable: true, writable: true });
  }
  return result;
}

export function groupEojeols(text: string, tokens: readonly Token[]): Eojeol[] {
  return recall<Eojeol[]>(tokens, EOJEOLS, text) ?? remember(tokens, EOJEOLS, text, groupEojeolsUncached(text, tokens));
}

function groupEojeolsUncached(text: string, tokens: readonly Token[]): Eojeol[] {
  const out: Eojeol[] = [];
  let from = 0;
  for (let t = 1; t <= tokens.length; t++) {
    if (t === tokens.length || tokens[t]!.eojeol !== tokens[from]!.eojeol) {
      out.push(new TokenEojeol(text, tokens, from, t));
      from = t;
    }
  }
  return out;
}

/**
 * An eojeol over tokens `[from, to)` of the document's token array. Its bounds and where its core lies are found
 * at once, by part of speech alone; the token lists, the core's text and `bare` are made when a recogniser first
 * reads them (the place stage reads none of them, the organisation stage mostly the core's bounds), so that
 * grouping allocates one object per eojeol instead of five.
 */
class TokenEojeol implements Eojeol {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  /** The core's first and last token (exclusive) in the document's token array; equal when there is no core. */
  readonly coreFrom: number;
  readonly coreTo: number;
  private tokenList: Token[] | undefined;
  private coreValue: Eojeol['core'] | null = null;
  private bareValue: boolean | undefined;

  constructor(
    private readonly text: string,
    private readonly all: readonly Token[],
    private readonly from: number,
    private readonly to: number,
  ) {
    this.index = all[from]!.eojeol;
    this.start = all[from]!.start;
    this.end = all[to - 1]!.end;
    let i = from;
    while (i < to && (posClass(all[i]!.pos) & POS_LEADING_SYMBOL) !== 0 && all[i]!.text !== '(') i++;
    let j = i;
    while (j < to && isNounLike(all[j]!)) j++;
    this.coreFrom = i;
    this.coreTo = j;
  }

  get tokens(): Token[] {
    return (this.tokenList ??= this.all.slice(this.from, this.to));
  }

  get core(): Eojeol['core'] {
    if (this.coreValue === null) {
      const { coreFrom, coreTo, all } = this;
      this.coreValue =
        coreTo > coreFrom
          ? {
              start: all[coreFrom]!.start,
              end: all[coreTo - 1]!.end,
              text: this.text.slice(all[coreFrom]!.start, all[coreTo - 1]!.end),
              tokens: all.slice(coreFrom, coreTo),
            }
          : undefined;
    }
    return this.coreValue;
  }

  /** The core's start offset, or -1 when the eojeol has none (without making the core). */
  get coreStart(): number {
    return this.coreTo > this.coreFrom ? this.all[this.coreFrom]!.start : -1;
  }

  /** The core's end offset, or -1 when the eojeol has none. */
  get coreEnd(): number {
    return this.coreTo > this.coreFrom ? this.all[this.coreTo - 1]!.end : -1;
  }

  get bare(): boolean {
    if (this.bareValue === undefined) {
      let bare = true;
      for (let k = this.coreTo; k < this.to; k++) {
        if ((posClass(this.all[k]!.pos) & POS_TRAILING_SYMBOL) === 0 || this.all[k]!.text === '(') bare = false;
      }
      this.bareValue = bare;
    }
    return this.bareValue;
  }
}

/**
 * Dictionary hits that start at a token start and end at a token end (so 인천 is not found inside the one token
 * 인천시청, but is in 인천/시장). Surfaces with spaces (한중 경제장관회의) match across eojeol. Longest per start.
 */
export function matchAtTokens<V>(text: string, tokens: readonly Token[], trie: Trie<V>): (TrieMatch<V> & { first: number })[] {
  const known = recall<(TrieMatch<V> & { first: number })[]>(tokens, MATCHES, text, trie);
  if (known) return known;
  // One buffer serves every document (cleared over the length used): see longestNonOverlapping.
  if (endsBuffer.length < text.length + 1) endsBuffer = new Uint8Array(Math.max(text.length + 1, 2 * endsBuffer.length));
  const ends = endsBuffer;
  ends.fill(0, 0, text.length + 1);
  for (const token of tokens) if (token.end <= text.length) ends[token.end] = 1;
  const out: (TrieMatch<V> & { first: number })[] = [];
  const hit: { end: number; value: V | undefined } = { end: 0, value: undefined };
  for (let t = 0; t < tokens.length; t++) {
    const start = tokens[t]!.start;
    // A Latin or digit run must not go on (ETRI is not in ETRIX); the tokenizer's runs already ensure it.
    if (trie.longestEndingAt(text, start, ends, hit)) out.push({ start, end: hit.end, value: hit.value as V, first: t });
  }
  return remember(tokens, MATCHES, text, out, trie);
}

/** Hangul syllables only. */
export function isHangulWord(text: string): boolean {
  return /^[\uac00-\ud7a3]+$/.test(text);
}

/** Whether `rest` (what follows a name in its eojeol) is empty or only particles/endings or symbols. */
export function isParticleTail(rest: string, lexicon: NameLexicon): boolean {
  const trimmed = rest.replace(/^[\s"'’”)\]}>,.·…!?]+/u, '');
  if (trimmed.length === 0) return true;
  const word = /^[\uac00-\ud7a3]+/.exec(trimmed)?.[0] ?? '';
  if (word.length === 0) return !/^[\p{L}\p{N}]/u.test(trimmed);
  if (word.length !== trimmed.length && /^[\p{L}\p{N}]/u.test(trimmed.slice(word.length))) return false;
  return lexicon.josa.has(word) || lexicon.endings.has(word);
}
