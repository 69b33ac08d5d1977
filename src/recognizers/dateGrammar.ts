import { NATIVE_NUMERAL_WORDS, NATIVE_TENS_WORDS, NATIVE_UNIT_WORDS, SINO_START, scanNative, scanNumber, scanSinoWords } from '../normalize/numbers.js';
import { codeAt } from '../text/codeAt.js';
import { type CodeSet, codeSet, inCodeSet } from '../text/codeSet.js';
import { endsWord, isDigitCode, isHangulCode, isLatinCode, startsWord } from './numeric.js';

/**
 * The grammar of Korean date expressions: what a DATE mention says, before it is resolved against a reference
 * date. One parse at a position reads an optional direction (지난, 오는), a year (2016년, 지난해, 올), a month
 * (5월, 지난달), a day (17일, 오늘), a weekday, a period (초, 중순, 말, 상반기, 1분기, 봄) and a trailing
 * duration marker (간, 동안, 째, 전, 후, 뒤), or a duration (나흘, 한 달, 6개월, 2년5개월).
 */
export interface DateSpec {
  year?: number;
  /** Relative year (지난해 −1, 올해 0, 내년 +1). */
  yearRel?: number;
  /** Two-digit or undecided year: resolved against the reference century. */
  shortYear?: boolean;
  month?: number;
  monthRel?: number;
  day?: number;
  dayRel?: number;
  /** Last day of a range (2∼3일 → 3) or of a month range (7∼8월). */
  dayTo?: number;
  monthTo?: number;
  yearTo?: number;
  weekRel?: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday?: number;
  /** 지난 (−1) or 오는 (+1) before a day or month: the last or next such date. */
  direction?: -1 | 1;
  /** 이날/당일 (0), 전날 (−1), 다음날 (+1): relative to the nearest preceding explicit day. */
  anaphor?: number;
  /** 이듬해: the year after the one in context. */
  anaphorYear?: number;
  /** A part of a year or month: 초, 중순, 말, H1, H2, Q1…Q4, spring…winter. */
  period?: string;
  decade?: number;
  century?: number;
  /** A length of time (나흘 → P4D). */
  duration?: { years?: number; months?: number; weeks?: number; days?: number };
  /** 10년 전 (−1), 3일 후 (+1): the duration counted from the reference date. */
  offsetSign?: -1 | 1;
  /** A named day (크리스마스 → 12-25); `null` when it moves or follows the lunar calendar. */
  holiday?: { month: number; day: number } | null;
  /** The text names a specific day (counts as an anchor for 이날). */
  explicitDay?: boolean;
}

/**
 * A spec with every field of {@link DateSpec}, in one order, undefined until a parser sets it. The parsers set
 * fields in many orders, which gave the specs dozens of object shapes and made every read of a field in the
 * resolver megamorphic; with one shape the reads stay monomorphic.
 */
function createDateSpec(): DateSpec {
  return {
    year: undefined,
    yearRel: undefined,
    shortYear: undefined,
    month: undefined,
    monthRel: undefined,
    day: undefined,
    dayRel: undefined,
    dayTo: undefined,
    monthTo: undefined,
    yearTo: undefined,
    weekRel: undefined,
    weekday: undefined,
    direction: undefined,
    anaphor: undefined,
    anaphorYear: undefined,
    period: undefined,
    decade: undefined,
    century: undefined,
    duration: undefined,
    offsetSign: undefined,
    holiday: undefined,
    explicitDay: undefined,
  };
}

/** Copies the fields that `from` has set onto `spec` (Object.assign would copy the unset ones too, as undefined). */
function assignDefined(spec: DateSpec, from: DateSpec): DateSpec {
  const target = spec as Record<string, unknown>;
  for (const [key, value] of Object.entries(from)) if (value !== undefined) target[key] = value;
  return spec;
}

/** A spec of the one shape with these fields set. */
function dateSpec(fields: DateSpec): DateSpec {
  return assignDefined(createDateSpec(), fields);
}

/** A duration with all four fields, undefined until set (one object shape, as for {@link createDateSpec}). */
function createDuration(): NonNullable<DateSpec['duration']> {
  return { years: undefined, months: undefined, weeks: undefined, days: undefined };
}

export interface DateParse {
  /** Where the entity starts when it is not where parsing began (오는 27일 is tagged 27일). */
  start?: number;
  end: number;
  spec: DateSpec;
}

export type HolidayTable = ReadonlyMap<string, { month: number; day: number } | null>;

