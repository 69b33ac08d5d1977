import { codeAt } from '../text/codeAt.js';
import { codeSet, inCodeSet } from '../text/codeSet.js';
import { add, type Decimal, fromInteger, isZero, multiply, parseDecimal, shift, toExact, ZERO } from './decimal.js';

/**
 * Korean numbers: Arabic digits with separators and decimals, Sino-Korean digits and place units
 * (일 이 삼 … 십 백 천, then 만 억 조 경 every four places), the mixed forms newspapers write (5천, 1천780, 3조5천억,
 * 1.2만, 5만 8200), approximations (5천여, 수십억) and native numerals (하나 … 아흔아홉, attributive 한 두 세 네 스무).
 * Scanners read from a position and report where the number ends, so recognisers can look at what follows.
 */
export interface ScannedNumber {
  /** Exclusive end of the number in the scanned text. */
  end: number;
  /** Exact value: a number, or a decimal string beyond Number.MAX_SAFE_INTEGER or when a float would round. */
  value: number | string;
  decimal: Decimal;
  /** 5천여, 수십억, 두어: the text gives an approximate figure. */
  approximate: boolean;
  /** Upper bound of an inherent range (한두 → 1..2, 서너 → 3..4). */
  upper?: number;
  /** `arabic`: contains ASCII digits; `sino`: Sino-Korean words only (삼십, 천, 수백만); `native`: 하나, 두, 스물. */
  kind: 'arabic' | 'sino' | 'native';
  /** Native attributive form (한, 두, 세, 네, 스무): only a counter may follow. */
  attributive?: boolean;
}

/** Sino-Korean digits (한글 맞춤법 제44항 writes them in words: 일, 이, 삼 … 구). */
const SINO_DIGITS: Record<string, number> = { 일: 1, 이: 2, 삼: 3, 사: 4, 오: 5, 육: 6, 륙: 6, 칠: 7, 팔: 8, 구: 9 };
const SMALL_UNITS: Record<string, number> = { 십: 1, 백: 2, 천: 3 };
/** Korean groups figures by four places: 만 10^4, 억 10^8, 조 10^12, 경 10^16. */
const BIG_UNITS: Record<string, number> = { 만: 4, 억: 8, 조: 12, 경: 16 };

/** The tables above by UTF-16 unit (0: not one), so that the scanner makes no one-letter strings. */
const SINO_DIGIT_AT = unitTable(SINO_DIGITS);
const SMALL_UNIT_AT = unitTable(SMALL_UNITS);
const BIG_UNIT_AT = unitTable(BIG_UNITS);

function unitTable(table: Record<string, number>): Uint8Array {
  const out = new Uint8Array(65536);
  for (const [key, value] of Object.entries(table)) out[key.charCodeAt(0)] = value;
  return out;
}

/** Every letter of the three tables: most units the scanner reads are none, and this small set says so. */
const NUMERAL_LETTERS = codeSet([...Object.keys(SINO_DIGITS), ...Object.keys(SMALL_UNITS), ...Object.keys(BIG_UNITS)]);

/** The value of the table at the unit `c` (NaN past either end of the text), or 0. */
function at(table: Uint8Array, c: number): number {
  return inCodeSet(NUMERAL_LETTERS, c) ? table[c]! : 0;
}

const SU = 0xc218; // 수
const YEO = 0xc5ec; // 여

/** Hangul syllables after 여 that make a word (여성, 여자, 여름 …), so 여 is not the "odd" of 100여. */
const NOT_APPROXIMATE_AFTER_YEO = new Set(['성', '자', '름', '러', '행', '객', '당', '야', '론', '의', '권', '인', '왕']);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHangulSyllable(c: number): boolean {
  return c >= 0xac00 && c <= 0xd7a3;
}

/**
 * The most units (digits and separators) an Arabic figure may have: a longer run of digits is a code or noise,
 * not a figure (Number.MAX_SAFE_INTEGER has 16 digits), and reading it as an exact decimal would take time that
 * grows faster than its length (BigInt parsing and printing: a second for a million digits).
 */
export const MAX_FIGURE_LENGTH = 1000;

