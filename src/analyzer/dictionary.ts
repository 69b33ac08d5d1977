/**
 * The compiled mecab-ko-dic (built by scripts/mecab-dic/build.mjs from the copy inside Lucene's Korean analyzer):
 * typed-array views over the files in `dictionaries/mecab-ko-dic/`, read once through a {@link ResourceLoader}.
 * No Node modules here: the same code runs where files come by `fetch`.
 */
import { ERROR_CODES, KornerError } from '../errors.js';
import type { ResourceLoader } from '../resources/loader.js';

export const DICTIONARY_FOLDER = 'mecab-ko-dic';
/** The layout this code reads; build.mjs writes it into meta.json as `format`. */
export const DICTIONARY_FORMAT = 3;

export type NameClass = 'person' | 'place' | 'other';
export type EntryType = 'MORPHEME' | 'COMPOUND' | 'INFLECT' | 'PREANALYSIS';

/** An unknown-word definition of one character class (mecab's unk.def, as Lucene compiled it). */
export interface UnknownDefinition {
  class: string;
  classId: number;
  leftId: number;
  rightId: number;
  cost: number;
  tag: string;
}

export interface DictionaryMeta {
  version: string;
  format: number;
  lucene: string;
  surfaces: number;
  entries: number;
  trieSize: number;
  extras: number;
  /** Rows and columns of the (deduplicated) connection matrix. */
  leftIds: number;
  rightIds: number;
  matrixSplit: number;
  tags: string[];
  types: EntryType[];
  nameClasses: ('' | NameClass)[];
  unknown: UnknownDefinition[];
  characterClasses: Record<string, number>;
  /** `TAG|nameClass` -> [leftId, rightId after a final consonant, rightId after a vowel]. */
  userWordIds: Record<string, [number, number, number]>;
}

/** Bits of `chars.bin`, one Uint32 per UTF-16 code unit (see build.mjs). */
export const CHAR_CLASS_MASK = 0xf;
export const CHAR_INVOKE = 1 << 4;
export const CHAR_GROUP = 1 << 5;
export const CHAR_PUNCT = 1 << 6;
export const CHAR_DIGIT = 1 << 7;
export const CHAR_NON_SPACING_MARK = 1 << 8;
/** Class SPACE of the character definition or a space separator (Zs): skipped between words. */
export const CHAR_SPACE = (1 << 9) | (1 << 10);
export const CHAR_SCRIPT_SHIFT = 16;

/**
 * Bit of a trie node's check: a key ends at this node. Its value is the node's own base when the base is
 * negative (a leaf), else the base of its terminal slot (the slot of code 0 under it). See build.mjs.
 */
export const TRIE_HAS_VALUE = 1 << 30;
/** The check without the flag: the parent's index (or -1 for a free slot, which matches no node). */
export const TRIE_PARENT_MASK = TRIE_HAS_VALUE - 1;

/** The first Hangul syllable, U+AC00, and the number of syllables. */
export const HANGUL_FIRST = 0xac00;
export const HANGUL_SYLLABLES = 11172;

/** Entry info bits (4th Int16 of each entry). */
const INFO_TAG_MASK = 0x3f;
const INFO_TYPE_SHIFT = 6;
/** The info bits `3 << INFO_CLASS_SHIFT` hold the name class, an index into meta.nameClasses (0: none). */
export const INFO_CLASS_SHIFT = 8;
const INFO_EXTRA = 1 << 10;

/** Whether info bits (the 4th Int16 of an entry) say that the entry has a reading or a breakdown. */
export function hasExtraInfo(info: number): boolean {
  return (info & INFO_EXTRA) !== 0;
}

export interface Morpheme {
  text: string;
  pos: string;
}

export interface EntryExtra {
  reading?: string;
  morphemes?: Morpheme[];
}

