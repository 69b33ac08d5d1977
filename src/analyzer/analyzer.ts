/**
 * Morphological analysis with mecab-ko-dic: a lattice of every dictionary word, user word and unknown-word
 * candidate at each position, searched with Viterbi over word costs plus connection costs (as mecab and
 * Lucene's Korean tokenizer do).
 */
import { createToken } from '../document/createToken.js';
import type { Token } from '../document/types.js';
import {
  CHAR_CLASS_MASK,
  CHAR_DIGIT,
  CHAR_GROUP,
  CHAR_INVOKE,
  CHAR_NON_SPACING_MARK,
  CHAR_PUNCT,
  CHAR_SCRIPT_SHIFT,
  CHAR_SPACE,
  HANGUL_FIRST,
  INFO_CLASS_SHIFT,
  TRIE_HAS_VALUE,
  TRIE_PARENT_MASK,
  type MecabDictionary,
  type Morpheme,
  type NameClass,
  type UnknownDefinition,
} from './dictionary.js';
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
 * The penalty mecab-ko adds to a word that follows a space when the word begins with a particle, an ending,
 * the copula or a suffix (Lucene's KoreanTokenizer applies 3000 to left POS E*, J*, VCP, XSA, XSN, XSV): such
 * morphemes attach to the preceding word, so a space before one is evidence against the analysis.
 */
const SPACE_PENALTY = 3000;
const SPACE_PENALTY_TAGS = /^(E|J|VCP$|XSA$|XSN$|XSV$)/;
/** Lucene's limit on the length of one unknown word. */
const MAX_UNKNOWN_LENGTH = 1024;
/**
 * Lines are analysed one by one (each with its own beginning and end of sentence, as mecab reads its input);
 * a longer run without a line break is cut at a space near this length to bound the lattice's memory.
 */
const MAX_SEGMENT = 4096;

const KIND_BOS = 0;
const KIND_DICT = 1;
const KIND_UNKNOWN = 2;
const KIND_USER = 3;

/**
 * Lattice nodes, reused across calls: one record of NODE_FIELDS Int32 per node, so that adding a node writes one
 * cache line and gathering the nodes that end at a position reads one per node (separate arrays per field
 * touched eight).
 */
const NODE_FIELDS = 8;
const N_START = 0;
const N_END = 1;
const N_REF = 2;
const N_KIND = 3;
const N_RIGHT = 4;
const N_COST = 5;
const N_BACK = 6;
/** The next node ending at the same position (-1: none). */
const N_NEXT = 7;

export class Analyzer {
  private readonly user: UserLexicon;
  private nodes: Int32Array = new Int32Array(NODE_FIELDS * 1024);
  private head = new Int32Array(0);
  private count = 0;
  private segmentStart = 0;
  private readonly penaltyByTag: Int32Array;
  private readonly unknownDefs: UnknownDefinition[];
  private readonly hanjaClass: number;
  private readonly unknownPenalty: number[];
  /** Indices into unknownDefs per character class. */
  private readonly unknownByClass: number[][];
  private path: number[] = [];
  // Scratch for gatherPredecessors / connect, indexed by context id; `stamp` tells stale slots apart.
  private stamp = 0;
  private readonly rightStamp: Int32Array;
  private readonly rightSlot: Int32Array;
  private readonly predRight: Int32Array;
  private readonly predCost: Int32Array;
  private readonly predNode: Int32Array;
  /** Per trie code: the root's child for it (or -1), its base and its entry value (or -1). */
  private readonly rootChild: Int32Array;
  private predCount = 0;
  private readonly leftStamp: Int32Array;
  private readonly leftCost: Int32Array;
  private readonly leftNode: Int32Array;
  /**
   * What the trie walks found, for the tagger (see {@link PrefixMatches}): a bit per unit of the text being
   * tokenized, set where a walk started and went to its end; and the name matches as triples in
   * `names[0, nameLength)` (a start that the lattice reaches twice has its triples twice: see tokenize).
   */
  private walked: Int32Array = new Int32Array(64);
  private names: Int32Array = new Int32Array(3 * 256);
  private nameLength = 0;
  /** The name class indices (bits 0-3) that stand for a class (1, 2 and 3: meta.nameClasses[0] is none). */
  private readonly namedIndices: number;

  constructor(
    readonly dictionary: MecabDictionary,
    userWords?: readonly UserWord[] | string,
  ) {
    this.user = new UserLexicon(dictionary);
    const rights = dictionary.rightIds;
    const lefts = dictionary.meta.leftIds;
    this.rightStamp = new Int32Array(rights);
    this.rightSlot = new Int32Array(rights);
    this.predRight = new Int32Array(rights);
    this.predCost = new Int32Array(rights);
    this.predNode = new Int32Array(rights);
    this.rootChild = dictionary.rootChildren;
    this.leftStamp = new Int32Array(lefts);
    this.leftCost = new Int32Array(lefts);
    this.leftNode = new Int32Array(lefts);
    this.penaltyByTag = new Int32Array(dictionary.meta.tags.map((t) => (SPACE_PENALTY_TAGS.test(t) ? SPACE_PENALTY : 0)));
    this.unknownDefs = dictionary.meta.unknown;
    this.hanjaClass = dictionary.meta.characterClasses.HANJA ?? -1;
    this.unknownPenalty = this.unknownDefs.map((d) => (SPACE_PENALTY_TAGS.test(d.tag) ? SPACE_PENALTY : 0));
    this.namedIndices = dictionary.meta.nameClasses.reduce((bits, name, k) => (name ? bits | (1 << k) : bits), 0);
    this.unknownByClass = [];
    this.unknownDefs.forEach((d, k) => (this.unknownByClass[d.classId] ??= []).push(k));
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

  /** Builds the lattice for `text[from, to)`, finds the best path and hands its nodes to `emit`. */
  private analyzeSegment(text: string, from: number, to: number, emit: Emitter): void {
    const dict = this.dictionary;
    const { trie, codes, entries, chars, matrix, hangulInfo, hangulSpan } = dict;
    const rootChild = this.rootChild;
    const { penaltyByTag, leftStamp, leftCost, leftNode, predRight, predCost, predNode } = this;
    const rowMin = dict.rowMin;
    const trieSize = trie.length >> 1;
    const { walked, namedIndices } = this;
    const classBits = 3 << INFO_CLASS_SHIFT;
    let names = this.names;
    let nameLength = this.nameLength;
    // A walk that reaches the segment's end is complete when no dictionary word could go on there (the end of the
    // text or a line break, which no word contains); else only at a cut of a long line.
    const endStopsWalks = to >= text.length || codes[text.charCodeAt(to)] === 0;
    const R = dict.rightIds;
    const len = to - from;
    if (this.head.length < len + 1) this.head = new Int32Array(Math.max(len + 1, this.head.length * 2));
    const head = this.head;
    head.fill(-1, 0, len + 1);
    this.count = 0;
    this.segmentStart = from;
    // Beginning of sentence: right context id 0.
    this.addNode(KIND_BOS, 0, from, from, 0, 0, -1);

    for (let p = from; p < to; p++) {
      const fromHead = head[p - from]!;
      if (fromHead < 0) continue;
      let s = p;
      for (; s < to; s++) {
        const c = text.charCodeAt(s);
        const info = (c - HANGUL_FIRST) >>> 0 < hangulSpan ? hangulInfo : chars[c]!;
        if (!(info & CHAR_SPACE)) break;
      }
      if (s === to) break;
      const spaced = s > p;
      let anyMatch = false;
      this.gatherPredecessors(fromHead);
      const stamp = this.stamp;
      const predCount = this.predCount;

      if (this.user.size > 0) {
        const w = this.user.longest(text, s, to);
        if (w) {
          anyMatch = true;
          this.connect(s, s + w.length, w.leftId, w.rightId,
            w.cost + (spaced ? this.penaltyByTag[w.tagId]! : 0), KIND_USER, this.userRef(w));
        }
      }

      // Every dictionary word starting at s: walk the double-array trie, one (base, check) pair per character;
      // the check's flag says whether a word ends there, and a leaf (negative base) ends the walk (see build.mjs).
      // The first step, from the root, comes from a small table (the root's children are spread over the trie).
      // The words of two units or more whose entries have a name class are recorded for the tagger (once per start).
      const firstCode = codes[text.charCodeAt(s)]!;
      let node = firstCode === 0 ? -1 : rootChild[3 * firstCode]!;
      // Room for a triple per unit the walk can reach, so that recording calls nothing inside the walk.
      if (nameLength + 3 * (to - s) > names.length) names = this.growNames(nameLength + 3 * (to - s));
      let i = s;
      for (; node >= 0 && i < to; i++) {
        let value: number;
        let base: number;
        if (i === s) {
          base = rootChild[3 * firstCode + 1]!;
          value = rootChild[3 * firstCode + 2]!;
        } else {
          const code = codes[text.charCodeAt(i)]!;
          if (code === 0) break;
          const nextNode = trie[2 * node]! + code;
          if (nextNode >= trieSize) break;
          const check = trie[2 * nextNode + 1]!;
          if ((check & TRIE_PARENT_MASK) !== node) break;
          node = nextNode;
          base = trie[2 * node]!;
          value = check & TRIE_HAS_VALUE ? -(base < 0 ? base : trie[2 * base]!) - 1 : -1;
        }
        if (base < 0) node = -1; // a leaf: no longer word starts here
        if (value >= 0) {
          const endAt = i + 1 - from;
          let nodes = this.nodes;
          const first = (value / 64) | 0;
          const last = first + (value & 63);
          anyMatch = true;
          let infos = 0;
          for (let e = first; e < last; e++) {
            const o = 4 * e;
            const leftId = entries[o]!;
            const info = entries[o + 3]!;
            infos |= info;
            const wordCost = entries[o + 2]! + (spaced ? penaltyByTag[info & 0x3f]! : 0);
            // connect() and addNode(), inlined with the arrays in locals: this loop runs for every dictionary
            // entry at every position, and V8 reloads fields of `this` through the calls.
            let best: number;
            let bestNode: number;
            if (leftStamp[leftId] === stamp) {
              best = leftCost[leftId]!;
              bestNode = leftNode[leftId]!;
            } else {
              const row = leftId * R;
              const rowMinL = rowMin[leftId]!;
              best = 0x7fffffff;
              bestNode = -1;
              for (let k = 0; k < predCount; k++) {
                const pc = predCost[k]!;
                if (pc + rowMinL > best) break;
                const c = pc + matrix[row + predRight[k]!]!;
                if (c < best || (c === best && predNode[k]! < bestNode)) {
                  best = c;
                  bestNode = predNode[k]!;
                }
              }
              leftStamp[leftId] = stamp;
              leftCost[leftId] = best;
              leftNode[leftId] = bestNode;
            }
            const x = this.count++;
            const no = x * NODE_FIELDS;
            if (no >= nodes.length) nodes = this.growNodes();
            nodes[no + N_START] = s;
            nodes[no + N_END] = i + 1;
            nodes[no + N_REF] = e;
            nodes[no + N_KIND] = KIND_DICT;
            nodes[no + N_RIGHT] = entries[o + 1]!;
            nodes[no + N_COST] = best + wordCost;
            nodes[no + N_BACK] = bestNode;
            nodes[no + N_NEXT] = head[endAt]!;
            head[endAt] = x;
          }
          // Nonzero class bits in some entry (or index 0 meaning a class): collect the group's set of class indices.
          if (i > s && ((infos & classBits) !== 0 || (namedIndices & 1) !== 0)) {
            let classes = 0;
            for (let e = first; e < last; e++) classes |= 1 << ((entries[4 * e + 3]! >> INFO_CLASS_SHIFT) & 3);
            if ((classes & namedIndices) !== 0) {
              names[nameLength] = s;
              names[nameLength + 1] = i + 1;
              names[nameLength + 2] = classes;
              nameLength += 3;
            }
          }
        }
      }
      // Covered unless still inside the trie at a cut (words that cross it were not looked for).
      if (node < 0 || i < to || endStopsWalks) walked[s >>> 4] = walked[s >>> 4]! | (1 << (s & 15));

      // Unknown words: only where the dictionary has nothing, or the character class always invokes them.
      const first = text.charCodeAt(s);
      const info = (first - HANGUL_FIRST) >>> 0 < hangulSpan ? hangulInfo : chars[first]!;
      if (!anyMatch || info & CHAR_INVOKE) {
        let cls = info & CHAR_CLASS_MASK;
        let length = 1;
        if (info & CHAR_GROUP) {
          // A run of one script (Common and Inherited characters join either side), not mixing
          // punctuation with other characters nor digits with non-digits: how Lucene groups unknown words.
          let script = (info >>> CHAR_SCRIPT_SHIFT) & 0xff;
          const punct = info & CHAR_PUNCT;
          const digit = info & CHAR_DIGIT;
          for (let i = s + 1; i < to && length < MAX_UNKNOWN_LENGTH; i++) {
            const u = text.charCodeAt(i);
            const ci = (u - HANGUL_FIRST) >>> 0 < hangulSpan ? hangulInfo : chars[u]!;
            if (ci & CHAR_SPACE) break;
            const sc = (ci >>> CHAR_SCRIPT_SHIFT) & 0xff;
            const sameScript = sc === script || script === 0 || sc === 0 || (ci & CHAR_NON_SPACING_MARK) !== 0;
            if (!sameScript || (ci & CHAR_PUNCT) !== punct || (ci & CHAR_DIGIT) !== digit || !(ci & CHAR_GROUP)) break;
            length++;
            if (script === 0 && sc !== 0) {
              script = sc;
              cls = ci & CHAR_CLASS_MASK;
            }
          }
        }
        // Never end inside a surrogate pair; astral CJK ideographs (Extension B and later) are Hanja.
        const lastUnit = text.charCodeAt(s + length - 1);
        if (lastUnit >= 0xd800 && lastUnit <= 0xdbff && s + length < to) length++;
        if (first >= 0xd840 && first <= 0xd8bf && this.hanjaClass >= 0) cls = this.hanjaClass;
        const defs = this.unknownByClass[cls] ?? this.unknownByClass[1] ?? [];
        for (const k of defs) {
          const def = this.unknownDefs[k]!;
          this.connect(s, s + length, def.leftId, def.rightId,
            def.cost + (spaced ? this.unknownPenalty[k]! : 0), KIND_UNKNOWN, k);
        }
      }
    }

    this.names = names;
    this.nameLength = nameLength;

    // End of sentence (left context id 0) after the last non-space character.
    let last = to;
    while (last > from && chars[text.charCodeAt(last - 1)]! & CHAR_SPACE) last--;
    let best = 0x7fffffff;
    let bestNode = -1;
    const nodes = this.nodes;
    for (let x = head[last - from]!; x >= 0; x = nodes[x * NODE_FIELDS + N_NEXT]!) {
      const c = nodes[x * NODE_FIELDS + N_COST]! + matrix[nodes[x * NODE_FIELDS + N_RIGHT]!]!;
      if (c < best || (c === best && x < bestNode)) {
        best = c;
        bestNode = x;
      }
    }
    const path = this.path;
    path.length = 0;
    for (let x = bestNode; x > 0; x = nodes[x * NODE_FIELDS + N_BACK]!) path.push(x);
    for (let k = path.length - 1; k >= 0; k--) {
      const x = path[k]!;
      const o = x * NODE_FIELDS;
      emit.node(nodes[o + N_KIND]!, nodes[o + N_START]!, nodes[o + N_END]!, nodes[o + N_REF]!, this);
    }
  }

  /**
   * Collects the distinct right context ids among the nodes ending at one position, each with its cheapest
   * node (the earliest on equal cost, as mecab and Lucene keep the first of equal predecessors). Words only see
   * a predecessor through its right id, so this loses nothing and shortens the inner loop.
   */
  private gatherPredecessors(fromHead: number): void {
    const stamp = ++this.stamp;
    const nodes = this.nodes;
    const { rightStamp, rightSlot, predRight, predCost, predNode } = this;
    let k = 0;
    for (let x = fromHead; x >= 0; x = nodes[x * NODE_FIELDS + N_NEXT]!) {
      const r = nodes[x * NODE_FIELDS + N_RIGHT]!;
      const c = nodes[x * NODE_FIELDS + N_COST]!;
      if (rightStamp[r] !== stamp) {
        rightStamp[r] = stamp;
        rightSlot[r] = k;
        predRight[k] = r;
        predCost[k] = c;
        predNode[k] = x;
        k++;
      } else {
        const j = rightSlot[r]!;
        if (c < predCost[j]! || (c === predCost[j]! && x < predNode[j]!)) {
          predCost[j] = c;
          predNode[j] = x;
        }
      }
    }
    // Cheapest first, so that connect() can stop early (see there).
    for (let i = 1; i < k; i++) {
      const r = predRight[i]!;
      const c = predCost[i]!;
      const x = predNode[i]!;
      let j = i - 1;
      while (j >= 0 && (predCost[j]! > c || (predCost[j]! === c && predNode[j]! > x))) {
        predRight[j + 1] = predRight[j]!;
        predCost[j + 1] = predCost[j]!;
        predNode[j + 1] = predNode[j]!;
        j--;
      }
      predRight[j + 1] = r;
      predCost[j + 1] = c;
      predNode[j + 1] = x;
    }
    this.predCount = k;
  }

  /**
   * Adds a word `[start, end)` reached from the predecessors gathered for its position: its path cost is the
   * cheapest predecessor's cost plus the connection cost plus the word cost. The best predecessor depends only
   * on the word's left id, so it is computed once per left id and position.
   */
  private connect(start: number, end: number, leftId: number, rightId: number, wordCost: number, kind: number, ref: number): void {
    let best: number;
    let bestNode: number;
    if (this.leftStamp[leftId] === this.stamp) {
      best = this.leftCost[leftId]!;
      bestNode = this.leftNode[leftId]!;
    } else {
      const { predRight, predCost, predNode } = this;
      const matrix = this.dictionary.matrix;
      const row = leftId * this.dictionary.rightIds;
      // Predecessors come cheapest first and no connection into this left id costs less than rowMin, so once
      // a predecessor's cost plus rowMin exceeds the best total, no later one can win: an exact cut that skips
      // most lookups in the 20 MB matrix (the cache misses there dominate the running time).
      const rowMin = this.dictionary.rowMin[leftId]!;
      best = 0x7fffffff;
      bestNode = -1;
      for (let k = 0, n = this.predCount; k < n; k++) {
        if (predCost[k]! + rowMin > best) break;
        const c = predCost[k]! + matrix[row + predRight[k]!]!;
        if (c < best || (c === best && predNode[k]! < bestNode)) {
          best = c;
          bestNode = predNode[k]!;
        }
      }
      this.leftStamp[leftId] = this.stamp;
      this.leftCost[leftId] = best;
      this.leftNode[leftId] = bestNode;
    }
    this.addNode(kind, ref, start, end, rightId, best + wordCost, bestNode);
  }

  private growNames(needed: number): Int32Array {
    const grown = new Int32Array(Math.max(needed, this.names.length * 2));
    grown.set(this.names);
    return (this.names = grown);
  }

  private growNodes(): Int32Array {
    const grown = new Int32Array(this.nodes.length * 2);
    grown.set(this.nodes);
    return (this.nodes = grown);
  }

  private addNode(kind: number, ref: number, start: number, end: number, rightId: number, cost: number, back: number): void {
    const x = this.count++;
    const o = x * NODE_FIELDS;
    const nodes = o < this.nodes.length ? this.nodes : this.growNodes();
    const h = end - this.segmentStart;
    nodes[o + N_START] = start;
    nodes[o + N_END] = end;
    nodes[o + N_REF] = ref;
    nodes[o + N_KIND] = kind;
    nodes[o + N_RIGHT] = rightId;
    nodes[o + N_COST] = cost;
    nodes[o + N_BACK] = back;
    nodes[o + N_NEXT] = this.head[h]!;
    this.head[h] = x;
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

  node(kind: number, start: number, end: number, ref: number, analyzer: Analyzer): void {
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
    if (!dict.hasExtra(ref)) {
      // A plain entry (most tokens): its tag and name class are in the entry record, which the lattice just
      // read, so skip the decoded-entry cache (a 3 MB index, a cache miss per token).
      const token = createToken(start, end, surface, dict.tag(ref), eojeol);
      const nameClass = dict.nameClass(ref);
      if (nameClass) token.nameClass = nameClass;
      this.tokens.push(token);
      return;
    }
    const info = analyzer.entryInfo(ref);
    const token = createToken(start, end, surface, info.pos, eojeol);
    if (info.nameClass) token.nameClass = info.nameClass;
    if (info.reading) token.reading = info.reading;
    if (info.kind === ENTRY_PLAIN) {
      this.tokens.push(token);
    } else if (info.kind === ENTRY_COMPOUND) {
      this.push(token, info.morphemes, true);
    } else {
      // Inflected forms (했 = 하/VV + 았/EP) and pre-analysed words keep their surface as one token: their parts
      // are not substrings of the text, and the contract is text.slice(start, end) === token.text.
      token.morphemes = info.morphemes;
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
