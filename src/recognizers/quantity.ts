import type { KornerDocument, QuantityValue } from '../document/types.js';
import { ERROR_CODES, KornerError } from '../errors.js';
import { add, fromInteger, multiply, toExact } from '../normalize/decimal.js';
import { RANGE_SEPARATORS, scanNative, scanNumber, type ScannedNumber } from '../normalize/numbers.js';
import type { Stage } from '../pipeline/stage.js';
import type { Resources } from '../resources/resources.js';
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
  '송이', '방', '쌍', '켤레', '그릇', '명씩', '분', '손가락', '채', '장', '땀', '덩이', '편',
]);
/** Nouns counted directly by a native numeral (세 사람, 두 아들): KLUE-NER tags the pair as QUANTITY. */
const COUNTED_PERSON_NOUNS = new Set(['사람', '분', '남자', '여자', '아이', '아들', '딸', '형제', '자매', '명']);

/** Words before a figure that KLUE-NER keeps in the span: 제1차, 시즌2, 중2, 톱10, 파5. */
const PREFIXES = ['제', '시즌', '톱', '중', '고', '초', '파', '평점', '세션', 'top', 'TOP', 'Top', 'part', 'Part'];

const ADNOMINAL_END = /(?:한|던|는|은|운|된|진|적|인|운|른|린|쁜|픈|을|할|될|랑|쪽|편|명)$/;

interface Figure {
  start: number;
  end: number;
  number: ScannedNumber;
  negative: boolean;
}

function scanFigure(text: string, i: number): Figure | null {
  const c = text.charCodeAt(i);
  const negative = c === 45 /* - */ && isDigitCode(text.charCodeAt(i + 1)) && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '(');
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
  if (spaced && unit.kind === 'counter' && !endsWord(text, unit.end)) return null;
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
    if (isDigitCode(c) || (c === 45 && isDigitCode(text.charCodeAt(i + 1)))) {
      const prev = text.charCodeAt(i - 1);
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
    } else if (isHangulCode(c) && startsWord(text, i)) {
      const m = nativeQuantity(text, i, lexicon) ?? sinoQuantity(text, i, lexicon);
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
  const prev = text.charCodeAt(i - 1);
  let start = i;
  if (isHangulCode(prev) || isLatinCode(prev)) {
    start = prefixStart(text, i);
    if (start === i) {
      // Glued to a word (아이폰6, A4용지): only a unit or counter can make it a figure.
      if (isLatinCode(prev)) return null;
    }
  } else if (prev === 32) {
    const p = prefixStart(text, i);
    if (p < i && (text.startsWith('제', p) || text.startsWith('시즌', p) || text.startsWith('톱', p))) start = p;
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
      if (secondUnit && (!unit || unit.unit === secondUnit.unit)) {
        upper = valueOf(second);
        approximate ||= second.number.approximate;
        unit = secondUnit;
        end = secondUnit.end;
      } else if (!secondUnit && !unit && sep === '-' && isScoreContext(text, second.end)) {
        // 4-1로 역전승, 0-3로 끌려가던: a score.
        const value: QuantityValue = { number: valueOf(first), unit: '', range: { from: valueOf(first), to: valueOf(second) } };
        if (TIME_UNIT_AFTER(text, second.end)) return null;
        return { start, end: second.end, type: 'QUANTITY', value };
      } else if (!secondUnit && unit && !TIME_UNIT_AFTER(text, second.end)) {
        // 1만원~2만원 style handled above; "3명-4" is not a range.
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
    end = unit.end;
    // 20대 중반, 30대 후반: KLUE-NER keeps the part of the decade.
    const part = /^ (?:초반|중반|후반)/.exec(text.slice(end, end + 4));
    if (unit.unit === '대' && part) end += part[0].length;
    // 3개월여, 100여 명: an approximate marker after the counter.
    if (text[end] === '여' && !isHangulCode(text.charCodeAt(end + 1))) {
      approximate = true;
      end++;
    }
    return { start, end, type: 'QUANTITY', value: quantityValue(valueOf(first), unit.unit, approximate, upper) };
  }
  if (TIME_UNIT_AFTER(text, first.end)) return null;
  // 김모(33)씨, (湯川遙菜·42): an age in parentheses after a name.
  if (isAgeInParentheses(text, i, first)) {
    return { start: i, end: first.end, type: 'QUANTITY', value: quantityValue(valueOf(first), '세', false) };
  }
  // A prefixed figure without counter: 제2, 시즌2, 중2, 톱10.
  if (start < i && endsWord(text, first.end)) {
    const prefix = text.slice(start, i).trim();
    return { start, end: first.end, type: 'QUANTITY', value: quantityValue(valueOf(first), prefix, approximate) };
  }
  return null;
}

function TIME_UNIT_AFTER(text: string, end: number): boolean {
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
    // (본명 박재상·35), (湯川遙菜·42): inside parentheses opened shortly before.
    const open = text.lastIndexOf('(', i);
    const close = text.lastIndexOf(')', i);
    return open >= 0 && open > close && i - open <= 20;
  }
  return false;
}

function isWordBefore(text: string, paren: number): boolean {
  const c = text.charCodeAt(paren - 1);
  return isHangulCode(c) || (c >= 0x4e00 && c <= 0x9fff) || isLatinCode(c);
}

function nativeQuantity(text: string, i: number, lexicon: UnitLexicon): NumericMatch | null {
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
    const attachedOk = spaced || ATTACHED_NATIVE_COUNTERS.has(text.slice(at, unit.end));
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
    if (word.length > suffix.length && word.endsWith(suffix)) return word.slice(0, word.length - suffix.length);
  }
  return word;
}

function sinoQuantity(text: string, i: number, lexicon: UnitLexicon): NumericMatch | null {
  const first = text[i]!;
  // A Sino-Korean figure in words starts with a digit word, 십/백/천 or 수 (수십억); 만원 is the one unit-first form.
  if (!'일이삼사오육칠팔구십백천수만'.includes(first)) return null;
  const number = scanNumber(text, i, { sino: true, spaces: false });
  if (!number || number.kind !== 'sino') return null;
  const length = number.end - i;
  let at = number.end;
  const spaced = text[at] === ' ';
  if (spaced) at++;
  const unit = lexicon.match(text, at);
  if (!unit) return null;
  TIME_UNIT.lastIndex = at;
  const time = TIME_UNIT.exec(text);
  if (time && time[0].length >= unit.end - at) return null;
  if (first === '만' && !(length === 1 && unit.kind === 'currency')) return null;
  // One syllable and a one-syllable counter make words too often (천사, 천국, 십자): ask for a space or more.
  if (length === 1 && first !== '만' && !spaced && unit.end - at < 2) return null;
  if (!endsWord(text, unit.end)) return null;
  return { start: i, end: unit.end, type: 'QUANTITY', value: quantityValue(number.value, unit.unit, number.approximate) };
}

/** Sums helper kept for symmetry with decimal parsing (exported for tests). */
export function sumValues(a: number | string, b: number | string): number | string {
  const da = typeof a === 'number' ? fromInteger(a) : fromInteger(Number(a));
  const db = typeof b === 'number' ? fromInteger(b) : fromInteger(Number(b));
  return toExact(add(da, db));
}

const LEXICON_KEY = 'quantity:lexicon';

/** Loads the unit and counter tables into a lexicon (cached per Resources). */
export function loadUnitLexicon(resources: Resources): Promise<UnitLexicon> {
  return resources.derived(LEXICON_KEY, async () =>
    compileUnitLexicon(await resources.table('units.tsv'), await resources.table('counters.tsv')),
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
