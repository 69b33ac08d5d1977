/**
 * The host side of the WebAssembly lattice (assembly/lattice.ts, compiled into latticeWasm.ts): one instance per
 * dictionary, with the dictionary's tables copied into its memory once. The memory holds, in order:
 *
 *   trie (Int32 triples: base, check, and the entry value the JavaScript trie keeps in the terminal slot, so
 *   that a step reads one record instead of two far apart) | codes (Uint16) | root children (Int32 triples) |
 *   entries (Int16 quadruples) | matrix
 *   (Int16) | row minima (Int16) | chars (Uint32) | space penalty per tag (Int32, 64) | unknown-word definitions
 *   per class (start and count, Int32, 16 each; then 5 Int32 per definition) | scratch (see scratchWords)
 *   | segment text (Uint16) | user words (6 Int32 per unit) | walked (a byte per unit) | head (Int32 per position)
 *   | name triples (Int32) | nodes (8 Int32 each)
 *
 * Everything up to the head is sized once; the name and node areas grow (the memory grows, and the segment is
 * built again) when a segment needs more. Analysis is synchronous, so analyzers that share a dictionary share its
 * instance.
 */
import { TRIE_HAS_VALUE, type MecabDictionary } from './dictionary.js';
import { wasmApi, wasmModule, type WasmMemory } from '../wasm/runtime.js';
import { LATTICE_WASM } from './latticeWasm.js';

/** Node record fields, in Int32 (as in assembly/lattice.ts). */
export const NODE_FIELDS = 8;
export const N_START = 0;
export const N_END = 1;
export const N_REF = 2;
/** The node's kind in the low KIND_BITS; a dictionary node's entry info bits (see dictionary.ts) above them. */
export const N_KIND = 3;
export const KIND_BITS = 2;
export const N_BACK = 6;

/** Node kinds (0 is the beginning of the segment, 1 a dictionary entry). */
export const KIND_UNKNOWN = 2;
export const KIND_USER = 3;

/** Int32 per unit of the user-word rows: end, left id, right id, cost, space penalty, reference. */
export const USER_FIELDS = 6;

/**
 * The penalty mecab-ko adds to a word that follows a space when the word begins with a particle, an ending,
 * the copula or a suffix (Lucene's KoreanTokenizer applies 3000 to left POS E*, J*, VCP, XSA, XSN, XSV): such
 * morphemes attach to the preceding word, so a space before one is evidence against the analysis.
 */
const SPACE_PENALTY = 3000;
const SPACE_PENALTY_TAGS = /^(E|J|VCP$|XSA$|XSN$|XSV$)/;

/** The space penalty of a word whose (first) tag is `tag`. */
export function spacePenalty(tag: string): number {
  return SPACE_PENALTY_TAGS.test(tag) ? SPACE_PENALTY : 0;
}

interface LatticeExports {
  init(...args: number[]): void;
  scratchWords(rights: number, lefts: number): number;
  nodesAdded(): number;
  nameWords(): number;
  analyze(
    text: number, from: number, to: number, endStopsWalks: number, hasUser: number, user: number, head: number,
    walked: number, names: number, firstName: number, nameCapacity: number, nodes: number, capacity: number,
  ): number;
}

const PAGE = 65536;

const lattices = new WeakMap<MecabDictionary, Lattice>();

/** The lattice of a dictionary, made on first use. */
export function latticeFor(dictionary: MecabDictionary, maxSegment: number): Lattice {
  let lattice = lattices.get(dictionary);
  if (!lattice || lattice.maxSegment < maxSegment) {
    lattice = new Lattice(dictionary, maxSegment);
    lattices.set(dictionary, lattice);
  }
  return lattice;
}