/** Reads an Arabic number at `i`: digits, `,` thousands groups, one decimal part (null past MAX_FIGURE_LENGTH). */
function scanArabic(text: string, i: number): { end: number; decimal: Decimal } | null {
  let j = i;
  while (j < text.length && isDigit(text.charCodeAt(j))) j++;
  if (j === i) return null;
  // Thousands separators: only exact groups of three (1,234,567); "1,2루" stays two numbers.
  while (
    text.charCodeAt(j) === 44 &&
    isDigit(codeAt(text, j + 1)) &&
    isDigit(codeAt(text, j + 2)) &&
    isDigit(codeAt(text, j + 3)) &&
    !isDigit(codeAt(text, j + 4))
  ) {
    j += 4;
  }
  if (text.charCodeAt(j) === 46 && isDigit(codeAt(text, j + 1))) {
    j++;
    while (j < text.length && isDigit(text.charCodeAt(j))) j++;
  }
  if (j - i > MAX_FIGURE_LENGTH) return null;
  const decimal = parseDecimal(text.slice(i, j));
  return decimal ? { end: j, decimal } : null;
}

export interface ScanOptions {
  /** Accept numbers written only in Sino-Korean words (삼십, 천, 수백만). Default true. */
  sino?: boolean;
  /** Allow a single space between four-place groups (5만 8200). Default true. */
  spaces?: boolean;
}

/**
 * Reads an Arabic, Sino-Korean or mixed number starting at `start` (not native numerals: see {@link scanNative}).
 * Returns null when no number starts there.
 */
export function scanNumber(text: string, start: number, options: ScanOptions = {}): ScannedNumber | null {
  const allowSino = options.sino !== false;
  const allowSpaces = options.spaces !== false;
  let i = start;
  let approximate = false;
  let sawArabic = false;
  let sawAny = false;
  // 수십, 수백, 수천, 수만, 수십억: "several tens …"; the value is the lower bound (수십억 → 10^9).
  if (allowSino && text.charCodeAt(i) === SU && (at(SMALL_UNIT_AT, codeAt(text, i + 1)) > 0 || at(BIG_UNIT_AT, codeAt(text, i + 1)) > 0)) {
    approximate = true;
    i++;
  }
  let total: Decimal = ZERO;
  let group: Decimal = ZERO;
  let coefficient: Decimal | null = null;
  let lastSmall = 4;
  let lastBig = 17;
  let end = start;
  for (;;) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      if (coefficient !== null) break;
      const arabic = scanArabic(text, i);
      if (!arabic) break;
      coefficient = arabic.decimal;
      i = arabic.end;
      sawArabic = true;
      sawAny = true;
      end = i;
    } else if (allowSino && coefficient === null && at(SINO_DIGIT_AT, c) > 0) {
      // A Sino digit counts before a place unit (이십, 삼백, 오천만) or as the last digit after one (삼십오):
      // alone it is a word (이, 일, 사).
      const next = codeAt(text, i + 1);
      if (at(SMALL_UNIT_AT, next) === 0 && at(BIG_UNIT_AT, next) === 0) {
        const before = codeAt(text, i - 1);
        if (end === start || !(at(SMALL_UNIT_AT, before) > 0 || at(BIG_UNIT_AT, before) > 0)) break;
        if (isHangulSyllable(next)) break;
        group = add(group, fromInteger(at(SINO_DIGIT_AT, c)));
        i++;
        end = i;
        break;
      }
      coefficient = fromInteger(at(SINO_DIGIT_AT, c));
      i++;
      sawAny = true;
    }
    const unit = codeAt(text, i);
    const small = at(SMALL_UNIT_AT, unit);
    const big = at(BIG_UNIT_AT, unit);
    if (small > 0 && small < lastSmall && (allowSino || coefficient !== null)) {
      group = add(group, shift(coefficient ?? fromInteger(1), small));
      coefficient = null;
      lastSmall = small;
      i++;
      sawAny = true;
      end = i;
    } else if (big > 0 && big < lastBig && (allowSino || coefficient !== null || !isZero(group))) {
      group = add(group, coefficient ?? ZERO);
      if (isZero(group)) group = fromInteger(1);
      total = add(total, shift(group, big));
      group = ZERO;
      coefficient = null;
      lastSmall = 4;
      lastBig = big;
      i++;
      sawAny = true;
      end = i;
    } else {
      if (coefficient !== null) end = i;
      break;
    }
    // 1억5천여만원, 5천여, 100여명: 여 marks an approximate figure.
    if (text.charCodeAt(i) === YEO && !NOT_APPROXIMATE_AFTER_YEO.has(text[i + 1] ?? '')) {
      approximate = true;
      i++;
      end = i;
    }
    // 5만 8200, 442억 7700만원: a space may separate four-place groups.
    if (allowSpaces && text.charCodeAt(i) === 32 && lastBig < 17 && codeAt(text, i - 1) !== YEO && isDigit(codeAt(text, i + 1))) {
      i++;
    }
  }
  if (!sawAny) return null;
  group = add(group, coefficient ?? ZERO);
  total = add(total, group);
  if (text.charCodeAt(end) === YEO && !NOT_APPROXIMATE_AFTER_YEO.has(text[end + 1] ?? '') && sawArabic) {
    approximate = true;
    end++;
  }
  if (end === start) return null;
  return { end, value: toExact(total), decimal: total, approximate, kind: sawArabic ? 'arabic' : 'sino' };
}

