import type { Token } from '../document/types.js';
import { hashAdd, hashAddRange, hashStart, hashString } from './hash.js';
import { LEXICON_CLASSES, MatchBuffer, type TaggerLexicon } from './lexicon.js';
import type { TaggerModel } from './model.js';

/**
 * Emission scores straight from the text, for inference: the features of {@link extractFeatures} (features.ts),
 * the same buckets for every unit, but hashed from code units as they are read and summed at once from a weight
 * table laid out for it, with every buffer reused between sentences. Training keeps extractFeatures (it needs the
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
const H2 = hashStart(2);
const H3 = hashStart(3);
const H4 = hashStart(4);
const H5 = hashStart(5);
const H6 = hashStart(6);
const H7 = hashStart(7);
const H8 = hashStart(8);
const H9 = hashStart(9);
const H10 = hashStart(10);
const H11 = hashStart(11);
const H12 = hashStart(12);
const H13 = hashStart(13);
const H14 = hashStart(14);
const H15 = hashStart(15);
const H16 = hashStart(16);
const H17 = hashStart(17);
const H18 = hashStart(18);
const H19 = hashStart(19);
const H20 = hashStart(20);
const H21 = hashStart(21);
const H22 = hashStart(22);
const H23 = hashStart(23);
const H24 = hashStart(24);
const H30 = hashStart(30);
const H31 = hashStart(31);
const H32 = hashStart(32);
const H33 = hashStart(33);
const H34 = hashStart(34);
const H40 = hashStart(40);
const H41 = hashStart(41);
const H42 = hashStart(42);
const H43 = hashStart(43);
const H44 = hashStart(44);
const H45 = hashStart(45);
const H46 = hashStart(46);
const H47 = hashStart(47);
const H48 = hashStart(48);
const H49 = hashStart(49);
const H50 = hashStart(50);
const H51 = hashStart(51);
const H52 = hashStart(52);
const H55 = hashStart(55);
const H57 = hashStart(57);
const H58 = hashStart(58);
const H59 = hashStart(59);
const HSIGNATURE = hashStart(0x5e9);
const CLASSES = LEXICON_CLASSES.length;

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  v = (v + (v >>> 4)) & 0x0f0f0f0f;
  return Math.imul(v, 0x01010101) >>> 24;
}

/** The raw hashes of the character n-gram and shape features of the unit at window index k: ids[0, 17). */
function charHashes(ids: Int32Array, at: number, chars: Int32Array, shapes: Int32Array, k: number): number {
  const c0 = chars[k]!;
  const cm1 = chars[k - 1]!;
  const cp1 = chars[k + 1]!;
  const cm2 = chars[k - 2]!;
  const cp2 = chars[k + 2]!;
  ids[at] = hashAdd(H1, c0);
  ids[at + 1] = hashAdd(H2, cm1);
  ids[at + 2] = hashAdd(H3, cp1);
  ids[at + 3] = hashAdd(H4, cm2);
  ids[at + 4] = hashAdd(H5, cp2);
  ids[at + 5] = hashAdd(hashAdd(H6, cm1), c0);
  ids[at + 6] = hashAdd(hashAdd(H7, c0), cp1);
  ids[at + 7] = hashAdd(hashAdd(H8, cm2), cm1);
  ids[at + 8] = hashAdd(hashAdd(H9, cp1), cp2);
  ids[at + 9] = hashAdd(hashAdd(hashAdd(H10, cm1), c0), cp1);
  ids[at + 10] = hashAdd(hashAdd(hashAdd(H11, cm2), cm1), c0);
  ids[at + 11] = hashAdd(hashAdd(hashAdd(H12, c0), cp1), cp2);
  ids[at + 12] = hashAdd(H50, chars[k - 3]!);
  ids[at + 13] = hashAdd(H51, chars[k + 3]!);
  ids[at + 14] = hashAdd(hashAdd(H52, cm1), cp1);
  const sm1 = shapes[k - 1]!;
  const s0 = shapes[k]!;
  const sp1 = shapes[k + 1]!;
  ids[at + 15] = hashAdd(hashAdd(hashAdd(H13, sm1), s0), sp1);
  ids[at + 16] = hashAdd(hashAdd(hashAdd(hashAdd(hashAdd(H14, shapes[k - 2]!), sm1), s0), sp1), shapes[k + 2]!);
  return at + 17;
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
  private readonly shift: number;
  private readonly matches = new MatchBuffer();
  private chars: Int32Array = new Int32Array(1024);
  private shapes: Int32Array = new Int32Array(1024);
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
  /** Hashes of the features of the sentence's units: unit i has `ids[offsets[i], offsets[i + 1])`. */
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
  private readonly contextIds = new Int32Array(16);

  constructor(
    table: WeightTable,
    private readonly lexicon: TaggerLexicon,
  ) {
    this.table = table;
    this.shift = 32 - table.bits;
    this.lanes(Int32Array.of(H0), 0, 1, this.biasLanes);
  }

  /** Writes `out[i * 13 + y]` for the units of `text[from, to)` (see extractFeatures for the inputs). */
  emissions(text: string, from: number, to: number, tokens: readonly Token[] | undefined, out: Float64Array): void {
    const n = to - from;
    if (n <= 0) return;
    const length = text.length;
    if (this.chars.length < n + 6) {
      const size = 2 * (n + 6);
      this.chars = new Int32Array(size);
      this.shapes = new Int32Array(size);
      this.eojeolStart = new Int32Array(size);
      this.eojeolEnd = new Int32Array(size);
      this.coverCount = new Int32Array(size);
      this.startsAt = new Int32Array(size);
      this.endsAt = new Int32Array(size);
      this.fill = new Int32Array(size);
      this.tokenAt = new Int32Array(size);
    }
    const { chars, shapes, eojeolStart, eojeolEnd, coverCount, startsAt, endsAt, fill, tokenAt } = this;
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
    const sums = this.sums;
    const { eojeolLanes, tokenLanes, biasLanes } = this;
    if (this.base.length < 9 * n) this.base = new Int32Array(18 * n);
    const base = this.base;
    const scale = this.table.scale;
    const { posHash, tokenHash } = this;
    if (this.offsets.length < n + 1) this.offsets = new Int32Array(2 * (n + 1));
    const offsets = this.offsets;
    let ids = this.ids;
    let used = 0;

    for (let i = 0; i < n; i++) {
      const coverFrom = coverCount[i]!;
      const coverTo = coverCount[i + 1]!;
      const needed = used + 96 + (coverTo - coverFrom) * 2 * CLASSES;
      if (ids.length < needed) {
        const bigger = grown(ids, needed);
        bigger.set(ids.subarray(0, used));
        ids = this.ids = bigger;
      }
      offsets[i] = used;
      const b9 = 9 * i;
      for (let w = 0; w < 9; w++) base[b9 + w] = biasLanes[w]!;
      const k = i + 3;
      const c0 = chars[k]!;
      const at = from + i;
      used = charHashes(ids, used, chars, shapes, k);

      const es = eojeolStart[i]!;
      const ee = eojeolEnd[i]!;
      if (es >= 0) {
        if (es !== currentEojeol) {
          currentEojeol = es;
          this.eojeolContext(text, es, ee);
          hasWhole = ee - es <= MAX_EOJEOL_HASH;
          if (hasWhole) whole = hashAddRange(H18, text, es, ee);
        }
        for (let w = 0; w < 9; w++) base[b9 + w]! += eojeolLanes[w]!;
        const before = at - es;
        const after = ee - at - 1;
        const b3 = before < 3 ? before : 3;
        const a3 = after < 3 ? after : 3;
        ids[used++] = hashAdd(hashAdd(H15, b3), a3);
        ids[used++] = hashAdd(hashAdd(hashAdd(H23, b3), a3), c0);
        if (before < 6) ids[used++] = hashAddRange(H16, text, es, at + 1);
        if (after <= 4) {
          ids[used++] = hashAddRange(H17, text, at + 1, ee);
          if (after <= 3) ids[used++] = hashAdd(hashAddRange(H24, text, at + 1, ee), c0);
        } else ids[used++] = hashAdd(H17, -1);
        if (hasWhole) ids[used++] = hashAdd(whole, before);
      }

      // Dictionary matches covering this unit, then those right after and right before it.
      for (let c = coverFrom; c < coverTo; c++) {
        const j = cover[c]!;
        const ms = mStart[j]!;
        const me = mEnd[j]!;
        const mask = mMask[j]!;
        const position = bies(at, ms, me);
        const alignedStart = es >= 0 && ms === es ? 1 : 0;
        const rest = es >= 0 ? ee - me : 9;
        const alignedEnd = rest === 0 ? 0 : rest <= 2 ? 1 : 2;
        const span = me - ms < 5 ? me - ms : 5;
        for (let bits = mask; bits !== 0; bits &= bits - 1) {
          const b = 31 - Math.clz32(bits & -bits);
          ids[used++] = hashAdd(hashAdd(hashAdd(hashAdd(H30, b), position), alignedStart), alignedEnd);
          ids[used++] = hashAdd(hashAdd(hashAdd(H31, b), position), span);
        }
      }
      const nextMask = startsAt[i + 1]!;
      const previousMask = endsAt[i]!;
      for (let bits = nextMask; bits !== 0; bits &= bits - 1) ids[used++] = hashAdd(H32, 31 - Math.clz32(bits & -bits));
      for (let bits = previousMask; bits !== 0; bits &= bits - 1) ids[used++] = hashAdd(H33, 31 - Math.clz32(bits & -bits));
      if (es >= 0 && ee < length && at === ee - 1) {
        let ns = ee;
        while (ns < length && isSpaceCode(text.charCodeAt(ns))) ns++;
        if (ns < to) {
          const mask = startsAt[ns - from]!;
          for (let bits = mask; bits !== 0; bits &= bits - 1) ids[used++] = hashAdd(H34, 31 - Math.clz32(bits & -bits));
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
          for (let w = 0; w < 9; w++) base[b9 + w]! += tokenLanes[w]!;
          const token = tokens![t]!;
          const position = bies(at, token.start, token.end);
          const pos = posHash[t]!;
          ids[used++] = hashAdd(hashAdd(H40, pos), position);
          ids[used++] = hashAdd(hashAdd(H41, pos), c0);
          const previousPos = t > 0 ? posHash[t - 1]! : 1;
          const nextPos = t + 1 < tokenCount ? posHash[t + 1]! : 1;
          ids[used++] = hashAdd(hashAdd(hashAdd(H42, previousPos), pos), position);
          ids[used++] = hashAdd(hashAdd(hashAdd(H43, pos), nextPos), position);
          const nameClass = token.nameClass;
          if (nameClass) ids[used++] = hashAdd(hashString(H44, nameClass), position);
          const own = tokenHash[t]!;
          if (own !== -1) ids[used++] = hashAdd(hashAdd(H45, own), position);
          ids[used++] = hashAdd(hashAdd(H57, pos), shapes[k]!);
          ids[used++] = hashAdd(hashAdd(H59, this.signature[t]!), position);
        } else ids[used++] = H40;
      }

    }
    offsets[n] = used;
    // Then the rows of all units in one tight loop: the loads of neighbouring units overlap.
    this.sumRows(n, out, scale, sums);
  }

  /** The context-word features of the eojeol `text[es, ee)`, summed into eojeolLanes. */
  private eojeolContext(text: string, es: number, ee: number): void {
    const ids = this.contextIds;
    const length = text.length;
    let used = 0;
    let pe = es - 1;
    while (pe >= 0 && isSpaceCode(text.charCodeAt(pe))) pe--;
    if (pe >= 0) {
      let ps = pe;
      while (ps > 0 && !isSpaceCode(text.charCodeAt(ps - 1))) ps--;
      ids[used++] = hashAddRange(H19, text, Math.max(ps, pe - 1), pe + 1);
      if (pe + 1 - ps <= 6) ids[used++] = hashAddRange(H21, text, ps, pe + 1);
    } else ids[used++] = H19;
    let ns = ee;
    while (ns < length && isSpaceCode(text.charCodeAt(ns))) ns++;
    if (ns < length) {
      let ne = ns;
      while (ne < length && !isSpaceCode(text.charCodeAt(ne))) ne++;
      ids[used++] = hashAddRange(H20, text, ns, Math.min(ne, ns + 2));
      if (ne - ns <= 6) ids[used++] = hashAddRange(H22, text, ns, ne);
    } else ids[used++] = H20;
    this.lanes(ids, 0, used, this.eojeolLanes);
  }

  /** The features of token t that do not depend on the unit, summed into tokenLanes. */
  private tokenConstants(tokens: readonly Token[], t: number): void {
    const ids = this.contextIds;
    const { tokenHash } = this;
    const count = tokens.length;
    const token = tokens[t]!;
    let used = 0;
    const own = tokenHash[t]!;
    if (t > 0 && tokenHash[t - 1] !== -1) ids[used++] = hashAdd(H46, tokenHash[t - 1]!);
    if (t + 1 < count && tokenHash[t + 1] !== -1) ids[used++] = hashAdd(H47, tokenHash[t + 1]!);
    if (own !== -1 && token.nameClass) ids[used++] = hashString(hashAdd(H55, own), token.nameClass);
    ids[used++] = hashAdd(hashAdd(H58, this.signature[t]!), this.inEojeol[t]!);
    const previousClass = t > 0 ? tokens[t - 1]!.nameClass : undefined;
    const nextClass = t + 1 < count ? tokens[t + 1]!.nameClass : undefined;
    if (previousClass) ids[used++] = hashString(H48, previousClass);
    if (nextClass) ids[used++] = hashString(H49, nextClass);
    this.lanes(ids, 0, used, this.tokenLanes);
  }

  /**
   * The rows of the features hashed in `ids[from, to)` (at most 64) as lane sums in `out[0, 9)`: words 0-7 hold
   * two 16-bit sums of weight + 128 each (labels 0, 2 | 1, 3 | 4, 6 | 5, 7 | 8, 10 | 9, 11 | 12 | -), word 8 the
   * count of rows. Lane sums add up as long as the count stays below 256.
   */
  private lanes(ids: Int32Array, from: number, to: number, out: Int32Array): void {
    const { index, rows } = this.table;
    const shift = this.shift;
    out.fill(0);
    for (let f = from; f < to; f++) {
      let h = ids[f]!;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      const bucket = h >>> shift;
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
  private sumRows(n: number, out: Float64Array, scale: number, sums: Float64Array): void {
    const { index, rows } = this.table;
    const { ids, offsets, base } = this;
    const shift = this.shift;
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
        continue;
      }
      // First the rows of the unit's features (the bit index is small and mostly cached), then their weights (the
      // misses): with nothing else in the second loop, more of its loads are in flight at once.
      let active = from;
      for (let f = from; f < to; f++) {
        let h = ids[f]!;
        h ^= h >>> 16;
        h = Math.imul(h, 0x85ebca6b);
        h ^= h >>> 13;
        h = Math.imul(h, 0xc2b2ae35);
        h ^= h >>> 16;
        const bucket = h >>> shift;
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
      out[row] = ((e0 & 0xffff) - bias) * scale;
      out[row + 1] = ((o0 & 0xffff) - bias) * scale;
      out[row + 2] = ((e0 >>> 16) - bias) * scale;
      out[row + 3] = ((o0 >>> 16) - bias) * scale;
      out[row + 4] = ((e1 & 0xffff) - bias) * scale;
      out[row + 5] = ((o1 & 0xffff) - bias) * scale;
      out[row + 6] = ((e1 >>> 16) - bias) * scale;
      out[row + 7] = ((o1 >>> 16) - bias) * scale;
      out[row + 8] = ((e2 & 0xffff) - bias) * scale;
      out[row + 9] = ((o2 & 0xffff) - bias) * scale;
      out[row + 10] = ((e2 >>> 16) - bias) * scale;
      out[row + 11] = ((o2 >>> 16) - bias) * scale;
      out[row + 12] = ((e3 & 0xffff) - bias) * scale;
    }
  }

  /**
   * Adds the rows of the features hashed in `ids[from, to)` (at most 255, so that no 16-bit lane overflows) to
   * `sums`; the bucket of a hash is bucketOf's (hash.ts).
   */
  private accumulate(ids: Int32Array, from: number, to: number, sums: Float64Array): void {
    const { index, rows } = this.table;
    const shift = this.shift;
    let e0 = 0, e1 = 0, e2 = 0, e3 = 0, o0 = 0, o1 = 0, o2 = 0, o3 = 0, count = 0;
    for (let f = from; f < to; f++) {
      let h = ids[f]!;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      const bucket = h >>> shift;
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
