/**
 * The tagger's emission scores (src/tagger/emit.ts) in AssemblyScript, compiled to WebAssembly by
 * `npm run build:wasm` into src/tagger/emissionsWasm.ts: the same features, hashed from the same UTF-16 units in
 * the same way, and the same integer sums, so that the scores equal those of extractFeatures and
 * computeEmissions to the last bit (tests/tagger checks it). The host (Emitter in src/tagger/emit.ts) writes the text,
 * the dictionary matches and per-token facts it computes from strings (tag hashes, name-class buckets) into the
 * memory, calls `emissions` once per sentence and reads the scores back.
 *
 * The weight table: per bucket word (32 buckets) an Int32 pair, which buckets have a row and how many rows come
 * before; then 16 bytes per row, weight + 128 of labels 0-12 and three bytes of padding. Sums are kept as in
 * emit.ts: eight Int32 words of two 16-bit lane sums (labels 0, 2 | 1, 3 | 4, 6 | 5, 7 | 8, 10 | 9, 11 | 12, 14 |
 * 13, 15) and the count of rows; one byte shuffle puts a row in that order, and two widening adds sum it.
 */

// Template seeds (hashStart of each template id), written by the host in this order.
const S_H0 = 0;
const S_H1 = 1;
const S_H6 = 2;
const S_H10 = 3;
const S_H13 = 4;
const S_H15 = 5;
const S_H16 = 6;
const S_H17 = 7;
const S_H18 = 8;
const S_H19 = 9;
const S_H20 = 10;
const S_H21 = 11;
const S_H22 = 12;
const S_H30 = 13;
const S_H31 = 14;
const S_H32 = 15;
const S_H33 = 16;
const S_H34 = 17;
const S_H40 = 18;
const S_H45 = 19;
const S_H46 = 20;
const S_H47 = 21;
const S_H58 = 22;
const S_SIGNATURE = 23;
/** The number of seeds. */
export const SEEDS = 24;

const SPACE = 0;
const BOUNDARY = 8;
const MAX_EOJEOL_HASH = 8;
const LANES = 9;

let index: usize = 0;
let rows: usize = 0;
let bits: i32 = 0;
let seeds: usize = 0;
/** Lane sums of the bias feature, the current eojeol's context words, the current token's constants, a unit's base. */
let biasLanes: usize = 0;
let eojeolLanes: usize = 0;
let tokenLanes: usize = 0;
let unitLanes: usize = 0;
let contextIds: usize = 0;

/** Sets the table and a scratch area of 64 Int32 (lane sums and context buckets); seeds: SEEDS Int32. */
export function init(indexAt: usize, rowsAt: usize, tableBits: i32, seedsAt: usize, scratchAt: usize): void {
  index = indexAt;
  rows = rowsAt;
  bits = tableBits;
  seeds = seedsAt;
  biasLanes = scratchAt;
  eojeolLanes = biasLanes + LANES * 4;
  tokenLanes = eojeolLanes + LANES * 4;
  unitLanes = tokenLanes + LANES * 4;
  contextIds = unitLanes + LANES * 4;
  store<i32>(contextIds, bucketOf(seed(S_H0), bits));
  lanes(contextIds, 1, biasLanes);
}

@inline
function seed(k: i32): i32 {
  return load<i32>(seeds + (<usize>k << 2));
}

@inline
function hashAdd(hash: i32, value: i32): i32 {
  return ((hash ^ value) * 0x01000193) ^ <i32>(<u32>hash >>> 15);
}

function hashAddRange(hash: i32, text: usize, start: i32, end: i32): i32 {
  let h = hashAdd(hash, end - start);
  for (let i = start; i < end; i++) h = hashAdd(h, <i32>load<u16>(text + (<usize>i << 1)));
  return h;
}

@inline
function bucketOf(hash: i32, tableBits: i32): i32 {
  let h = <u32>hash;
  h ^= h >>> 16;
  h *= 0x85ebca6b;
  h ^= h >>> 13;
  h *= 0xc2b2ae35;
  h ^= h >>> 16;
  return <i32>(h >>> (32 - tableBits));
}

