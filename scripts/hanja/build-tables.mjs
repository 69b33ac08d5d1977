#!/usr/bin/env node
/**
 * Builds the compact Sino-Korean tables in dictionaries/hanja/ from two Debian packages:
 *
 *   unicode-data    /usr/share/unicode/Unihan_Readings.txt.bz2 (or Unihan.zip) — field kHangul
 *                   Unicode, Inc. licence (Unicode Data Files and Software), https://www.unicode.org/copyright.html
 *   libhangul-data  /usr/share/libhangul/hanja/hanja.txt — `hangul:hanja:gloss`, about 300k words
 *                   Copyright (c) 2005, 2006 Choe Hwanjin, BSD-3-Clause
 *
 * Outputs (each with a `#` header naming columns, source and licence; sorted; one entry a line):
 *
 *   dictionaries/hanja/readings.tsv  hanja → its Sino-Korean readings, most frequent first. Readings are stored in
 *                                    their original form (본음: 李 리, 女 녀, 盧 로); the initial-sound rule
 *                                    (한글 맞춤법 제10–12항) is applied at run time where a word starts.
 *   dictionaries/hanja/words.tsv     Hanja words of two or more characters whose dictionary reading differs from
 *                                    the reading composed from readings.tsv (六月 유월, 金九 김구, 承諾 승낙), plus
 *                                    words that start with a character subject to the initial-sound rule (they mark
 *                                    word starts inside compounds: 新+女性 → 신여성).
 *
 * Run: node scripts/hanja/build-tables.mjs        (needs: apt-get install unicode-data libhangul-data)
 *      node scripts/hanja/build-tables.mjs --check (exit 1 when the committed tables differ from a fresh build)
 * The npm package ships the generated tables and needs neither package.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'dictionaries', 'hanja');
const check = process.argv.includes('--check');

const UNIHAN_BZ2 = '/usr/share/unicode/Unihan_Readings.txt.bz2';
const UNIHAN_ZIP = '/usr/share/unicode/Unihan.zip';
const HANJA_TXT = '/usr/share/libhangul/hanja/hanja.txt';

function readUnihanReadings() {
  if (existsSync(UNIHAN_BZ2)) return execFileSync('bzcat', [UNIHAN_BZ2], { maxBuffer: 1 << 28 }).toString('utf8');
  if (existsSync(UNIHAN_ZIP)) {
    return execFileSync('unzip', ['-p', UNIHAN_ZIP, 'Unihan_Readings.txt'], { maxBuffer: 1 << 28 }).toString('utf8');
  }
  throw new Error(`neither ${UNIHAN_BZ2} nor ${UNIHAN_ZIP}: apt-get install unicode-data`);
}
if (!existsSync(HANJA_TXT)) throw new Error(`no ${HANJA_TXT}: apt-get install libhangul-data`);

// ---- Hangul helpers (the same rules as src/hanja/initialSound.ts) ----
const SBASE = 0xac00;
const isSyllable = (ch) => ch.length === 1 && ch.charCodeAt(0) >= SBASE && ch.charCodeAt(0) <= 0xd7a3;
const parts = (ch) => {
  const i = ch.charCodeAt(0) - SBASE;
  return [Math.floor(i / 588), Math.floor((i % 588) / 28), i % 28];
};
const compose = (l, v, t) => String.fromCharCode(SBASE + l * 588 + v * 28 + t);
const IOTIZED = new Set([2, 3, 6, 7, 12, 17, 20]); // ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ
/** 한글 맞춤법 제10–12항: the form of a syllable at the start of a word. */
function initialForm(ch) {
  if (!isSyllable(ch)) return ch;
  const [l, v, t] = parts(ch);
  if (l === 2 && IOTIZED.has(v)) return compose(11, v, t); // 녀 → 여
  if (l === 5) return compose(IOTIZED.has(v) ? 11 : 2, v, t); // 리 → 이, 라 → 나
  return ch;
}
/** 제11항 다만: 렬, 률 after a vowel or ㄴ are written 열, 율 (나열, 비율, 선율). */
function medialForm(prev, ch) {
  if (ch !== '렬' && ch !== '률') return ch;
  const t = isSyllable(prev) ? parts(prev)[2] : -1;
  return t === 0 || t === 4 ? (ch === '렬' ? '열' : '율') : ch;
}
const composeWord = (syllables) =>
  syllables.map((s, i) => (i === 0 ? initialForm(s) : medialForm(syllables[i - 1], s))).join('');