const Y_REL: readonly [string, number][] = [
  ['재작년', -2],
  ['지난해', -1],
  ['지난 해', -1],
  ['작년', -1],
  ['전년', -1],
  ['올해', 0],
  ['금년', 0],
  ['내년', 1],
  ['내후년', 2],
  ['다음해', 1],
  ['다음 해', 1],
];
const M_REL: readonly [string, number][] = [
  ['지난달', -1],
  ['지난 달', -1],
  ['저번달', -1],
  ['저번 달', -1],
  ['전달', -1],
  ['이달', 0],
  ['이번달', 0],
  ['이번 달', 0],
  ['다음달', 1],
  ['다음 달', 1],
  ['내달', 1],
];
const W_REL: readonly [string, number][] = [
  ['지난주', -1],
  ['지난 주', -1],
  ['저번주', -1],
  ['저번 주', -1],
  ['이번주', 0],
  ['이번 주', 0],
  ['금주', 0],
  ['다음주', 1],
  ['다음 주', 1],
  ['담주', 1],
];
const D_REL: readonly [string, number][] = [
  ['오늘', 0],
  ['금일', 0],
  ['어제', -1],
  ['그제', -2],
  ['그저께', -2],
  ['내일', 1],
  ['모레', 2],
  ['낼모레', 2],
  ['글피', 3],
];
const ANAPHORS: readonly [string, number][] = [
  ['이날', 0],
  ['이 날', 0],
  ['당일', 0],
  ['전날', -1],
  ['전일', -1],
  ['다음날', 1],
  ['다음 날', 1],
  ['이튿날', 1],
  ['익일', 1],
];
/** Native day counts: 하루 1 … 열흘 10, 보름 15. */
const NATIVE_DAYS: readonly [string, number][] = [
  ['하룻', 1],
  ['하루', 1],
  ['이틀', 2],
  ['사흘', 3],
  ['나흘', 4],
  ['닷새', 5],
  ['엿새', 6],
  ['이레', 7],
  ['여드레', 8],
  ['아흐레', 9],
  ['열흘', 10],
  ['보름', 15],
  ['반백일', 50],
];
const WEEKDAYS = '월화수목금토일';
/** Words that are a DATE on their own, without a value (a season of the year in context, the weekend …). */
const PLAIN_WORDS = [
  '주말', '주중', '주말동안', '평일', '연말', '연초', '새해', '신년', '연휴', '장마철', '동계', '하계', '매일', '매년', '매주',
  '매달', '매월', '상반기', '하반기', '여름', '가을', '겨울', '초여름', '한여름', '초겨울', '늦가을', '초봄', '일년',
  '반년', '일주일', '반백일', '학창시절', '고교시절', '중학시절', '일제시대', '조선시대', '고려시대', '삼국시대',
  '냉전시대', '일제강점기', '중세', '고생대', '중생대', '신생대', '연말연시',
];

/** The first letters of a word list's words, for {@link matchWord}. */
function firstLetters(list: readonly [string, number][]): CodeSet {
  return codeSet(list.map(([word]) => word.charCodeAt(0)));
}
const Y_REL_FIRST = firstLetters(Y_REL);
const M_REL_FIRST = firstLetters(M_REL);
const W_REL_FIRST = firstLetters(W_REL);
const D_REL_FIRST = firstLetters(D_REL);
const ANAPHORS_FIRST = firstLetters(ANAPHORS);
const NATIVE_DAYS_FIRST = firstLetters(NATIVE_DAYS);

/** The longest word of `list` at `i` (`first`: the first letters of its words, a test before the list is read). */
function matchWord(text: string, i: number, list: readonly [string, number][], first: CodeSet): [string, number] | undefined {
  if (!inCodeSet(first, text.charCodeAt(i))) return undefined;
  let best: [string, number] | undefined;
  for (const entry of list) if (text.startsWith(entry[0], i) && (!best || entry[0].length > best[0].length)) best = entry;
  return best;
}

/** How many ASCII digits follow from `i`, counting at most `max`. */
function digitRunLength(text: string, i: number, max: number): number {
  let j = i;
  while (j - i < max && isDigitCode(codeAt(text, j))) j++;
  return j - i;
}

/** Reads 1–4 ASCII digits at `i`. */
function digitsAt(text: string, i: number, max = 4): { value: number; end: number; length: number } | null {
  let j = i;
  while (j < text.length && j - i < max + 1 && isDigitCode(text.charCodeAt(j))) j++;
  const length = j - i;
  if (length === 0 || length > max) return null;
  return { value: Number(text.slice(i, j)), end: j, length };
}

const RANGE = '~∼〜-–';

/**
 * What a figure is written with before its unit in the parsers below: digits, separators, range marks, the place
 * units (5천, 3만), 여 and a space. Whatever a parse at a digit reads before its unit is among these.
 */
const FIGURE_PART = codeSet([`0123456789,. 여십백천만억조경${RANGE}`]);
/** The first letters of the units a date (년, 학년도, 월, 일) and a duration (개월, 달, 주, 년, 해, 일, 박) end in. */
const DATE_UNIT_FIRST = codeSet(['년학월일']);
const DURATION_UNIT_FIRST = codeSet(['개달주년해일박']);
/** What may follow a figure that starts a date, an era or a duration: their units, 세기, and the · of 4·19. */
const FIGURE_DATE_FOLLOW = codeSet(['년학월일개달주해박세·']);

/**
 * False when no parse can start at the digit `text[i]` ({@link parseNumericDateAt}, {@link parseEraAt},
 * {@link parseDateAt}, {@link parseDurationAt}): a run of four or eight digits may be a year or 20160517; any other
 * figure needs one of FIGURE_DATE_FOLLOW after it. Most figures (32명, 5억원, 10%) are rejected here at once, without
 * running four parsers whose code is not in cache after the analyzer.
 */
export function figureMayStartDate(text: string, i: number): boolean {
  const run = digitRunLength(text, i, 9);
  return run === 4 || run === 8 || unitMayFollow(text, i, FIGURE_DATE_FOLLOW);
}

/** Longer than any figure the parsers read before a unit (2∼3일, 1,234.5만 여 년 …): past it, let them decide. */
const FIGURE_SPAN = 24;

/**
 * False when no unit of `units` can follow the figure at `i`: the characters from `i` are figure parts up to one
 * that is neither a part nor such a unit. A cheap test before the parsers read the figure (most figures count
 * people, money or percent), derived from what they accept, so it never rejects what they would parse.
 */
function unitMayFollow(text: string, i: number, units: CodeSet): boolean {
  const limit = i + FIGURE_SPAN;
  for (let j = i; j < limit; j++) {
    const c = codeAt(text, j);
    if (inCodeSet(units, c)) return true;
    if (!inCodeSet(FIGURE_PART, c)) return false; // -1 past the end is neither
  }
  return true;
}