/** Native Korean numerals: cardinal forms, and the attributive forms used before a counter. */
const NATIVE_UNITS: readonly [string, number, boolean][] = [
  // [form, value, attributive only]
  ['하나', 1, false],
  ['한', 1, true],
  ['둘', 2, false],
  ['두', 2, true],
  ['셋', 3, false],
  ['세', 3, true],
  ['석', 3, true],
  ['넷', 4, false],
  ['네', 4, true],
  ['넉', 4, true],
  ['다섯', 5, false],
  ['닷', 5, true],
  ['여섯', 6, false],
  ['엿', 6, true],
  ['일곱', 7, false],
  ['여덟', 8, false],
  ['아홉', 9, false],
];
const NATIVE_TENS: readonly [string, number, boolean][] = [
  ['열', 10, false],
  ['스물', 20, false],
  ['스무', 20, true],
  ['서른', 30, false],
  ['마흔', 40, false],
  ['쉰', 50, false],
  ['예순', 60, false],
  ['일흔', 70, false],
  ['여든', 80, false],
  ['아흔', 90, false],
];
/** 한두 (one or two), 두세, 서너, 두어 (about two), 너덧, 대여섯, 예닐곱: approximate counts. */
const NATIVE_PAIRS: readonly [string, number, number][] = [
  ['한두', 1, 2],
  ['두세', 2, 3],
  ['두서너', 2, 4],
  ['서너', 3, 4],
  ['두어', 2, 2],
  ['너덧', 4, 5],
  ['네다섯', 4, 5],
  ['너댓', 4, 5],
  ['대여섯', 5, 6],
  ['예닐곱', 6, 7],
  ['일여덟', 7, 8],
];

/** The native tens (열, 스물 … 아흔), which a unit may follow in one numeral (열두, 스물다섯), and the units. */
export const NATIVE_TENS_WORDS: readonly string[] = NATIVE_TENS.map((p) => p[0]);
export const NATIVE_UNIT_WORDS: readonly string[] = NATIVE_UNITS.map((p) => p[0]);

/** Every native numeral form {@link scanNative} reads first (pairs, tens, units): a match starts with one of them. */
export const NATIVE_NUMERAL_WORDS: readonly string[] = [
  ...NATIVE_PAIRS.map((p) => p[0]),
  ...NATIVE_TENS.map((p) => p[0]),
  ...NATIVE_UNITS.map((p) => p[0]),
];

/** 1 for each UTF-16 unit a native numeral form starts with: {@link scanNative} returns null elsewhere. */
const NATIVE_FIRST = codeSet(NATIVE_NUMERAL_WORDS.map((form) => form.charCodeAt(0)));

/** True when a native numeral (scanNative) or a number in Sino-Korean words (scanSinoWords) may start with `unit`. */
export function mayStartNumeralWord(unit: number): boolean {
  return inCodeSet(NUMERAL_WORD_FIRST, unit);
}

function matchAt(text: string, i: number, form: string): boolean {
  return text.startsWith(form, i);
}

/** A table's entries by their first UTF-16 unit, each list in the table's order (the scan tries no others). */
function byFirstUnit<T extends readonly [string, ...unknown[]]>(table: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const entry of table) {
    const key = entry[0].charCodeAt(0);
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  }
  return map;
}

const NATIVE_PAIRS_BY_FIRST = byFirstUnit(NATIVE_PAIRS);
const NATIVE_TENS_BY_FIRST = byFirstUnit(NATIVE_TENS);
const NATIVE_UNITS_BY_FIRST = byFirstUnit(NATIVE_UNITS);
const NONE: readonly never[] = [];

