import type { KornerDocument, QuantityValue } from '../document/types.js';
import { ERROR_CODES, KornerError } from '../errors.js';
import { fromInteger, multiply, toExact } from '../normalize/decimal.js';
import { mayStartNumeralWord, RANGE_SEPARATORS, scanNative, scanNumber, scanSinoWords, type ScannedNumber } from '../normalize/numbers.js';
import type { Stage } from '../pipeline/stage.js';
import type { Resources } from '../resources/resources.js';
import { codeAt } from '../text/codeAt.js';
import {
  emit,
  endsWord,
  hangulRunLength,
  isDigitCode,
  isHangulCode,
  isLatinCode,
  longestNonOverlapping,
  type NumericMatch,
  normalizedOf,
  startsWord,
} from './numeric.js';
import { compileUnitLexicon, type UnitLexicon, type UnitMatch } from './quantityLexicon.js';

/**
 * QUANTITY: a figure with its unit or counter (5천㎡ → 5000 m2, 3조5천억원 → 3.5e12 KRW, 8층 → 8 층, 두 번 → 2 번),
 * ranges (3~5명), approximations (100여명, 수십억 원), ages in parentheses after a name (김모(33)씨 → 33) and
 * scores (4-1로), following the KLUE-NER boundaries: particles and 약/가량/쯤 stay outside the span.
 */

/**
 * Units that make a DATE or TIME, not a QUANTITY (3일, 5년, 2시간, 10분): the quantity recogniser leaves them to
 * the date and time recognisers. Longest first.
 */
const TIME_UNIT = /(?:세기|개월|시간|주년|주기|주일|년|월|일|주|시|분(?!의)|초|달|박|해)/y;

/** Counters that native numerals take written together with them (한번, 두마리, 다섯개); others need a space. */
const ATTACHED_NATIVE_COUNTERS = new Set([
  '번', '번째', '개', '가지', '마디', '명', '마리', '사람', '차례', '줄', '잔', '살', '권', '회', '곳', '표', '갑', '병',
  '송이', '방', '쌍', '켤레', '그릇', '명씩', '분', '손가락', '채', '장', '땀', '덩이',
]);
/** Nouns counted directly by a native numeral (세 사람, 두 아들): KLUE-NER tags the pair as QUANTITY. */
const COUNTED_PERSON_NOUNS = new Set(['사람', '분', '남자', '여자', '아이', '아들', '딸', '형제', '자매', '명']);

/** Words before a figure that KLUE-NER keeps in the span: 제1차, 시즌2, 중2, 톱10, 파5. */
const PREFIXES = ['제', '시즌', '톱', '중', '고', '초', '파', '평점', '세션', 'top', 'TOP', 'Top', 'part', 'Part'];

/**
 * One-syllable counters that also begin common words (부터, 회계, 인데, 정도, 원전, 차로): after them the word
 * must end (or go on with a particle). Other counters may run into the rest of an unspaced review (10점줌, 4살인데).
 */
const STRICT_COUNTERS = new Set([
  '부', '회', '인', '정', '차', '호', '기', '자', '구', '선', '사', '단', '강', '집', '막', '면', '석', '장', '표', '통', '편',
  '화', '종', '족', '실', '류', '급', '발', '방', '범', '역', '조', '항', '동', '루', '승', '패', '무', '도', '세', '위', '등',
  'KRW', 'USD', 'JPY', 'CNY', 'EUR', 'GBP', '평', '단독', '심', '갑', '잔', '병', '채', '쌍', '벌', '알', '톨', '타', '홀',
]);

/** What may follow a counter inside the word besides particles: 16강전, 3연승, 2승째, 1인 2역. */
const COUNTER_CONTINUATION = /^(?:째|씩|들|여|짜리|분|대|층|권|호|번|차)/;

