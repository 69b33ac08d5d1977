/**
 * Morphological analysis with mecab-ko-dic: a lattice of every dictionary word, user word and unknown-word
 * candidate at each position, searched with Viterbi over word costs plus connection costs (as mecab and
 * Lucene's Korean tokenizer do).
 */
import { createToken } from '../document/createToken.js';
import type { Token } from '../document/types.js';
import { CHAR_PUNCT, CHAR_SPACE, hasExtraInfo, type MecabDictionary, type Morpheme, type NameClass, type UnknownDefinition } from './dictionary.js';
import { KIND_BITS, KIND_UNKNOWN, KIND_USER, Lattice, N_BACK, N_END, N_KIND, N_REF, N_START, NODE_FIELDS, USER_FIELDS, latticeFor, spacePenalty } from './lattice.js';
import { PrefixMatches, attachPrefixMatches } from './prefixMatches.js';
import { UserLexicon, parseUserWords, type CompiledUserWord, type UserWord } from './userWords.js';

/**
 * How compounds come out. `discard` (Elasticsearch's default for Nori): only the parts; `none`: only the
 * compound; `mixed`: the compound followed by its parts.
 */
export type DecompoundMode = 'none' | 'discard' | 'mixed';

export interface TokenizeOptions {
  /** Default `discard`, as Elasticsearch configures Nori. */
  decompound?: DecompoundMode;
  /**
   * Drop tokens that start with punctuation or a symbol (Unicode general categories P*, S*, Z*, Cc, Cf), as
   * Nori's `discard_punctuation` (default true there). Default here: false, since recognisers need %, ~, (.
   */
  discardPunctuation?: boolean;
}

/**
 * Lines are analysed one by one (each with its own beginning and end of sentence, as mecab reads its input);
 * a longer run without a line break is cut at a space near this length to bound the lattice's memory.
 */
const MAX_SEGMENT = 4096;
const KIND_MASK = (1 << KIND_BITS) - 1;

export class Analyzer {
  private readonly user: UserLexicon;
  /** The lattice (WebAssembly, shared by the analyzers of one dictionary). */
  private readonly lattice: Lattice;
  private readonly penaltyByTag: Int32Array;
  private readonly unknownDefs: UnknownDefinition[];
  private path: number[] = [];
  /**
   * What the trie walks found, for the tagger (see {@link PrefixMatches}): a bit per unit of the text being
   * tokenized, set where a walk started and went to its end; and the name matches as triples in
   * `names[0, nameLength)` (a start that the lattice reaches twice has its triples twice: see tokenize).
   */
  private walked: Int32Array = new Int32Array(64);
  private names: Int32Array = new Int32Array(3 * 256);
  private nameLength = 0;

  constructor(
    readonly dictionary: MecabDictionary,
    userWords?: readonly UserWord[] | string,
  ) {
    this.user = new UserLexicon(dictionary);
    this.lattice = latticeFor(dictionary, MAX_SEGMENT);
    this.penaltyByTag = new Int32Array(dictionary.meta.tags.map(spacePenalty));
    this.unknownDefs = dictionary.meta.unknown;
    if (userWords) this.addUserWords(userWords);
  }

  /** Adds user words (objects, or TSV text as {@link parseUserWords} reads it). A word added again replaces the old one. */
  addUserWords(words: readonly UserWord[] | string): void {
    const list = typeof words === 'string' ? parseUserWords(words) : words;
    for (const word of list) this.user.add(word);
  }

  get userWords(): readonly UserWord[] {
    return this.user.words;
  }

  /**
   * Splits `text` into morphemes. Offsets are UTF-16 indices into `text`; spaces belong to no token;
   * `eojeol` counts the whitespace-separated words.
   */
  tokenize(text: string, options: TokenizeOptions = {}): Token[] {
    const mode = options.decompound ?? 'discard';
    const discardPunctuation = options.discardPunctuation ?? false;
    const tokens: Token[] = [];
    const chars = this.dictionary.chars;
    const emit = new Emitter(this.dictionary, text, tokens, mode, discardPunctuation);
    let from = 0;
    const n = text.length;
    const words = (n + 15) >>> 4;
    if (this.walked.length < words) this.walked = new Int32Array(Math.max(words, 2 * this.walked.length));
    this.walked.fill(0, 0, words);
    this.nameLength = 0;
    while (from < n) {
      // Segment: up to the next line break, or cut at a space before MAX_SEGMENT.
      let to = from;
      while (to < n && to - from < MAX_SEGMENT) {
        const c = text.charCodeAt(to);
        if (c === 10 || c === 13) break;
        to++;
      }
      if (to < n && to - from >= MAX_SEGMENT) {
        let cut = to;
        while (cut > from + (MAX_SEGMENT >> 1) && !(chars[text.charCodeAt(cut - 1)]! & CHAR_SPACE)) cut--;
        if (cut === from + (MAX_SEGMENT >> 1)) {
          cut = to;
          const c = text.charCodeAt(cut - 1);
          if (c >= 0xd800 && c <= 0xdbff) cut--; // never split a surrogate pair
        }
        to = cut;
      }
      if (to > from) this.analyzeSegment(text, from, to, emit);
      from = to;
      while (from < n && (text.charCodeAt(from) === 10 || text.charCodeAt(from) === 13)) from++;
    }
    // The triples in order, each once: a start walked again (the lattice can reach it from two positions, when a
    // word ends inside white space) repeats its triples right after the first ones, in the same order.
    const names = this.names;
    let kept = 0;
    for (let k = 0; k < this.nameLength; k += 3) {
      if (kept === 0 || names[k]! > names[kept - 3]! || (names[k] === names[kept - 3] && names[k + 1]! > names[kept - 2]!)) {
        names[kept] = names[k]!;
        names[kept + 1] = names[k + 1]!;
        names[kept + 2] = names[k + 2]!;
        kept += 3;
      }
    }
    const data = new Array<number>(words + kept);
    for (let k = 0; k < words; k++) data[k] = this.walked[k]!;
    for (let k = 0; k < kept; k++) data[words + k] = names[k]!;
    attachPrefixMatches(tokens, new PrefixMatches(text, this.dictionary, data, words));
    return tokens;
  }