export class Lattice {
  private readonly memory: WasmMemory;
  private readonly wasm: LatticeExports;
  /** Views of the whole memory, made again when it grows. */
  i32!: Int32Array;
  private u16!: Uint16Array;
  private u8!: Uint8Array;
  private readonly textAt: number;
  private readonly userAt: number;
  private readonly walkedAt: number;
  private readonly headAt: number;
  private readonly namesAt: number;
  private nameCapacity: number;
  private nodeCapacity: number;
  /** Where the nodes begin, in Int32 (nodes follow the name triples, so they move when those grow). */
  nodeBase = 0;
  /** After run: the name triples of the segment, `i32[nameBase, nameBase + nameWords)`. */
  readonly nameBase: number;
  nameWords = 0;

  /** `capacity`: the first room for nodes and name triples (Int32), which grow as needed; small in tests. */
  constructor(
    dictionary: MecabDictionary,
    readonly maxSegment: number,
    capacity: { nodes?: number; names?: number } = {},
  ) {
    const { meta, trie, codes, entries, matrix, rowMin, chars } = dictionary;
    const rootChild = dictionary.rootChildren;
    const classCount = 16;
    const byClass: number[][] = [];
    meta.unknown.forEach((def, k) => (byClass[def.classId] ??= []).push(k));
    const defs: number[] = [];
    const starts = new Int32Array(classCount);
    const counts = new Int32Array(classCount);
    for (let c = 0; c < classCount; c++) {
      const list = byClass[c] ?? byClass[1] ?? [];
      starts[c] = defs.length / 5;
      counts[c] = list.length;
      for (const k of list) {
        const def = meta.unknown[k]!;
        defs.push(def.leftId, def.rightId, def.cost, spacePenalty(def.tag), k);
      }
    }
    const penalties = new Int32Array(64);
    meta.tags.forEach((tag, k) => (penalties[k] = spacePenalty(tag)));
    const hanjaClass = meta.characterClasses.HANJA ?? -1;

    // Lay out the static part, then size the memory for it and the segment areas.
    let end = 0;
    const place = (bytes: number): number => {
      const at = end;
      end = (end + bytes + 15) & ~15;
      return at;
    };
    const trieAt = place(12 * (trie.length >> 1));
    const codesAt = place(codes.byteLength);
    const rootAt = place(rootChild.byteLength);
    const entriesAt = place(entries.byteLength);
    const matrixAt = place(matrix.byteLength);
    const rowMinAt = place(rowMin.byteLength);
    const charsAt = place(chars.byteLength);
    const penaltyAt = place(penalties.byteLength);
    const startsAt = place(starts.byteLength);
    const countsAt = place(counts.byteLength);
    const defsAt = place(4 * defs.length);
    // scratchWords is a pure function of the two sizes; it needs an instance, so the layout asks it after.
    const scratchBytes = 4 * (5 * dictionary.rightIds + 3 * meta.leftIds);
    const scratchAt = place(scratchBytes);
    this.textAt = place(2 * maxSegment);
    this.userAt = place(4 * USER_FIELDS * maxSegment);
    this.walkedAt = place(maxSegment);
    this.headAt = place(4 * (maxSegment + 1));
    this.namesAt = end;
    this.nameBase = this.namesAt >> 2;
    this.nameCapacity = Math.max(3, capacity.names ?? 6 * maxSegment);
    this.nodeCapacity = Math.max(1, capacity.nodes ?? 16 * maxSegment);
    this.memory = new wasmApi.Memory({ initial: Math.ceil(this.bytesNeeded() / PAGE) });
    const instance = new wasmApi.Instance(wasmModule(LATTICE_WASM), { env: { memory: this.memory } });
    this.wasm = instance.exports as unknown as LatticeExports;
    if (this.wasm.scratchWords(dictionary.rightIds, meta.leftIds) * 4 !== scratchBytes) {
      throw new Error('lattice: the scratch layout of assembly/lattice.ts changed; update lattice.ts');
    }
    this.views();
    const bytes = this.u8;
    const copy = (at: number, array: ArrayBufferView): void => {
      bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    };
    const records = new Int32Array(this.memory.buffer, trieAt, 3 * (trie.length >> 1));
    for (let slot = 0, slots = trie.length >> 1; slot < slots; slot++) {
      const base = trie[2 * slot]!;
      const check = trie[2 * slot + 1]!;
      records[3 * slot] = base;
      records[3 * slot + 1] = check;
      records[3 * slot + 2] = check & TRIE_HAS_VALUE ? -(base < 0 ? base : trie[2 * base]!) - 1 : -1;
    }
    copy(codesAt, codes);
    copy(rootAt, rootChild);
    copy(entriesAt, entries);
    copy(matrixAt, matrix);
    copy(rowMinAt, rowMin);
    copy(charsAt, chars);
    copy(penaltyAt, penalties);
    copy(startsAt, starts);
    copy(countsAt, counts);
    copy(defsAt, Int32Array.from(defs));
    const namedIndices = meta.nameClasses.reduce((bits, name, k) => (name ? bits | (1 << k) : bits), 0);
    this.wasm.init(
      trieAt, trie.length >> 1, codesAt, rootAt, entriesAt, matrixAt, dictionary.rightIds, rowMinAt, charsAt,
      dictionary.hangulInfo, dictionary.hangulSpan, penaltyAt, namedIndices, startsAt, countsAt, defsAt, hanjaClass,
      scratchAt, meta.leftIds,
    );
  }

