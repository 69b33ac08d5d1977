import { ERROR_CODES, KornerError } from '../errors.js';
import type { ChainScores } from './decode.js';
import type { SentenceFeatures } from './features.js';

/**
 * A trained tagger: a hashed table of per-label feature weights and the label transition scores.
 *
 * File format (`dictionaries/tagger/model.bin`, little-endian):
 *   "KNTG"  u32 format version  u32 header bytes  header (UTF-8 JSON, {@link ModelHeader})  padding to 4 bytes
 *   f32[L*L] transitions  f32[L] initial scores
 *   varint-coded gaps between the ids of the buckets that have weights (header.idBytes bytes)
 *   int8 or int16 [activeBuckets * L] quantised weights (weight = value * header.scale)
 * Buckets without weights (pruned, or never seen) read as zero.
 */
export const MODEL_MAGIC = 'KNTG';
export const MODEL_FORMAT = 1;

export interface ModelHeader {
  /** The table has 2^bits buckets. */
  bits: number;
  labels: string[];
  featureVersion: number;
  weightBits: 8 | 16;
  scale: number;
  /** Scores are divided by it before the softmax that gives entity scores. */
  temperature: number;
  activeBuckets: number;
  idBytes: number;
  /** Free-form facts: training data and licence, date, metrics. */
  meta: Record<string, unknown>;
}

export interface TaggerModel extends ChainScores {
  header: ModelHeader;
  bits: number;
  /**
   * `weights[row * L + label]`, to be multiplied by `scale`. Without `index`, row = bucket (dense, as in training);
   * with it, only the buckets that have a nonzero weight have a row.
   */
  weights: Int8Array | Int16Array | Float32Array;
  index?: BucketIndex;
  scale: number;
  temperature: number;
}

/**
 * Which buckets have a row, and which: one bit per bucket (128 KB for 2^20 buckets, so it stays in cache) and the
 * count of set bits before each 32-bit word. A feature unseen in training costs one cached read; the rows of the
 * others are packed (about a quarter of the buckets), so the table is a quarter of its dense size and misses the
 * cache less — this lookup is most of the tagger's time.
 */
export interface BucketIndex {
  bits: Uint32Array;
  rank: Uint32Array;
}

/** The number of set bits of a 32-bit integer. */
export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  v = (v + (v >>> 4)) & 0x0f0f0f0f;
  return Math.imul(v, 0x01010101) >>> 24;
}

/** The row of a bucket, or -1 when it has none. */
export function rowOf(index: BucketIndex, bucket: number): number {
  const word = bucket >>> 5;
  const bits = index.bits[word]!;
  const bit = 1 << (bucket & 31);
  if ((bits & bit) === 0) return -1;
  return index.rank[word]! + popcount(bits & ((bit - 1) | 0));
}

/** Emission scores for a sentence: `out[i * L + y]`. */
export function computeEmissions(model: TaggerModel, features: SentenceFeatures, out?: Float64Array): Float64Array {
  const L = model.labelCount;
  const n = features.length;
  const emissions = out && out.length >= n * L ? out : new Float64Array(n * L);
  const { weights, scale } = model;
  const { offsets, buckets } = features;
  if (L === 13) {
    emissions13(weights, scale, features, emissions, model.index);
    return emissions;
  }
  const index = model.index;
  for (let i = 0; i < n; i++) {
    const row = i * L;
    for (let y = 0; y < L; y++) emissions[row + y] = 0;
    for (let f = offsets[i]!; f < offsets[i + 1]!; f++) {
      const at = index ? rowOf(index, buckets[f]!) : buckets[f]!;
      if (at < 0) continue;
      const base = at * L;
      for (let y = 0; y < L; y++) emissions[row + y]! += weights[base + y]!;
    }
    if (scale !== 1) for (let y = 0; y < L; y++) emissions[row + y]! *= scale;
  }
  return emissions;
}

