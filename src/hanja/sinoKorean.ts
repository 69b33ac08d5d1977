import type { TsvTable } from '../resources/tsv.js';
import { composeWord, initialForm, medialForm } from './initialSound.js';
import { unifiedHan } from './script.js';

/**
 * Sino-Korean (한자음) readings: each character's readings from Unihan kHangul and libhangul, ranked by use, and the
 * words of libhangul's Hanja dictionary whose reading is not composed character by character or that mark a word
 * start (see scripts/hanja/build-tables.mjs).
 */
export interface SinoKoreanData {
  /** Unified Hanja → readings in their original form (李 리, 女 녀), most used first. */
  readonly chars: ReadonlyMap<string, readonly string[]>;
  /** Hanja word → its readings as written (initial-sound rule applied); empty: compose it from `chars`. */
  readonly words: ReadonlyMap<string, readonly string[]>;
  /** Longest word, in characters. */
  readonly maxWordLength: number;
  /** Surname Hanja → its reading at the start of a name (金 김, 李 이, 沈 심). */
  readonly surnames: ReadonlyMap<string, string>;
}

export function buildSinoKoreanData(readings: TsvTable, words: TsvTable, surnameTable?: TsvTable): SinoKoreanData {
  const surnames = new Map<string, string>();
  if (surnameTable) {
    const sh = surnameTable.column('hanja');
    const sr = surnameTable.column('reading');
    for (const row of surnameTable.rows) surnames.set(row[sh]!, row[sr]!);
  }
  const chars = new Map<string, readonly string[]>();
  const h = readings.column('hanja');
  const r = readings.column('readings');
  for (const row of readings.rows) chars.set(row[h]!, row[r]!.split(' ').filter(Boolean));
  const wordMap = new Map<string, readonly string[]>();
  const wh = words.column('hanja');
  const wr = words.column('hangul');
  let maxWordLength = 1;
  for (const row of words.rows) {
    const hanja = row[wh]!;
    wordMap.set(hanja, (row[wr] ?? '').split(' ').filter(Boolean));
    const length = Array.from(hanja).length;
    if (length > maxWordLength) maxWordLength = length;
  }
  return { chars, words: wordMap, maxWordLength, surnames };
}

interface Segment {
  /** Code point index where the segment starts. */
  start: number;
  /** Finished readings of a known word, or per-character original readings (`word` false). */
  word: boolean;
  options: readonly string[];
  /** The segment's first character starts a word (the initial-sound rule applies to it). */
  wordStart: boolean;
}

/** Splits into known words (longest match) and single characters; characters after a word read as its suffix. */
function segment(chars: readonly string[], data: SinoKoreanData): Segment[] {
  const segments: Segment[] = [];
  let i = 0;
  let afterWord = false;
  while (i < chars.length) {
    let matched = false;
    for (let length = Math.min(data.maxWordLength, chars.length - i); length >= 2; length--) {
      const key = chars.slice(i, i + length).join('');
      const readings = data.words.get(key);
      if (readings === undefined) continue;
      const composed = composeWord(chars.slice(i, i + length).map((c) => data.chars.get(c)?.[0] ?? c));
      const options = readings.length > 0 ? readings : [composed];
      segments.push({ start: i, word: true, options, wordStart: true });
      i += length;
      matched = true;
      afterWord = true;
      break;
    }
    if (matched) continue;
    const ch = chars[i]!;
    // A character that follows a word is read as its suffix (가정란, 비율); at the start it begins a word.
    segments.push({ start: i, word: false, options: data.chars.get(ch) ?? [ch], wordStart: i === 0 && !afterWord });
    i++;
  }
  return segments;
}

/**
 * Sino-Korean readings of a Hanja string, best first (at most `limit`). Known words take their dictionary reading;
 * other characters their most used reading; the initial-sound rule applies at the start of each word
 * (李舜臣 → 이순신, 盧武鉉 → 노무현, 洛東江 → 낙동강), and inside words the original reading stays (柳成龍 → 유성룡).
 */