/** A number, or a range of two, followed by `unit` (2∼3일, 7∼8월, 8, 9일): returns values and end. */
function numberUnit(
  text: string,
  i: number,
  unit: string,
  max = 2,
): { value: number; to?: number; end: number; length: number; approximate: boolean } | null {
  const first = digitsAt(text, i, max);
  if (!first) return null;
  let j = first.end;
  let to: number | undefined;
  let approximate = false;
  if (RANGE.includes(text[j] ?? '\0')) {
    const second = digitsAt(text, j + 1, max);
    if (second && text.startsWith(unit, second.end)) {
      to = second.value;
      j = second.end;
    } else if (second && text.startsWith(unit, second.end + 1) && text[second.end] === ' ') {
      to = second.value;
      j = second.end + 1;
    }
  } else if (text[j] === ',' && unit === '일') {
    const gap = text[j + 1] === ' ' ? 2 : 1;
    const second = digitsAt(text, j + gap, max);
    if (second && text.startsWith(unit, second.end)) {
      to = second.value;
      j = second.end;
    }
  }
  if (text[j] === '여') {
    approximate = true;
    j++;
    if (text[j] === ' ') j++;
  }
  if (!text.startsWith(unit, j)) return null;
  const result: { value: number; to?: number; end: number; length: number; approximate: boolean } = {
    value: first.value,
    end: j + unit.length,
    length: first.length,
    approximate,
  };
  if (to !== undefined) result.to = to;
  return result;
}

/** Skips one space. */
function spaceThen(text: string, i: number): number {
  return text[i] === ' ' ? i + 1 : i;
}

const NOT_DAY_AFTER = /^(?:본|반|제|정|리|상|화|대|절|차|등|치|출|어|층)/;
const NOT_MONTH_AFTER = /^(?:드|급|세|요|간|례|경|계|남|북|성|등|평|식|정|말론|광|권|차|렌|스|정)/;
const NOT_YEAR_AFTER = /^(?:대|생|작|산|형|식|차|제|말까지만|치|분)/;

/** What the date grammar needs from the dictionaries. */
export interface DateGrammar {
  holidays: HolidayTable;
}

