import { scanNative } from '../normalize/numbers.js';
import { codeAt } from '../text/codeAt.js';
import { codeSet, inCodeSet } from '../text/codeSet.js';
import { clockValue, dayPartOf, timeDuration } from '../normalize/time.js';
import { endsWord, isDigitCode, type NumericMatch, startsWord } from './numeric.js';

/**
 * TIME: clock times (오후 7시 → 19:00, 오전 4시 40분 → 04:40, 오후 3시 반 → 15:30, 13:28), durations KLUE-NER tags
 * as TI (2시간 → PT2H, 10분 → PT10M, 두시간, 1시간 반), parts of the day alone (오전, 오후, 새벽: no clock value),
 * match minutes (후반 32분) and innings (4회말).
 */

const PART = '(오전|오후|새벽|아침|낮|밤|저녁|점심|한낮|대낮|한밤중|한밤|심야|어젯밤|늦은 오후|늦은 밤|이른 아침)';
/** A clock: [part] H시 [M분 | 반] [S초], optionally a range to a second clock (오전 10시∼오후 1시50분). */
const CLOCK = new RegExp(
  `(?:${PART} ?)?(\\d{1,2})(?:[~∼-](\\d{1,2}))?시(?![간즌작장])(?: ?(\\d{1,2})분| ?(반))?(?: ?(\\d{1,2})초)?` +
    `(?: ?[~∼-] ?(?:${PART} ?)?(\\d{1,2})시(?![간즌])(?: ?(\\d{1,2})분)?)?`,
  'g',
);
const COLON = /(?<![\d:.])([01]?\d|2[0-4]):([0-5]\d)(?::([0-5]\d))?(?![\d:])/g;
/** A duration: N시간 [M분 | 반] [동안], N분 [S초], N초; approximate (10여 분) and ranges (40~50분, 3∼4분). */
const DURATION = /(?<![\d.])(\d+(?:\.\d+)?)(?:[~∼-](\d+))?(여)? ?(?:(시간)(?: ?(\d{1,2})분| ?(반))?|(분)(?!의 ?\d|야|석|기|량|위|명|들|께서)(?: ?(\d{1,2})초(?:\d+)?)?(?:[~∼]\d+분)?|(초)(?![반등중기순\d]))/g;
const NATIVE_HOURS = /(한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|열한|열두|스무|스물네) ?(시간)(?: ?(반))?/g;
const SINO_MINUTES = /(십|이십|삼십|사십|오십|육십)(분)/g;
const AFTER = /^(?: ?동안|간| ?전| ?후| ?뒤)/;
const SPORTS = /(전반|후반|초반|연장 ?전반|연장 ?후반) ?(\d{1,3})(여)?분/g;
const INNING = /(\d{1,2})회(초|말)/g;
const DAY_PART_WORDS = [
  '오전', '오후', '새벽', '아침', '저녁', '밤', '낮', '정오', '자정', '한낮', '대낮', '한밤중', '심야', '야간', '어젯밤', '늦은 오후',
  '늦은 밤', '이른 아침',
];
/**
 * The parts of the day by their first UTF-16 unit, each list in the order above. The scan below reads the text
 * once and tries words only where one may start, as the alternation `(오전|오후|…)` with the g flag would match:
 * the first listed word at the leftmost position, the next search after it.
 */
const DAY_PART_BY_FIRST = new Map<number, string[]>();
for (const word of DAY_PART_WORDS) {
  const key = word.charCodeAt(0);
  const list = DAY_PART_BY_FIRST.get(key);
  if (list) list.push(word);
  else DAY_PART_BY_FIRST.set(key, [word]);
}
const DAY_PART_FIRST = codeSet(DAY_PART_BY_FIRST.keys());