/** Labels a bare figure is read after as a QUANTITY: 승점 4, 골득실 -1, 평점 8.5, 타율 0.262, 규모 8.2. */
const FIGURE_LABELS = /(?:승점|골득실|득점|평점|별점|별|타율|규모|점수|시청률|지지율) ?(?:\(?)$/;

/** Won–draw–lost records and batting lines: 13승 5패, 1승1무8패, 1무1패, 3타수 1안타. */
const RECORD = /^(?:\d{1,3}승 ?(?:\d{1,3}무 ?)?\d{1,3}패|\d{1,3}무 ?\d{1,3}패|\d{1,2}타수 ?\d{1,2}안타)/;

/** A score written with 대: 0대 1, 2 대 4, 1대 100. */
const SCORE_DAE = /^\d{1,3} ?대 ?\d{1,3}(?![\d,.])/;

const ADNOMINAL_END = /(?:한|던|는|은|운|된|진|적|인|운|른|린|쁜|픈|을|할|될|랑|쪽|편|명)$/;

interface Figure {
  start: number;
  end: number;
  number: ScannedNumber;
  negative: boolean;
}

function scanFigure(text: string, i: number): Figure | null {
  const c = text.charCodeAt(i);
  const negative = c === 45 /* - */ && isDigitCode(codeAt(text, i + 1)) && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '(');
  const at = negative ? i + 1 : i;
  const number = scanNumber(text, at, { sino: false });
  if (!number) return null;
  return { start: i, end: number.end, number, negative };
}

function valueOf(figure: Figure): number | string {
  return figure.negative ? toExact(multiply(figure.number.decimal, fromInteger(-1))) : figure.number.value;
}

/** The unit or counter right after `end` (one space allowed before a counter), unless it is a date or time unit. */
function unitAfter(text: string, end: number, lexicon: UnitLexicon): UnitMatch | null {
  let at = end;
  const spaced = text[at] === ' ';
  if (spaced) at++;
  const unit = lexicon.match(text, at);
  TIME_UNIT.lastIndex = at;
  const time = TIME_UNIT.exec(text);
  if (time && (!unit || time[0].length >= unit.end - at)) return null;
  if (!unit) return null;
  // Latin units must end there: 5m but not 5mg-ish runs, 3D but not 3Days.
  if (unit.latin && (isLatinCode(text.charCodeAt(unit.end)) || isDigitCode(text.charCodeAt(unit.end)))) return null;
  if (
    (unit.kind !== 'counter' || STRICT_COUNTERS.has(unit.unit) || spaced) &&
    !endsWord(text, unit.end) &&
    !COUNTER_CONTINUATION.test(text.slice(unit.end, unit.end + 2)) &&
    !unit.latin
  ) {
    return null;
  }
  // 0.54%포인트: KLUE-NER tags the figure with %, the value says percentage points.
  if (unit.unit === '%' && text.startsWith('포인트', unit.end)) return { ...unit, unit: '%p' };
  if (spaced && (unit.kind === 'measure' || unit.kind === 'temperature') && !endsWord(text, unit.end)) return null;
  return unit;
}

function quantityValue(number: number | string, unit: string, approximate: boolean, upper?: number | string): QuantityValue {
  const value: QuantityValue = { number, unit };
  if (approximate) value.approximate = true;
  if (upper !== undefined) value.range = { from: number, to: upper };
  return value;
}

/** Finds QUANTITY matches in (normalised) text. */
export function findQuantities(text: string, lexicon: UnitLexicon): NumericMatch[] {
  const matches: NumericMatch[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    let next = i + 1;
    if (isDigitCode(c) || (c === 45 && isDigitCode(codeAt(text, i + 1)))) {
      const prev = codeAt(text, i - 1);
      if (i === 0 || !(isDigitCode(prev) || prev === 46 || prev === 44 || prev === 45 || prev === 58 || prev === 47)) {
        const m = arabicQuantity(text, i, lexicon);
        if (m) {
          matches.push(m);
          next = m.end;
        } else {
          const figure = scanFigure(text, i);
          next = figure ? figure.end : i + 1;
        }
      } else {
        while (next < text.length && isDigitCode(text.charCodeAt(next))) next++;
      }
    } else if (isHangulCode(c) && (startsWord(text, i) || (codeAt(text, i - 1) === 0xbcc4 /* 별 */ && startsWord(text, i - 1)))) {
      // Only a numeral word (or the ordinal 첫) starts a native or Sino-Korean figure: most words start with none.
      const m = c === 0xccab /* 첫 */ || mayStartNumeralWord(c) ? (nativeQuantity(text, i, lexicon) ?? sinoQuantity(text, i, lexicon)) : null;
      if (m) {
        matches.push(m);
        next = m.end;
      } else {
        next = i + Math.max(1, hangulRunLength(text, i));
      }
    }
    i = next;
  }
  return longestNonOverlapping(matches);
}

