import type { TsvTable } from '../resources/tsv.js';

/** Toneless pinyin syllable → Hangul, from dictionaries/hanja/pinyin-hangul.tsv (외래어 표기법 표 5). */
export type PinyinTable = ReadonlyMap<string, string>;

export function buildPinyinTable(table: TsvTable): PinyinTable {
  const p = table.column('pinyin');
  const h = table.column('hangul');
  const map = new Map<string, string>();
  for (const row of table.rows) map.set(row[p]!, row[h]!);
  return map;
}

const TONE_MARKS = /[\u0300-\u0304\u030c]/g;

/**
 * Normalises a pinyin syllable to the table's key: lower case, tone marks and tone numbers dropped, `v` and `u:`
 * read as ü (after j, q, x and y pinyin writes ü as u).
 */
export function normalizePinyin(syllable: string): string {
  let s = syllable.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC').toLowerCase().replace(/[1-5]$/, '');
  s = s.replace(/u:|v/g, 'ü');
  if (/^[jqxy]ü/.test(s)) s = s[0] + 'u' + s.slice(2);
  return s;
}

/**
 * The Hangul spelling of one Mandarin syllable by 외래어 표기법 (표 5; 제3장 제7절 제1항 tones are not written,
 * 제2항 ㅑㅖㅛㅠ after ㅈㅉㅊ are written ㅏㅔㅗㅜ): wei → 웨이, hui → 후이, jia → 자. Undefined when unknown.
 */
export function pinyinToHangul(syllable: string, table: PinyinTable): string | undefined {
  return table.get(syllable) ?? table.get(normalizePinyin(syllable));
}