/** The part-of-the-day word at `i`, if one starts there (see {@link DAY_PART_BY_FIRST}). */
function dayPartAt(text: string, i: number): string | undefined {
  for (const word of DAY_PART_BY_FIRST.get(text.charCodeAt(i))!) if (text.startsWith(word, i)) return word;
  return undefined;
}
/** 낮은, 낮게, 밤새: adjectives and compounds that start like a part of the day. */
const NOT_PART_AFTER = /^(?:은|게|아|춰|다|고|지|추|출|새|잠|낮|늦|참|하늘|길|거리|바다|나무|중|샘)/;

function push(out: NumericMatch[], start: number, end: number, value?: string | { start: string; end: string }): void {
  const m: NumericMatch = { start, end, type: 'TIME' };
  if (value !== undefined) m.value = value;
  out.push(m);
}

function digitBoundary(text: string, i: number): boolean {
  const prev = codeAt(text, i - 1);
  return i === 0 || !(isDigitCode(prev) || prev === 46 || prev === 44 || prev === 58);
}

function afterLength(text: string, end: number): number {
  const m = AFTER.exec(text.slice(end, end + 3));
  if (!m) return 0;
  return endsWord(text, end + m[0].length) ? m[0].length : 0;
}

/**
 * True when the unit at `k` follows a figure as the expressions above write it: a digit, then 여 (optional), then
 * one space (optional), then the unit. Every CLOCK and DURATION match has one, and most texts with 시 or 분 have
 * none (시장, 서울시, 분석).
 */
function afterFigure(text: string, k: number): boolean {
  let j = k - 1;
  if (codeAt(text, j) === 32) j--;
  if (codeAt(text, j) === 0xc5ec /* 여 */) j--;
  return isDigitCode(codeAt(text, j));
}