function prefixStart(text: string, start: number): number {
  // 제1차, 제 2, 시즌2, 중2, 톱 10: the prefix must start a word.
  for (const prefix of PREFIXES) {
    for (const gap of [0, 1]) {
      const at = start - gap - prefix.length;
      if (at < 0) continue;
      if (gap === 1 && text[start - 1] !== ' ') continue;
      if (gap === 1 && prefix !== '제' && prefix !== '시즌' && prefix !== '톱') continue;
      if (text.startsWith(prefix, at) && startsWord(text, at)) return at;
    }
  }
  return start;
}

function arabicQuantity(text: string, i: number, lexicon: UnitLexicon): NumericMatch | null {
  const first = scanFigure(text, i);
  if (!first) return null;
  const prev = codeAt(text, i - 1);
  let start = i;
  let spacedPrefix = false;
  if (isHangulCode(prev) || isLatinCode(prev)) {
    start = prefixStart(text, i);
    // Glued to a word (형사1부, 아이폰6, MH17편): not a figure of its own, unless a label reads it (승점4).
    if (start === i && !FIGURE_LABELS.test(text.slice(Math.max(0, i - 6), i))) return null;
  } else if (prev === 32) {
    const p = prefixStart(text, i);
    if (p < i && (text.startsWith('제', p) || text.startsWith('시즌', p) || text.startsWith('톱', p))) {
      start = p;
      spacedPrefix = !text.startsWith('제', p);
    }
  }
  const head = text.slice(i, i + 16);
  const record = RECORD.exec(head);
  if (record && endsWord(text, i + record[0].length)) {
    return { start: i, end: i + record[0].length, type: 'QUANTITY', value: quantityValue(valueOf(first), text.slice(first.end, first.end + 1), false) };
  }
  const scoreDae = SCORE_DAE.exec(head);
  if (scoreDae && /^(?:으로|로|[ ,.)'’"]|$)/.test(text.slice(i + scoreDae[0].length, i + scoreDae[0].length + 2))) {
    const to = Number(/\d+$/.exec(scoreDae[0])![0]);
    return { start: i, end: i + scoreDae[0].length, type: 'QUANTITY', value: { number: valueOf(first), unit: '', range: { from: valueOf(first), to } } };
  }
  let end = first.end;
  let approximate = first.number.approximate;
  let upper: number | string | undefined;
  let unit = unitAfter(text, end, lexicon);
  // 3~5명, 10-20%, 20만∼30만 달러, 1만원~2만원: a range, the unit after either bound or both.
  let rangeEnd = unit ? unit.end : end;
  const sep = text[rangeEnd];
  if (sep !== undefined && RANGE_SEPARATORS.includes(sep)) {
    const second = scanFigure(text, rangeEnd + 1);
    if (second && !second.negative && text[second.end] !== '-' && text[second.end] !== '.') {
      const secondUnit = unitAfter(text, second.end, lexicon);
      const ascending = Number(second.number.value) > Number(first.number.value) || typeof first.number.value === 'string';
      if (secondUnit && (!unit || unit.unit === secondUnit.unit) && ascending) {
        upper = valueOf(second);
        approximate ||= second.number.approximate;
        unit = secondUnit;
        end = secondUnit.end;
      } else if (!secondUnit && !unit && (sep === '-' || sep === '–') && isScoreContext(text, second.end)) {
        // 4-1로 역전승, 0-3로 끌려가던: a score.
        const value: QuantityValue = { number: valueOf(first), unit: '', range: { from: valueOf(first), to: valueOf(second) } };
        if (isTimeUnitAt(text, second.end)) return null;
        return { start, end: second.end, type: 'QUANTITY', value };
      }
    }
  }
  // 1, 2권 / 5,6편 / 17·18대: a list of figures sharing one counter.
  if (!unit && (text[end] === ',' || text[end] === '·')) {
    const gap = text[end + 1] === ' ' ? 2 : 1;
    const second = scanFigure(text, end + gap);
    if (second && !second.negative) {
      const secondUnit = unitAfter(text, second.end, lexicon);
      if (secondUnit && secondUnit.kind === 'counter') {
        return { start, end: secondUnit.end, type: 'QUANTITY', value: quantityValue(valueOf(first), secondUnit.unit, approximate) };
      }
    }
  }
  if (unit) {
    if (spacedPrefix) start = i; // 시즌 19골: the counter makes the figure; the label stays out.
    end = unit.end;
    // 20대 중반, 8점 중반, 70회 중반: KLUE-NER keeps the part.
    const part = /^ (?:초반|중반|후반)/.exec(text.slice(end, end + 4));
    if (part && unit.kind === 'counter' && endsWord(text, end + part[0].length)) end += part[0].length;
    // 한 번쯤 style: 쯤 after 번.
    if (unit.unit === '번' && text.startsWith('쯤', end)) end++;
    // 3개월여, 100여 명: an approximate marker after the counter.
    if (text[end] === '여' && !isHangulCode(codeAt(text, end + 1))) {
      approximate = true;
      end++;
    }
    return { start, end, type: 'QUANTITY', value: quantityValue(valueOf(first), unit.unit, approximate, upper) };
  }
  if (isTimeUnitAt(text, first.end)) return null;
  // 김모(33)씨, (湯川遙菜·42): an age in parentheses after a name.
  if (isAgeInParentheses(text, i, first)) {
    return { start: i, end: first.end, type: 'QUANTITY', value: quantityValue(valueOf(first), '세', false) };
  }
  // 승점 4, 골득실 -1, 평점 8.5: a figure after a label that says what it counts.
  if (FIGURE_LABELS.test(text.slice(Math.max(0, i - 7), i)) && !isDigitCode(text.charCodeAt(first.end))) {
    return { start: i, end: first.end, type: 'QUANTITY', value: quantityValue(valueOf(first), '', approximate) };
  }
  // 8.5, 6.25, 0.262: a bare decimal rating or average (at most 10, with one to three decimals).
  if (first.number.decimal.scale > 0 && first.number.decimal.scale <= 3 && !first.negative && Number(first.number.value) <= 10) {
    const after = text.charCodeAt(first.end);
    if (!isLatinCode(after) && after !== 46 && !isDigitCode(after) && endsWord(text, first.end) && start === i) {
      return { start: i, end: first.end, type: 'QUANTITY', value: quantityValue(valueOf(first), '', approximate) };
    }
  }
  // A prefixed figure without counter: 제2, 시즌2, 중2, 톱10.
  if (start < i && endsWord(text, first.end)) {
    const prefix = text.slice(start, i).trim();
    return { start, end: first.end, type: 'QUANTITY', value: quantityValue(valueOf(first), prefix, approximate) };
  }
  return null;
}

/** True when a date or time unit starts at `end` (then the figure belongs to the date and time recogniser). */
function isTimeUnitAt(text: string, end: number): boolean {
  TIME_UNIT.lastIndex = end;
  return TIME_UNIT.test(text);
}

function isScoreContext(text: string, end: number): boolean {
  // A score is followed by a particle of result (로, 으로) or a break; not by more figures (dates, phone numbers).
  const c = text.charCodeAt(end);
  if (isDigitCode(c) || c === 45 || c === 46 || c === 47) return false;
  return /^(?:으로|로|[ ,.)]|$)/.test(text.slice(end, end + 2));
}