/** The same for 13 labels (6 types), with the sums in locals: this loop is most of the tagger's time. */
function emissions13(
  weights: Int8Array | Int16Array | Float32Array,
  scale: number,
  features: SentenceFeatures,
  out: Float64Array,
  index: BucketIndex | undefined,
): void {
  const { offsets, buckets, length } = features;
  const bitsOf = index?.bits;
  const rank = index?.rank;
  for (let i = 0; i < length; i++) {
    let y0 = 0, y1 = 0, y2 = 0, y3 = 0, y4 = 0, y5 = 0, y6 = 0, y7 = 0, y8 = 0, y9 = 0, y10 = 0, y11 = 0, y12 = 0;
    const end = offsets[i + 1]!;
    for (let f = offsets[i]!; f < end; f++) {
      const bucket = buckets[f]!;
      let b = bucket * 13;
      if (bitsOf && rank) {
        const word = bucket >>> 5;
        const set = bitsOf[word]!;
        const bit = 1 << (bucket & 31);
        if ((set & bit) === 0) continue;
        b = (rank[word]! + popcount(set & ((bit - 1) | 0))) * 13;
      }
      y0 += weights[b]!;
      y1 += weights[b + 1]!;
      y2 += weights[b + 2]!;
      y3 += weights[b + 3]!;
      y4 += weights[b + 4]!;
      y5 += weights[b + 5]!;
      y6 += weights[b + 6]!;
      y7 += weights[b + 7]!;
      y8 += weights[b + 8]!;
      y9 += weights[b + 9]!;
      y10 += weights[b + 10]!;
      y11 += weights[b + 11]!;
      y12 += weights[b + 12]!;
    }
    const row = i * 13;
    out[row] = y0 * scale;
    out[row + 1] = y1 * scale;
    out[row + 2] = y2 * scale;
    out[row + 3] = y3 * scale;
    out[row + 4] = y4 * scale;
    out[row + 5] = y5 * scale;
    out[row + 6] = y6 * scale;
    out[row + 7] = y7 * scale;
    out[row + 8] = y8 * scale;
    out[row + 9] = y9 * scale;
    out[row + 10] = y10 * scale;
    out[row + 11] = y11 * scale;
    out[row + 12] = y12 * scale;
  }
}

function fail(message: string): never {
  throw new KornerError(ERROR_CODES.DICTIONARY, `tagger model: ${message}. Retrain it with "npm run train" or reinstall korner.`);
}

export function decodeModel(bytes: Uint8Array): TaggerModel {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MODEL_MAGIC) fail('not a korner tagger model');
  const format = view.getUint32(4, true);
  if (format !== MODEL_FORMAT) fail(`format ${format} is not the supported format ${MODEL_FORMAT}`);
  const headerBytes = view.getUint32(8, true);
  let header: ModelHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerBytes))) as ModelHeader;
  } catch {
    fail('unreadable header');
  }
  const L = header.labels.length;
  let at = (12 + headerBytes + 3) & ~3;
  const readFloats = (count: number): Float32Array => {
    const out = new Float32Array(count);
    for (let k = 0; k < count; k++, at += 4) out[k] = view.getFloat32(at, true);
    return out;
  };
  const transitions = readFloats(L * L);
  const initial = readFloats(L);
  const ids = new Int32Array(header.activeBuckets);
  let id = -1;
  const idEnd = at + header.idBytes;
  for (let k = 0; k < header.activeBuckets; k++) {
    let gap = 0;
    let shift = 0;
    for (;;) {
      if (at >= idEnd) fail('truncated bucket ids');
      const byte = bytes[at++]!;
      gap |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
      shift += 7;
    }
    id += gap + 1;
    ids[k] = id;
  }
  at = idEnd;
  const stride = header.weightBits / 8;
  if (at + header.activeBuckets * L * stride > bytes.length) fail('truncated weights');
  const read = (k: number): number => (stride === 1 ? view.getInt8(at + k) : view.getInt16(at + 2 * k, true));
  // Buckets whose quantised weights are all zero get no row.
  const words = ((1 << header.bits) + 31) >>> 5;
  const index: BucketIndex = { bits: new Uint32Array(words), rank: new Uint32Array(words) };
  let rows = 0;
  for (let k = 0; k < header.activeBuckets; k++) {
    let nonzero = false;
    for (let y = 0; y < L && !nonzero; y++) nonzero = read(k * L + y) !== 0;
    if (!nonzero) continue;
    const bucket = ids[k]!;
    index.bits[bucket >>> 5]! |= 1 << (bucket & 31);
    rows++;
  }
  let count = 0;
  for (let w = 0; w < words; w++) {
    index.rank[w] = count;
    count += popcount(index.bits[w]!);
  }
  const weights = header.weightBits === 8 ? new Int8Array(rows * L) : new Int16Array(rows * L);
  for (let k = 0; k < header.activeBuckets; k++) {
    const row = rowOf(index, ids[k]!);
    if (row < 0) continue;
    for (let y = 0; y < L; y++) weights[row * L + y] = read(k * L + y);
  }
  return {
    header,
    bits: header.bits,
    labelCount: L,
    transitions,
    initial,
    weights,
    index,
    scale: header.scale,
    temperature: header.temperature,
  };
}