  /**
   * Builds the lattice for `text[from, to)` (in WebAssembly: see assembly/lattice.ts), finds the best path and
   * hands its nodes to `emit`; records the segment's walked starts and name matches for the tagger.
   */
  private analyzeSegment(text: string, from: number, to: number, emit: Emitter): void {
    const lattice = this.lattice;
    const user = this.user.size > 0;
    if (user) {
      // Each start's row holds the longest user word there (0: none); words come by increasing end, so the last
      // one written at a start is its longest.
      const rows = lattice.userRows();
      for (let s = from; s < to; s++) rows[USER_FIELDS * (s - from)] = 0;
      this.user.scan(text, from, to, (s, w) => {
        const o = USER_FIELDS * (s - from);
        rows[o] = s + w.length;
        rows[o + 1] = w.leftId;
        rows[o + 2] = w.rightId;
        rows[o + 3] = w.cost;
        rows[o + 4] = this.penaltyByTag[w.tagId]!;
        rows[o + 5] = this.userRef(w);
      });
    }
    // A walk that reaches the segment's end is complete when no dictionary word could go on there (the end of the
    // text or a line break, which no word contains); else only at a cut of a long line.
    const endStopsWalks = to >= text.length || this.dictionary.codes[text.charCodeAt(to)] === 0;
    const bestLast = lattice.run(text, from, to, endStopsWalks, user);

    const walked = this.walked;
    for (let s = from; s < to; s++) if (lattice.walked(from, s)) walked[s >>> 4] = walked[s >>> 4]! | (1 << (s & 15));
    const found = lattice.nameWords;
    if (this.nameLength + found > this.names.length) this.growNames(this.nameLength + found);
    this.names.set(lattice.i32.subarray(lattice.nameBase, lattice.nameBase + found), this.nameLength);
    this.nameLength += found;

    const nodes = lattice.i32;
    const base = lattice.nodeBase;
    const path = this.path;
    path.length = 0;
    for (let x = bestLast; x > 0; x = nodes[base + x * NODE_FIELDS + N_BACK]!) path.push(x);
    for (let k = path.length - 1; k >= 0; k--) {
      const o = base + path[k]! * NODE_FIELDS;
      const kind = nodes[o + N_KIND]!;
      emit.node(kind & KIND_MASK, nodes[o + N_START]!, nodes[o + N_END]!, nodes[o + N_REF]!, kind >> KIND_BITS, this);
    }
  }

  private growNames(needed: number): Int32Array {
    const grown = new Int32Array(Math.max(needed, this.names.length * 2));
    grown.set(this.names);
    return (this.names = grown);
  }

  private readonly userRefs: CompiledUserWord[] = [];
  private readonly userRefIndex = new Map<CompiledUserWord, number>();
  private userRef(w: CompiledUserWord): number {
    let i = this.userRefIndex.get(w);
    if (i === undefined) {
      i = this.userRefs.push(w) - 1;
      this.userRefIndex.set(w, i);
    }
    return i;
  }
  /** @internal */
  userWordAt(ref: number): CompiledUserWord {
    return this.userRefs[ref]!;
  }
  /** Decoded entries, and per dictionary entry its index there plus one (0: not decoded yet). */
  private readonly entryInfos: EntryInfo[] = [];
  private entryInfoIndex: Int32Array | undefined;
  /** @internal */
  entryInfo(entry: number): EntryInfo {
    const index = (this.entryInfoIndex ??= new Int32Array(this.dictionary.meta.entries));
    let info = index[entry]! > 0 ? this.entryInfos[index[entry]! - 1] : undefined;
    if (info === undefined) {
      const dict = this.dictionary;
      const type = dict.type(entry);
      const extra = dict.extra(entry);
      const morphemes = extra?.morphemes;
      const kind = type === 'MORPHEME' || !morphemes ? ENTRY_PLAIN : type === 'COMPOUND' ? ENTRY_COMPOUND : ENTRY_WHOLE;
      info = {
        kind,
        pos: kind === ENTRY_WHOLE ? morphemes!.map((m) => m.pos).join('+') : dict.tag(entry),
        nameClass: dict.nameClass(entry),
        reading: extra?.reading || undefined,
        morphemes,
      };
      index[entry] = this.entryInfos.push(info);
    }
    return info;
  }
  /** @internal */
  unknownAt(ref: number): UnknownDefinition {
    return this.unknownDefs[ref]!;
  }
}