function isAgeInParentheses(text: string, i: number, figure: Figure): boolean {
  if (figure.negative || figure.number.decimal.scale > 0) return false;
  const value = Number(figure.number.value);
  if (!(value >= 1 && value < 130) || figure.end - i > 3) return false;
  const before = text[i - 1];
  const after = text[figure.end];
  if (after !== ')' && after !== '·' && after !== ',' && after !== '.') return false;
  if (before === '(') return isWordBefore(text, i - 1);
  if (before === '·' || before === '.') {
    // (본명 박재상·35), (湯川遙菜·42): inside parentheses opened shortly before, and not closed since. Only the last
    // 20 units are read (searching the whole text before every figure made ·1·1·1… quadratic).
    for (let k = i - 1; k >= 0 && i - k <= 20; k--) {
      const c = text.charCodeAt(k);
      if (c === 41 /* ) */) return false;
      if (c === 40 /* ( */) return true;
    }
    return false;
  }
  return false;
}

function isWordBefore(text: string, paren: number): boolean {
  const c = codeAt(text, paren - 1);
  return isHangulCode(c) || (c >= 0x4e00 && c <= 0x9fff) || isLatinCode(c);
}

/** 다시 한번, 또 한 번: "once more" is an adverb, not a count. */
const AGAIN_BEFORE = /(?:다시|또|한번 더|좀)\s?$/;

