import type { Token } from '../document/types.js';
import { blockOf, bucketOf, hashAdd, hashAddRange, hashStart, hashString } from './hash.js';
import { LEXICON_CLASSES, MatchBuffer, type TaggerLexicon } from './lexicon.js';
import type { TaggerModel } from './model.js';

/**
 * Emission scores straight from the text, for inference: the features of {@link extractFeatures} (features.ts),
 * the same buckets for every unit, but hashed from code units as they are read (the n-gram blocks once per
 * position) and summed at once from a weight table laid out for it, with every buffer reused between sentences. Training keeps extractFeatures (it needs the
 * bucket lists); tests/tagger checks that both give the same emissions, bit for bit.
 *
 * The table: one row of 16 bytes per bucket that has weights (13 int8 weights + 128, 3 bytes of padding), read as
 * four 32-bit words and summed two 16-bit lanes per word; the rows are found through one bit per bucket and the
 * count of set bits before each 32-bit word, interleaved so that both come from one cache line. The sums are exact
 * integers whatever their order, so the emissions equal those of computeEmissions to the last bit.
 */
export interface WeightTable {
  bits: number;
  /** `index[2w]`: which buckets of word w have a row; `index[2w + 1]`: rows before word w. */
  index: Int32Array;
  /** 4 words per row: bytes `16 * row + y` hold weight y + 128. */
  rows: Int32Array;
  scale: number;
}

const tables = new WeakMap<TaggerModel, WeightTable>();

/** The table of a 13-label int8 model (built once per model), or undefined for other models. */
export function weightTable(model: TaggerModel): WeightTable | undefined {
  let table = tables.get(model);
  if (table) return table;
  const { index, weights } = model;
  if (model.labelCount !== 13 || !index || !(weights instanceof Int8Array)) return undefined;
  const words = index.bits.length;
  const interleaved = new Int32Array(2 * words);
  for (let w = 0; w < words; w++) {
    interleaved[2 * w] = index.bits[w]! | 0;
    interleaved[2 * w + 1] = index.rank[w]!;
  }
  const rowCount = weights.length / 13;
  const rows = new Int32Array(rowCount * 4);
  const bytes = new Uint8Array(rows.buffer);
  for (let r = 0; r < rowCount; r++) {
    for (let y = 0; y < 16; y++) bytes[16 * r + y] = y < 13 ? weights[13 * r + y]! + 128 : 128;
  }
  table = { bits: model.bits, index: interleaved, rows, scale: model.scale };
  tables.set(model, table);
  return table;
}

// Script/shape classes, as in features.ts.
const SPACE = 0;
const BOUNDARY = 8;

function shapeOf(code: number): number {
  if (code >= 0xac00 && code <= 0xd7a3) return 1;
  if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 || code === 0x3000) return SPACE;
  if ((code >= 0x1100 && code <= 0x11ff) || (code >= 0x3130 && code <= 0x318f)) return 2;
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff)) {
    return 3;
  }
  if (code >= 0xd800 && code <= 0xdfff) return 3;
  if (code >= 0x41 && code <= 0x5a) return 4;
  if (code >= 0x61 && code <= 0x7a) return 5;
  if (code >= 0x30 && code <= 0x39) return 6;
  if (code >= 0xff10 && code <= 0xff19) return 6;
  if (code < 0x80 || (code >= 0x2000 && code <= 0x206f) || (code >= 0x3000 && code <= 0x303f)) return 16 + code;
  return 7;
}

function isSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 || code === 0x3000;
}

function normChar(code: number): number {
  if ((code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19)) return 0x30;
  return code;
}

function bies(index: number, start: number, end: number): number {
  if (end - start === 1) return 3;
  if (index === start) return 0;
  return index === end - 1 ? 2 : 1;
}

const MAX_EOJEOL_HASH = 8;