export function readSinoKorean(
  hanja: string,
  data: SinoKoreanData,
  limit = 8,
  options: { name?: boolean } = {},
): string[] {
  const chars = Array.from(hanja, unifiedHan);
  if (chars.length === 0) return [];
  const segments = segment(chars, data);
  // A name: an unknown string of two to four characters that starts with a surname reads it as one (金大中 김대중,
  // not 금대중). `name: true` forces this, `name: false` turns it off.
  const first = segments[0]!;
  const surname = data.surnames.get(chars[0]!);
  const looksLikeName = options.name ?? (chars.length >= 2 && chars.length <= 4);
  if (surname !== undefined && looksLikeName && !first.word) {
    const rest = first.options.map(initialForm).filter((r) => r !== surname);
    segments[0] = { start: 0, word: true, options: [surname, ...rest], wordStart: true };
  }
  const results: string[] = [];
  const seen = new Set<string>();
  // Enumerate choices in order of the summed rank of the options taken, until `limit` readings are found.
  const maxCost = segments.reduce((sum, s) => sum + s.options.length - 1, 0);
  const n = segments.length;
  const choice = new Int32Array(n);
  /** What is left of the cost when segment i is reached. */
  const left = new Int32Array(n + 1);
  // Costs above 4 only reorder rare readings; capping keeps long strings from enumerating exponentially many.
  for (let cost = 0; cost <= Math.min(maxCost, 4) && results.length < limit; cost++) {
    // Depth first, each segment's options in rank order, as a recursion over the segments would go, but with a
    // loop: the depth is the number of segments, and a page of Han characters overflowed the stack.
    choice.fill(0);
    left[0] = cost;
    let i = 0;
    for (;;) {
      for (; i < n; i++) left[i + 1] = left[i]! - choice[i]!;
      if (left[n] === 0) {
        const reading = assemble(segments, choice);
        if (!seen.has(reading)) {
          seen.add(reading);
          results.push(reading);
          if (results.length >= limit) break;
        }
      }
      // Back to the deepest segment that can take its next option; the ones after it start again at their first.
      i = n - 1;
      while (i >= 0 && choice[i]! >= Math.min(left[i]!, segments[i]!.options.length - 1)) choice[i--] = 0;
      if (i < 0) break;
      choice[i]!++;
    }
  }
  return results;
}

function assemble(segments: readonly Segment[], choice: Int32Array): string {
  let out = '';
  // The last syllable written, kept apart: reading it off `out` would flatten the growing string every time.
  let last: string | undefined;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const option = segment.options[choice[i]!]!;
    const written = segment.word ? option : segment.wordStart ? initialForm(option) : medialForm(last, option);
    out += written;
    if (written.length > 0) last = written[written.length - 1];
  }
  return out;
}

/** The Hangul syllables a character may be written as at a position: its readings, their initial and medial forms. */
export function sinoKoreanAccepts(ch: string, syllable: string, previous: string | undefined, data: SinoKoreanData): boolean {
  const readings = data.chars.get(unifiedHan(ch));
  if (!readings) return false;
  for (const r of readings) {
    if (r === syllable || initialForm(r) === syllable || medialForm(previous, r) === syllable) return true;
  }
  return false;
}

/**
 * Whether `hangul` is a Sino-Korean reading of `hanja`: one syllable a character, each one of the character's
 * readings (with or without the initial-sound rule, which compounds apply inside words too: 신여성), or a known
 * word's dictionary reading (六月 유월).
 */
export function matchSinoKorean(
  hanja: string,
  hangul: string,
  data: SinoKoreanData,
  options: { words?: boolean } = {},
): boolean {
  const useWords = options.words ?? true;
  const chars = Array.from(hanja, unifiedHan);
  const n = chars.length;
  if (n === 0 || hangul.length !== n) return false;
  const ok = new Uint8Array(n + 1);
  ok[0] = 1;
  for (let i = 0; i < n; i++) {
    if (!ok[i]) continue;
    if (sinoKoreanAccepts(chars[i]!, hangul[i]!, i > 0 ? hangul[i - 1] : undefined, data)) ok[i + 1] = 1;
    if (!useWords) continue;
    for (let length = 2; length <= Math.min(data.maxWordLength, n - i); length++) {
      const readings = data.words.get(chars.slice(i, i + length).join(''));
      if (readings && readings.includes(hangul.slice(i, i + length))) ok[i + length] = 1;
    }
  }
  return ok[n] === 1;
}