// ---- 1. Character readings: Unihan kHangul ∪ libhangul one-character entries ----
/** hanja → Map(reading → Unihan order) */
const charReadings = new Map();
const addReading = (hanja, reading, order) => {
  if (!isSyllable(reading)) return;
  let m = charReadings.get(hanja);
  if (!m) charReadings.set(hanja, (m = new Map()));
  if (!m.has(reading)) m.set(reading, order);
};
const unihanText = readUnihanReadings();
for (const line of unihanText.split('\n')) {
  const m = /^U\+([0-9A-F]+)\tkHangul\t(.+)$/.exec(line);
  if (!m) continue;
  // Compatibility ideographs (U+F900–FAFF) fold into their unified character, as the run-time lookup does.
  const hanja = String.fromCodePoint(parseInt(m[1], 16)).normalize('NFC');
  m[2].split(' ').forEach((item, i) => addReading(hanja, item.split(':')[0], i));
}
/** hanja → { on: string[], kun: string[] } (Unihan kJapaneseOn / kJapaneseKun, romanised) */
const japanese = new Map();
for (const line of unihanText.split('\n')) {
  const m = /^U\+([0-9A-F]+)\tkJapanese(On|Kun)\t(.+)$/.exec(line);
  if (!m) continue;
  const hanja = String.fromCodePoint(parseInt(m[1], 16)).normalize('NFC');
  let entry = japanese.get(hanja);
  if (!entry) japanese.set(hanja, (entry = { on: [], kun: [] }));
  const list = m[2] === 'On' ? entry.on : entry.kun;
  for (const r of m[3].toLowerCase().split(' ')) if (/^[a-z]+$/.test(r) && !list.includes(r)) list.push(r);
}
const words = [];
for (const line of readFileSync(HANJA_TXT, 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [hangul, hanja] = line.split(':');
  if (!hangul || !hanja) continue;
  const hanjaChars = [...hanja.normalize('NFC')];
  const syllables = [...hangul.normalize('NFC')];
  if (!hanjaChars.every(isHan)) continue;
  if (hanjaChars.length === 1) addReading(hanjaChars[0], syllables.join(''), 100);
  else if (syllables.length === hanjaChars.length && syllables.every(isSyllable)) words.push([hanjaChars, syllables]);
}
function isHan(ch) {
  const c = ch.codePointAt(0);
  return (
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x20000 && c <= 0x3134f)
  );
}

// Count how the word list uses each reading: at the start of a word (where the initial-sound rule applies) and
// inside it (where the original reading shows).
const initialUses = new Map(); // `${hanja}\t${reading}` → count
const medialUses = new Map();
const bump = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
for (const [hanjaChars, syllables] of words) {
  hanjaChars.forEach((h, i) => {
    const m = charReadings.get(h);
    if (!m) return;
    const s = syllables[i];
    // At a word start 이 may be 異's 리 or its 이: such a syllable says nothing about which, and is not counted.
    const fits = [...m.keys()].filter((c) => c === s || (i === 0 ? initialForm(c) : medialForm(syllables[i - 1], c)) === s);
    const r = fits.length === 1 ? fits[0] : undefined;
    if (r) bump(i === 0 ? initialUses : medialUses, `${h}\t${r}`);
  });
}
const uses = (h, r) => (initialUses.get(`${h}\t${r}`) ?? 0) + (medialUses.get(`${h}\t${r}`) ?? 0);

// A reading that is only the initial form of another (李 이 of 리, 女 여 of 녀) is folded into it: the rule
// restores it at run time. It stays a reading of its own where words use it inside (異 이: 특이, beside 리: 지리산).
for (const [hanja, m] of charReadings) {
  for (const x of [...m.keys()]) {
    const y = [...m.keys()].find((other) => other !== x && initialForm(other) === x);
    if (y === undefined) continue;
    const medialX = medialUses.get(`${hanja}\t${x}`) ?? 0;
    const medialY = medialUses.get(`${hanja}\t${y}`) ?? 0;
    if (medialX <= 0.1 * medialY || (medialX === 0 && medialY === 0)) {
      initialUses.set(`${hanja}\t${y}`, (initialUses.get(`${hanja}\t${y}`) ?? 0) + (initialUses.get(`${hanja}\t${x}`) ?? 0));
      m.delete(x);
    }
  }
}