// hashStart of every template, once.
const H0 = hashStart(0);
const H1 = hashStart(1);
const H6 = hashStart(6);
const H10 = hashStart(10);
const H13 = hashStart(13);
const H15 = hashStart(15);
const H16 = hashStart(16);
const H17 = hashStart(17);
const H18 = hashStart(18);
const H19 = hashStart(19);
const H20 = hashStart(20);
const H21 = hashStart(21);
const H22 = hashStart(22);
const H30 = hashStart(30);
const H31 = hashStart(31);
const H32 = hashStart(32);
const H33 = hashStart(33);
const H34 = hashStart(34);
const H40 = hashStart(40);
const H45 = hashStart(45);
const H46 = hashStart(46);
const H47 = hashStart(47);
const H48 = hashStart(48);
const H49 = hashStart(49);
const H55 = hashStart(55);
const H58 = hashStart(58);
const HSIGNATURE = hashStart(0x5e9);
const CLASSES = LEXICON_CLASSES.length;

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  v = (v + (v >>> 4)) & 0x0f0f0f0f;
  return Math.imul(v, 0x01010101) >>> 24;
}

/**
 * The buckets of the character n-gram and shape features of the unit at window index k: ids[at, at + 9). The
 * unigram and bigram blocks come from `grams` (one block base each per window position, see blockOf in hash.ts).
 */
function charBuckets(ids: Int32Array, at: number, grams: Int32Array, shapes: Int32Array, chars: Int32Array, k: number, bits: number): number {
  const b = 2 * k;
  // Unigram blocks at offsets -1..+1 (slot = offset + 1), bigram blocks starting at -2..+1 (slot = offset + 2).
  ids[at] = grams[b - 2]!;
  ids[at + 1] = grams[b]! | 1;
  ids[at + 2] = grams[b + 2]! | 2;
  ids[at + 3] = grams[b - 3]!;
  ids[at + 4] = grams[b - 1]! | 1;
  ids[at + 5] = grams[b + 1]! | 2;
  ids[at + 6] = grams[b + 3]! | 3;
  const cm1 = chars[k - 1]!;
  const c0 = chars[k]!;
  const cp1 = chars[k + 1]!;
  ids[at + 7] = bucketOf(hashAdd(hashAdd(hashAdd(H10, cm1), c0), cp1), bits);
  ids[at + 8] = bucketOf(hashAdd(hashAdd(hashAdd(H13, shapes[k - 1]!), shapes[k]!), shapes[k + 1]!), bits);
  return at + 9;
}

function grown(array: Int32Array, needed: number): Int32Array {
  if (needed <= array.length) return array;
  let size = array.length;
  while (size < needed) size *= 2;
  return new Int32Array(size);
}

/** Computes emissions from text for one model and lexicon; not reentrant (its buffers are shared between calls). */
export class Emitter {
  private readonly table: WeightTable;
  private readonly matches = new MatchBuffer();
  private chars: Int32Array = new Int32Array(1024);
  private shapes: Int32Array = new Int32Array(1024);
  /** Per window position: the block bases of the unigram there and of the bigram starting there. */
  private grams: Int32Array = new Int32Array(2 * 1024);
  private eojeolStart: Int32Array = new Int32Array(1024);
  private eojeolEnd: Int32Array = new Int32Array(1024);
  private coverCount: Int32Array = new Int32Array(1024);
  private startsAt: Int32Array = new Int32Array(1024);
  private endsAt: Int32Array = new Int32Array(1024);
  private cover: Int32Array = new Int32Array(1024);
  private fill: Int32Array = new Int32Array(1024);
  private tokenAt: Int32Array = new Int32Array(1024);
  private posHash: Int32Array = new Int32Array(256);
  private tokenHash: Int32Array = new Int32Array(256);
  private signature: Int32Array = new Int32Array(256);
  private inEojeol: Int32Array = new Int32Array(256);
  /** Buckets of the features of the sentence's units: unit i has `ids[offsets[i], offsets[i + 1])`. */
  private ids: Int32Array = new Int32Array(1 << 14);
  private offsets: Int32Array = new Int32Array(1024);
  /** Sums of one unit's rows, exact integers. */
  private readonly sums = new Float64Array(13);
  /** Per unit, the lane sums (9 words, see {@link lanes}) of its bias, eojeol and token constant features. */
  private base: Int32Array = new Int32Array(9 * 1024);
  /** Row sums of the bias feature, of the current eojeol's context words and of the current token's constants. */
  private readonly biasLanes = new Int32Array(9);
  private readonly eojeolLanes = new Int32Array(9);
  private readonly tokenLanes = new Int32Array(9);
  /** biasLanes plus the current eojeol's and token's lanes (where the unit has them): each unit's base. */
  private readonly unitLanes = new Int32Array(9);
  private readonly contextIds = new Int32Array(16);

