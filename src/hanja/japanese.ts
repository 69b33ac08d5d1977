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
  /** Hangul spellings per character, computed on first use. */
  readonly cache: Map<string, readonly string[]>;
}

export function buildJapaneseData(table: TsvTable): JapaneseData {
  const [h, o, k] = [table.column('hanja'), table.column('on'), table.column('kun')];
  const on = new Map<string, readonly string[]>();
  const kun = new Map<string, readonly string[]>();
  for (const row of table.rows) {
    on.set(row[h]!, (row[o] ?? '').split(' ').filter(Boolean));
    kun.set(row[h]!, (row[k] ?? '').split(' ').filter(Boolean));
  }
  return { on, kun, cache: new Map() };
}

// Morae, longest spelling first. Values: [at a word start, inside a word] (equal for most).
const MORA: Record<string, [string, string]> = {};
const plain = (table: string, syllables: string) => {
  const keys = table.split(' ');
  const values = [...syllables];
  keys.forEach((key, i) => (MORA[key] = [values[i]!, values[i]!]));
};
const voiceless = (table: string, initial: string, medial: string) => {
  const keys = table.split(' ');
  const a = [...initial];
  const b = [...medial];
  keys.forEach((key, i) => (MORA[key] = [a[i]!, b[i]!]));
};
plain('a i u e o', '아이우에오');
voiceless('ka ki ku ke ko', '가기구게고', '카키쿠케코');
plain('ga gi gu ge go', '가기구게고');
plain('sa shi su se so si', '사시스세소시');
plain('za ji zu ze zo zi', '자지즈제조지');
voiceless('ta chi tsu te to ti tu', '다지쓰데도지쓰', '타치쓰테토티쓰');
plain('da di du de do', '다지즈데도');
plain('na ni nu ne no', '나니누네노');
plain('ha hi fu he ho hu', '하히후헤호후');
plain('ba bi bu be bo', '바비부베보');
plain('pa pi pu pe po', '파피푸페포');
plain('ma mi mu me mo', '마미무메모');
plain('ya yu yo', '야유요');
plain('ra ri ru re ro', '라리루레로');
plain('wa wo', '와오');
voiceless('kya kyu kyo', '갸규교', '캬큐쿄');
plain('gya gyu gyo', '갸규교');
plain('sha shu sho she', '샤슈쇼셰');
plain('ja ju jo je', '자주조제');
voiceless('cha chu cho che', '자주조제', '차추초체');
plain('nya nyu nyo', '냐뉴뇨');
plain('hya hyu hyo', '햐휴효');
plain('bya byu byo', '뱌뷰뵤');
plain('pya pyu pyo', '퍄퓨표');
plain('mya myu myo', '먀뮤묘');
plain('rya ryu ryo', '랴류료');
const MORA_PATTERN = new RegExp(
  `(${Object.keys(MORA).sort((a, b) => b.length - a.length).join('|')}|n(?![aiueoy]))`,
  'g',
);

// 連濁: the first consonant of a later element may be voiced (谷 tani → dani, 川 kawa → gawa).
const RENDAKU: [RegExp, string][] = [
  [/^k/, 'g'], [/^sh/, 'j'], [/^s/, 'z'], [/^ch/, 'j'], [/^ts/, 'z'], [/^t/, 'd'], [/^[hf]/, 'b'],
];

/** Splits romaji into morae; undefined when something is left over. */
function morae(romaji: string): string[] | undefined {
  const out: string[] = [];
  let consumed = 0;
  for (const m of romaji.matchAll(MORA_PATTERN)) {
    if (m.index !== consumed) return undefined;
    out.push(m[0]);
    consumed += m[0].length;
  }
  return consumed === romaji.length ? out : undefined;
}

/** Hangul for a sequence of morae; long vowels dropped when `long` is false (とう → 도, not 도우). */
function spell(list: readonly string[], wordStart: boolean, keepLong: boolean): string {
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
    const [atStart, inside] = MORA[mora]!;
    out += wordStart && i === 0 ? atStart : inside;
    previous = mora;
  });
  return out;
}

/** Every Hangul spelling of one romanised reading: at a word start or inside, voiced (rendaku) or not. */
export function romajiToHangul(romaji: string): string[] {
  const out = new Set<string>();
  const forms = [romaji];
  for (const [pattern, voiced] of RENDAKU) {
    if (pattern.test(romaji)) {
      forms.push(romaji.replace(pattern, voiced));
      break;
    }
  }
  for (const form of forms) {
    const list = morae(form);
    if (!list) continue;
    for (const wordStart of [true, false]) {
      out.add(spell(list, wordStart, false));
      out.add(spell(list, wordStart, true));
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
  for (const r of data.on.get(key) ?? []) for (const h of romajiToHangul(r)) out.add(h);
  for (const r of data.kun.get(key) ?? []) {
    const list = morae(r);
    if (!list) continue;
    // Kun readings carry okurigana (akiraka, haruka): any stem of at least one mora may stand for the character.
    for (let length = 1; length <= list.length; length++) {
      for (const h of romajiToHangul(list.slice(0, length).join(''))) out.add(h);
    }
  }
  const result = [...out].filter(Boolean);
  data.cache.set(key, result);
  return result;
}

/** Whether `hangul` (spaces removed) is a Japanese reading of `hanja`, character by character. */
export function matchJapanese(hanja: string, hangul: string, data: JapaneseData): boolean {
  const chars = Array.from(hanja);
  const n = chars.length;
  const m = hangul.length;
  const options = chars.map((c) => japaneseOptions(c, data));
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