@inline
function blockOf(hash: i32, tableBits: i32, slotBits: i32, slot: i32): i32 {
  return (bucketOf(hash, tableBits - slotBits) << slotBits) | slot;
}

@inline
function isSpaceCode(code: i32): bool {
  return code == 0x20 || code == 0x09 || code == 0x0a || code == 0x0d || code == 0xa0 || code == 0x3000;
}

function shapeOf(code: i32): i32 {
  if (code >= 0xac00 && code <= 0xd7a3) return 1;
  if (isSpaceCode(code)) return SPACE;
  if ((code >= 0x1100 && code <= 0x11ff) || (code >= 0x3130 && code <= 0x318f)) return 2;
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff)) return 3;
  if (code >= 0xd800 && code <= 0xdfff) return 3;
  if (code >= 0x41 && code <= 0x5a) return 4;
  if (code >= 0x61 && code <= 0x7a) return 5;
  if (code >= 0x30 && code <= 0x39) return 6;
  if (code >= 0xff10 && code <= 0xff19) return 6;
  if (code < 0x80 || (code >= 0x2000 && code <= 0x206f) || (code >= 0x3000 && code <= 0x303f)) return 16 + code;
  return 7;
}

@inline
function normChar(code: i32): i32 {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19) ? 0x30 : code;
}

@inline
function bies(at: i32, start: i32, end: i32): i32 {
  if (end - start == 1) return 3;
  if (at == start) return 0;
  return at == end - 1 ? 2 : 1;
}

@inline
function unit(text: usize, i: i32): i32 {
  return <i32>load<u16>(text + (<usize>i << 1));
}

@inline
function i32At(array: usize, k: i32): i32 {
  return load<i32>(array + (<usize>k << 2));
}

@inline
function setI32(array: usize, k: i32, value: i32): void {
  store<i32>(array + (<usize>k << 2), value);
}

/** The address of the row of a bucket, or 0 when it has none. */
@inline
function rowAddress(bucket: i32): usize {
  const word = index + (<usize>(<u32>bucket >>> 5) << 3);
  const set = load<u32>(word);
  const bit: u32 = 1 << (<u32>bucket & 31);
  if ((set & bit) == 0) return 0;
  return rows + (<usize>(load<u32>(word, 4) + popcnt<u32>(set & (bit - 1))) << 4);
}

/** A row's bytes in lane order: [0, 2, 1, 3, 4, 6, 5, 7 | 8, 10, 9, 11, 12, 14, 13, 15]. */
@inline
function laneOrder(row: v128): v128 {
  return v128.shuffle<u8>(row, row, 0, 2, 1, 3, 4, 6, 5, 7, 8, 10, 9, 11, 12, 14, 13, 15);
}

/**
 * Adds the rows of buckets `ids[from, to)` to the lane sums at `lanes` (LANES Int32: eight lane words and the
 * count of rows), which must stay at most 255 rows.
 */
function addRows(ids: usize, from: i32, to: i32, lanes: usize): void {
  let low = v128.load(lanes);
  let high = v128.load(lanes, 16);
  let count = load<i32>(lanes, 32);
  for (let f = from; f < to; f++) {
    const at = rowAddress(i32At(ids, f));
    if (at == 0) continue;
    const row = laneOrder(v128.load(at));
    low = i16x8.add(low, i16x8.extend_low_i8x16_u(row));
    high = i16x8.add(high, i16x8.extend_high_i8x16_u(row));
    count++;
  }
  v128.store(lanes, low);
  v128.store(lanes, high, 16);
  store<i32>(lanes, count, 32);
}

/** The lane sums of the rows of buckets `ids[0, count)` into `out`. */
function lanes(ids: usize, count: i32, out: usize): void {
  memory.fill(out, 0, LANES * 4);
  addRows(ids, 0, count, out);
}