function nativeQuantity(text: string, i: number, lexicon: UnitLexicon): NumericMatch | null {
  if (text.startsWith('한', i) && AGAIN_BEFORE.test(text.slice(Math.max(0, i - 6), i))) return null;
  // 첫 번째, 첫째, 첫 회: the ordinal 첫.
  if (text.startsWith('첫', i)) {
    const spaced = text[i + 1] === ' ';
    const unit = lexicon.match(text, i + 1 + (spaced ? 1 : 0));
    if (unit && (unit.unit === '번째' || unit.unit === '번' || unit.unit === '째' || unit.unit === '회' || unit.unit === '차') && endsWord(text, unit.end)) {
      return { start: i, end: unit.end, type: 'QUANTITY', value: quantityValue(1, unit.unit, false) };
    }
    if (text.startsWith('첫째', i) && endsWord(text, i + 2)) {
      return { start: i, end: i + 2, type: 'QUANTITY', value: quantityValue(1, '째', false) };
    }
    return null;
  }
  const number = scanNative(text, i);
  if (!number) return null;
  const upper = number.upper;
  let at = number.end;
  const spaced = text[at] === ' ';
  if (spaced) at++;
  TIME_UNIT.lastIndex = at;
  const time = TIME_UNIT.exec(text);
  const unit = lexicon.match(text, at);
  if (unit && unit.kind === 'counter' && !(time && time[0].length >= unit.end - at)) {
    const attachedOk = spaced || (ATTACHED_NATIVE_COUNTERS.has(text.slice(at, unit.end)) && !text.startsWith('열', i));
    if (attachedOk && endsWord(text, unit.end)) {
      return { start: i, end: unit.end, type: 'QUANTITY', value: quantityValue(number.value, unit.unit, number.approximate, upper) };
    }
  }
  if (unit && unit.kind !== 'counter' && spaced && endsWord(text, unit.end) && number.attributive) {
    return { start: i, end: unit.end, type: 'QUANTITY', value: quantityValue(number.value, unit.unit, number.approximate, upper) };
  }
  if (number.attributive) {
    // 두 배우, 세 학자가, 두 딸들도: a native numeral and the noun it counts (without particles).
    if (!spaced || (time && endsWord(text, at + time[0].length))) return null;
    const run = hangulRunLength(text, at);
    if (run === 0) return null;
    const word = text.slice(at, at + run);
    const stem = stripParticles(word);
    if (stem.length === 0 || stem.length > 4) return null;
    if (text.slice(i, number.end) === '한' && !COUNTED_PERSON_NOUNS.has(stem)) return null;
    if (ADNOMINAL_END.test(stem) && !COUNTED_PERSON_NOUNS.has(stem)) return null;
    return { start: i, end: at + stem.length, type: 'QUANTITY', value: quantityValue(number.value, stem, number.approximate, upper) };
  }
  // 하나, 둘, 스물: a cardinal standing as a word.
  const form = text.slice(i, number.end);
  if (form !== '열' && form !== '쉰' && endsWord(text, number.end) && !spaced) {
    return { start: i, end: number.end, type: 'QUANTITY', value: quantityValue(number.value, '', false) };
  }
  if (form !== '열' && form !== '쉰' && spaced && endsWord(text, number.end)) {
    return { start: i, end: number.end, type: 'QUANTITY', value: quantityValue(number.value, '', false) };
  }
  return null;
}

