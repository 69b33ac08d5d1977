import type { Token } from '../document/types.js';
import { wasmApi, wasmModule, type WasmMemory } from '../wasm/runtime.js';
import { EMISSIONS_WASM } from './emissionsWasm.js';
import { bucketOf, hashAdd, hashAddRange, hashStart, hashString } from './hash.js';
import { MatchBuffer, type TaggerLexicon } from './lexicon.js';
import { popcount, type TaggerModel } from './model.js';

/**
 * Emission scores straight from the text, for inference: the features of {@link extractFeatures} (features.ts),
 * the same buckets for every unit, hashed from code units as they are read (the n-gram blocks once per position)
 * and summed at once from a weight table laid out for it, in WebAssembly (assembly/emissions.ts; V8's code for the
 * same loops spent most of its time on checks around each typed-array access). Training keeps extractFeatures
 * (it needs the bucket lists); tests/tagger checks that both give the same emissions, bit for bit.
 *
 * The table: one row of 16 bytes per bucket that has weights (13 int8 weights + 128, 3 bytes of padding), summed
 * as 16-bit lanes; the rows are found through one bit per bucket and the count of set bits before each 32-bit
 * word, interleaved so that both come from one cache line. The sums are exact integers whatever their order, so
 * the emissions equal those of computeEmissions to the last bit.
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

const MAX_EOJEOL_HASH = 8;

/**
 * The template seeds, in the order assembly/emissions.ts reads them (S_H0 ... S_SIGNATURE there): hashStart of
 * each template id (features.ts), once.
 */
const SEEDS = Int32Array.from([0, 1, 6, 10, 13, 15, 16, 17, 18, 19, 20, 21, 22, 30, 31, 32, 33, 34, 40, 45, 46, 47, 58, 0x5e9], hashStart);
const H48 = hashStart(48);
const H49 = hashStart(49);
const H55 = hashStart(55);
/** Int32 of per-token facts (see emissions in assembly/emissions.ts). */
const TOKEN_FACTS = 8;

interface EmissionsExports {
  init(indexAt: number, rowsAt: number, bits: number, seedsAt: number, scratchAt: number): void;
  forgetText(): void;
  emissions(
    text: number, length: number, from: number, to: number, matchCount: number, matchStart: number, matchEnd: number,
    matchMask: number, tokenCount: number, tokenFacts: number, work: number, positions: number, out: number,
    integers: number, scale: number,
  ): number;
}

const PAGE = 65536;

function align(bytes: number): number {
  return (bytes + 15) & ~15;
}

/**
 * Computes emissions from text for one model and lexicon, in WebAssembly (assembly/emissions.ts): this host finds
 * the dictionary matches, hashes what comes from strings (each token's tag, surface and name class), and copies
 * text and facts into the module's memory, which holds the weight table, the text, and the sentence's facts and
 * scratch. Not reentrant (the memory is reused between calls).
 */
export class Emitter {
  private readonly table: WeightTable;
  private readonly matches = new MatchBuffer();
  private readonly memory: WasmMemory;
  private readonly wasm: EmissionsExports;
  /** Where the text goes, and how many units fit before the sentence areas. */
  private readonly textAt: number;
  private textCapacity = 0;
  /** The text whose units are in memory. */
  private text: string | undefined;
  private i32: Int32Array;
  private u16: Uint16Array;
  private f64: Float64Array;

