import { combineCharacter, disassembleCompleteCharacter } from 'es-hangul';
import type { TsvTable } from '../resources/tsv.js';
import { unifiedHan } from './script.js';

/**
 * Japanese readings of Hanja (Unihan kJapaneseOn / kJapaneseKun) written in Hangul by 외래어 표기법 (표 4, 일본어의
 * 가나와 한글 대조표, and 제3장 제3절 일본어의 표기): voiceless ka, ta rows are written ㄱ, ㄷ at the start of a word and
 * ㅋ, ㅌ inside it (교토, 도쿄); つ is 쓰; ん is a final ㄴ; long vowels are not written (東京 とうきょう → 도쿄).
 * Unihan gives no name readings (nanori), so many given names do not match (安倍晋三 아베 신조); places and names
 * read with common on and kun readings do (京都 교토, 後藤健二 고토 겐지, 湯川遙菜 유카와 하루나).
 */
export interface JapaneseData {
  readonly on: ReadonlyMap<string, readonly string[]>;
  readonly kun: ReadonlyMap<string, readonly string[]>;
  /** Hangul of each mora (`dictionaries/hanja/kana-hangul.tsv`): [at a word start, inside a word]. */
  readonly morae: ReadonlyMap<string, readonly [string, string]>;
  /** Splits romaji into morae, longest spelling first; ん is an `n` before no vowel or y. */
  readonly moraPattern: RegExp;
  /** Hangul spellings per character, computed on first use. */
  readonly cache: Map<string, readonly string[]>;
}

/** The readings table (hanja, on, kun) and the mora table (romaji, start, inside), prepared for matching. */
export function buildJapaneseData(readings: TsvTable, kana: TsvTable): JapaneseData {
  const [h, o, k] = [readings.column('hanja'), readings.column('on'), readings.column('kun')];
  const on = new Map<string, readonly string[]>();
  const kun = new Map<string, readonly string[]>();
  for (const row of readings.rows) {
    on.set(row[h]!, (row[o] ?? '').split(' ').filter(Boolean));
    kun.set(row[h]!, (row[k] ?? '').split(' ').filter(Boolean));
  }
  const [r, start, inside] = [kana.column('romaji'), kana.column('start'), kana.column('inside')];
  const morae = new Map<string, readonly [string, string]>();
  for (const row of kana.rows) morae.set(row[r]!, [row[start]!, row[inside]!]);
  // Romaji letters only, so the alternation is safe to build from data (no quantifier over user text).
  const spellings = [...morae.keys()].filter((key) => /^[a-z]+$/.test(key)).sort((a, b) => b.length - a.length);
  const moraPattern = new RegExp(`(${spellings.join('|')}|n(?![aiueoy]))`, 'g');
  return { on, kun, morae, moraPattern, cache: new Map() };
}

// 連濁: the first consonant of a later element may be voiced (谷 tani → dani, 川 kawa → gawa).
const RENDAKU: [RegExp, string][] = [
  [/^k/, 'g'], [/^sh/, 'j'], [/^s/, 'z'], [/^ch/, 'j'], [/^ts/, 'z'], [/^t/, 'd'], [/^[hf]/, 'b'],
];

/** Splits romaji into morae; undefined when something is left over. */
function morae(romaji: string, data: JapaneseData): string[] | undefined {
  const out: string[] = [];
  let consumed = 0;
  for (const m of romaji.matchAll(data.moraPattern)) {
    if (m.index !== consumed) return undefined;
    out.push(m[0]);
    consumed += m[0].length;
  }
  return consumed === romaji.length ? out : undefined;
}