  constructor(
    table: WeightTable,
    private readonly lexicon: TaggerLexicon,
  ) {
    this.table = table;
    this.lanes(Int32Array.of(bucketOf(H0, table.bits)), 0, 1, this.biasLanes);
  }

  /**
   * Writes `out[u * 13 + y]` for the units of `text[from, to)` (its UTF-16 units other than white space, as in
   * extractFeatures), `positions[u]` (the unit's offset from `from`), and into `integers`, when given, the integer
   * sums that `out` holds times the model's scale. Returns the number of units.
   */
  emissions(
    text: string,
    from: number,
    to: number,
    tokens: readonly Token[] | undefined,
    out: Float64Array,
    positions: Int32Array,
    integers?: Int32Array,
  ): number {
    const n = to - from;
    if (n <= 0) return 0;
    const length = text.length;
    if (this.chars.length < n + 6) {
      const size = 2 * (n + 6);
      this.chars = new Int32Array(size);
      this.shapes = new Int32Array(size);
      this.grams = new Int32Array(2 * size);
      this.eojeolStart = new Int32Array(size);
      this.eojeolEnd = new Int32Array(size);
      this.coverCount = new Int32Array(size);
      this.startsAt = new Int32Array(size);
      this.endsAt = new Int32Array(size);
      this.fill = new Int32Array(size);
      this.tokenAt = new Int32Array(size);
    }
    const { chars, shapes, grams, eojeolStart, eojeolEnd, coverCount, startsAt, endsAt, fill, tokenAt } = this;
    const bits = this.table.bits;
    for (let k = 0; k < n + 6; k++) {
      const at = from + k - 3;
      if (at < 0 || at >= length) {
        chars[k] = -1;
        shapes[k] = BOUNDARY;
      } else {
        const code = text.charCodeAt(at);
        chars[k] = normChar(code);
        shapes[k] = shapeOf(code);
      }
    }
    // Block bases (features.ts: blockOf, 4 slots) of the unigram at each window position and of the bigram
    // starting there, computed once for the units that read them.
    for (let k = 1; k < n + 5; k++) {
      const c = chars[k]!;
      grams[2 * k] = blockOf(hashAdd(H1, c), bits, 2, 0);
      grams[2 * k + 1] = blockOf(hashAdd(hashAdd(H6, c), chars[k + 1]!), bits, 2, 0);
    }
    for (let i = 0; i < n; ) {
      const at = from + i;
      if (shapes[i + 3] === SPACE) {
        eojeolStart[i] = -1;
        eojeolEnd[i] = -1;
        i++;
        continue;
      }
      let s = at;
      while (s > 0 && !isSpaceCode(text.charCodeAt(s - 1))) s--;
      let e = at;
      while (e < length && !isSpaceCode(text.charCodeAt(e))) e++;
      const stop = Math.min(e, to);
      for (let k = at; k < stop; k++) {
        eojeolStart[k - from] = s;
        eojeolEnd[k - from] = e;
      }
      i = stop - from;
    }

    // Dictionary matches, and for each unit the matches covering it (counting sort by unit).
    const matches = this.lexicon.findInto(text, from, to, this.matches);
    const matchCount = matches.count;
    const mStart = matches.start;
    const mEnd = matches.end;
    const mMask = matches.mask;
    for (let k = 0; k <= n; k++) {
      coverCount[k] = 0;
      startsAt[k] = 0;
      endsAt[k] = 0;
    }
    for (let j = 0; j < matchCount; j++) {
      const s = mStart[j]! - from;
      const e = mEnd[j]! - from;
      for (let k = s; k < e; k++) coverCount[k + 1]!++;
      startsAt[s] = startsAt[s]! | mMask[j]!;
      endsAt[e] = endsAt[e]! | mMask[j]!;
    }
    for (let k = 1; k <= n; k++) coverCount[k]! += coverCount[k - 1]!;
    const cover = (this.cover = grown(this.cover, coverCount[n]!));
    for (let k = 0; k < n; k++) fill[k] = coverCount[k]!;
    for (let j = 0; j < matchCount; j++) {
      for (let k = mStart[j]! - from, e = mEnd[j]! - from; k < e; k++) cover[fill[k]!++] = j;
    }

    // Tokens: the one covering each unit (the last one, as in extractFeatures), and per token its hashes.
    const tokenCount = tokens ? tokens.length : 0;
    if (tokenCount > 0) {
      if (this.posHash.length < tokenCount) {
        const size = 2 * tokenCount;
        this.posHash = new Int32Array(size);
        this.tokenHash = new Int32Array(size);
        this.signature = new Int32Array(size);
        this.inEojeol = new Int32Array(size);
      }
      for (let k = 0; k < n; k++) tokenAt[k] = -1;
      const { posHash, tokenHash, signature, inEojeol } = this;
      for (let t = 0; t < tokenCount; t++) {
        const token = tokens![t]!;
        const stop = Math.min(token.end, to);
        for (let k = Math.max(token.start, from); k < stop; k++) tokenAt[k - from] = t;
        posHash[t] = hashString(0x51ed, token.pos);
        tokenHash[t] = token.end - token.start <= MAX_EOJEOL_HASH ? hashAddRange(0x7a3, text, token.start, token.end) : -1;
      }
      for (let t = 0; t < tokenCount; ) {
        let u = t;
        let h = HSIGNATURE;
        const eojeol = tokens![t]!.eojeol;
        while (u < tokenCount && tokens![u]!.eojeol === eojeol) h = hashAdd(h, posHash[u++]!);
        for (let v = t; v < u; v++) {
          signature[v] = h;
          inEojeol[v] = Math.min(v - t, 3) + 4 * Math.min(u - 1 - v, 3);
        }
        t = u;
      }
    }

    // Per eojeol: the context-word features (the same for all its units), summed once, and the hash of the whole
    // eojeol; per token, likewise, the features that do not depend on the unit.
    let currentEojeol = -2;
    let whole = 0;
    let hasWhole = false;
    let currentToken = -2;
    // The eojeol and token whose lanes unitLanes holds (token -1: none), so that it is summed once per change.
    let unitEojeol = -2;
    let unitToken = -2;
    const sums = this.sums;
    const { eojeolLanes, tokenLanes, biasLanes, unitLanes } = this;
    if (this.base.length < 9 * n) this.base = new Int32Array(18 * n);
    const base = this.base;
    const scale = this.table.scale;
    const { posHash, tokenHash } = this;
    if (this.offsets.length < n + 1) this.offsets = new Int32Array(2 * (n + 1));
    const offsets = this.offsets;
    let ids = this.ids;
    let used = 0;
    let units = 0;

    for (let i = 0; i < n; i++) {
      const es = eojeolStart[i]!;
      const ee = eojeolEnd[i]!;
      if (es < 0) continue; // white space: not a unit
      const coverFrom = coverCount[i]!;
      const coverTo = coverCount[i + 1]!;
      const needed = used + 96 + (coverTo - coverFrom) * 2 * CLASSES;
      if (ids.length < needed) {
        const bigger = grown(ids, needed);
        bigger.set(ids.subarray(0, used));
        ids = this.ids = bigger;
      }
      positions[units] = i;
      offsets[units] = used;
      const b9 = 9 * units++;
      const k = i + 3;
      const at = from + i;
      used = charBuckets(ids, used, grams, shapes, chars, k, bits);

      // Its place in the eojeol, the eojeol (every unit is in one: spaces are no unit) and its context words.
      if (es !== currentEojeol) {
        currentEojeol = es;
        this.eojeolContext(text, es, ee);
        hasWhole = ee - es <= MAX_EOJEOL_HASH;
        if (hasWhole) whole = hashAddRange(H18, text, es, ee);
      }
      const before = at - es;
      const after = ee - at - 1;
      const b3 = before < 3 ? before : 3;
      const a3 = after < 3 ? after : 3;
      ids[used++] = bucketOf(hashAdd(hashAdd(H15, b3), a3), bits);
      if (before < 6) ids[used++] = bucketOf(hashAddRange(H16, text, es, at + 1), bits);
      if (after <= 4) {
        ids[used++] = bucketOf(hashAddRange(H17, text, at + 1, ee), bits);
      } else ids[used++] = bucketOf(hashAdd(H17, -1), bits);
      if (hasWhole) ids[used++] = blockOf(whole, bits, 3, before);

      // Dictionary matches covering this unit, then those right after and right before it.
      for (let c = coverFrom; c < coverTo; c++) {
        const j = cover[c]!;
        const ms = mStart[j]!;
        const me = mEnd[j]!;
        const mask = mMask[j]!;
        const position = bies(at, ms, me);
        const alignedStart = ms === es ? 1 : 0;
        const rest = ee - me;
        const alignedEnd = rest === 0 ? 0 : rest <= 2 ? 1 : 2;
        const span = me - ms < 5 ? me - ms : 5;
        for (let set = mask; set !== 0; set &= set - 1) {
          const b = 31 - Math.clz32(set & -set);
          ids[used++] = bucketOf(hashAdd(hashAdd(hashAdd(hashAdd(H30, b), position), alignedStart), alignedEnd), bits);
          ids[used++] = bucketOf(hashAdd(hashAdd(hashAdd(H31, b), position), span), bits);
        }
      }
      const nextMask = startsAt[i + 1]!;
      const previousMask = endsAt[i]!;
      for (let set = nextMask; set !== 0; set &= set - 1) ids[used++] = bucketOf(hashAdd(H32, 31 - Math.clz32(set & -set)), bits);
      for (let set = previousMask; set !== 0; set &= set - 1) ids[used++] = bucketOf(hashAdd(H33, 31 - Math.clz32(set & -set)), bits);
      if (ee < length && at === ee - 1) {
        let ns = ee;
        while (ns < length && isSpaceCode(text.charCodeAt(ns))) ns++;
        if (ns < to) {
          const mask = startsAt[ns - from]!;
          for (let set = mask; set !== 0; set &= set - 1) ids[used++] = bucketOf(hashAdd(H34, 31 - Math.clz32(set & -set)), bits);
        }
      }

      // Analyzer tokens.
      if (tokenCount > 0) {
        const t = tokenAt[i]!;
        if (t >= 0) {
          if (t !== currentToken) {
            currentToken = t;
            this.tokenConstants(tokens!, t);
          }
          const token = tokens![t]!;
          const position = bies(at, token.start, token.end);
          ids[used++] = bucketOf(hashAdd(hashAdd(H40, posHash[t]!), position), bits);
          const own = tokenHash[t]!;
          if (own !== -1) ids[used++] = blockOf(hashAdd(H45, own), bits, 2, position);
        } else ids[used++] = bucketOf(H40, bits);
      }

      // The unit's base: the bias plus the constant features of its eojeol and of its token, if it has them.
      const tokenKey = tokenCount > 0 ? tokenAt[i]! : -1;
      if (es !== unitEojeol || tokenKey !== unitToken) {
        unitEojeol = es;
        unitToken = tokenKey;
        for (let w = 0; w < 9; w++) unitLanes[w] = biasLanes[w]! + eojeolLanes[w]! + (tokenKey >= 0 ? tokenLanes[w]! : 0);
      }
      for (let w = 0; w < 9; w++) base[b9 + w] = unitLanes[w]!;
    }
    offsets[units] = used;
    // Then the rows of all units in one tight loop: the loads of neighbouring units overlap.
    this.sumRows(units, out, scale, sums, integers);
    return units;
  }