const STEM_SUFFIXES = [
  '들에게서', '에게서', '들에게', '에게', '들과', '들도', '들이', '들은', '들을', '들의', '들', '에서', '만큼', '까지', '부터',
  '처럼', '보다', '이나', '으로', '만', '과', '와', '이', '가', '을', '를', '은', '는', '의', '에', '도', '로', '나', '랑',
];

function stripParticles(word: string): string {
  for (const suffix of STEM_SUFFIXES) {
    if (word.length > suffix.length && word.endsWith(suffix)) {
      const stem = word.slice(0, word.length - suffix.length);
      // 아들이: the 들 of 아들 is not a plural.
      if (suffix.startsWith('들') && stem.endsWith('아')) return stem + '들';
      return stem;
    }
  }
  return word;
}

function sinoQuantity(text: string, i: number, lexicon: UnitLexicon): NumericMatch | null {
  // A Sino-Korean figure in words (이십 명, 삼십만 원, 수십억 원): see scanSinoWords for what may start one.
  const number = scanSinoWords(text, i);
  if (!number) return null;
  const length = number.end - i;
  let at = number.end;
  const spaced = text[at] === ' ';
  if (spaced) at++;
  const unit = lexicon.match(text, at);
  if (!unit) return null;
  TIME_UNIT.lastIndex = at;
  const time = TIME_UNIT.exec(text);
  if (time && time[0].length >= unit.end - at) return null;
  // One syllable and a one-syllable counter make words too often (천사, 천국, 십자): ask for a space or more.
  if (length === 1 && !spaced) return null; // 천송이 (a name), 천사: one syllable glued to a counter is a word
  if (!endsWord(text, unit.end)) return null;
  return { start: i, end: unit.end, type: 'QUANTITY', value: quantityValue(number.value, unit.unit, number.approximate) };
}

const LEXICON_KEY = 'quantity:lexicon';

/** Loads the unit and counter tables into a lexicon (cached per Resources). */
export function loadUnitLexicon(resources: Resources): Promise<UnitLexicon> {
  return resources.derived(LEXICON_KEY, async () =>
    compileUnitLexicon(await resources.table('units.tsv'), await resources.table('counters.tsv')), 'loader',
  );
}

/** The QUANTITY recogniser as a pipeline stage. `setup` loads `units.tsv` and `counters.tsv`. */
export function createQuantityStage(): Stage {
  let lexicon: UnitLexicon | undefined;
  return {
    name: 'quantity',
    requires: ['normalized'],
    provides: ['candidates'],
    async setup(resources: Resources) {
      lexicon = await loadUnitLexicon(resources);
    },
    run(doc: KornerDocument) {
      if (!lexicon) {
        throw new KornerError(
          ERROR_CODES.PIPELINE_STAGE,
          'the quantity stage ran before setup(): create it through the pipeline, or await stage.setup(resources) first.',
        );
      }
      const norm = normalizedOf(doc);
      for (const match of findQuantities(norm.text, lexicon)) emit(doc, norm, match, 'quantity');
    },
  };
}
