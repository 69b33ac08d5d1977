import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { polyphonic } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { normalizePinyin } from '../../src/hanja/index.js';
import { parseTsv } from '../../src/resources/tsv.js';
import { dictionaries, realReader } from './helpers.js';

const reader = realReader();
const table = parseTsv('pinyin-hangul.tsv', readFileSync(join(dictionaries, 'hanja', 'pinyin-hangul.tsv'), 'utf8'));
const rows = table.rows.map((r) => [r[0]!, r[1]!] as const);

// An independent spelling of 외래어 표기법 표 5: the initial's Hangul consonant, the final's Hangul rhyme, and
// 제3장 제7절 제2항 (ㅑㅖㅛㅠ after ㅈㅉㅊ → ㅏㅔㅗㅜ). Syllables are split with the longest initial first.
const CONSONANT: Record<string, string> = {
  b: 'ㅂ', p: 'ㅍ', m: 'ㅁ', f: 'ㅍ', d: 'ㄷ', t: 'ㅌ', n: 'ㄴ', l: 'ㄹ', g: 'ㄱ', k: 'ㅋ', h: 'ㅎ',
  j: 'ㅈ', q: 'ㅊ', x: 'ㅅ', zh: 'ㅈ', ch: 'ㅊ', sh: 'ㅅ', r: 'ㄹ', z: 'ㅉ', c: 'ㅊ', s: 'ㅆ',
};
const RHYME: Record<string, string> = {
  a: '아', o: '오', e: '어', ai: '아이', ei: '에이', ao: '아오', ou: '어우', an: '안', en: '언', ang: '앙', eng: '엉',
  ong: '웅', i: '이', ia: '야', ie: '예', iao: '야오', iu: '유', ian: '옌', in: '인', iang: '양', ing: '잉',
  iong: '융', u: '우', ua: '와', uo: '워', uai: '와이', ui: '우이', uan: '완', un: '운', uang: '왕', ü: '위', üe: '웨',
  üan: '위안', ün: '윈',
};
const LEADS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
function expected(syllable: string): string | undefined {
  const initial = ['zh', 'ch', 'sh'].find((i) => syllable.startsWith(i)) ?? (CONSONANT[syllable[0]!] && syllable[0]);
  if (!initial) return undefined;
  let final = syllable.slice(initial.length);
  if ('jqx'.includes(initial) && final.startsWith('u')) final = 'ü' + final.slice(1);
  let rhyme = RHYME[final];
  if (final === 'i' && ['zh', 'ch', 'sh', 'r', 'z', 'c', 's'].includes(initial)) rhyme = '으';
  if (!rhyme) return undefined;
  const code = rhyme.charCodeAt(0) - 0xac00;
  let vowel = Math.floor((code % 588) / 28);
  const coda = code % 28;
  const lead = LEADS.indexOf(CONSONANT[initial]!);
  if ('ㅈㅉㅊ'.includes(CONSONANT[initial]!)) vowel = ({ 2: 0, 7: 5, 12: 8, 17: 13 } as Record<number, number>)[vowel] ?? vowel;
  return String.fromCharCode(0xac00 + lead * 588 + vowel * 28 + coda) + rhyme.slice(1);
}

describe('pinyin → Hangul table (외래어 표기법 표 5)', () => {
  it.each(rows)('%s → %s', (pinyin, hangul) => {
    expect(reader.pinyinToHangul(pinyin)).toBe(hangul);
    expect(hangul).toMatch(/^[가-힣]{1,2}$/);
    const derived = expected(pinyin);
    // Zero-initial and interjection syllables are spelled in the table as 표 5 lists them.
    if (derived !== undefined) expect(hangul).toBe(derived);
  });

  it('covers every syllable pinyin-pro gives for the CJK Unified Ideographs', () => {
    let chars = '';
    for (let c = 0x4e00; c <= 0x9fff; c++) chars += String.fromCodePoint(c);
    const missing = new Set<string>();
    polyphonic(chars, { toneType: 'none', type: 'array' }).forEach((list) => {
      for (const p of list) if (/^[a-zü]+$/.test(p) && reader.pinyinToHangul(p) === undefined) missing.add(p);
    });
    expect([...missing]).toEqual([]);
  });

  it.each([
    ['wēi', 'wei'], ['Hǎi', 'hai'], ['lv4', 'lü'], ['nu:', 'nü'], ['jv', 'ju'], ['yü', 'yu'], ['xuán', 'xuan'],
  ])('normalises %s to %s', (input, output) => {
    expect(normalizePinyin(input)).toBe(output);
  });

  it.each([
    ['jia', '자'], ['jie', '제'], ['jiao', '자오'], ['jiu', '주'], ['jian', '젠'], ['jiong', '중'], ['qie', '체'],
    ['xie', '셰'], ['xia', '샤'], ['zhi', '즈'], ['si', '쓰'], ['hui', '후이'], ['wei', '웨이'], ['yuan', '위안'],
  ])('official examples: %s → %s', (pinyin, hangul) => {
    expect(reader.pinyinToHangul(pinyin)).toBe(hangul);
  });
});