/**
 * Reads a native numeral at `start`: 하나, 둘 … 아홉, 열, 스물 … 아흔 and their compounds (열하나, 스물다섯), the
 * attributive forms (한, 두, 세, 네, 스무, 열두) and the approximate pairs (한두, 서너, 두어).
 * The longest form wins. Whether a word boundary or a counter follows is for the caller to check.
 */
export function scanNative(text: string, start: number): ScannedNumber | null {
  const first = text.charCodeAt(start);
  if (!inCodeSet(NATIVE_FIRST, first)) return null;
  for (const [form, low, high] of NATIVE_PAIRS_BY_FIRST.get(first) ?? NONE) {
    if (matchAt(text, start, form)) {
      const result: ScannedNumber = {
        end: start + form.length,
        value: low,
        decimal: fromInteger(low),
        approximate: true,
        kind: 'native',
        attributive: true,
      };
      if (high !== low) result.upper = high;
      return result;
    }
  }
  let i = start;
  let value = 0;
  let attributive = false;
  for (const [form, tens, attr] of NATIVE_TENS_BY_FIRST.get(first) ?? NONE) {
    if (matchAt(text, i, form)) {
      value = tens;
      attributive = attr;
      i += form.length;
      break;
    }
  }
  if (!attributive) {
    let best: [string, number, boolean] | undefined;
    for (const entry of NATIVE_UNITS_BY_FIRST.get(text.charCodeAt(i)) ?? NONE) {
      if (matchAt(text, i, entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
    }
    if (best) {
      value += best[1];
      attributive = best[2];
      i += best[0].length;
    }
  }
  if (i === start) return null;
  return { end: i, value, decimal: fromInteger(value), approximate: false, kind: 'native', attributive };
}

export interface ParsedNumber {
  value: number | string;
  approximate: boolean;
  /** Upper bound for a range (3~5, 한두). */
  upper?: number | string;
}

/** Range separators between two figures: 3~5, 10-20, 2∼3, 2〜3, 1–4. */
export const RANGE_SEPARATORS = '~∼〜-–—';

/**
 * Parses a whole string as one Korean number or a range of two (`3조5천억`, `1.2만`, `스물다섯`, `수십억`, `3~5`).
 * Returns null unless the entire string (trimmed) is a number.
 */
export function parseKoreanNumber(source: string): ParsedNumber | null {
  const text = source.trim().normalize('NFKC');
  const first = scanAny(text, 0);
  if (!first) return null;
  if (first.end === text.length) {
    const parsed: ParsedNumber = { value: first.value, approximate: first.approximate };
    if (first.upper !== undefined) parsed.upper = first.upper;
    return parsed;
  }
  if (RANGE_SEPARATORS.includes(text[first.end]!)) {
    const second = scanAny(text, first.end + 1);
    if (second && second.end === text.length) {
      return { value: first.value, approximate: first.approximate || second.approximate, upper: second.value };
    }
  }
  return null;
}

function scanAny(text: string, start: number): ScannedNumber | null {
  const negative = text[start] === '-' && isDigit(codeAt(text, start + 1));
  const scanned = scanNumber(text, negative ? start + 1 : start);
  if (scanned) {
    if (!negative) return scanned;
    const decimal = multiply(scanned.decimal, fromInteger(-1));
    return { ...scanned, decimal, value: toExact(decimal) };
  }
  return scanNative(text, start);
}

/** Syllables a number written in Sino-Korean words may start with (not 만/억/조/경 alone: 경주, 조선, 억지). */
export const SINO_START = '일이삼사오육칠팔구십백천수';
const SINO_START_AT = codeSet([SINO_START]);
const NUMERAL_WORD_FIRST = codeSet([SINO_START, ...NATIVE_NUMERAL_WORDS.map((form) => form[0]!)]);

/**
 * Reads a number written in Sino-Korean words only (이십, 삼백, 천, 수십억, 이천십육): it must start with a digit
 * word, 십/백/천 or 수, so that words such as 경주, 조선 or 만남 are not read as 10^16, 10^12 or 10^4.
 */
export function scanSinoWords(text: string, start: number): ScannedNumber | null {
  if (!inCodeSet(SINO_START_AT, text.charCodeAt(start))) return null;
  const number = scanNumber(text, start, { sino: true, spaces: false });
  if (!number || number.kind !== 'sino') return null;
  // 구조, 일조, 오만: a digit word straight before 만/억/조/경 is a word far more often than a figure.
  const words = text.slice(start, number.end);
  return /[십백천]/.test(words) ? number : null;
}