export class MecabDictionary {
  /**
   * Double array as interleaved pairs: base of slot i at 2i, check at 2i + 1 (parent, plus {@link TRIE_HAS_VALUE}
   * where a key ends).
   */
  readonly trie: Int32Array;
  /** UTF-16 code unit -> dense trie code (0: the unit occurs in no dictionary word). */
  readonly codes: Uint16Array;
  /** Per entry: leftId, rightId, cost, info. */
  readonly entries: Int16Array;
  readonly chars: Uint32Array;
  /** Connection costs, row = left id of the next word, column = right id of the previous one. */
  readonly matrix: Int16Array;
  readonly rightIds: number;
  /** Per left id, the lowest connection cost into it (a bound for pruning in Viterbi). */
  readonly rowMin: Int16Array;
  /**
   * Every Hangul syllable (U+AC00-U+D7A3) has the same character facts in mecab-ko-dic: `hangulInfo`, with
   * `hangulSpan` 11172 (0 if the table ever says otherwise). Hot loops test the range rather than read
   * `chars`, whose 44 KB of syllables would cost a cache miss for nearly every new syllable of a text.
   */
  readonly hangulInfo: number;
  readonly hangulSpan: number;
  /** Unknown-word definitions per character class id. */
  readonly unknownByClass: UnknownDefinition[][];
  readonly tagIds: Map<string, number>;
  private readonly extraIndex: Uint32Array;
  private readonly extraOffsets: Uint32Array;
  private readonly extraText: Uint8Array;
  private readonly decoder = new TextDecoder();
  private rootTable: Int32Array | undefined;