/** Hangul for a sequence of morae; long vowels dropped when `long` is false (とう → 도, not 도우). */
function spell(list: readonly string[], data: JapaneseData, wordStart: boolean, keepLong: boolean): string {
  let out = '';
  let previous = '';
  list.forEach((mora, i) => {
    if (mora === 'n') {
      // ん is written as the final ㄴ of the syllable before it (외래어 표기법, 일본어 표기 제1항), or 은 alone.
      const before = out.length > 0 ? disassembleCompleteCharacter(out[out.length - 1]!) : undefined;
      if (before && before.jongseong === '') out = out.slice(0, -1) + combineCharacter(before.choseong, before.jungseong, 'ㄴ');
      else out += '은';
      previous = mora;
      return;
    }
    const vowelBefore = previous[previous.length - 1];
    if (!keepLong && i > 0 && ((mora === 'u' && (vowelBefore === 'o' || vowelBefore === 'u')) || (mora === 'o' && vowelBefore === 'o'))) {
      previous = mora;
      return;
    }
    const [atStart, inside] = data.morae.get(mora)!;
    out += wordStart && i === 0 ? atStart : inside;
    previous = mora;
  });
  return out;
}

/** Every Hangul spelling of one romanised reading: at a word start or inside, voiced (rendaku) or not. */
export function romajiToHangul(romaji: string, data: JapaneseData): string[] {
  const out = new Set<string>();
  const forms = [romaji];
  for (const [pattern, voiced] of RENDAKU) {
    if (pattern.test(romaji)) {
      forms.push(romaji.replace(pattern, voiced));
      break;
    }
  }
  for (const form of forms) {
    const list = morae(form, data);
    if (!list) continue;
    for (const wordStart of [true, false]) {
      out.add(spell(list, data, wordStart, false));
      out.add(spell(list, data, wordStart, true));
    }
  }
  return [...out];
}

/** The Hangul spellings a character may take: on readings, kun readings and their stems (靖 yasui → yasu). */
export function japaneseOptions(ch: string, data: JapaneseData): readonly string[] {
  const key = unifiedHan(ch);
  const cached = data.cache.get(key);
  if (cached) return cached;
  const out = new Set<string>();
  for (const r of data.on.get(key) ?? []) for (const h of romajiToHangul(r, data)) out.add(h);
  for (const r of data.kun.get(key) ?? []) {
    const list = morae(r, data);
    if (!list) continue;
    // Kun readings carry okurigana (akiraka, haruka): any stem of at least one mora may stand for the character.
    for (let length = 1; length <= list.length; length++) {
      for (const h of romajiToHangul(list.slice(0, length).join(''), data)) out.add(h);
    }
  }
  const result = [...out].filter(Boolean);
  data.cache.set(key, result);
  return result;
}

/** The most Hangul units a Japanese reading of `hanja` can have: each character's longest spelling, summed. */
export function longestJapanese(hanja: string, data: JapaneseData): number {
  let total = 0;
  for (const ch of hanja) {
    let longest = 0;
    for (const option of japaneseOptions(ch, data)) if (option.length > longest) longest = option.length;
    total += longest;
  }
  return total;
}

/** Whether `hangul` (spaces removed) is a Japanese reading of `hanja`, character by character. */
export function matchJapanese(hanja: string, hangul: string, data: JapaneseData): boolean {
  const chars = Array.from(hanja);
  const n = chars.length;
  const m = hangul.length;
  // Every spelling has a unit at least, so fewer units than characters cannot match; and more than the longest
  // spellings give cannot either. Both are answered before a table of (n + 1) × (m + 1) states is made, which a
  // long Han run beside a short gloss (or the reverse) made large.
  if (m < n) return false;
  const options = chars.map((c) => japaneseOptions(c, data));
  let longest = 0;
  for (const list of options) {
    let most = 0;
    for (const option of list) if (option.length > most) most = option.length;
    longest += most;
  }
  if (m > longest) return false;
  const seen = new Uint8Array((n + 1) * (m + 1));
  const stack: number[] = [0, 0];
  while (stack.length > 0) {
    const p = stack.pop()!;
    const i = stack.pop()!;
    const key = i * (m + 1) + p;
    if (seen[key]) continue;
    seen[key] = 1;
    if (i === n) {
      if (p === m) return true;
      continue;
    }
    for (const option of options[i]!) if (hangul.startsWith(option, p)) stack.push(i + 1, p + option.length);
  }
  return false;
}