/** Parses a date expression at `i`, or returns null. `i` must be at a word start or at a digit. */
export function parseDateAt(text: string, i: number): DateParse | null {
  // A run of more than four digits is no year, month or day; a shorter one needs 년, 월 or 일 after it, unless it
  // may be a bare year (2014 브라질 월드컵).
  if (isDigitCode(text.charCodeAt(i))) {
    const run = digitRunLength(text, i, 5);
    if (run === 5) return null;
    const bareYear = run === 4 && (text.startsWith('19', i) || text.startsWith('20', i));
    if (!bareYear && !unitMayFollow(text, i, DATE_UNIT_FIRST)) return null;
  }
  const spec = createDateSpec();
  let pos = i;
  let any = false;
  let lastWasNumber = false;

  // 지난 19일, 오는 27일, 지난 2009년: a direction before a figure.
  if (text.startsWith('지난 ', i) || text.startsWith('오는 ', i)) {
    const after = i + 3;
    if (isDigitCode(text.charCodeAt(after))) {
      spec.direction = text.startsWith('지난', i) ? -1 : 1;
      pos = after;
    }
  }

  // Year: 2016년, '16년, 지난해, 올해, 올.
  const yRel = spec.direction === undefined ? matchWord(text, pos, Y_REL, Y_REL_FIRST) : undefined;
  if (yRel) {
    spec.yearRel = yRel[1];
    pos += yRel[0].length;
    any = true;
  } else if (spec.direction === undefined && text.startsWith('이듬해', pos)) {
    spec.anaphorYear = 1;
    pos += 3;
    any = true;
  } else if (spec.direction === undefined && text.startsWith('올', pos) && (text[pos + 1] === ' ' || isDigitCode(codeAt(text, pos + 1)) || text.startsWith('시즌', pos + 1))) {
    // 올 1월, 올 초, 올 시즌, 올시즌 (올 alone is the verb "come").
    spec.yearRel = 0;
    pos += 1;
    any = true;
  } else {
    const year = yearAt(text, pos);
    if (year && year.spec.duration) {
      // 10년, 5년간, 3년 반 동안, 2년5개월, 10년 전: a length of time (or a point that far away).
      const parsed = yearDuration(text, year.end, year.spec);
      if (parsed && spec.direction === 1) parsed.start = i + 3;
      return parsed;
    }
    if (year) {
      assignDefined(spec, year.spec);
      pos = year.end;
      any = true;
      lastWasNumber = true;
    }
  }

  // Month: 5월, 지난달, 이달.
  const afterYear = any ? spaceThen(text, pos) : pos;
  let monthDone = false;
  if (!any || spec.year !== undefined || spec.yearRel !== undefined || spec.shortYear) {
    const mRel = !any && spec.direction === undefined ? matchWord(text, afterYear, M_REL, M_REL_FIRST) : undefined;
    if (mRel) {
      spec.monthRel = mRel[1];
      pos = afterYear + mRel[0].length;
      any = true;
      monthDone = true;
    } else {
      const month = numberUnit(text, afterYear, '월');
      if (month && month.value >= 1 && month.value <= 12 && !NOT_MONTH_AFTER.test(text.slice(month.end, month.end + 2))) {
        spec.month = month.value;
        if (month.to !== undefined && month.to <= 12) spec.monthTo = month.to;
        pos = month.end;
        any = true;
        monthDone = true;
        lastWasNumber = true;
      }
    }
  }

  // Day: 17일, 2∼3일, 오늘, 이날.
  const afterMonth = any ? spaceThen(text, pos) : pos;
  if (!any || monthDone) {
    const day = numberUnit(text, afterMonth, '일');
    if (day && day.value >= 1 && day.value <= 31 && !NOT_DAY_AFTER.test(text.slice(day.end, day.end + 2)) && !day.approximate) {
      spec.day = day.value;
      if (day.to !== undefined && day.to <= 31 && day.to > day.value) spec.dayTo = day.to;
      spec.explicitDay = true;
      pos = day.end;
      any = true;
      lastWasNumber = true;
    } else if (!any) {
      const dRel = matchWord(text, pos, D_REL, D_REL_FIRST);
      const anaphor = dRel ? undefined : matchWord(text, pos, ANAPHORS, ANAPHORS_FIRST);
      if (dRel) {
        spec.dayRel = dRel[1];
        pos += dRel[0].length;
        any = true;
      } else if (anaphor) {
        spec.anaphor = anaphor[1];
        pos += anaphor[0].length;
        any = true;
      }
    }
  }

  // 매주 금요일: a weekday every week.
  if (!any && text.startsWith('매주 ', pos) && WEEKDAYS.includes(text[pos + 3] ?? '\0') && text.startsWith('요일', pos + 4)) {
    pos += 6;
    return endsWord(text, pos) ? { end: pos, spec: createDateSpec() } : null;
  }

  // Week: 지난주 금요일, 이번 주.
  if (!any) {
    const wRel = matchWord(text, pos, W_REL, W_REL_FIRST);
    if (wRel) {
      spec.weekRel = wRel[1];
      pos += wRel[0].length;
      any = true;
    }
  }

  // Weekday: 금요일, 9월 3일 목요일, 지난주 금요일.
  const beforeWeekday = any ? spaceThen(text, pos) : pos;
  if (!any || spec.day !== undefined || spec.weekRel !== undefined || spec.dayRel !== undefined) {
    const w = WEEKDAYS.indexOf(text[beforeWeekday] ?? '\0');
    if (w >= 0 && text.startsWith('요일', beforeWeekday + 1)) {
      spec.weekday = w;
      pos = beforeWeekday + 3;
      if (text.startsWith('날', pos)) pos++;
      any = true;
    }
  }

  if (!any) return null;

  // Periods: 3월 초/중순/말, 올 초, 2013년 말, 상반기, 1분기, 올 가을, 올 시즌.
  const beforePeriod = spaceThen(text, pos);
  if (spec.day === undefined && spec.dayRel === undefined && spec.anaphor === undefined && spec.weekday === undefined) {
    const period = periodAt(text, beforePeriod, spec);
    if (period) {
      spec.period = period.period;
      pos = period.end;
    }
  }

  // A bare figure turned out to be a length of time: 10년간, 3년 동안, 10년 전, 21일간, 15일째.
  const suffix = durationSuffix(text, pos);
  if (suffix && lastWasNumber && spec.month === undefined && spec.period === undefined) {
    if (spec.day !== undefined && spec.year === undefined && !spec.shortYear && spec.direction === undefined) {
      toDuration(spec, { days: spec.day }, suffix.sign);
      pos = suffix.end;
    } else if ((spec.year !== undefined || spec.shortYear) && spec.day === undefined && spec.direction === undefined && spec.yearTo === undefined) {
      const years = spec.year ?? 0;
      if (years < 1000 || suffix.sign === undefined) {
        toDuration(spec, { years }, suffix.sign);
        pos = suffix.end;
      }
    }
  }
  // A word-started expression must end a word (이날의, not 이날씨); figures are guarded by the NOT_*_AFTER lists.
  if (!isDigitCode(text.charCodeAt(i)) && !spec.direction && !endsWord(text, pos)) return null;
  // KLUE-NER mostly keeps 지난 in the span (지난 19일) and leaves 오는 out (오는 [27일]); the value uses both.
  if (spec.direction === 1) return { start: i + 3, end: pos, spec };
  return { end: pos, spec };
}

function toDuration(spec: DateSpec, duration: DateSpec['duration'], sign: -1 | 1 | undefined): void {
  spec.year = undefined;
  spec.shortYear = undefined;
  spec.day = undefined;
  spec.dayTo = undefined;
  spec.explicitDay = undefined;
  spec.duration = duration;
  if (sign !== undefined) spec.offsetSign = sign;
}

/** 간, 동안, 째 (a length) or 전, 후, 뒤 (a point that far from the reference). */
function durationSuffix(text: string, pos: number): { end: number; sign?: -1 | 1 } | null {
  const m = /^(?:(간)|( ?동안)|( ?째)|( ?전)|( ?후)|( ?뒤))/.exec(text.slice(pos, pos + 4));
  if (!m) return null;
  const end = pos + m[0].length;
  if (!endsWord(text, end)) return null;
  if (m[4]) return { end, sign: -1 };
  if (m[5] || m[6]) return { end, sign: 1 };
  return { end };
}