/** The context-word features of the eojeol `text[es, ee)` (in a text of `length` units), summed into eojeolLanes. */
function eojeolContext(text: usize, length: i32, es: i32, ee: i32): void {
  const ids = contextIds;
  let used = 0;
  // The white space around the eojeol is read once for the eojeol known from an earlier piece (see knownEojeolStart):
  // a long eojeol tagged in pieces read all the white space after it again for each piece.
  let pe: i32;
  let ns: i32;
  const known = es == knownEojeolStart && ee == knownEojeolEnd;
  if (known && knownNeighbours) {
    pe = knownPreviousEnd;
    ns = knownNextStart;
  } else {
    pe = es - 1;
    while (pe >= 0 && isSpaceCode(unit(text, pe))) pe--;
    ns = ee;
    while (ns < length && isSpaceCode(unit(text, ns))) ns++;
    if (known) {
      knownNeighbours = true;
      knownPreviousEnd = pe;
      knownNextStart = ns;
    }
  }
  // Only the last 7 units of the previous eojeol and the first 7 of the next are read: the features look no further
  // into them (reading all of a long neighbour, for every eojeol that has it, was quadratic).
  if (pe >= 0) {
    let ps = pe;
    const floor = max(0, pe - 6);
    while (ps > floor && !isSpaceCode(unit(text, ps - 1))) ps--;
    setI32(ids, used++, bucketOf(hashAddRange(seed(S_H19), text, max(ps, pe - 1), pe + 1), bits));
    if (pe + 1 - ps <= 6) setI32(ids, used++, bucketOf(hashAddRange(seed(S_H21), text, ps, pe + 1), bits));
  } else setI32(ids, used++, bucketOf(seed(S_H19), bits));
  if (ns < length) {
    let ne = ns;
    const ceiling = min(length, ns + 7);
    while (ne < ceiling && !isSpaceCode(unit(text, ne))) ne++;
    setI32(ids, used++, bucketOf(hashAddRange(seed(S_H20), text, ns, min(ne, ns + 2)), bits));
    if (ne - ns <= 6) setI32(ids, used++, bucketOf(hashAddRange(seed(S_H22), text, ns, ne), bits));
  } else setI32(ids, used++, bucketOf(seed(S_H20), bits));
  lanes(ids, used, eojeolLanes);
}

// Per-token facts from the host (Int32 per token): see emissions.
let tokenHash: usize = 0;
let signature: usize = 0;
let inEojeol: usize = 0;
let nameBucket: usize = 0;
let previousClassBucket: usize = 0;
let nextClassBucket: usize = 0;

/** The features of token t that do not depend on the unit, summed into tokenLanes. */
function tokenConstants(t: i32, count: i32): void {
  const ids = contextIds;
  let used = 0;
  if (t > 0 && i32At(tokenHash, t - 1) != -1) setI32(ids, used++, bucketOf(hashAdd(seed(S_H46), i32At(tokenHash, t - 1)), bits));
  if (t + 1 < count && i32At(tokenHash, t + 1) != -1) setI32(ids, used++, bucketOf(hashAdd(seed(S_H47), i32At(tokenHash, t + 1)), bits));
  if (i32At(nameBucket, t) >= 0) setI32(ids, used++, i32At(nameBucket, t));
  setI32(ids, used++, bucketOf(hashAdd(hashAdd(seed(S_H58), i32At(signature, t)), i32At(inEojeol, t)), bits));
  if (t > 0 && i32At(previousClassBucket, t - 1) >= 0) setI32(ids, used++, i32At(previousClassBucket, t - 1));
  if (t + 1 < count && i32At(nextClassBucket, t + 1) >= 0) setI32(ids, used++, i32At(nextClassBucket, t + 1));
  lanes(ids, used, tokenLanes);
}

/**
 * The last eojeol found that reaches past the sentence, in the text the host copied last (-1: none; the host calls
 * forgetText when it copies another): a run without spaces longer than a tagged span is tagged in pieces, and each
 * piece found the bounds of the eojeol by reading all of it again (quadratic in the run).
 */
let knownEojeolStart: i32 = -1;
let knownEojeolEnd: i32 = -1;
/** Whether the last unit of white space before the known eojeol (-1: none) and the first after it are known. */
let knownNeighbours = false;
let knownPreviousEnd: i32 = -1;
let knownNextStart: i32 = 0;

/** The text in memory changed: the eojeol known in the old one means nothing in it. */
export function forgetText(): void {
  knownEojeolStart = -1;
  knownEojeolEnd = -1;
  knownNeighbours = false;
}