  /** The context-word features of the eojeol `text[es, ee)`, summed into eojeolLanes. */
  private eojeolContext(text: string, es: number, ee: number): void {
    const ids = this.contextIds;
    const length = text.length;
    const bits = this.table.bits;
    let used = 0;
    let pe = es - 1;
    while (pe >= 0 && isSpaceCode(text.charCodeAt(pe))) pe--;
    if (pe >= 0) {
      let ps = pe;
      while (ps > 0 && !isSpaceCode(text.charCodeAt(ps - 1))) ps--;
      ids[used++] = bucketOf(hashAddRange(H19, text, Math.max(ps, pe - 1), pe + 1), bits);
      if (pe + 1 - ps <= 6) ids[used++] = bucketOf(hashAddRange(H21, text, ps, pe + 1), bits);
    } else ids[used++] = bucketOf(H19, bits);
    let ns = ee;
    while (ns < length && isSpaceCode(text.charCodeAt(ns))) ns++;
    if (ns < length) {
      let ne = ns;
      while (ne < length && !isSpaceCode(text.charCodeAt(ne))) ne++;
      ids[used++] = bucketOf(hashAddRange(H20, text, ns, Math.min(ne, ns + 2)), bits);
      if (ne - ns <= 6) ids[used++] = bucketOf(hashAddRange(H22, text, ns, ne), bits);
    } else ids[used++] = bucketOf(H20, bits);
    this.lanes(ids, 0, used, this.eojeolLanes);
  }

