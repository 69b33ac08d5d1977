import type { Token } from '../document/types.js';
import { blockOf, bucketOf, hashAdd, hashAddRange, hashStart, hashString } from './hash.js';
import { LEXICON_CLASSES, type TaggerLexicon } from './lexicon.js';

/**
 * Feature extraction for the character tagger. Every UTF-16 unit of a sentence other than white space (the tagger's
 * units: see SentenceFeatures) gets a list of hashed features:
 * character n-grams (unigrams within ±1, bigrams within ±2, the centred trigram), script and digit shape, its place
 * in the eojeol, the eojeol's ending (josa) and the neighbouring eojeol (context words), dictionary matches covering
 * it or next to it (surnames, person cues, places, countries, organisations and their suffixes, the name lists of
 * dictionaries/names/ by kind, mecab-ko-dic's proper nouns), and, when the analyzer ran, the part of speech, name class and boundaries of the morpheme covering
 * it. About 15 per unit: an ablation with retraining (2026-11-27) found 13 more templates redundant. Features that
 * neighbouring units read for the same n-gram or token share a block of buckets (blockOf), for the cache.
 *
 * Training and inference call the same function on the same inputs (the text and `doc.tokens`), so a model never
 * sees features at run time that it was not trained with.
 */
/** 6: the classes of dictionaries/names/ (sports clubs, media, parties, public bodies, companies ...) in the lexicon. */
export const FEATURE_VERSION = 6;

/**
 * Features of one sentence in compressed-row form: unit `u` has `buckets[offsets[u] .. offsets[u + 1])` and sits at
 * `from + positions[u]` in the text. Units are the sentence's UTF-16 units other than white space: a space carries
 * no label of its own (an entity written apart, 경기 용인시, is one span over the units on both sides), and the
 * n-gram and eojeol features of the units next to it still see it.
 */
export interface SentenceFeatures {
  length: number;
  offsets: Int32Array;
  buckets: Int32Array;
  positions: Int32Array;
}

export interface FeatureInput {
  /** The whole text. */
  text: string;
  /** The part to tag, `[from, to)`; features still look at the text around it. */
  from: number;
  to: number;
  /** Analyzer tokens overlapping `[from, to)`, sorted by start, with offsets into `text` (optional). */
  tokens?: readonly Token[] | undefined;
}

const SPACE = 0;
const HANGUL = 1;
const JAMO = 2;
const HANJA = 3;
const UPPER = 4;
const LOWER = 5;
const DIGIT = 6;
const OTHER = 7;
const BOUNDARY = 8;

/** Script/shape class of a UTF-16 unit; ASCII and CJK punctuation keep their identity (above 16). */
export function shapeOf(code: number): number {
  if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 || code === 0x3000) return SPACE;
  if (code >= 0xac00 && code <= 0xd7a3) return HANGUL;
  if ((code >= 0x1100 && code <= 0x11ff) || (code >= 0x3130 && code <= 0x318f)) return JAMO;
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff)) {
    return HANJA;
  }
  if (code >= 0xd800 && code <= 0xdfff) return HANJA; // astral Hanja are the common case of surrogates here
  if (code >= 0x41 && code <= 0x5a) return UPPER;
  if (code >= 0x61 && code <= 0x7a) return LOWER;
  if (code >= 0x30 && code <= 0x39) return DIGIT;
  if (code >= 0xff10 && code <= 0xff19) return DIGIT;
  if (code < 0x80 || (code >= 0x2000 && code <= 0x206f) || (code >= 0x3000 && code <= 0x303f)) return 16 + code;
  return OTHER;
}

function isSpaceCode(code: number): boolean {
  return shapeOf(code) === SPACE;
}

/** Digits all read as one character in n-grams, so 1등급 and 2등급 share features. */
function normChar(code: number): number {
  if ((code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19)) return 0x30;
  return code;
}

/** Grows as needed; reused between calls (extraction is synchronous). */
let scratch: Int32Array = new Int32Array(1 << 14);

function grow(needed: number): Int32Array {
  if (needed > scratch.length) {
    let size = scratch.length;
    while (size < needed) size *= 2;
    const bigger = new Int32Array(size);
    bigger.set(scratch);
    scratch = bigger;
  }
  return scratch;
}

/** An upper bound on the features of one unit with `covering` dictionary matches over it. */
function maxFeatures(covering: number): number {
  return 96 + covering * 2 * LEXICON_CLASSES.length;
}