/** Bump allocation inside the work area the host sized (see Emitter.emissions in emit.ts for the bound). */
let free: usize = 0;
function take(words: i32): usize {
  const at = free;
  free = (free + (<usize>words << 2) + 15) & ~(<usize>15);
  return at;
}

/**
 * Emission scores of the units (non-space UTF-16 units) of `text[from, to)`, as emit.ts computes them. Returns
 * the number of units and writes, per unit u, `positions[u]` (its offset from `from`), 13 Float64 at `out + 104u`
 * (the sums times `scale`) and 13 Int32 at `integers + 52u` (the sums). Inputs:
 * - text: the whole text (`length` UTF-16 units), whose context the features read beyond the sentence;
 * - matches: `matchCount` dictionary matches as Int32 start, end and class mask at `matchStart`, `matchEnd`,
 *   `matchMask`;
 * - tokens: `tokenCount` tokens with Int32 per token at `tokenFacts`: start, end, eojeol, tag hash, surface hash
 *   (-1: longer than MAX_EOJEOL_HASH), its name-class feature's bucket, and its class's buckets as previous and as
 *   next token (-1: none), eight arrays of `tokenCount` one after the other;
 * - work: room for the scratch arrays (the host sizes it: see Emitter.emissions in emit.ts).
 */
export function emissions(
  text: usize, length: i32, from: i32, to: i32, matchCount: i32, matchStart: usize, matchEnd: usize, matchMask: usize,
  tokenCount: i32, tokenFacts: usize, work: usize, positions: usize, out: usize, integers: usize, scale: f64,
): i32 {
  const n = to - from;
  if (n <= 0) return 0;
  free = work;
  const chars = take(n + 6);
  const shapes = take(n + 6);
  const grams = take(2 * (n + 6));
  const eojeolStart = take(n + 1);
  const eojeolEnd = take(n + 1);
  const coverCount = take(n + 2);
  const startsAt = take(n + 2);
  const endsAt = take(n + 2);
  const fill = take(n + 1);
  const tokenAt = take(n + 1);
  const offsets = take(n + 1);
  const base = take(LANES * n);
  const tokenStart = tokenFacts;
  const tokenEnd = tokenStart + (<usize>tokenCount << 2);
  const tokenEojeol = tokenEnd + (<usize>tokenCount << 2);
  const posHash = tokenEojeol + (<usize>tokenCount << 2);
  tokenHash = posHash + (<usize>tokenCount << 2);
  nameBucket = tokenHash + (<usize>tokenCount << 2);
  previousClassBucket = nameBucket + (<usize>tokenCount << 2);
  nextClassBucket = previousClassBucket + (<usize>tokenCount << 2);
  signature = take(tokenCount);
  inEojeol = take(tokenCount);

  for (let k = 0; k < n + 6; k++) {
    const at = from + k - 3;
    if (at < 0 || at >= length) {
      setI32(chars, k, -1);
      setI32(shapes, k, BOUNDARY);
    } else {
      const code = unit(text, at);
      setI32(chars, k, normChar(code));
      setI32(shapes, k, shapeOf(code));
    }
  }
  for (let k = 1; k < n + 5; k++) {
    const c = i32At(chars, k);
    setI32(grams, 2 * k, blockOf(hashAdd(seed(S_H1), c), bits, 2, 0));
    setI32(grams, 2 * k + 1, blockOf(hashAdd(hashAdd(seed(S_H6), c), i32At(chars, k + 1)), bits, 2, 0));
  }
  for (let i = 0; i < n; ) {
    const at = from + i;
    if (i32At(shapes, i + 3) == SPACE) {
      setI32(eojeolStart, i, -1);
      setI32(eojeolEnd, i, -1);
      i++;
      continue;
    }
    let s = at;
    let e = at;
    if (at >= knownEojeolStart && at < knownEojeolEnd) {
      s = knownEojeolStart;
      e = knownEojeolEnd;
    } else {
      while (s > 0 && !isSpaceCode(unit(text, s - 1))) s--;
      while (e < length && !isSpaceCode(unit(text, e))) e++;
      if (s < from || e > to) {
        knownEojeolStart = s;
        knownEojeolEnd = e;
        knownNeighbours = false;
      }
    }
    const stop = min(e, to);
    for (let k = at; k < stop; k++) {
      setI32(eojeolStart, k - from, s);
      setI32(eojeolEnd, k - from, e);
    }
    i = stop - from;
  }

  // Dictionary matches, and for each unit the matches covering it (counting sort by unit).
  for (let k = 0; k <= n; k++) {
    setI32(coverCount, k, 0);
    setI32(startsAt, k, 0);
    setI32(endsAt, k, 0);
  }
  for (let j = 0; j < matchCount; j++) {
    const s = i32At(matchStart, j) - from;
    const e = i32At(matchEnd, j) - from;
    for (let k = s; k < e; k++) setI32(coverCount, k + 1, i32At(coverCount, k + 1) + 1);
    setI32(startsAt, s, i32At(startsAt, s) | i32At(matchMask, j));
    setI32(endsAt, e, i32At(endsAt, e) | i32At(matchMask, j));
  }
  for (let k = 1; k <= n; k++) setI32(coverCount, k, i32At(coverCount, k) + i32At(coverCount, k - 1));
  const cover = take(i32At(coverCount, n));
  for (let k = 0; k < n; k++) setI32(fill, k, i32At(coverCount, k));
  for (let j = 0; j < matchCount; j++) {
    for (let k = i32At(matchStart, j) - from, e = i32At(matchEnd, j) - from; k < e; k++) {
      const slot = i32At(fill, k);
      setI32(cover, slot, j);
      setI32(fill, k, slot + 1);
    }
  }

  // Tokens: the one covering each unit (the last one), and per token the signature of its eojeol's tags.
  if (tokenCount > 0) {
    for (let k = 0; k < n; k++) setI32(tokenAt, k, -1);
    for (let t = 0; t < tokenCount; t++) {
      const stop = min(i32At(tokenEnd, t), to);
      for (let k = max(i32At(tokenStart, t), from); k < stop; k++) setI32(tokenAt, k - from, t);
    }
    for (let t = 0; t < tokenCount; ) {
      let u = t;
      let h = seed(S_SIGNATURE);
      const eojeol = i32At(tokenEojeol, t);
      while (u < tokenCount && i32At(tokenEojeol, u) == eojeol) h = hashAdd(h, i32At(posHash, u++));
      for (let v = t; v < u; v++) {
        setI32(signature, v, h);
        setI32(inEojeol, v, min(v - t, 3) + 4 * min(u - 1 - v, 3));
      }
      t = u;
    }
  }

  // The units: their feature buckets after one another in `ids`, and their base lanes.
  const ids = free;
  let used = 0;
  let units = 0;
  let currentEojeol = -2;
  let whole = 0;
  let hasWhole = false;
  let currentToken = -2;
  let unitEojeol = -2;
  let unitToken = -2;
  for (let i = 0; i < n; i++) {
    const es = i32At(eojeolStart, i);
    const ee = i32At(eojeolEnd, i);
    if (es < 0) continue;
    const coverFrom = i32At(coverCount, i);
    const coverTo = i32At(coverCount, i + 1);
    setI32(positions, units, i);
    setI32(offsets, units, used);
    const b9 = LANES * units++;
    const k = i + 3;
    const at = from + i;
    // Character n-grams (unigram blocks at offsets -1..+1, bigram blocks starting at -2..+1) and shapes.
    const b = 2 * k;
    setI32(ids, used, i32At(grams, b - 2));
    setI32(ids, used + 1, i32At(grams, b) | 1);
    setI32(ids, used + 2, i32At(grams, b + 2) | 2);
    setI32(ids, used + 3, i32At(grams, b - 3));
    setI32(ids, used + 4, i32At(grams, b - 1) | 1);
    setI32(ids, used + 5, i32At(grams, b + 1) | 2);
    setI32(ids, used + 6, i32At(grams, b + 3) | 3);
    setI32(ids, used + 7, bucketOf(hashAdd(hashAdd(hashAdd(seed(S_H10), i32At(chars, k - 1)), i32At(chars, k)), i32At(chars, k + 1)), bits));
    setI32(ids, used + 8, bucketOf(hashAdd(hashAdd(hashAdd(seed(S_H13), i32At(shapes, k - 1)), i32At(shapes, k)), i32At(shapes, k + 1)), bits));
    used += 9;

    if (es != currentEojeol) {
      currentEojeol = es;
      eojeolContext(text, length, es, ee);
      hasWhole = ee - es <= MAX_EOJEOL_HASH;
      if (hasWhole) whole = hashAddRange(seed(S_H18), text, es, ee);
    }
    const before = at - es;
    const after = ee - at - 1;
    const b3 = before < 3 ? before : 3;
    const a3 = after < 3 ? after : 3;
    setI32(ids, used++, bucketOf(hashAdd(hashAdd(seed(S_H15), b3), a3), bits));
    if (before < 6) setI32(ids, used++, bucketOf(hashAddRange(seed(S_H16), text, es, at + 1), bits));
    if (after <= 4) {
      setI32(ids, used++, bucketOf(hashAddRange(seed(S_H17), text, at + 1, ee), bits));
    } else setI32(ids, used++, bucketOf(hashAdd(seed(S_H17), -1), bits));
    if (hasWhole) setI32(ids, used++, blockOf(whole, bits, 3, before));

    for (let c = coverFrom; c < coverTo; c++) {
      const j = i32At(cover, c);
      const ms = i32At(matchStart, j);
      const me = i32At(matchEnd, j);
      const position = bies(at, ms, me);
      const alignedStart = ms == es ? 1 : 0;
      const rest = ee - me;
      const alignedEnd = rest == 0 ? 0 : rest <= 2 ? 1 : 2;
      const span = me - ms < 5 ? me - ms : 5;
      for (let set = i32At(matchMask, j); set != 0; set &= set - 1) {
        const bit = 31 - clz(set & -set);
        setI32(ids, used++, bucketOf(hashAdd(hashAdd(hashAdd(hashAdd(seed(S_H30), bit), position), alignedStart), alignedEnd), bits));
        setI32(ids, used++, bucketOf(hashAdd(hashAdd(hashAdd(seed(S_H31), bit), position), span), bits));
      }
    }
    for (let set = i32At(startsAt, i + 1); set != 0; set &= set - 1) setI32(ids, used++, bucketOf(hashAdd(seed(S_H32), 31 - clz(set & -set)), bits));
    for (let set = i32At(endsAt, i); set != 0; set &= set - 1) setI32(ids, used++, bucketOf(hashAdd(seed(S_H33), 31 - clz(set & -set)), bits));
    if (ee < length && at == ee - 1) {
      let ns = ee;
      while (ns < length && isSpaceCode(unit(text, ns))) ns++;
      if (ns < to) {
        for (let set = i32At(startsAt, ns - from); set != 0; set &= set - 1) setI32(ids, used++, bucketOf(hashAdd(seed(S_H34), 31 - clz(set & -set)), bits));
      }
    }

    if (tokenCount > 0) {
      const t = i32At(tokenAt, i);
      if (t >= 0) {
        if (t != currentToken) {
          currentToken = t;
          tokenConstants(t, tokenCount);
        }
        const position = bies(at, i32At(tokenStart, t), i32At(tokenEnd, t));
        setI32(ids, used++, bucketOf(hashAdd(hashAdd(seed(S_H40), i32At(posHash, t)), position), bits));
        const own = i32At(tokenHash, t);
        if (own != -1) setI32(ids, used++, blockOf(hashAdd(seed(S_H45), own), bits, 2, position));
      } else setI32(ids, used++, bucketOf(seed(S_H40), bits));
    }

    const tokenKey = tokenCount > 0 ? i32At(tokenAt, i) : -1;
    if (es != unitEojeol || tokenKey != unitToken) {
      unitEojeol = es;
      unitToken = tokenKey;
      for (let w = 0; w < LANES; w++) {
        setI32(unitLanes, w, i32At(biasLanes, w) + i32At(eojeolLanes, w) + (tokenKey >= 0 ? i32At(tokenLanes, w) : 0));
      }
    }
    for (let w = 0; w < LANES; w++) setI32(base, b9 + w, i32At(unitLanes, w));
  }
  setI32(offsets, units, used);
  sumRows(units, ids, offsets, base, out, integers, scale);
  return units;
}