  /** The features of token t that do not depend on the unit, summed into tokenLanes. */
  private tokenConstants(tokens: readonly Token[], t: number): void {
    const ids = this.contextIds;
    const { tokenHash } = this;
    const count = tokens.length;
    const token = tokens[t]!;
    const bits = this.table.bits;
    let used = 0;
    const own = tokenHash[t]!;
    if (t > 0 && tokenHash[t - 1] !== -1) ids[used++] = bucketOf(hashAdd(H46, tokenHash[t - 1]!), bits);
    if (t + 1 < count && tokenHash[t + 1] !== -1) ids[used++] = bucketOf(hashAdd(H47, tokenHash[t + 1]!), bits);
    if (own !== -1 && token.nameClass) ids[used++] = bucketOf(hashString(hashAdd(H55, own), token.nameClass), bits);
    ids[used++] = bucketOf(hashAdd(hashAdd(H58, this.signature[t]!), this.inEojeol[t]!), bits);
    const previousClass = t > 0 ? tokens[t - 1]!.nameClass : undefined;
    const nextClass = t + 1 < count ? tokens[t + 1]!.nameClass : undefined;
    if (previousClass) ids[used++] = bucketOf(hashString(H48, previousClass), bits);
    if (nextClass) ids[used++] = bucketOf(hashString(H49, nextClass), bits);
    this.lanes(ids, 0, used, this.tokenLanes);
  }