function bies(index: number, start: number, end: number): number {
  if (end - start === 1) return 3;
  if (index === start) return 0;
  return index === end - 1 ? 2 : 1;
}

const MAX_EOJEOL_HASH = 8;

/**
 * The eojeol found last, and in which text: a run without spaces longer than a tagged span (a page of one syllable)
 * is tagged in pieces, and each piece found its eojeol's bounds by reading all of it again (quadratic).
 */
let lastEojeol = { text: '', start: 0, end: 0, previousEnd: -2, nextStart: -2 };

/**
 * Extracts the features of `text[from, to)` into buckets of a table of 2^bits entries. The result's arrays are
 * fresh copies unless `reuse` is true (then they are views of an internal buffer, valid until the next call).
 */
export function extractFeatures(
  input: FeatureInput,
  lexicon: TaggerLexicon,
  bits: number,
  reuse = false,
): SentenceFeatures {
  const { text, from, to } = input;
  const n = Math.max(0, to - from);
  const offsets = new Int32Array(n + 1);
  const positions = new Int32Array(n);
  let used = 0;
  let units = 0;
  let buf: Int32Array = scratch;
  if (n === 0) return { length: 0, offsets, buckets: new Int32Array(0), positions };

  // Characters with a window of 2 on each side (BOUNDARY outside the text).
  const chars = new Int32Array(n + 6);
  const shapes = new Int32Array(n + 6);
  for (let k = 0; k < n + 6; k++) {
    const at = from + k - 3;
    if (at < 0 || at >= text.length) {
      chars[k] = -1;
      shapes[k] = BOUNDARY;
    } else {
      const code = text.charCodeAt(at);
      chars[k] = normChar(code);
      shapes[k] = shapeOf(code);
    }
  }

  // Eojeol bounds for every position (spaces belong to none, and are no unit); eojeol may run past [from, to).
  const eojeolStart = new Int32Array(n);
  const eojeolEnd = new Int32Array(n);
  for (let i = 0; i < n; ) {
    const at = from + i;
    if (isSpaceCode(text.charCodeAt(at))) {
      eojeolStart[i] = -1;
      eojeolEnd[i] = -1;
      i++;
      continue;
    }
    let s = at;
    let e = at;
    if (lastEojeol.text === text && lastEojeol.start <= at && at < lastEojeol.end) {
      s = lastEojeol.start;
      e = lastEojeol.end;
    } else {
      while (s > 0 && !isSpaceCode(text.charCodeAt(s - 1))) s--;
      while (e < text.length && !isSpaceCode(text.charCodeAt(e))) e++;
      if (s < from || e > to) lastEojeol = { text, start: s, end: e, previousEnd: -2, nextStart: -2 };
    }
    for (let k = at; k < e && k < to; k++) {
      eojeolStart[k - from] = s;
      eojeolEnd[k - from] = e;
    }
    i = Math.min(e, to) - from;
  }

  // Dictionary matches over the sentence plus a little context.
  const matches = lexicon.findAll(text, from, to);
  const coverCount = new Int32Array(n + 1);
  const startsAt = new Int32Array(n + 1);
  const endsAt = new Int32Array(n + 1);
  for (const m of matches) {
    for (let k = m.start; k < m.end; k++) coverCount[k - from + 1]!++;
    startsAt[m.start - from] = startsAt[m.start - from]! | m.mask;
    endsAt[m.end - from] = endsAt[m.end - from]! | m.mask;
  }
  for (let k = 1; k <= n; k++) coverCount[k]! += coverCount[k - 1]!;
  const cover = new Int32Array(coverCount[n]!);
  const fill = coverCount.slice(0, n);
  for (let j = 0; j < matches.length; j++) {
    const m = matches[j]!;
    for (let k = m.start; k < m.end; k++) cover[fill[k - from]!++] = j;
  }

  // The token covering each unit.
  const tokens = input.tokens;
  let tokenAt: Int32Array | undefined;
  const tokenHashes: number[] = [];
  const posHashes: number[] = [];
  if (tokens && tokens.length > 0) {
    tokenAt = new Int32Array(n).fill(-1);
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t]!;
      for (let k = Math.max(token.start, from); k < Math.min(token.end, to); k++) tokenAt[k - from] = t;
      posHashes.push(hashString(0x51ed, token.pos));
      const length = token.end - token.start;
      tokenHashes.push(length <= MAX_EOJEOL_HASH ? hashAddRange(0x7a3, text, token.start, token.end) : -1);
    }
  }

  // Per token: the part-of-speech sequence of its eojeol (NNP+JKS) and its index in that eojeol.
  const eojeolSignature: number[] = [];
  const tokenInEojeol: number[] = [];
  if (tokens) {
    for (let t = 0; t < tokens.length; ) {
      let u = t;
      let signature = hashStart(0x5e9);
      while (u < tokens.length && tokens[u]!.eojeol === tokens[t]!.eojeol) signature = hashAdd(signature, posHashes[u++]!);
      for (let v = t; v < u; v++) {
        eojeolSignature[v] = signature;
        tokenInEojeol[v] = Math.min(v - t, 3) + 4 * Math.min(u - 1 - v, 3);
      }
      t = u;
    }
  }

  const lexiconClasses = LEXICON_CLASSES.length;
  // The previous and next eojeol of the unit's eojeol, found once per eojeol (see below).
  let neighboursOf = -1;
  let pe = -1;
  let ps = 0;
  let ns = 0;
  let ne = 0;
  for (let i = 0; i < n; i++) {
    const es = eojeolStart[i]!;
    const ee = eojeolEnd[i]!;
    if (es < 0) continue; // white space: not a unit
    if (es !== neighboursOf) {
      // Once per eojeol, not per unit: the white space around it is read by its two neighbours only (per unit, a
      // long eojeol beside a long stretch of white space was quadratic). Only the last 7 units of the previous
      // eojeol and the first 7 of the next are read: the features below look no further into them.
      neighboursOf = es;
      // The white space around the eojeol that reaches past the piece is read once, not once per piece.
      const known = lastEojeol.text === text && lastEojeol.start === es && lastEojeol.end === ee;
      if (known && lastEojeol.previousEnd !== -2) {
        pe = lastEojeol.previousEnd;
        ns = lastEojeol.nextStart;
      } else {
        pe = es - 1;
        while (pe >= 0 && isSpaceCode(text.charCodeAt(pe))) pe--;
        ns = ee;
        while (ns < text.length && isSpaceCode(text.charCodeAt(ns))) ns++;
        if (known) {
          lastEojeol.previousEnd = pe;
          lastEojeol.nextStart = ns;
        }
      }
      ps = pe;
      const floor = Math.max(0, pe - 6);
      while (ps > floor && !isSpaceCode(text.charCodeAt(ps - 1))) ps--;
      ne = ns;
      const ceiling = Math.min(text.length, ns + 7);
      while (ne < ceiling && !isSpaceCode(text.charCodeAt(ne))) ne++;
    }
    positions[units] = i;
    offsets[units++] = used;
    if (used + maxFeatures(coverCount[i + 1]! - coverCount[i]!) > buf.length) {
      buf = grow(used + maxFeatures(coverCount[i + 1]! - coverCount[i]!));
    }
    const k = i + 3;
    const c0 = chars[k]!;
    const cm1 = chars[k - 1]!;
    const cp1 = chars[k + 1]!;
    const at = from + i;
    buf[used++] = bucketOf(hashStart(0), bits);
    // Unigrams at offsets -1..+1 and bigrams starting at -2..+1: each n-gram's block, the slot its offset.
    for (let d = -1; d <= 1; d++) buf[used++] = blockOf(hashAdd(hashStart(1), chars[k + d]!), bits, 2, d + 1);
    for (let d = -2; d <= 1; d++) {
      buf[used++] = blockOf(hashAdd(hashAdd(hashStart(6), chars[k + d]!), chars[k + d + 1]!), bits, 2, d + 2);
    }
    buf[used++] = bucketOf(hashAdd(hashAdd(hashAdd(hashStart(10), cm1), c0), cp1), bits);
    buf[used++] = bucketOf(hashAdd(hashAdd(hashAdd(hashStart(13), shapes[k - 1]!), shapes[k]!), shapes[k + 1]!), bits);

    // Its place in the eojeol and the eojeol itself (every unit is in one: spaces are no unit).
    const before = at - es;
    const after = ee - at - 1;
    buf[used++] = bucketOf(hashAdd(hashAdd(hashStart(15), Math.min(before, 3)), Math.min(after, 3)), bits);
    if (before < 6) buf[used++] = bucketOf(hashAddRange(hashStart(16), text, es, at + 1), bits);
    buf[used++] = bucketOf(after <= 4 ? hashAddRange(hashStart(17), text, at + 1, ee) : hashAdd(hashStart(17), -1), bits);
    if (ee - es <= MAX_EOJEOL_HASH) buf[used++] = blockOf(hashAddRange(hashStart(18), text, es, ee), bits, 3, before);
    // The previous and next eojeol: context words.
    if (pe >= 0) {
      buf[used++] = bucketOf(hashAddRange(hashStart(19), text, Math.max(ps, pe - 1), pe + 1), bits);
      if (pe + 1 - ps <= 6) buf[used++] = bucketOf(hashAddRange(hashStart(21), text, ps, pe + 1), bits);
    } else buf[used++] = bucketOf(hashStart(19), bits);
    if (ns < text.length) {
      buf[used++] = bucketOf(hashAddRange(hashStart(20), text, ns, Math.min(ne, ns + 2)), bits);
      if (ne - ns <= 6) buf[used++] = bucketOf(hashAddRange(hashStart(22), text, ns, ne), bits);
    } else buf[used++] = bucketOf(hashStart(20), bits);

    // Dictionary matches covering this unit.
    for (let c = coverCount[i]!; c < coverCount[i + 1]!; c++) {
      const m = matches[cover[c]!]!;
      const position = bies(at, m.start, m.end);
      const alignedStart = m.start === es ? 1 : 0;
      const rest = ee - m.end;
      const alignedEnd = rest === 0 ? 0 : rest <= 2 ? 1 : 2;
      const length = Math.min(m.end - m.start, 5);
      for (let b = 0; b < lexiconClasses; b++) {
        if ((m.mask & (1 << b)) === 0) continue;
        buf[used++] = bucketOf(hashAdd(hashAdd(hashAdd(hashAdd(hashStart(30), b), position), alignedStart), alignedEnd), bits);
        buf[used++] = bucketOf(hashAdd(hashAdd(hashAdd(hashStart(31), b), position), length), bits);
      }
    }
    // Dictionary matches right after this unit (a cue or suffix that follows a name) and right before it.
    const nextMask = startsAt[i + 1]!;
    const previousMask = endsAt[i]!;
    for (let b = 0; b < lexiconClasses; b++) {
      if (nextMask & (1 << b)) buf[used++] = bucketOf(hashAdd(hashStart(32), b), bits);
      if (previousMask & (1 << b)) buf[used++] = bucketOf(hashAdd(hashStart(33), b), bits);
    }
    if (ee < text.length && at === ee - 1) {
      // Last unit of an eojeol: what the next eojeol starts with (이현준 기자).
      if (ns < to) {
        const mask = startsAt[ns - from]!;
        for (let b = 0; b < lexiconClasses; b++) if (mask & (1 << b)) buf[used++] = bucketOf(hashAdd(hashStart(34), b), bits);
      }
    }

    // Analyzer tokens.
    if (tokenAt && tokens) {
      const t = tokenAt[i]!;
      if (t >= 0) {
        const token = tokens[t]!;
        const position = bies(at, token.start, token.end);
        const pos = posHashes[t]!;
        buf[used++] = bucketOf(hashAdd(hashAdd(hashStart(40), pos), position), bits);
        const own = tokenHashes[t]!;
        if (own !== -1) buf[used++] = blockOf(hashAdd(hashStart(45), own), bits, 2, position);
        if (t > 0 && tokenHashes[t - 1] !== -1) buf[used++] = bucketOf(hashAdd(hashStart(46), tokenHashes[t - 1]!), bits);
        if (t + 1 < tokens.length && tokenHashes[t + 1] !== -1) {
          buf[used++] = bucketOf(hashAdd(hashStart(47), tokenHashes[t + 1]!), bits);
        }
        if (own !== -1 && token.nameClass) buf[used++] = bucketOf(hashString(hashAdd(hashStart(55), own), token.nameClass), bits);
        const signature = eojeolSignature[t]!;
        buf[used++] = bucketOf(hashAdd(hashAdd(hashStart(58), signature), tokenInEojeol[t]!), bits);
        const previousClass = t > 0 ? tokens[t - 1]!.nameClass : undefined;
        const nextClass = t + 1 < tokens.length ? tokens[t + 1]!.nameClass : undefined;
        if (previousClass) buf[used++] = bucketOf(hashString(hashStart(48), previousClass), bits);
        if (nextClass) buf[used++] = bucketOf(hashString(hashStart(49), nextClass), bits);
      } else buf[used++] = bucketOf(hashStart(40), bits);
    }
  }
  offsets[units] = used;
  const buckets = reuse ? buf.subarray(0, used) : buf.slice(0, used);
  return { length: units, offsets: offsets.subarray(0, units + 1), buckets, positions: positions.subarray(0, units) };
}