/** Year forms: 2016년, '16년, 92년도, 2015학년도, 1952-1972년, and a bare 4-digit year (2014 브라질 월드컵). */
function yearAt(text: string, pos: number): { end: number; spec: DateSpec } | null {
  let at = pos;
  const apostrophe = text[at] === "'" || text[at] === '’' || text[at] === '‘';
  if (apostrophe) at++;
  const first = digitsAt(text, at, 4);
  if (!first) return null;
  if (apostrophe && first.length !== 2) return null; // '16년; a quote before 2013년 is punctuation.
  let j = first.end;
  let to: number | undefined;
  if (RANGE.includes(text[j] ?? '\0')) {
    const second = digitsAt(text, j + 1, 4);
    if (second && /^(?:년|학년도)/.test(text.slice(second.end, second.end + 3))) {
      to = second.value;
      j = second.end;
    }
  }
  let approximate = false;
  if (text[j] === '여') {
    approximate = true;
    j++;
    if (text[j] === ' ') j++;
  }
  const unit = /^(?:학년도|년도|년)/.exec(text.slice(j, j + 3));
  const spec = createDateSpec();
  if (!unit) {
    // A bare year: four digits 1900–2099 standing alone (2014 브라질 월드컵, 응답하라 1988).
    if (apostrophe || first.length !== 4 || to !== undefined || approximate) return null;
    if (first.value < 1900 || first.value > 2099) return null;
    const next = text.charCodeAt(j);
    if (isDigitCode(next) || next === 46 || next === 44 || next === 37 || isLatinCode(next)) return null;
    if (text.startsWith('시즌', j)) j += 2;
    spec.year = first.value;
    return { end: j, spec };
  }
  j += unit[0].length;
  if (unit[0] === '년' && NOT_YEAR_AFTER.test(text.slice(j, j + 1)) && !text.startsWith('년대', j - 1)) {
    if (text.startsWith('생', j) && first.length >= 2) {
      // 1952년생, 81년생: a birth year.
      spec.year = first.length === 4 ? first.value : first.value;
      if (first.length !== 4) spec.shortYear = true;
      return { end: j + 1, spec };
    }
    return null;
  }
  if (text.startsWith('대', j)) return null;
  if (first.length === 4 && first.value >= 1000) {
    spec.year = first.value;
    if (to !== undefined) spec.yearTo = to < 100 ? Math.floor(first.value / 100) * 100 + to : to;
  } else if (apostrophe || unit[0] !== '년' || (first.length === 2 && (first.value >= 70 || text[at] === '0'))) {
    spec.year = first.value;
    spec.shortYear = true;
  } else {
    // 2년, 10년, 100년: a length of time unless a month follows (92년 5월 is handled by the caller's month step).
    const afterSpace = spaceThen(text, j);
    const month = numberUnit(text, afterSpace, '월');
    if (month && first.length <= 2 && !text.startsWith('개월', afterSpace)) {
      spec.year = first.value;
      spec.shortYear = true;
    } else {
      spec.duration = { years: first.value };
      if (to !== undefined) spec.yearTo = to;
      return { end: j, spec };
    }
  }
  if (text.startsWith('작', j) && endsWord(text, j + 1)) j++; // 79년작, 92년작: the year of a work.
  return { end: j, spec };
}

/** After N년 read as a length: months (2년5개월, 1년 6개월, 1년6월), 반 (3년 반), then 간/동안/째/전/후/뒤. */
function yearDuration(text: string, end: number, spec: DateSpec): DateParse | null {
  const duration = Object.assign(createDuration(), spec.duration);
  let pos = end;
  const months = /^ ?(\d{1,2})(?:개월|월)/.exec(text.slice(pos, pos + 6));
  if (months) {
    duration.months = Number(months[1]);
    pos += months[0].length;
  } else if (/^ 반(?![가-힣])| 반 /.test(text.slice(pos, pos + 3))) {
    duration.months = 6;
    pos += 2;
  }
  const out = dateSpec({ duration });
  const suffix = durationSuffix(text, pos);
  if (suffix) {
    pos = suffix.end;
    if (suffix.sign !== undefined) out.offsetSign = suffix.sign;
  }
  return { end: pos, spec: out };
}

function periodAt(text: string, pos: number, spec: DateSpec): { end: number; period: string } | null {
  const hasMonth = spec.month !== undefined || spec.monthRel !== undefined;
  const hasYear = spec.year !== undefined || spec.yearRel !== undefined || spec.shortYear === true;
  if (!hasMonth && !hasYear) return null;
  const m = /^(?:초순|중순|하순|초반|중반|후반|초|말께|말|상반기|하반기|[1-4]분기|[1-4]\/4분기|봄|여름|가을|겨울|시즌|한 해)/.exec(
    text.slice(pos, pos + 5),
  );
  if (!m) return null;
  const word = m[0];
  const end = pos + word.length;
  if (!endsWord(text, end)) return null;
  if (hasMonth) {
    if (/^(?:초순|초|중순|하순|말께|말|초반|중반|후반)$/.test(word)) return { end, period: word.replace('께', '') };
    return null;
  }
  if (/^(?:초|말|말께|초반|중반|후반|상반기|하반기|봄|여름|가을|겨울|시즌|한 해)$/.test(word) || /분기$/.test(word)) {
    return { end, period: word.replace('께', '') };
  }
  return null;
}

/** Which two-letter beginnings a DATE parse starting on a Hangul letter can have (see {@link hangulDateStart}). */
export interface HangulDateStarts {
  /** A parse may start with this letter whatever follows (십, 백, 천). */
  single: CodeSet;
  /** The letter begins one of the pairs below. */
  first: CodeSet;
  /** First letter × 65536 + second letter. */
  pairs: Set<number>;
  /**
   * For a first letter whose pair with a space is listed only for some letters after the space (이 날; 한 달, 두 해),
   * those letters: 이 사건 and 한 사람 start no date.
   */
  afterSpace: Map<number, CodeSet>;
}

const HANGUL_STARTS = new WeakMap<HolidayTable, HangulDateStarts>();
const SINO_UNITS = '십백천만억조경';