  /**
   * The rows of the buckets in `ids[from, to)` (at most 64) as lane sums in `out[0, 9)`: words 0-7 hold
   * two 16-bit sums of weight + 128 each (labels 0, 2 | 1, 3 | 4, 6 | 5, 7 | 8, 10 | 9, 11 | 12 | -), word 8 the
   * count of rows. Lane sums add up as long as the count stays below 256.
   */
  private lanes(ids: Int32Array, from: number, to: number, out: Int32Array): void {
    const { index, rows } = this.table;
    out.fill(0);
    for (let f = from; f < to; f++) {
      const bucket = ids[f]!;
      const word = (bucket >>> 5) << 1;
      const set = index[word]!;
      const bit = 1 << (bucket & 31);
      if ((set & bit) === 0) continue;
      const r = (index[word + 1]! + popcount(set & (bit - 1))) << 2;
      for (let w = 0; w < 4; w++) {
        const x = rows[r + w]!;
        out[2 * w] = (out[2 * w]! + (x & 0xff00ff)) | 0;
        out[2 * w + 1] = (out[2 * w + 1]! + ((x >>> 8) & 0xff00ff)) | 0;
      }
      out[8]!++;
    }
  }

  /** out[i * 13 + y] for every unit: its base lanes plus the rows of its features, times the scale. */
  private sumRows(n: number, out: Float64Array, scale: number, sums: Float64Array, integers: Int32Array | undefined): void {
    const { index, rows } = this.table;
    const { ids, offsets, base } = this;
    for (let i = 0; i < n; i++) {
      const b9 = 9 * i;
      const from = offsets[i]!;
      const to = offsets[i + 1]!;
      const row = i * 13;
      if (to - from + base[b9 + 8]! > 255) {
        // Too many rows for the 16-bit lanes (long dictionary overlaps): decode the base, add in chunks.
        sums.fill(0);
        const count = base[b9 + 8]!;
        for (let w = 0; w < 8; w++) {
          const lanes = base[b9 + w]!;
          const y = (w >> 1) * 4 + (w & 1);
          if (y < 13) sums[y] = (lanes & 0xffff) - 128 * count;
          if (y + 2 < 13) sums[y + 2] = (lanes >>> 16) - 128 * count;
        }
        for (let f = from; f < to; f += 255) this.accumulate(ids, f, Math.min(to, f + 255), sums);
        for (let y = 0; y < 13; y++) out[row + y] = sums[y]! * scale;
        if (integers) for (let y = 0; y < 13; y++) integers[row + y] = sums[y]!;
        continue;
      }
      // First the rows of the unit's features (the bit index is small and mostly cached), then their weights (the
      // misses): with nothing else in the second loop, more of its loads are in flight at once.
      let active = from;
      for (let f = from; f < to; f++) {
        const bucket = ids[f]!;
        const word = (bucket >>> 5) << 1;
        const set = index[word]!;
        const bit = 1 << (bucket & 31);
        if ((set & bit) === 0) continue;
        ids[active++] = (index[word + 1]! + popcount(set & (bit - 1))) << 2;
      }
      let e0 = base[b9]!;
      let o0 = base[b9 + 1]!;
      let e1 = base[b9 + 2]!;
      let o1 = base[b9 + 3]!;
      let e2 = base[b9 + 4]!;
      let o2 = base[b9 + 5]!;
      let e3 = base[b9 + 6]!;
      let o3 = base[b9 + 7]!;
      const count = base[b9 + 8]! + active - from;
      for (let f = from; f < active; f++) {
        const r = ids[f]!;
        const x0 = rows[r]!;
        const x1 = rows[r + 1]!;
        const x2 = rows[r + 2]!;
        const x3 = rows[r + 3]!;
        e0 = (e0 + (x0 & 0xff00ff)) | 0;
        o0 = (o0 + ((x0 >>> 8) & 0xff00ff)) | 0;
        e1 = (e1 + (x1 & 0xff00ff)) | 0;
        o1 = (o1 + ((x1 >>> 8) & 0xff00ff)) | 0;
        e2 = (e2 + (x2 & 0xff00ff)) | 0;
        o2 = (o2 + ((x2 >>> 8) & 0xff00ff)) | 0;
        e3 = (e3 + (x3 & 0xff00ff)) | 0;
        o3 = (o3 + ((x3 >>> 8) & 0xff00ff)) | 0;
      }
      const bias = 128 * count;
      const s0 = (e0 & 0xffff) - bias;
      const s1 = (o0 & 0xffff) - bias;
      const s2 = (e0 >>> 16) - bias;
      const s3 = (o0 >>> 16) - bias;
      const s4 = (e1 & 0xffff) - bias;
      const s5 = (o1 & 0xffff) - bias;
      const s6 = (e1 >>> 16) - bias;
      const s7 = (o1 >>> 16) - bias;
      const s8 = (e2 & 0xffff) - bias;
      const s9 = (o2 & 0xffff) - bias;
      const s10 = (e2 >>> 16) - bias;
      const s11 = (o2 >>> 16) - bias;
      const s12 = (e3 & 0xffff) - bias;
      out[row] = s0 * scale;
      out[row + 1] = s1 * scale;
      out[row + 2] = s2 * scale;
      out[row + 3] = s3 * scale;
      out[row + 4] = s4 * scale;
      out[row + 5] = s5 * scale;
      out[row + 6] = s6 * scale;
      out[row + 7] = s7 * scale;
      out[row + 8] = s8 * scale;
      out[row + 9] = s9 * scale;
      out[row + 10] = s10 * scale;
      out[row + 11] = s11 * scale;
      out[row + 12] = s12 * scale;
      if (integers) {
        integers[row] = s0;
        integers[row + 1] = s1;
        integers[row + 2] = s2;
        integers[row + 3] = s3;
        integers[row + 4] = s4;
        integers[row + 5] = s5;
        integers[row + 6] = s6;
        integers[row + 7] = s7;
        integers[row + 8] = s8;
        integers[row + 9] = s9;
        integers[row + 10] = s10;
        integers[row + 11] = s11;
        integers[row + 12] = s12;
      }
    }
  }