/**
 * Serialises dense float weights, quantised to `weightBits`: buckets whose largest quantised |weight| is not above
 * `prune` (in quantisation steps; 0 drops only the buckets that quantise to all zeros) are dropped.
 */
export function encodeModel(options: {
  bits: number;
  labels: string[];
  featureVersion: number;
  weights: Float32Array | Float64Array;
  transitions: ArrayLike<number>;
  initial: ArrayLike<number>;
  weightBits: 8 | 16;
  prune: number;
  temperature: number;
  meta: Record<string, unknown>;
}): Uint8Array {
  const L = options.labels.length;
  const buckets = 1 << options.bits;
  let max = 0;
  for (let k = 0; k < buckets * L; k++) max = Math.max(max, Math.abs(options.weights[k]!));
  const limit = options.weightBits === 8 ? 127 : 32767;
  const scale = max === 0 ? 1 : max / limit;
  const active: number[] = [];
  for (let b = 0; b < buckets; b++) {
    let largest = 0;
    for (let y = 0; y < L; y++) largest = Math.max(largest, Math.abs(Math.round(options.weights[b * L + y]! / scale)));
    if (largest > options.prune) active.push(b);
  }
  const idBytes: number[] = [];
  let previous = -1;
  for (const b of active) {
    let gap = b - previous - 1;
    previous = b;
    while (gap >= 0x80) {
      idBytes.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    idBytes.push(gap);
  }
  const header: ModelHeader = {
    bits: options.bits,
    labels: options.labels,
    featureVersion: options.featureVersion,
    weightBits: options.weightBits,
    scale,
    temperature: options.temperature,
    activeBuckets: active.length,
    idBytes: idBytes.length,
    meta: options.meta,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const headerEnd = (12 + headerBytes.length + 3) & ~3;
  const stride = options.weightBits / 8;
  const total = headerEnd + 4 * (L * L + L) + idBytes.length + active.length * L * stride;
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(MODEL_MAGIC), 0);
  view.setUint32(4, MODEL_FORMAT, true);
  view.setUint32(8, headerBytes.length, true);
  bytes.set(headerBytes, 12);
  let at = headerEnd;
  for (let k = 0; k < L * L; k++, at += 4) view.setFloat32(at, options.transitions[k]!, true);
  for (let k = 0; k < L; k++, at += 4) view.setFloat32(at, options.initial[k]!, true);
  bytes.set(idBytes, at);
  at += idBytes.length;
  for (const b of active) {
    for (let y = 0; y < L; y++, at += stride) {
      const q = Math.max(-limit, Math.min(limit, Math.round(options.weights[b * L + y]! / scale)));
      if (stride === 1) view.setInt8(at, q);
      else view.setInt16(at, q, true);
    }
  }
  return bytes;
}