/**
 * The beginnings of every DATE parse that starts on a Hangul letter: the relative-date, anaphor, duration and
 * plain words, 지난/오는/올/이듬해/매주, named days, 동계/하계, the native numerals, a weekday before 요일, and
 * the Sino-Korean numbers (a digit word only before a unit: 이십, 삼백만; 수 before a unit; 십, 백, 천 alone).
 * {@link parseDateAt}, {@link parseDurationAt} and {@link parseNamedAt} return null at a Hangul letter whose
 * beginning is not listed, so callers may skip them there (most word starts: 이번, 사람, 한국은 …).
 */
export function hangulDateStarts(grammar: DateGrammar): HangulDateStarts {
  let starts = HANGUL_STARTS.get(grammar.holidays);
  if (!starts) {
    const single: number[] = [];
    const first: number[] = [];
    const pairs = new Set<number>();
    // The letters that may follow "first letter + space"; 'any' once a word allows any (올 1월, 올 초 …).
    const thirds = new Map<number, number[] | 'any'>();
    const addThirds = (a: number, letters: number[] | 'any') => {
      const known = thirds.get(a);
      if (known === 'any' || letters === 'any') thirds.set(a, 'any');
      else thirds.set(a, [...(known ?? []), ...letters]);
    };
    const addPair = (a: number, b: number, afterSpace: number[] | 'any' = 'any') => {
      first.push(a);
      pairs.add(a * 65536 + b);
      if (b === 32) addThirds(a, afterSpace);
    };
    const addWord = (word: string) => {
      if (word.length === 1) single.push(word.charCodeAt(0));
      else if (word.length > 1) addPair(word.charCodeAt(0), word.charCodeAt(1), word.length > 2 ? [word.charCodeAt(2)] : 'any');
    };
    const words: string[] = ['지난 ', '오는 ', '이듬해', '매주', '동계', '하계', ...grammar.holidays.keys(), ...PLAIN_WORDS];
    for (const list of [Y_REL, M_REL, W_REL, D_REL, ANAPHORS, NATIVE_DAYS]) for (const [word] of list) words.push(word);
    for (const word of words) addWord(word);
    // 올 (this year) only before a space, a digit or 시즌 (parseDateAt); 올림픽, 올라 start no date.
    for (const next of ' 0123456789시') addPair(0xc62c /* 올 */, next.charCodeAt(0));
    // A one-letter native numeral (한, 두, 세, 열 …) starts a duration only before 여, a unit of parseDurationAt
    // (after a space or not) or, for a ten (열, 쉰), the unit that completes it (열두): not 한국, 세계, 열린, 두고,
    // 한 사람.
    const units = '개달주년해일박';
    const unitLetters = Array.from(units, (unit) => unit.charCodeAt(0));
    const unitWordFirsts = NATIVE_UNIT_WORDS.map((word) => word[0]).join('');
    for (const word of NATIVE_NUMERAL_WORDS) {
      if (word.length > 1) {
        addWord(word);
        continue;
      }
      const next = `여${units}${NATIVE_TENS_WORDS.includes(word) ? unitWordFirsts : ''}`;
      for (let k = 0; k < next.length; k++) addPair(word.charCodeAt(0), next.charCodeAt(k));
      addPair(word.charCodeAt(0), 32, unitLetters);
    }
    for (let k = 0; k < WEEKDAYS.length; k++) addPair(WEEKDAYS.charCodeAt(k), '요'.charCodeAt(0));
    for (const letter of SINO_START) {
      // scanSinoWords: 십, 백, 천 start a number alone; a digit word (이, 삼 …) or 수 only before a unit.
      if ('십백천'.includes(letter)) single.push(letter.charCodeAt(0));
      else for (const unit of SINO_UNITS) addPair(letter.charCodeAt(0), unit.charCodeAt(0));
    }
    const afterSpace = new Map<number, CodeSet>();
    for (const [letter, letters] of thirds) if (letters !== 'any') afterSpace.set(letter, codeSet(letters));
    starts = { single: codeSet(single), first: codeSet(first), pairs, afterSpace };
    HANGUL_STARTS.set(grammar.holidays, starts);
  }
  return starts;
}

/** False when no DATE parse can start at the Hangul letter `text[i]` (see {@link hangulDateStarts}). */
export function hangulDateStart(starts: HangulDateStarts, text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (inCodeSet(starts.single, c)) return true;
  if (!inCodeSet(starts.first, c)) return false;
  const next = codeAt(text, i + 1);
  if (!starts.pairs.has(c * 65536 + next)) return false;
  if (next !== 32) return true;
  const third = starts.afterSpace.get(c);
  return third === undefined || inCodeSet(third, codeAt(text, i + 2));
}

interface NamedByFirstUnit {
  /** The first letters of every named day and plain date word: a cheap test before the lists are read. */
  first: CodeSet;
  holidays: Map<number, [string, { month: number; day: number } | null][]>;
  plain: Map<number, string[]>;
}
const NAMED_BY_FIRST_UNIT = new WeakMap<HolidayTable, NamedByFirstUnit>();