/** Finds TIME matches in (normalised) text. */
export function findTimes(text: string): NumericMatch[] {
  const out: NumericMatch[] = [];
  // Each expression needs a literal the text may not have; one pass over the text finds which are there (the
  // result is the same as scanning with every expression), and finds the parts of the day on the way: as the
  // alternation (오전|오후|…) with the g flag would, the first listed word at the leftmost position, the next
  // search after it. They are added last, as that scan did.
  let figureHour = false;
  let figureMinute = false;
  let figureSecond = false;
  let colon = false;
  let hours = false;
  let sinoMinute = false;
  let half = false;
  let inning = false;
  let partStarts: number[] | undefined;
  let partWords: string[] | undefined;
  let resume = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    switch (c) {
      case 0xc2dc /* 시 */:
        figureHour ||= afterFigure(text, k);
        hours ||= codeAt(text, k + 1) === 0xac04 /* 간 */;
        break;
      case 0xbd84 /* 분 */:
        figureMinute ||= afterFigure(text, k);
        sinoMinute ||= codeAt(text, k - 1) === 0xc2ed /* 십 */;
        break;
      case 0xcd08 /* 초 */:
        figureSecond ||= afterFigure(text, k);
        break;
      case 58 /* : */:
        colon = true;
        break;
      case 0xbc18 /* 반 */:
        half = true;
        break;
      case 0xd68c /* 회 */:
        inning ||= codeAt(text, k + 1) === 0xcd08 /* 초 */ || codeAt(text, k + 1) === 0xb9d0 /* 말 */;
        break;
    }
    if (k < resume || !inCodeSet(DAY_PART_FIRST, c)) continue;
    const word = dayPartAt(text, k);
    if (word === undefined) continue;
    (partStarts ??= []).push(k);
    (partWords ??= []).push(word);
    resume = k + word.length;
  }
  if (figureHour) for (const m of text.matchAll(CLOCK)) {
    const start = m.index!;
    const numberStart = m[1] ? start + m[0].indexOf(m[2]!, m[1].length) : start;
    // 24일오후 11시: a part of the day may be glued to the day before it.
    const gluedToDay = m[1] !== undefined && text[start - 1] === '일' && isDigitCode(codeAt(text, start - 2));
    if (m[1] ? !startsWord(text, start) && !gluedToDay : !digitBoundary(text, start)) continue;
    if (!m[1] && numberStart > 0 && /[가-힣A-Za-z]/.test(text[numberStart - 1]!)) continue;
    const part = m[1] ? dayPartOf(m[1]) : undefined;
    const hour = Number(m[2]);
    const minute = m[5] ? 30 : m[4] ? Number(m[4]) : 0;
    const from = clockValue(hour, minute, part);
    if (from === undefined) continue;
    let value: string | { start: string; end: string } = from;
    if (m[3]) {
      const to = clockValue(Number(m[3]), 0, part);
      if (to) value = { start: from, end: to };
    } else if (m[8]) {
      const to = clockValue(Number(m[8]), m[9] ? Number(m[9]) : 0, m[7] ? dayPartOf(m[7]) : part);
      if (to) value = { start: from, end: to };
    }
    push(out, start, start + m[0].length, value);
  }
  if (colon) for (const m of text.matchAll(COLON)) {
    const start = m.index!;
    if (/[A-Za-z]/.test(text[start - 1] ?? '')) continue;
    const value = clockValue(Number(m[1]), Number(m[2]));
    if (value) push(out, start, start + m[0].length, value);
  }
  if (figureMinute || figureHour || figureSecond) for (const m of text.matchAll(DURATION)) {
    const start = m.index!;
    if (!digitBoundary(text, start)) continue;
    const n = Number(m[1]);
    if (m[9] && m[1]!.includes('.')) continue; // 0.07초, 9.58초: a record, tagged QUANTITY.
    let hours = 0;
    let minutes = 0;
    let seconds = 0;
    if (m[4]) {
      hours = n;
      minutes = m[6] ? 30 : m[5] ? Number(m[5]) : 0;
    } else if (m[7]) {
      minutes = n;
      seconds = m[8] ? Number(m[8]) : 0;
    } else if (m[9]) {
      seconds = n;
    }
    let end = start + m[0].length;
    end += afterLength(text, end);
    push(out, start, end, timeDuration(hours, minutes, seconds));
  }
  if (hours) for (const m of text.matchAll(NATIVE_HOURS)) {
    const start = m.index!;
    if (!startsWord(text, start)) continue;
    const native = scanNative(text, start);
    if (!native) continue;
    let end = start + m[0].length;
    if (!endsWord(text, end) && !AFTER.test(text.slice(end, end + 3))) continue;
    end += afterLength(text, end);
    push(out, start, end, timeDuration(Number(native.value), m[3] ? 30 : 0, 0));
  }
  if (sinoMinute) for (const m of text.matchAll(SINO_MINUTES)) {
    const start = m.index!;
    if (!startsWord(text, start) || !endsWord(text, start + m[0].length)) continue;
    const tens = { 십: 10, 이십: 20, 삼십: 30, 사십: 40, 오십: 50, 육십: 60 }[m[1]!]!;
    push(out, start, start + m[0].length, timeDuration(0, tens, 0));
  }
  if (figureMinute && half) for (const m of text.matchAll(SPORTS)) {
    const start = m.index!;
    if (!startsWord(text, start)) continue;
    push(out, start, start + m[0].length);
  }
  if (inning) for (const m of text.matchAll(INNING)) {
    const start = m.index!;
    if (!digitBoundary(text, start) || !endsWord(text, start + m[0].length)) continue;
    push(out, start, start + m[0].length);
  }
  for (let p = 0; partStarts !== undefined && p < partStarts.length; p++) {
    const start = partStarts[p]!;
    const word = partWords![p]!;
    const end = start + word.length;
    if (!startsWord(text, start) || !endsWord(text, end)) continue;
    if (NOT_PART_AFTER.test(text.slice(end, end + 2))) continue;
    if (word === '정오') push(out, start, end, '12:00');
    else if (word === '자정') push(out, start, end, '00:00');
    else push(out, start, end);
  }
  return out;
}