/** For units 0..n-1: the rows of `ids[offsets[i], offsets[i + 1])` on top of `base[9i, 9i + 9)`, as scores. */
function sumRows(n: i32, ids: usize, offsets: usize, base: usize, out: usize, integers: usize, scale: f64): void {
  for (let i = 0; i < n; i++) {
    const b = base + <usize>i * 36;
    const from = i32At(offsets, i);
    const to = i32At(offsets, i + 1);
    // The unit's rows on top of its base lanes, in place (each unit's base is read once); or, when there are
    // more than 16-bit lanes hold (long dictionary overlaps), the base alone and the rows below in 32 bits.
    const fits = to - from + load<i32>(b, 32) <= 255;
    if (fits) addRows(ids, from, to, b);
    const low = v128.load(b);
    const high = v128.load(b, 16);
    const bias = i32x4.splat(128 * load<i32>(b, 32));
    let a0 = i32x4.sub(i32x4.extend_low_i16x8_u(low), bias);
    let a1 = i32x4.sub(i32x4.extend_high_i16x8_u(low), bias);
    let a2 = i32x4.sub(i32x4.extend_low_i16x8_u(high), bias);
    let a3 = i32x4.sub(i32x4.extend_high_i16x8_u(high), bias);
    if (!fits) {
      // 32-bit sums, each row less its 128s.
      const minus = i32x4.splat(128);
      for (let f = from; f < to; f++) {
        const at = rowAddress(i32At(ids, f));
        if (at == 0) continue;
        const row = laneOrder(v128.load(at));
        const l = i16x8.extend_low_i8x16_u(row);
        const h = i16x8.extend_high_i8x16_u(row);
        a0 = i32x4.add(a0, i32x4.sub(i32x4.extend_low_i16x8_u(l), minus));
        a1 = i32x4.add(a1, i32x4.sub(i32x4.extend_high_i16x8_u(l), minus));
        a2 = i32x4.add(a2, i32x4.sub(i32x4.extend_low_i16x8_u(h), minus));
        a3 = i32x4.add(a3, i32x4.sub(i32x4.extend_high_i16x8_u(h), minus));
      }
    }
    // a0 holds labels 0, 2, 1, 3; a1 4, 6, 5, 7; a2 8, 10, 9, 11; a3 12, 14, 13, 15: put them in label order.
    const s0 = v128.shuffle<i32>(a0, a0, 0, 2, 1, 3);
    const s1 = v128.shuffle<i32>(a1, a1, 0, 2, 1, 3);
    const s2 = v128.shuffle<i32>(a2, a2, 0, 2, 1, 3);
    const label12 = i32x4.extract_lane(a3, 0);
    if (integers != 0) {
      const o = integers + <usize>i * 52;
      v128.store(o, s0);
      v128.store(o, s1, 16);
      v128.store(o, s2, 32);
      store<i32>(o, label12, 48);
    }
    const o = out + <usize>i * 104;
    const k = f64x2.splat(scale);
    v128.store(o, f64x2.mul(f64x2.convert_low_i32x4_s(s0), k));
    v128.store(o, f64x2.mul(f64x2.convert_low_i32x4_s(v128.shuffle<i32>(s0, s0, 2, 3, 0, 1)), k), 16);
    v128.store(o, f64x2.mul(f64x2.convert_low_i32x4_s(s1), k), 32);
    v128.store(o, f64x2.mul(f64x2.convert_low_i32x4_s(v128.shuffle<i32>(s1, s1, 2, 3, 0, 1)), k), 48);
    v128.store(o, f64x2.mul(f64x2.convert_low_i32x4_s(s2), k), 64);
    v128.store(o, f64x2.mul(f64x2.convert_low_i32x4_s(v128.shuffle<i32>(s2, s2, 2, 3, 0, 1)), k), 80);
    store<f64>(o, <f64>label12 * scale, 96);
  }
}