/** The named days and plain date words by their first UTF-16 unit, each list in its table's order. */
function namedByFirstUnit(grammar: DateGrammar): NamedByFirstUnit {
  let index = NAMED_BY_FIRST_UNIT.get(grammar.holidays);
  if (!index) {
    const holidays = new Map<number, [string, { month: number; day: number } | null][]>();
    const plain = new Map<number, string[]>();
    for (const entry of grammar.holidays) {
      const key = entry[0].charCodeAt(0);
      let list = holidays.get(key);
      if (!list) holidays.set(key, (list = []));
      list.push(entry);
    }
    for (const word of PLAIN_WORDS) {
      const key = word.charCodeAt(0);
      let list = plain.get(key);
      if (!list) plain.set(key, (list = []));
      list.push(word);
    }
    index = { first: codeSet([...holidays.keys(), ...plain.keys()]), holidays, plain };
    NAMED_BY_FIRST_UNIT.set(grammar.holidays, index);
  }
  return index;
}

/** Words and named days that stand alone: 주말, 연말, 상반기, 크리스마스, 추석 … (longest first). */
export function parseNamedAt(text: string, i: number, grammar: DateGrammar): DateParse | null {
  // 소치동계올림픽: the season of the games is tagged even inside the compound.
  const c = text.charCodeAt(i);
  if (c === 0xb3d9 /* 동 */ || c === 0xd558 /* 하 */) {
    const games = /^(동계|하계)(?=올림픽|아시안|유니버시아드|패럴림픽| 올림픽| 아시안)/.exec(text.slice(i, i + 9));
    if (games) return { end: i + 2, spec: createDateSpec() };
  }
  if (!startsWord(text, i)) return null;
  const byFirst = namedByFirstUnit(grammar);
  if (!inCodeSet(byFirst.first, c)) return null;
  let best: { end: number; spec: DateSpec } | null = null;
  for (const [name, date] of byFirst.holidays.get(c) ?? []) {
    if (text.startsWith(name, i) && (!best || best.end - i < name.length)) best = { end: i + name.length, spec: dateSpec({ holiday: date }) };
  }
  for (const word of byFirst.plain.get(c) ?? []) {
    if (text.startsWith(word, i) && (!best || best.end - i < word.length)) {
      const spec = createDateSpec();
      if (word === '상반기' || word === '하반기') {
        spec.yearRel = 0;
        spec.period = word;
      } else if (word === '일년') spec.duration = { years: 1 };
      else if (word === '반년') spec.duration = { months: 6 };
      else if (word === '일주일') spec.duration = { days: 7 };
      else if (word === '반백일') spec.duration = { days: 50 };
      else if (word === '연말') {
        spec.yearRel = 0;
        spec.period = '말';
      } else if (word === '연초') {
        spec.yearRel = 0;
        spec.period = '초';
      }
      best = { end: i + word.length, spec };
    }
  }
  if (!best) return null;
  let end = best.end;
  if (best.spec.duration) {
    const suffix = durationSuffix(text, end);
    if (suffix) {
      end = suffix.end;
      if (suffix.sign !== undefined) best.spec.offsetSign = suffix.sign;
    }
  }
  if (!endsWord(text, end)) return null;
  return { end, spec: best.spec };
}

/**
 * Durations that start with a word or a figure not read as a date: 나흘, 이틀간, 한 달, 두 달, 석 달, 한 해,
 * 6개월, 3개월여 전, 2주, 4주간, 1주일, 2년5개월, 이십 년, 천년, 46억년전, 1박 2일.
 */
export function parseDurationAt(text: string, i: number): DateParse | null {
  let pos = i;
  const duration = createDuration();
  const native = matchWord(text, pos, NATIVE_DAYS, NATIVE_DAYS_FIRST);
  if (native && startsWord(text, i)) {
    duration.days = native[1];
    pos += native[0].length;
    if (native[0] === '하룻') {
      if (!text.startsWith('동안', pos) && !text.startsWith('밤', pos)) return null;
    }
  } else {
    // A figure (Arabic, Sino-Korean words or native) and a unit of time.
    let value: number | undefined;
    let kind: 'arabic' | 'sino' | 'native' = 'arabic';
    let large = false;
    const c = text.charCodeAt(pos);
    if (isDigitCode(c)) {
      if (!unitMayFollow(text, pos, DURATION_UNIT_FIRST)) return null;
      const n = scanNumber(text, pos, { sino: false, spaces: false });
      if (!n) return null;
      value = Number(n.value);
      large = /[만억조]/.test(text.slice(pos, n.end));
      pos = n.end;
      if (RANGE.includes(text[pos] ?? '\0')) {
        const m = scanNumber(text, pos + 1, { sino: false, spaces: false });
        if (m) pos = m.end;
      }
    } else if (isHangulCode(c) && startsWord(text, i)) {
      const sino = scanSinoWords(text, pos);
      const nat = scanNative(text, pos);
      if (sino && (!nat || sino.end >= nat.end)) {
        value = Number(sino.value);
        kind = 'sino';
        pos = sino.end;
      } else if (nat) {
        value = Number(nat.value);
        kind = 'native';
        pos = nat.end;
      }
    }
    if (value === undefined) return null;
    if (text[pos] === '여') pos++;
    const gap = text[pos] === ' ' ? 1 : 0;
    const unit = /^(?:개월|달|주일|주년|주기|주(?![가-힣])|주(?=간|동안|째|전|후|뒤|만)|년|해|일|박 ?\d일)/.exec(
      text.slice(pos + gap, pos + gap + 5),
    );
    if (!unit) return null;
    const u = unit[0];
    // Which figures take which unit: native numerals count 달, 해, 주 (한 달, 두 해, 세 주); Sino-Korean words and
    // Arabic figures count 년, 개월, 주 (이십 년, 6개월, 2주); N일 and N년 in Arabic are read as dates unless large.
    const allowed =
      kind === 'native'
        ? u === '달' || u === '해' || u === '주'
        : kind === 'sino'
          ? u === '년' || u === '개월' || u === '일' || u === '주' || u === '주년'
          : u !== '해' && !(u === '달' && gap === 1) && !((u === '년' || u === '일') && !large);
    if (!allowed) return null;
    pos += gap + u.length;
    if (u === '개월' || u === '달') duration.months = value;
    else if (u === '주년' || u === '주기') duration.years = value;
    else if (u.startsWith('주')) duration.weeks = value;
    else if (u === '년' || u === '해') duration.years = value;
    else if (u === '일') duration.days = value;
    else if (u.startsWith('박')) {
      duration.days = Number(/\d+/.exec(u)![0]);
    }
    if (u === '주년' || u === '주기') {
      // 1주년, 3주기: an anniversary, named by its count.
      if (!endsWord(text, pos)) return null;
      return { end: pos, spec: dateSpec({ duration }) };
    }
    if (text[pos] === '여') pos++;
    // 2년5개월, 1년 6개월: years then months.
    if (duration.years !== undefined) {
      const more = /^ ?(\d{1,2})(?:개월|월)/.exec(text.slice(pos, pos + 6));
      if (more) {
        duration.months = Number(more[1]);
        pos += more[0].length;
      }
    }
  }
  const spec = dateSpec({ duration });
  const suffix = durationSuffix(text, pos);
  if (suffix) {
    pos = suffix.end;
    if (suffix.sign !== undefined) spec.offsetSign = suffix.sign;
  }
  if (!endsWord(text, pos)) return null;
  return { end: pos, spec };
}

