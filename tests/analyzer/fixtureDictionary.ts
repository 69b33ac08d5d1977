/**
 * A tiny hand-made dictionary in the real binary format, for unit tests of the lattice and Viterbi (in the
 * spirit of kuromoji's minimum-dic): a few words, three context ids, a 3 x 3 connection matrix.
 */
import { DICTIONARY_FORMAT, MecabDictionary, TRIE_HAS_VALUE, type DictionaryMeta } from '../../src/analyzer/dictionary.js';

export interface FixtureWord {
  surface: string;
  left: number;
  right: number;
  cost: number;
  tag: string;
  type?: 'MORPHEME' | 'COMPOUND' | 'INFLECT' | 'PREANALYSIS';
  morphemes?: string; // "a/NNG+b/NNG"
  reading?: string;
  nameClass?: 1 | 2 | 3;
}

const TAGS = ['UNKNOWN', 'NNG', 'NNP', 'JKO', 'JX', 'VV', 'EF', 'SN', 'SL', 'SY', 'SP', 'SH', 'SF', 'NNBC'];
const TYPES = ['MORPHEME', 'COMPOUND', 'INFLECT', 'PREANALYSIS'] as const;

/** matrix[left][right]: cost of a word with left id `left` after one with right id `right`. */
export function fixtureDictionary(words: FixtureWord[], matrix: number[][] = [[0, 0, 0], [0, 0, 0], [0, 0, 0]]): MecabDictionary {
  const sorted = [...words].sort((a, b) => (a.surface < b.surface ? -1 : a.surface > b.surface ? 1 : 0));
  const units = [...new Set(sorted.flatMap((w) => [...w.surface].flatMap((ch) => [...Array(ch.length).keys()].map((i) => ch.charCodeAt(i)))))].sort((a, b) => a - b);
  const codes = new Uint16Array(65536);
  units.forEach((u, i) => (codes[u] = i + 1));

  // Entries and extras.
  const entries = new Int16Array(4 * sorted.length);
  const extraIdx: number[] = [];
  const extraOff: number[] = [];
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const enc = new TextEncoder();
  sorted.forEach((w, i) => {
    const extra = w.reading || w.morphemes ? `${w.reading ?? ''}\u001f${(w.morphemes ?? '').split('+').filter(Boolean).map((m) => m.replace('/', '\u001d')).join('\u001e')}` : '';
    entries.set([w.left, w.right, w.cost, TAGS.indexOf(w.tag) | (TYPES.indexOf(w.type ?? 'MORPHEME') << 6) | ((w.nameClass ?? 0) << 8) | ((extra ? 1 : 0) << 10)], 4 * i);
    if (extra) {
      const b = enc.encode(extra);
      extraIdx.push(i);
      extraOff.push(bytes);
      chunks.push(b);
      bytes += b.length;
    }
  });
  extraOff.push(bytes);
  const extrasText = new Uint8Array(bytes);
  let at = 0;
  for (const c of chunks) {
    extrasText.set(c, at);
    at += c.length;
  }

  // Naive double-array construction (fine for a handful of keys).
  const keys = new Map<string, { first: number; count: number }>();
  sorted.forEach((w, i) => {
    const k = keys.get(w.surface);
    if (k) k.count++;
    else keys.set(w.surface, { first: i, count: 1 });
  });
  const base: number[] = [0];
  const check: number[] = [-2];
  const free = (i: number) => check[i] === undefined || check[i] === -1;
  const build = (node: number, prefix: string, list: string[]) => {
    const children = new Map<number, string[]>();
    for (const s of list) {
      const c = s.length === prefix.length ? 0 : codes[s.charCodeAt(prefix.length)]!;
      children.set(c, [...(children.get(c) ?? []), s]);
    }
    if (children.has(0)) {
      // A key ends here: flag the check; a leaf keeps its value in its own base (the layout of build.mjs).
      check[node] = check[node]! | TRIE_HAS_VALUE;
      if (children.size === 1) {
        const v = keys.get(prefix)!;
        base[node] = -(v.first * 64 + v.count) - 1;
        return;
      }
    }
    let b = 1;
    while (![...children.keys()].every((c) => free(b + c))) b++;
    base[node] = b;
    for (const c of children.keys()) check[b + c] = node;
    for (const [c, group] of children) {
      if (c === 0) {
        const v = keys.get(prefix)!;
        base[b] = -(v.first * 64 + v.count) - 1;
      } else {
        build(b + c, prefix + String.fromCharCode(units[c - 1]!), group);
      }
    }
  };
  build(0, '', [...keys.keys()]);
  const size = check.length;
  const trie = new Int32Array(2 * size);
  for (let i = 0; i < size; i++) {
    trie[2 * i] = base[i] ?? 0;
    trie[2 * i + 1] = check[i] ?? -1;
  }

  // Character facts: Hangul, digits, Latin, spaces, Hanja, punctuation (a small subset of the real table).
  const chars = new Uint32Array(65536);
  const HANGUL = 11 | (1 << 5) | (25 << 16);
  for (let c = 0; c < 65536; c++) chars[c] = 1 | (1 << 5) | (1 << 6); // DEFAULT, group, punct
  for (let c = 0xac00; c <= 0xd7a3; c++) chars[c] = HANGUL;
  for (let c = 0x4e00; c <= 0x9fff; c++) chars[c] = 12 | (36 << 16); // HANJA, no group
  for (let c = 0x30; c <= 0x39; c++) chars[c] = 4 | (1 << 4) | (1 << 5) | (1 << 7); // NUMERIC
  for (let c = 0x41; c <= 0x7a; c++) if (c <= 0x5a || c >= 0x61) chars[c] = 5 | (1 << 4) | (1 << 5) | (2 << 16); // ALPHA
  for (const c of [0x20, 0x09]) chars[c] = 2 | (1 << 5) | (1 << 6) | (1 << 9); // SPACE
  chars[0x2e] = 3 | (1 << 4) | (1 << 5) | (1 << 6); // SYMBOL '.'

  const flat = new Int16Array(matrix.length * matrix[0]!.length);
  matrix.forEach((row, l) => row.forEach((v, r) => (flat[l * row.length + r] = v)));
  const meta: DictionaryMeta = {
    version: 'fixture',
    format: DICTIONARY_FORMAT,
    lucene: 'none',
    surfaces: keys.size,
    entries: sorted.length,
    trieSize: size,
    extras: extraIdx.length,
    leftIds: matrix.length,
    rightIds: matrix[0]!.length,
    matrixSplit: matrix.length,
    tags: TAGS,
    types: [...TYPES],
    nameClasses: ['', 'person', 'place', 'other'],
    unknown: [
      { class: 'DEFAULT', classId: 1, leftId: 0, rightId: 0, cost: 5000, tag: 'SY' },
      { class: 'SPACE', classId: 2, leftId: 0, rightId: 0, cost: 5000, tag: 'SP' },
      { class: 'SYMBOL', classId: 3, leftId: 0, rightId: 0, cost: 5000, tag: 'SY' },
      { class: 'NUMERIC', classId: 4, leftId: 0, rightId: 0, cost: 5000, tag: 'SN' },
      { class: 'ALPHA', classId: 5, leftId: 0, rightId: 0, cost: 5000, tag: 'SL' },
      { class: 'HANGUL', classId: 11, leftId: 0, rightId: 0, cost: 10000, tag: 'UNKNOWN' },
      { class: 'HANJA', classId: 12, leftId: 0, rightId: 0, cost: 5000, tag: 'SH' },
    ],
    characterClasses: { DEFAULT: 1, SPACE: 2, SYMBOL: 3, NUMERIC: 4, ALPHA: 5, HANGUL: 11, HANJA: 12 },
    userWordIds: { 'NNG|': [1, 1, 1], 'NNP|other': [1, 1, 1], 'NNP|person': [1, 1, 1], 'NNP|place': [1, 1, 1] },
  } as DictionaryMeta;
  const u8 = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const extras = new Uint32Array([...extraIdx, ...extraOff]);
  return new MecabDictionary(meta, {
    trie: u8(trie),
    codes: u8(codes),
    entries: u8(entries),
    extras: u8(extras),
    extrasText,
    chars: u8(chars),
    matrix: [u8(flat)],
  });
}