const ENTRY_PLAIN = 0;
const ENTRY_COMPOUND = 1;
const ENTRY_WHOLE = 2;

/**
 * What the emitter reads of one dictionary entry, decoded once per analyzer (the reading and breakdown are
 * UTF-8 records; decoding them for every token was a large share of the time). The morpheme list is shared by
 * the tokens of that entry, as a user word's is.
 */
interface EntryInfo {
  /** ENTRY_PLAIN: one token; ENTRY_COMPOUND: decompounded; ENTRY_WHOLE: one token with its parts' tags joined. */
  kind: number;
  pos: string;
  nameClass: NameClass | undefined;
  reading: string | undefined;
  morphemes: Morpheme[] | undefined;
}

/** Turns path nodes into tokens: decompounding, punctuation, eojeol numbers. */
class Emitter {
  private eojeol = 0;
  private scan = 0;
  private seenWord = false;
  private inSpace = false;

  constructor(
    private readonly dict: MecabDictionary,
    private readonly text: string,
    private readonly tokens: Token[],
    private readonly mode: DecompoundMode,
    private readonly discardPunctuation: boolean,
  ) {}

  /** `info`: a dictionary entry's info bits, which the lattice recorded (reading them here would miss the cache). */
  node(kind: number, start: number, end: number, ref: number, info: number, analyzer: Analyzer): void {
    const { text, dict } = this;
    // Count whitespace runs between the previous token and this one.
    const chars = dict.chars;
    for (; this.scan < start; this.scan++) {
      const c = text.charCodeAt(this.scan);
      const space = (chars[c]! & CHAR_SPACE) !== 0 || c === 10 || c === 13;
      if (space && !this.inSpace && this.seenWord) this.eojeol++;
      this.inSpace = space;
    }
    this.scan = end;
    this.inSpace = false;
    this.seenWord = true;
    if (this.discardPunctuation && chars[text.charCodeAt(start)]! & CHAR_PUNCT) return;
    const surface = text.slice(start, end);
    const eojeol = this.eojeol;
    if (kind === KIND_UNKNOWN) {
      this.tokens.push(createToken(start, end, surface, analyzer.unknownAt(ref).tag, eojeol));
      return;
    }
    if (kind === KIND_USER) {
      const w = analyzer.userWordAt(ref).word;
      const token = createToken(start, end, surface, w.pos, eojeol);
      if (w.nameClass || w.pos === 'NNP') token.nameClass = w.nameClass ?? 'other';
      this.push(token, w.morphemes, true);
      return;
    }
    if (!hasExtraInfo(info)) {
      // A plain entry (most tokens): its tag and name class are in the entry's info bits, so skip the
      // decoded-entry cache (a 3 MB index, a cache miss per token).
      const token = createToken(start, end, surface, dict.tagOfInfo(info), eojeol);
      const nameClass = dict.nameClassOfInfo(info);
      if (nameClass) token.nameClass = nameClass;
      this.tokens.push(token);
      return;
    }
    const decoded = analyzer.entryInfo(ref);
    const token = createToken(start, end, surface, decoded.pos, eojeol);
    if (decoded.nameClass) token.nameClass = decoded.nameClass;
    if (decoded.reading) token.reading = decoded.reading;
    if (decoded.kind === ENTRY_PLAIN) {
      this.tokens.push(token);
    } else if (decoded.kind === ENTRY_COMPOUND) {
      this.push(token, decoded.morphemes, true);
    } else {
      // Inflected forms (했 = 하/VV + 았/EP) and pre-analysed words keep their surface as one token: their parts
      // are not substrings of the text, and the contract is text.slice(start, end) === token.text.
      token.morphemes = decoded.morphemes;
      this.tokens.push(token);
    }
  }

  /** A compound: whole, parts, or both, depending on the mode; parts only when they spell the surface. */
  private push(token: Token, morphemes: Morpheme[] | undefined, compound: boolean): void {
    if (!morphemes || morphemes.length < 2) {
      if (morphemes) token.morphemes = morphemes;
      this.tokens.push(token);
      return;
    }
    token.morphemes = morphemes;
    const spells = compound && morphemes.map((m) => m.text).join('') === token.text;
    if (this.mode === 'none' || !spells) {
      this.tokens.push(token);
      return;
    }
    if (this.mode === 'mixed') this.tokens.push(token);
    let at = token.start;
    for (const m of morphemes) {
      const part = createToken(at, at + m.text.length, m.text, m.pos, token.eojeol);
      this.tokens.push(part);
      at = part.end;
    }
  }
}