  constructor(
    readonly meta: DictionaryMeta,
    files: { trie: Uint8Array; codes: Uint8Array; entries: Uint8Array; extras: Uint8Array; extrasText: Uint8Array; chars: Uint8Array; matrix: Uint8Array[] },
  ) {
    if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
      throw new KornerError(ERROR_CODES.DICTIONARY, 'the mecab-ko-dic files are little-endian and this platform is not.');
    }
    this.trie = view(files.trie, Int32Array, 2 * meta.trieSize, 'trie.bin');
    this.codes = view(files.codes, Uint16Array, 65536, 'codes.bin');
    this.entries = view(files.entries, Int16Array, 4 * meta.entries, 'entries.bin');
    const extras = view(files.extras, Uint32Array, 2 * meta.extras + 1, 'extras.bin');
    this.extraIndex = extras.subarray(0, meta.extras);
    this.extraOffsets = extras.subarray(meta.extras);
    this.extraText = files.extrasText;
    this.chars = view(files.chars, Uint32Array, 65536, 'chars.bin');
    this.rightIds = meta.rightIds;
    const cells = meta.leftIds * meta.rightIds;
    if (files.matrix.length === 1) {
      this.matrix = view(files.matrix[0]!, Int16Array, cells, 'matrix');
    } else {
      // One contiguous array keeps the innermost Viterbi loop to a single indexed load.
      this.matrix = new Int16Array(cells);
      let at = 0;
      for (const part of files.matrix) {
        const cellsInPart = part.byteLength >> 1;
        this.matrix.set(view(part, Int16Array, cellsInPart, 'matrix'), at);
        at += cellsInPart;
      }
      if (at !== cells) throw badFile('matrix', `${at} cells, expected ${cells}`);
    }
    this.rowMin = new Int16Array(meta.leftIds);
    for (let l = 0; l < meta.leftIds; l++) {
      let min = 32767;
      const row = this.matrix.subarray(l * meta.rightIds, (l + 1) * meta.rightIds);
      for (let r = 0; r < row.length; r++) if (row[r]! < min) min = row[r]!;
      this.rowMin[l] = min;
    }
    let uniform = true;
    for (let c = HANGUL_FIRST; c < HANGUL_FIRST + HANGUL_SYLLABLES; c++) if (this.chars[c] !== this.chars[HANGUL_FIRST]) uniform = false;
    this.hangulInfo = this.chars[HANGUL_FIRST]!;
    this.hangulSpan = uniform ? HANGUL_SYLLABLES : 0;
    this.unknownByClass = [];
    for (const def of meta.unknown) (this.unknownByClass[def.classId] ??= []).push(def);
    this.tagIds = new Map(meta.tags.map((t, i) => [t, i]));
  }

  leftId(entry: number): number {
    return this.entries[4 * entry]!;
  }
  rightId(entry: number): number {
    return this.entries[4 * entry + 1]!;
  }
  cost(entry: number): number {
    return this.entries[4 * entry + 2]!;
  }
  tagId(entry: number): number {
    return this.entries[4 * entry + 3]! & INFO_TAG_MASK;
  }
  tag(entry: number): string {
    return this.meta.tags[this.tagId(entry)]!;
  }
  /** The tag of an entry whose info bits (the 4th Int16 of its record) are `info`. */
  tagOfInfo(info: number): string {
    return this.meta.tags[info & INFO_TAG_MASK]!;
  }
  /** Whether the entry has a reading or a breakdown (see {@link extra}). */
  hasExtra(entry: number): boolean {
    return hasExtraInfo(this.entries[4 * entry + 3]!);
  }
  type(entry: number): EntryType {
    return this.meta.types[(this.entries[4 * entry + 3]! >> INFO_TYPE_SHIFT) & 3]!;
  }
  nameClass(entry: number): NameClass | undefined {
    return this.nameClassOfInfo(this.entries[4 * entry + 3]!);
  }
  /** The name class of an entry whose info bits are `info`. */
  nameClassOfInfo(info: number): NameClass | undefined {
    return this.meta.nameClasses[(info >> INFO_CLASS_SHIFT) & 3] || undefined;
  }

  /** Reading (Hanja words) and breakdown (compounds, inflected forms) of an entry. */
  extra(entry: number): EntryExtra | undefined {
    if (!(this.entries[4 * entry + 3]! & INFO_EXTRA)) return undefined;
    const index = this.extraIndex;
    let lo = 0;
    let hi = index.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (index[mid]! < entry) lo = mid + 1;
      else hi = mid;
    }
    if (index[lo] !== entry) return undefined;
    const record = this.decoder.decode(this.extraText.subarray(this.extraOffsets[lo], this.extraOffsets[lo + 1]));
    const sep = record.indexOf('\u001f');
    const reading = record.slice(0, sep);
    const morphemeText = record.slice(sep + 1);
    const result: EntryExtra = {};
    if (reading) result.reading = reading;
    if (morphemeText) {
      result.morphemes = morphemeText.split('\u001e').map((m) => {
        const at = m.indexOf('\u001d');
        return { text: m.slice(0, at), pos: m.slice(at + 1) };
      });
    }
    return result;
  }

  /**
   * The trie's first level as a table by code: [child node or -1, its base, entry value or -1], built on first
   * use. The root's children are spread over the 12 MB trie; with the table the first step of a walk reads none
   * of it.
   */
  get rootChildren(): Int32Array {
    if (this.rootTable) return this.rootTable;
    const { trie, codes } = this;
    const size = trie.length >> 1;
    let maxCode = 0;
    for (let c = 0; c < codes.length; c++) if (codes[c]! > maxCode) maxCode = codes[c]!;
    const table = new Int32Array(3 * (maxCode + 1)).fill(-1);
    for (let code = 1; code <= maxCode; code++) {
      const child = trie[0]! + code;
      if (child >= size) continue;
      const check = trie[2 * child + 1]!;
      if ((check & TRIE_PARENT_MASK) !== 0) continue;
      const base = trie[2 * child]!;
      table[3 * code] = child;
      table[3 * code + 1] = base;
      if (check & TRIE_HAS_VALUE) table[3 * code + 2] = -(base < 0 ? base : trie[2 * base]!) - 1;
    }
    return (this.rootTable = table);
  }

  /**
   * Calls `found(end, firstEntry, count)` for every dictionary word that starts at `start`, shortest first.
   * Returns whether anything matched.
   */
  forEachPrefix(text: string, start: number, found: (end: number, firstEntry: number, count: number) => void): boolean {
    const { trie, codes } = this;
    const root = this.rootChildren;
    const size = trie.length >> 1;
    if (start >= text.length) return false;
    const first = codes[text.charCodeAt(start)]!;
    if (first === 0) return false;
    let node = root[3 * first]!;
    if (node < 0) return false;
    let any = false;
    let base = root[3 * first + 1]!;
    let value = root[3 * first + 2]!;
    for (let i = start; ; ) {
      if (value >= 0) {
        any = true;
        found(i + 1, Math.floor(value / 64), value % 64);
      }
      if (base < 0) break; // a leaf
      if (++i >= text.length) break;
      const code = codes[text.charCodeAt(i)]!;
      if (code === 0) break;
      const next = base + code;
      if (next >= size) break;
      const check = trie[2 * next + 1]!;
      if ((check & TRIE_PARENT_MASK) !== node) break;
      node = next;
      base = trie[2 * node]!;
      value = check & TRIE_HAS_VALUE ? -(base < 0 ? base : trie[2 * base]!) - 1 : -1;
    }
    return any;
  }

  /** All entries for exactly `surface` (for tests and tools). */
  lookup(surface: string): number[] {
    const out: number[] = [];
    this.forEachPrefix(surface, 0, (end, first, count) => {
      if (end === surface.length) for (let k = 0; k < count; k++) out.push(first + k);
    });
    return out;
  }
}