/** Decades and centuries: 70년대, 1990년대 후반, 21세기, 19세기말, 17세기 후반. */
export function parseEraAt(text: string, i: number): DateParse | null {
  // 1–4 digits straight before 년대 or 세기.
  const run = digitRunLength(text, i, 5);
  if (run === 0 || run > 4 || !(text.startsWith('년대', i + run) || text.startsWith('세기', i + run))) return null;
  const m = /^(\d{1,4})(년대|세기)(?: ?(초반|중반|후반|초|말|중엽))?/.exec(text.slice(i, i + 14));
  if (!m) return null;
  const n = Number(m[1]);
  const spec = createDateSpec();
  if (m[2] === '년대') {
    if (m[1]!.length === 4 || m[1]!.length === 3) spec.decade = n;
    else if (m[1]!.length === 2) spec.decade = (n >= 30 ? 1900 : 2000) + n;
    else return null;
  } else {
    if (n < 1 || n > 30) return null;
    spec.century = n;
  }
  if (m[3]) spec.period = m[3];
  const end = i + m[0].length;
  if (!endsWord(text, end)) return null;
  return { end, spec };
}

/** Numeric dates: 2016-05-17, 2016.5.17, 2016. 5. 17., 2016/05/17, 20140919, and 4·19, 3·11, 8.15 광복절. */
export function parseNumericDateAt(text: string, i: number): DateParse | null {
  // Every form below starts with a run of exactly 4 digits and a separator, exactly 8 digits, or 1–2 digits and ·.
  const run = digitRunLength(text, i, 9);
  const after = text.charCodeAt(i + run);
  const separated = run === 4 && (after === 45 || after === 46 || after === 47 || after === 126 || after === 0x223c);
  if (!separated && run !== 8 && !(run >= 1 && run <= 2 && after === 0xb7 /* · */)) return null;
  const full = /^(\d{4})([-./]) ?(\d{1,2})\2 ?(\d{1,2})(?!\d)\.?/.exec(text.slice(i, i + 14));
  if (full) {
    const year = Number(full[1]);
    const month = Number(full[3]);
    const day = Number(full[4]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      let end = i + full[0].length;
      if (text[end - 1] === '.' && isDigitCode(text.charCodeAt(end))) return null;
      if (full[2] === '.' && text[end - 1] === '.' && !endsWord(text, end)) end--;
      return { end, spec: dateSpec({ year, month, day, explicitDay: true }) };
    }
  }
  const yearMonth = /^(\d{4})-(\d{1,2})(?![\d.])(?!-)/.exec(text.slice(i, i + 8));
  if (yearMonth && text[i + yearMonth[0].length] !== '년') {
    const year = Number(yearMonth[1]);
    const to = Number(yearMonth[2]);
    // 2015-16 (a season) or 2014-2015 (handled by the year range): years.
    if (year >= 1900 && year <= 2099 && to === (year + 1) % 100) return { end: i + yearMonth[0].length, spec: dateSpec({ year, yearTo: year + 1 }) };
  }
  const yearRange = /^(\d{4})[-~∼](\d{4})(?![\d년])/.exec(text.slice(i, i + 10));
  if (yearRange) {
    const year = Number(yearRange[1]);
    const to = Number(yearRange[2]);
    if (year >= 1900 && to > year && to <= 2099) return { end: i + yearRange[0].length, spec: dateSpec({ year, yearTo: to }) };
  }
  const compact = /^((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/.exec(text.slice(i, i + 9));
  if (compact) {
    return { end: i + 8, spec: dateSpec({ year: Number(compact[1]), month: Number(compact[2]), day: Number(compact[3]), explicitDay: true }) };
  }
  // 4·19, 3·11, 5·18: anniversaries written month·day.
  const dot = /^(\d{1,2})·(\d{1,2})(?![\d·])/.exec(text.slice(i, i + 6));
  if (dot) {
    const month = Number(dot[1]);
    const day = Number(dot[2]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      const end = i + dot[0].length;
      if (endsWord(text, end) || /^[가-힣]/.test(text[end] ?? '')) return { end, spec: dateSpec({ month, day }) };
    }
  }
  return null;
}