  private bytesNeeded(): number {
    return this.namesAt + 4 * this.nameCapacity + 4 * NODE_FIELDS * this.nodeCapacity;
  }

  /** The user-word rows of the segment starting at `from`: unit s at `USER_FIELDS * (s - from)`. */
  userRows(): Int32Array {
    return this.i32.subarray(this.userAt >> 2, (this.userAt >> 2) + USER_FIELDS * this.maxSegment);
  }

  /** Whether unit `s` of the last segment (starting at `from`) was walked to its end. */
  walked(from: number, s: number): boolean {
    return this.u8[this.walkedAt + s - from] !== 0;
  }

  /**
   * Builds the lattice of `text[from, to)` (at most maxSegment units) and returns the last node of its best path
   * (-1: none); nodes are then `i32[nodeBase + NODE_FIELDS * x ...]`, and `walked` and the name triples describe
   * the segment. `user`: whether userRows() holds the segment's user words.
   */
  run(text: string, from: number, to: number, endStopsWalks: boolean, user: boolean): number {
    const length = to - from;
    const units = this.u16;
    const textUnit = this.textAt >> 1;
    for (let k = 0; k < length; k++) units[textUnit + k] = text.charCodeAt(from + k);
    this.u8.fill(0, this.walkedAt, this.walkedAt + length);
    for (;;) {
      const nodesAt = this.namesAt + 4 * this.nameCapacity;
      // Addresses less `from` units (see analyze in assembly/lattice.ts); the wasm side wraps them like any i32.
      const last = this.wasm.analyze(
        this.textAt - 2 * from, from, to, endStopsWalks ? 1 : 0, user ? 1 : 0, this.userAt - 4 * USER_FIELDS * from,
        this.headAt, this.walkedAt - from, this.namesAt, 0, this.nameCapacity, nodesAt, this.nodeCapacity,
      );
      if (last !== -2) {
        this.nodeBase = nodesAt >> 2;
        this.nameWords = this.wasm.nameWords();
        return last;
      }
      if (this.wasm.nodesAdded() >= this.nodeCapacity) this.nodeCapacity *= 2;
      else this.nameCapacity *= 2;
      this.grow();
    }
  }

  private grow(): void {
    const needed = this.bytesNeeded();
    if (needed > this.memory.buffer.byteLength) this.memory.grow(Math.ceil((needed - this.memory.buffer.byteLength) / PAGE));
    this.views();
  }

  private views(): void {
    const buffer = this.memory.buffer;
    this.i32 = new Int32Array(buffer);
    this.u16 = new Uint16Array(buffer);
    this.u8 = new Uint8Array(buffer);
  }
}
