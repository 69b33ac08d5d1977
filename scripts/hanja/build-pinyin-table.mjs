#!/usr/bin/env node
/**
 * Writes dictionaries/hanja/pinyin-hangul.tsv: every Mandarin syllable (toneless Hanyu Pinyin, ü written ü) and its
 * Hangul spelling by 외래어 표기법 (문교부 고시 제85-11호, 제2장 표 5 「중국어의 주음 부호와 한글 대조표」 and
 * 제3장 제7절 중국어의 표기):
 *   제1항 성조는 구별하여 적지 않는다 (tones are not written);
 *   제2항 'ㅈ, ㅉ, ㅊ'으로 표기되는 자음(ㄐ, ㄓ, ㄗ, ㄑ, ㄔ, ㄘ) 뒤의 'ㅑ, ㅖ, ㅛ, ㅠ' 음은 'ㅏ, ㅔ, ㅗ, ㅜ'로 적는다
 *          (jia 자, jie 제, jiao 자오, jiu 주, jian 젠, jiong 중).
 * The syllable inventory is the standard one (21 initials × their finals, plus the zero-initial y/w spellings).
 * The table is data: the run-time code only reads it. Rerun after editing the rules; `--check` verifies it is current.
 * Licence of the output: Apache-2.0 (ours); the rules are a public government standard.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dictionaries', 'hanja', 'pinyin-hangul.tsv');

// Choseong indices: ㄱ0 ㄲ1 ㄴ2 ㄷ3 ㄸ4 ㄹ5 ㅁ6 ㅂ7 ㅃ8 ㅅ9 ㅆ10 ㅇ11 ㅈ12 ㅉ13 ㅊ14 ㅋ15 ㅌ16 ㅍ17 ㅎ18
const INITIALS = {
  b: 7, p: 17, m: 6, f: 17, d: 3, t: 16, n: 2, l: 5, g: 0, k: 15, h: 18,
  j: 12, q: 14, x: 9, zh: 12, ch: 14, sh: 9, r: 5, z: 13, c: 14, s: 10,
};
// Finals after an initial, written with ㅇ in the first syllable (the initial replaces it), from 표 5.
const FINALS = {
  a: '아', o: '오', e: '어', ai: '아이', ei: '에이', ao: '아오', ou: '어우', an: '안', en: '언', ang: '앙', eng: '엉',
  ong: '웅', i: '이', ia: '야', ie: '예', iao: '야오', iu: '유', ian: '옌', in: '인', iang: '양', ing: '잉', iong: '융',
  u: '우', ua: '와', uo: '워', uai: '와이', ui: '우이', uan: '완', un: '운', uang: '왕',
  ü: '위', üe: '웨', üan: '위안', ün: '윈',
};
// Zero-initial syllables as 표 5 spells them.
const ZERO = {
  a: '아', o: '오', e: '어', ê: '에', ai: '아이', ei: '에이', ao: '아오', ou: '어우', an: '안', en: '언', ang: '앙',
  eng: '엉', er: '얼', yi: '이', ya: '야', yo: '요', ye: '예', yao: '야오', you: '유', yan: '옌', yin: '인', yang: '양',
  ying: '잉', yong: '융', wu: '우', wa: '와', wo: '워', wai: '와이', wei: '웨이', wan: '완', wen: '원', wang: '왕',
  weng: '웡', yu: '위', yue: '웨', yuan: '위안', yun: '윈',
};
// Which finals each initial takes (the standard syllable chart).
const CHART = {
  b: 'a o ai ei ao an en ang eng i ie iao ian in ing u',
  p: 'a o ai ei ao ou an en ang eng i ie iao ian in ing u',
  m: 'a o e ai ei ao ou an en ang eng i ie iao iu ian in ing u',
  f: 'a o ei ou an en ang eng u',
  d: 'a e ai ei ao ou an en ang eng ong i ia ie iao iu ian ing u uo ui uan un',
  t: 'a e ai ao ou an ang eng ong i ie iao ian ing u uo ui uan un',
  n: 'a e ai ei ao ou an en ang eng ong i ie iao iu ian in iang ing u uo uan ü üe',
  l: 'a o e ai ei ao ou an ang eng ong i ia ie iao iu ian in iang ing u uo uan un ü üe',
  g: 'a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang',
  k: 'a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang',
  h: 'a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang',
  j: 'i ia ie iao iu ian in iang ing iong ü üe üan ün',
  q: 'i ia ie iao iu ian in iang ing iong ü üe üan ün',
  x: 'i ia ie iao iu ian in iang ing iong ü üe üan ün',
  zh: 'a e ai ei ao ou an en ang eng ong i u ua uo uai ui uan un uang',
  ch: 'a e ai ao ou an en ang eng ong i u ua uo uai ui uan un uang',
  sh: 'a e ai ei ao ou an en ang eng i u ua uo uai ui uan un uang',
  r: 'e ao ou an en ang eng ong i u ua uo ui uan un',
  z: 'a e ai ei ao ou an en ang eng ong i u uo ui uan un',
  c: 'a e ai ao ou an en ang eng ong i u uo ui uan un',
  s: 'a e ai ao ou an en ang eng ong i u uo ui uan un',
};
// Rare syllables outside the chart that dictionaries still use, spelled by the same rules.
const RARE = 'me dia den nou kei sei shei zhei fiao rua tei cei nun';
// Interjections and zero-initial oddities, with the spelling 표 5 gives or the nearest one.
const EXTRA = { lo: '로', yo: '요', ê: '에', eh: '에', m: '음', n: '은', ng: '응', hm: '흠', hng: '흥' };

const SBASE = 0xac00;
const parts = (ch) => {
  const i = ch.charCodeAt(0) - SBASE;
  return [Math.floor(i / 588), Math.floor((i % 588) / 28), i % 28];
};
const compose = (l, v, t) => String.fromCharCode(SBASE + l * 588 + v * 28 + t);
// 제2항: after ㅈ ㅉ ㅊ, ㅑ→ㅏ ㅖ→ㅔ ㅛ→ㅗ ㅠ→ㅜ (jungseong indices ㅑ2→ㅏ0, ㅖ7→ㅔ5, ㅛ12→ㅗ8, ㅠ17→ㅜ13).
const PALATAL_VOWEL = { 2: 0, 7: 5, 12: 8, 17: 13 };

function spell(initial, final) {
  let hangul = FINALS[final];
  // zh ch sh r z c s + i: the apical vowel is written ㅡ (즈 츠 스 르 쯔 츠 쓰).
  if (final === 'i' && ['zh', 'ch', 'sh', 'r', 'z', 'c', 's'].includes(initial)) hangul = '으';
  const [, v, t] = parts(hangul[0]);
  const l = INITIALS[initial];
  const vowel = [12, 13, 14].includes(l) && v in PALATAL_VOWEL ? PALATAL_VOWEL[v] : v;
  return compose(l, vowel, t) + hangul.slice(1);
}

const rows = new Map();
for (const [initial, finals] of Object.entries(CHART)) {
  for (const final of finals.split(' ')) rows.set(initial + ('jqx'.includes(initial) ? final.replace('ü', 'u') : final), spell(initial, final));
}
for (const syllable of RARE.split(' ')) {
  const initial = ['zh', 'ch', 'sh'].find((i) => syllable.startsWith(i)) ?? syllable[0];
  rows.set(syllable, spell(initial, syllable.slice(initial.length)));
}
for (const [syllable, hangul] of Object.entries(ZERO)) rows.set(syllable, hangul);
for (const [syllable, hangul] of Object.entries(EXTRA)) if (!rows.has(syllable)) rows.set(syllable, hangul);

const lines = [...rows.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([p, h]) => `${p}\t${h}`);
const content =
  [
    '# generated by scripts/hanja/build-pinyin-table.mjs — do not edit; edit the script and rerun it',
    '# Mandarin syllables (toneless Hanyu Pinyin as written: ju, que, xuan, yu for ü; nü, lü, nüe, lüe) in Hangul by',
    '# 외래어 표기법 표 5 and 제3장 제7절 중국어의 표기 제1–2항. Licence: Apache-2.0 (korner); the rules are public.',
    '# columns: pinyin\thangul',
    ...lines,
  ].join('\n') + '\n';
if (process.argv.includes('--check')) {
  if (!existsSync(out) || readFileSync(out, 'utf8') !== content) {
    console.error(`${out} is out of date: run node scripts/hanja/build-pinyin-table.mjs`);
    process.exit(1);
  }
} else {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, content);
}
console.error(`${lines.length} syllables`);