  constructor(
    table: WeightTable,
    private readonly lexicon: TaggerLexicon,
  ) {
    this.table = table;
    const { index, rows } = table;
    const rowsAt = align(index.byteLength);
    const seedsAt = align(rowsAt + rows.byteLength);
    const scratchAt = align(seedsAt + SEEDS.byteLength);
    this.textAt = align(scratchAt + 4 * 64);
    this.memory = new wasmApi.Memory({ initial: Math.ceil((this.textAt + (1 << 20)) / PAGE) });
    this.wasm = new wasmApi.Instance(wasmModule(EMISSIONS_WASM), { env: { memory: this.memory } }).exports as EmissionsExports;
    this.i32 = new Int32Array(this.memory.buffer);
    this.u16 = new Uint16Array(this.memory.buffer);
    this.f64 = new Float64Array(this.memory.buffer);
    this.i32.set(index, 0);
    this.i32.set(rows, rowsAt >> 2);
    this.i32.set(SEEDS, seedsAt >> 2);
    this.wasm.init(0, rowsAt, table.bits, seedsAt, scratchAt);
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
    const matches = this.lexicon.findInto(text, from, to, this.matches);
    const matchCount = matches.count;
    // Sizes that bound the kernel's allocations: the units the matches cover, their class bits, and those bits
    // times the units they cover (each such pair makes two features).
    let covered = 0;
    let classBits = 0;
    let coveredBits = 0;
    for (let j = 0; j < matchCount; j++) {
      const span = matches.end[j]! - matches.start[j]!;
      const bitCount = popcount(matches.mask[j]!);
      covered += span;
      classBits += bitCount;
      coveredBits += bitCount * span;
    }
    const tokenCount = tokens ? tokens.length : 0;

    // The sentence's areas after the text; the work area's bound follows the allocations in emissions().
    const length = text.length;
    if (length > this.textCapacity) {
      this.textCapacity = Math.max(length, 2 * this.textCapacity, 4096);
      this.text = undefined;
    }
    const matchAt = align(this.textAt + 2 * this.textCapacity);
    const factsAt = align(matchAt + 12 * matchCount);
    const positionsAt = align(factsAt + 4 * TOKEN_FACTS * tokenCount);
    const outAt = align(positionsAt + 4 * n);
    const integersAt = align(outAt + 8 * 13 * n);
    const workAt = align(integersAt + 4 * 13 * n);
    // Scratch arrays (see emissions in assembly/emissions.ts), then the feature buckets: per unit at most 15 of
    // its own (characters, eojeol, token), two per class bit of each match covering it, and one per class bit of
    // the matches starting after it, ending before it and starting the next eojeol.
    const workWords = 12 * (n + 6) + 9 * n + 2 * tokenCount + covered + 15 * n + 2 * coveredBits + 3 * classBits;
    const end = workAt + 4 * workWords + 16 * 24;
    if (end > this.memory.buffer.byteLength) {
      this.memory.grow(Math.ceil((end - this.memory.buffer.byteLength) / PAGE));
      this.i32 = new Int32Array(this.memory.buffer);
      this.u16 = new Uint16Array(this.memory.buffer);
      this.f64 = new Float64Array(this.memory.buffer);
    }
    const { i32, u16, f64 } = this;
    if (text !== this.text) {
      const at = this.textAt >> 1;
      for (let k = 0; k < length; k++) u16[at + k] = text.charCodeAt(k);
      this.text = text;
      this.wasm.forgetText();
    }
    const m = matchAt >> 2;
    i32.set(matches.start.subarray(0, matchCount), m);
    i32.set(matches.end.subarray(0, matchCount), m + matchCount);
    i32.set(matches.mask.subarray(0, matchCount), m + 2 * matchCount);
    if (tokenCount > 0) this.tokenFacts(text, tokens!, tokenCount, factsAt >> 2);
    const units = this.wasm.emissions(
      this.textAt, length, from, to, matchCount, matchAt, matchAt + 4 * matchCount, matchAt + 8 * matchCount,
      tokenCount, factsAt, workAt, positionsAt, outAt, integers ? integersAt : 0, this.table.scale,
    );
    positions.set(i32.subarray(positionsAt >> 2, (positionsAt >> 2) + units));
    out.set(f64.subarray(outAt >> 3, (outAt >> 3) + 13 * units));
    if (integers) integers.set(i32.subarray(integersAt >> 2, (integersAt >> 2) + 13 * units));
    return units;
  }

  /**
   * Per token, the facts the kernel cannot read from the text, written into memory from Int32 `at` on as
   * TOKEN_FACTS arrays of `count` Int32 one after the other: start, end, eojeol, the hash of its tag, the hash of
   * its surface (-1 when longer than MAX_EOJEOL_HASH), and the buckets of its name class as its own feature, as the
   * previous token's and as the next token's (-1: none).
   */
  private tokenFacts(text: string, tokens: readonly Token[], count: number, at: number): void {
    const facts = this.i32;
    const bits = this.table.bits;
    for (let t = 0; t < count; t++) {
      const token = tokens[t]!;
      const own = token.end - token.start <= MAX_EOJEOL_HASH ? hashAddRange(0x7a3, text, token.start, token.end) : -1;
      const nameClass = token.nameClass;
      const k = at + t;
      facts[k] = token.start;
      facts[k + count] = token.end;
      facts[k + 2 * count] = token.eojeol;
      facts[k + 3 * count] = hashString(0x51ed, token.pos);
      facts[k + 4 * count] = own;
      facts[k + 5 * count] = own !== -1 && nameClass ? bucketOf(hashString(hashAdd(H55, own), nameClass), bits) : -1;
      facts[k + 6 * count] = nameClass ? bucketOf(hashString(H48, nameClass), bits) : -1;
      facts[k + 7 * count] = nameClass ? bucketOf(hashString(H49, nameClass), bits) : -1;
    }
  }
}