type TypedArrayConstructor<T> = {
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): T;
  new (length: number): T;
  BYTES_PER_ELEMENT: number;
};

function badFile(name: string, why: string): KornerError {
  return new KornerError(
    ERROR_CODES.DICTIONARY,
    `mecab-ko-dic/${name} is damaged (${why}). Reinstall korner, or rebuild with scripts/mecab-dic/build.mjs.`,
  );
}

/** A typed view over the bytes, copied only when the loader handed out an unaligned slice. */
function view<T extends { set(a: ArrayLike<number>): void }>(
  bytes: Uint8Array,
  Type: TypedArrayConstructor<T>,
  length: number,
  name: string,
): T {
  if (bytes.byteLength !== length * Type.BYTES_PER_ELEMENT) {
    throw badFile(name, `${bytes.byteLength} bytes, expected ${length * Type.BYTES_PER_ELEMENT}`);
  }
  if (bytes.byteOffset % Type.BYTES_PER_ELEMENT === 0) return new Type(bytes.buffer, bytes.byteOffset, length);
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Type(copy.buffer, 0, length);
}

/** Reads and checks the compiled dictionary. */
export async function loadMecabDictionary(loader: ResourceLoader, folder = DICTIONARY_FOLDER): Promise<MecabDictionary> {
  const read = async (name: string): Promise<Uint8Array> => {
    try {
      return await loader.read(`${folder}/${name}`);
    } catch (error) {
      throw new KornerError(
        ERROR_CODES.DICTIONARY,
        `cannot read dictionary "${folder}/${name}": ${(error as Error).message}. Reinstall korner, or pass a loader that provides it.`,
        { cause: error },
      );
    }
  };
  const metaBytes = await read('meta.json');
  const meta = JSON.parse(new TextDecoder().decode(metaBytes)) as DictionaryMeta & { matrixSplit: number };
  if (meta.format !== DICTIONARY_FORMAT) {
    throw new KornerError(
      ERROR_CODES.DICTIONARY,
      `${folder} has format ${meta.format}, this korner reads format ${DICTIONARY_FORMAT}. Reinstall korner.`,
    );
  }
  const [trie, codes, entries, extras, extrasText, chars, m0, m1] = await Promise.all([
    read('trie.bin'),
    read('codes.bin'),
    read('entries.bin'),
    read('extras.bin'),
    read('extras.txt'),
    read('chars.bin'),
    read('matrix-0.bin'),
    read('matrix-1.bin'),
  ]);
  return new MecabDictionary(meta, { trie, codes, entries, extras, extrasText, chars, matrix: [m0, m1] });
}