  /**
   * Adds the rows of the buckets in `ids[from, to)` (at most 255, so that no 16-bit lane overflows) to
   * `sums`.
   */
  private accumulate(ids: Int32Array, from: number, to: number, sums: Float64Array): void {
    const { index, rows } = this.table;
    let e0 = 0, e1 = 0, e2 = 0, e3 = 0, o0 = 0, o1 = 0, o2 = 0, o3 = 0, count = 0;
    for (let f = from; f < to; f++) {
      const bucket = ids[f]!;
      const word = (bucket >>> 5) << 1;
      const set = index[word]!;
      const bit = 1 << (bucket & 31);
      if ((set & bit) === 0) continue;
      const r = (index[word + 1]! + popcount(set & (bit - 1))) << 2;
      count++;
      const x0 = rows[r]!;
      const x1 = rows[r + 1]!;
      const x2 = rows[r + 2]!;
      const x3 = rows[r + 3]!;
      e0 = (e0 + (x0 & 0xff00ff)) | 0;
      o0 = (o0 + ((x0 >>> 8) & 0xff00ff)) | 0;
      e1 = (e1 + (x1 & 0xff00ff)) | 0;
      o1 = (o1 + ((x1 >>> 8) & 0xff00ff)) | 0;
      e2 = (e2 + (x2 & 0xff00ff)) | 0;
      o2 = (o2 + ((x2 >>> 8) & 0xff00ff)) | 0;
      e3 = (e3 + (x3 & 0xff00ff)) | 0;
      o3 = (o3 + ((x3 >>> 8) & 0xff00ff)) | 0;
    }
    const bias = 128 * count;
    sums[0]! += (e0 & 0xffff) - bias;
    sums[1]! += (o0 & 0xffff) - bias;
    sums[2]! += (e0 >>> 16) - bias;
    sums[3]! += (o0 >>> 16) - bias;
    sums[4]! += (e1 & 0xffff) - bias;
    sums[5]! += (o1 & 0xffff) - bias;
    sums[6]! += (e1 >>> 16) - bias;
    sums[7]! += (o1 >>> 16) - bias;
    sums[8]! += (e2 & 0xffff) - bias;
    sums[9]! += (o2 & 0xffff) - bias;
    sums[10]! += (e2 >>> 16) - bias;
    sums[11]! += (o2 >>> 16) - bias;
    sums[12]! += (e3 & 0xffff) - bias;
  }
}