// Rank each character's readings by use, then by Unihan order.
/** hanja → readings, most used first */
const ranked = new Map();
for (const [hanja, m] of charReadings) {
  const list = [...m.entries()]
    .map(([r, order]) => [r, order, uses(hanja, r)])
    .sort((a, b) => b[2] - a[2] || a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .map((x) => x[0]);
  ranked.set(hanja, list);
}

// ---- 2. Words whose reading is not the composed one, or that start with an initial-sound character ----
const wordRows = new Map(); // hanja → Set(hangul)
let irregular = 0;
let marked = 0;
for (const [hanjaChars, syllables] of words) {
  if (!hanjaChars.every((h) => ranked.has(h))) {
    // A character we have no reading for: keep the word, its reading is the only source.
  }
  const reading = composeWord(syllables);
  const composed = composeWord(hanjaChars.map((h) => ranked.get(h)?.[0] ?? '?'));
  const first = ranked.get(hanjaChars[0])?.[0];
  const startsWithRule = first !== undefined && initialForm(first) !== first;
  const key = hanjaChars.join('');
  if (reading !== composed) irregular++;
  else if (startsWithRule) marked++;
  else continue;
  let set = wordRows.get(key);
  if (!set) wordRows.set(key, (set = new Set()));
  set.add(reading === composed ? '' : reading);
}

// ---- write ----
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const HEADER_READINGS = [
  '# generated by scripts/hanja/build-tables.mjs — do not edit; edit the script and rerun it',
  '# Sino-Korean readings of each Hanja, in their original form (본음: 李 리, 女 녀), most used first.',
  '# The initial-sound rule (한글 맞춤법 제10–12항) is applied at run time at the start of each word.',
  '# sources: Unihan kHangul (Debian unicode-data), libhangul hanja.txt (Debian libhangul-data)',
  '# licence: Unicode License (https://www.unicode.org/copyright.html); BSD-3-Clause, (c) 2005-2006 Choe Hwanjin;',
  '#          see LICENSES.md',
  '# columns: hanja\treadings',
];
const readingLines = [...ranked.entries()]
  .sort((a, b) => cmp(a[0], b[0]))
  .map(([h, list]) => `${h}\t${list.join(' ')}`);
const HEADER_WORDS = [
  '# generated by scripts/hanja/build-tables.mjs — do not edit; edit the script and rerun it',
  '# Hanja words whose reading differs from the one composed character by character (hangul set), and words that',
  '# start with a character under the initial-sound rule (hangul empty: the composed reading is right; the entry',
  '# marks a word start inside compounds, 新女性 → 신여성). Several readings of one word are separated by spaces.',
  '# source: libhangul hanja.txt (Debian libhangul-data); licence: BSD-3-Clause, (c) 2005-2006 Choe Hwanjin;',
  '#         see LICENSES.md',
  '# columns: hanja\thangul',
];
const wordLines = [...wordRows.entries()]
  .sort((a, b) => cmp(a[0], b[0]))
  .map(([h, set]) => {
    // Irregular readings first (a dictionary lists a reading it could not compose because it is the usual one:
    // 智異山 지리산 before 지이산); the composed one after them when the dictionary has it too.
    const irregularReadings = [...set].filter(Boolean).sort(cmp);
    const composed = set.has('') && irregularReadings.length > 0 ? [composeWord([...h].map((c) => ranked.get(c)?.[0] ?? c))] : [];
    return `${h}\t${[...irregularReadings, ...composed].join(' ')}`;
  });

const HEADER_JAPANESE = [
  '# generated by scripts/hanja/build-tables.mjs — do not edit; edit the script and rerun it',
  '# Japanese readings of each Hanja (kanji), romanised as Unihan gives them: on (Sino-Japanese) and kun (native,',
  '# often with okurigana: YASUI for 靖, whose stem is yasu). Used to match glosses such as 교토(京都), 고토 겐지(後藤健二).',
  '# source: Unihan kJapaneseOn, kJapaneseKun (Debian unicode-data); licence: Unicode License',
  '#         (https://www.unicode.org/copyright.html); see LICENSES.md',
  '# columns: hanja\ton\tkun',
];
const japaneseLines = [...japanese.entries()]
  .sort((a, b) => cmp(a[0], b[0]))
  .map(([h, e]) => `${h}\t${e.on.join(' ')}\t${e.kun.join(' ')}`);

const outputs = {
  'japanese.tsv': [...HEADER_JAPANESE, ...japaneseLines].join('\n') + '\n',
  'readings.tsv': [...HEADER_READINGS, ...readingLines].join('\n') + '\n',
  'words.tsv': [...HEADER_WORDS, ...wordLines].join('\n') + '\n',
};
let stale = false;
mkdirSync(outDir, { recursive: true });
for (const [name, content] of Object.entries(outputs)) {
  const path = join(outDir, name);
  if (check) {
    if (!existsSync(path) || readFileSync(path, 'utf8') !== content) {
      console.error(`${path} is out of date: run node scripts/hanja/build-tables.mjs`);
      stale = true;
    }
  } else writeFileSync(path, content);
}
console.error(
  `characters ${readingLines.length}, words read ${words.length}, kept ${wordLines.length} (irregular ${irregular}, word-start marks ${marked})`,
);
process.exit(stale ? 1 : 0);
