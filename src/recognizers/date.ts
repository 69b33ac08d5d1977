import type { EntityValue, KornerDocument, PeriodValue } from '../document/types.js';
import { ERROR_CODES, KornerError } from '../errors.js';
import {
  addDays,
  addMonths,
  type CalendarDate,
  dateDuration,
  daysInMonth,
  formatCalendarDate,
  formatDate,
  isValidDate,
  lastDayOfMonthBefore,
  nextDayOfMonthAfter,
  parseIsoDate,
  weekdayInWeek,
} from '../normalize/dates.js';
import type { RunOptions, Stage } from '../pipeline/stage.js';
import type { Resources } from '../resources/resources.js';
import { codeAt } from '../text/codeAt.js';
import {
  type DateGrammar,
  type DateParse,
  type DateSpec,
  figureMayStartDate,
  type HolidayTable,
  hangulDateStart,
  hangulDateStarts,
  parseDateAt,
  parseDurationAt,
  parseEraAt,
  parseNamedAt,
  parseNumericDateAt,
} from './dateGrammar.js';
import { emit, isDigitCode, isHangulCode, isLatinCode, longestNonOverlapping, type NumericMatch, normalizedOf, startsWord } from './numeric.js';
import { findTimes } from './time.js';

/**
 * DATE and TIME: finds date expressions (absolute, relative, periods, durations, named days) and clock times, and
 * gives each an ISO value read against the reference date: the `referenceDate` option, else the document's, else
 * its dateline (발행일, 기사입력, 입력, 작성일 …). Without a reference, relative dates get no value.
 */

/** Dateline labels, best first: the publication date is the reference a news text is written against. */
const DATELINE_LABELS = ['발행일', '발행', '기사입력', '입력', '게재일', '송고', '승인', '등록일', '등록', '작성일', '보도일', '최종수정', '수정'];
const DATELINE = new RegExp(
  `(${DATELINE_LABELS.join('|')})(?:일시)?\\s{0,3}[:：]?\\s{0,3}(\\d{4})\\s?[-./년]\\s?(\\d{1,2})\\s?[-./월]\\s?(\\d{1,2})`,
  'g',
);

/**
 * The document's own date (YYYY-MM-DD) from a dateline such as "발행일 2016-05-17" or "기사입력 2016.05.17 10:31",
 * preferring the publication date over entry or edit dates. Undefined when the text has none.
 */
export function findDateline(text: string): string | undefined {
  let best: { rank: number; value: string } | undefined;
  for (const m of text.matchAll(DATELINE)) {
    const rank = DATELINE_LABELS.indexOf(m[1]!);
    const year = Number(m[2]);
    const month = Number(m[3]);
    const day = Number(m[4]);
    if (!isValidDate(year, month, day)) continue;
    if (!best || rank < best.rank) best = { rank, value: formatDate(year, month, day) };
  }
  return best?.value;
}

const SEASON_MONTHS: Record<string, [number, number]> = {
  봄: [3, 5],
  여름: [6, 8],
  가을: [9, 11],
  겨울: [12, 14],
};

function period(start: CalendarDate, end: CalendarDate): PeriodValue {
  return { start: formatCalendarDate(start), end: formatCalendarDate(end) };
}

function monthSpan(year: number, fromMonth: number, toMonth: number): PeriodValue {
  const end = addMonths(year, fromMonth, toMonth - fromMonth);
  return period({ year, month: fromMonth, day: 1 }, { year: end.year, month: end.month, day: daysInMonth(end.year, end.month) });
}

function twoDigitYear(value: number, reference: CalendarDate | undefined): number {
  if (value >= 100) return value;
  const pivot = reference ? (reference.year % 100) + 10 : 30;
  return value <= pivot ? 2000 + value : 1900 + value;
}

/** Context for resolving one document's dates in order. */
interface ResolveContext {
  reference?: CalendarDate;
  /** The last explicit day seen before (for 이날, 전날). */
  anchor?: CalendarDate;
}

function resolveYear(spec: DateSpec, ctx: ResolveContext): number | undefined {
  if (spec.year !== undefined) return spec.shortYear ? twoDigitYear(spec.year, ctx.reference) : spec.year;
  if (spec.yearRel !== undefined) return ctx.reference ? ctx.reference.year + spec.yearRel : undefined;
  if (spec.anaphorYear !== undefined) {
    const base = ctx.anchor ?? ctx.reference;
    return base ? base.year + spec.anaphorYear : undefined;
  }
  return undefined;
}

/** The value of a parsed date, or undefined when it needs a reference date that is not known. */
export function resolveDate(spec: DateSpec, ctx: ResolveContext): EntityValue | undefined {
  const ref = ctx.reference;
  if (spec.duration) {
    const iso = dateDuration(spec.duration);
    if (spec.offsetSign === undefined) return iso;
    if (!ref) return undefined;
    const { years = 0, months = 0, weeks = 0, days = 0 } = spec.duration;
    const sign = spec.offsetSign;
    if (days || weeks) return formatCalendarDate(addDays(ref, sign * (days + 7 * weeks)));
    if (months) {
      const m = addMonths(ref.year, ref.month, sign * (months + 12 * years));
      return formatDate(m.year, m.month);
    }
    return formatDate(ref.year + sign * years);
  }
  if (spec.holiday !== undefined) {
    if (!spec.holiday || !ref) return undefined;
    const year = resolveYear(spec, ctx) ?? ref.year;
    return formatDate(year, spec.holiday.month, spec.holiday.day);
  }
  if (spec.decade !== undefined) return eraPeriod(spec.decade, 10, spec.period);
  if (spec.century !== undefined) return eraPeriod((spec.century - 1) * 100 + 1, 100, spec.period);
  if (spec.anaphor !== undefined) {
    const base = ctx.anchor ?? ref;
    return base ? formatCalendarDate(addDays(base, spec.anaphor)) : undefined;
  }
  if (spec.dayRel !== undefined) {
    if (!ref) return undefined;
    return formatCalendarDate(addDays(ref, spec.dayRel));
  }
  if (spec.weekRel !== undefined) {
    if (!ref) return undefined;
    if (spec.weekday !== undefined) return formatCalendarDate(weekdayInWeek(ref, spec.weekRel, spec.weekday));
    const monday = weekdayInWeek(ref, spec.weekRel, 0);
    return period(monday, addDays(monday, 6));
  }
  let year = resolveYear(spec, ctx);
  let month = spec.month;
  if (spec.monthRel !== undefined) {
    if (!ref) return undefined;
    const m = addMonths(ref.year, ref.month, spec.monthRel);
    year = m.year;
    month = m.month;
  }
  if (spec.day !== undefined) {
    let date: CalendarDate | null = null;
    if (month === undefined) {
      if (!ref) return undefined;
      if (spec.direction === -1) date = lastDayOfMonthBefore(ref, spec.day);
      else if (spec.direction === 1) date = nextDayOfMonthAfter(ref, spec.day);
      else date = isValidDate(ref.year, ref.month, spec.day) ? { year: ref.year, month: ref.month, day: spec.day } : null;
    } else {
      if (year === undefined) {
        if (!ref) return undefined;
        year = ref.year;
        if (spec.direction === -1 && (month > ref.month || (month === ref.month && spec.day >= ref.day))) year--;
        if (spec.direction === 1 && (month < ref.month || (month === ref.month && spec.day <= ref.day))) year++;
      }
      date = isValidDate(year, month, spec.day) ? { year, month, day: spec.day } : null;
    }
    if (!date) return undefined;
    if (spec.dayTo !== undefined && isValidDate(date.year, date.month, spec.dayTo)) {
      return period(date, { ...date, day: spec.dayTo });
    }
    return formatCalendarDate(date);
  }
  if (month !== undefined) {
    if (year === undefined) {
      if (!ref) return undefined;
      year = ref.year;
      if (spec.direction === -1 && month >= ref.month) year--;
      if (spec.direction === 1 && month <= ref.month) year++;
    }
    if (spec.period) return monthPeriod(year, month, spec.period);
    if (spec.monthTo !== undefined && spec.monthTo > month) return monthSpan(year, month, spec.monthTo);
    return formatDate(year, month);
  }
  if (year !== undefined) {
    if (spec.period) return yearPeriod(year, spec.period);
    if (spec.yearTo !== undefined && spec.yearTo > year) {
      return period({ year, month: 1, day: 1 }, { year: spec.yearTo, month: 12, day: 31 });
    }
    return formatDate(year);
  }
  return undefined;
}

function monthPeriod(year: number, month: number, part: string): EntityValue {
  const last = daysInMonth(year, month);
  const at = (day: number): CalendarDate => ({ year, month, day });
  switch (part) {
    case '초':
    case '초순':
    case '초반':
      return period(at(1), at(10));
    case '중순':
    case '중반':
      return period(at(11), at(20));
    case '말':
    case '하순':
    case '후반':
      return period(at(21), at(last));
    default:
      return formatDate(year, month);
  }
}

function yearPeriod(year: number, part: string): EntityValue {
  const quarter = /^([1-4])(?:\/4)?분기$/.exec(part);
  if (quarter) {
    const q = Number(quarter[1]);
    return monthSpan(year, q * 3 - 2, q * 3);
  }
  const season = SEASON_MONTHS[part];
  if (season) return monthSpan(year, season[0], season[1]);
  switch (part) {
    case '상반기':
      return monthSpan(year, 1, 6);
    case '하반기':
      return monthSpan(year, 7, 12);
    case '초':
    case '초반':
      return monthSpan(year, 1, 3);
    case '중반':
      return monthSpan(year, 4, 9);
    case '말':
    case '후반':
      return monthSpan(year, 10, 12);
    default:
      return formatDate(year);
  }
}

function eraPeriod(first: number, length: number, part: string | undefined): PeriodValue {
  let from = first;
  let to = first + length - 1;
  const third = Math.round(length * 0.3);
  if (part === '초' || part === '초반') to = first + third;
  else if (part === '중반' || part === '중엽') {
    from = first + third + 1;
    to = first + length - third - 1;
  } else if (part === '말' || part === '후반') from = first + length - third;
  return period({ year: from, month: 1, day: 1 }, { year: to, month: 12, day: 31 });
}

interface DateMatch extends NumericMatch {
  spec?: DateSpec;
}

/** Finds DATE and TIME matches in (normalised) text; DATE values are resolved later in document order. */
export function findDatesAndTimes(text: string, grammar: DateGrammar): DateMatch[] {
  const matches: DateMatch[] = [];
  // Most word starts cannot begin a date: skip them on their first two letters (the parsers would return null).
  const hangulStarts = hangulDateStarts(grammar);
  const add = (p: DateParse | null, i: number): void => {
    if (p && p.end > i) matches.push({ start: p.start ?? i, end: p.end, type: 'DATE', spec: p.spec });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const digit = isDigitCode(c) || c === 39 || c === 0x2018 || c === 0x2019;
    if (digit) {
      const prev = codeAt(text, i - 1);
      if (i > 0 && (isDigitCode(prev) || prev === 46 || prev === 44 || isLatinCode(prev) || prev === 58 || prev === 47)) continue;
      if (isDigitCode(c) && !figureMayStartDate(text, i)) continue;
    } else if (!(isHangulCode(c) && (startsWord(text, i) || c === 0xb3d9 /* 동 */ || c === 0xd558 /* 하 */) && hangulDateStart(hangulStarts, text, i))) {
      continue;
    }
    if (digit) {
      add(parseNumericDateAt(text, i), i);
      add(parseEraAt(text, i), i);
    } else {
      add(parseNamedAt(text, i, grammar), i);
    }
    add(parseDateAt(text, i), i);
    add(parseDurationAt(text, i), i);
  }
  for (const t of findTimes(text)) matches.push(t);
  return longestNonOverlapping(matches) as DateMatch[];
}

const HOLIDAYS_KEY = 'dateTime:holidays';

/** Loads `holidays.tsv` (name, MM-DD, calendar) into the table of named days (cached per Resources). */
export function loadHolidays(resources: Resources): Promise<HolidayTable> {
  return resources.derived(HOLIDAYS_KEY, async () => {
    const table = await resources.table('holidays.tsv');
    const name = table.column('name');
    const date = table.column('date');
    const calendar = table.column('calendar');
    const holidays = new Map<string, { month: number; day: number } | null>();
    for (const row of table.rows) {
      const key = (row[name] ?? '').trim().normalize('NFKC');
      if (!key) continue;
      const m = /^(\d{2})-(\d{2})$/.exec((row[date] ?? '').trim());
      holidays.set(key, m && row[calendar]?.trim() === 'solar' ? { month: Number(m[1]), day: Number(m[2]) } : null);
    }
    return holidays;
  }, 'loader');
}

/** What the dateTime stage hands from one window of a long document to the next (see DocumentWindow.carry). */
interface DateTimeCarry {
  /** The whole document's dateline (null: it has none), found once. */
  dateline?: string | null;
  /** The last day named in full so far. */
  dateAnchor?: CalendarDate;
}

/** The stage's carry for a window of a long document (undefined for a whole document). */
function carryOf(doc: KornerDocument): DateTimeCarry | undefined {
  return doc.window ? ((doc.window.carry.dateTime ??= {}) as DateTimeCarry) : undefined;
}

/** The dateline of the document (of the whole document, for a window of a long one: found once). */
function datelineOf(doc: KornerDocument): string | undefined {
  const carry = carryOf(doc);
  if (!carry) return findDateline(doc.text.normalize('NFKC'));
  if (carry.dateline === undefined) carry.dateline = findDateline(doc.window!.documentText.normalize('NFKC')) ?? null;
  return carry.dateline ?? undefined;
}

/** The reference date a document is read against: the option, the document's own, else its dateline. */
export function referenceDateOf(doc: KornerDocument, options: RunOptions): string | undefined {
  return options.referenceDate ?? doc.referenceDate;
}

/**
 * The DATE and TIME recogniser as a pipeline stage. When neither `options.referenceDate` nor `doc.referenceDate`
 * is set it looks for a dateline and, if it finds one, sets `doc.referenceDate`.
 */
export function createDateTimeStage(): Stage {
  let grammar: DateGrammar | undefined;
  return {
    name: 'dateTime',
    requires: ['normalized'],
    provides: ['candidates'],
    async setup(resources: Resources) {
      grammar = { holidays: await loadHolidays(resources) };
    },
    run(doc: KornerDocument, options: RunOptions) {
      if (!grammar) {
        throw new KornerError(
          ERROR_CODES.PIPELINE_STAGE,
          'the dateTime stage ran before setup(): create it through the pipeline, or await stage.setup(resources) first.',
        );
      }
      if (options.referenceDate === undefined && doc.referenceDate === undefined) {
        const dateline = datelineOf(doc);
        if (dateline) doc.referenceDate = dateline;
      }
      const referenceText = referenceDateOf(doc, options);
      const reference = referenceText ? parseIsoDate(referenceText) : null;
      if (referenceText !== undefined && !reference) {
        throw new KornerError(ERROR_CODES.OPTION, `referenceDate "${referenceText}" is not a date: use YYYY-MM-DD.`);
      }
      const norm = normalizedOf(doc);
      const ctx: { reference?: CalendarDate; anchor?: CalendarDate } = {};
      if (reference) ctx.reference = reference;
      // The day that 이날 and 다음날 count from carries over from the previous window of a long document.
      const carried = carryOf(doc);
      if (carried?.dateAnchor) ctx.anchor = carried.dateAnchor;
      for (const match of findDatesAndTimes(norm.text, grammar)) {
        if (match.spec) {
          const value = resolveDate(match.spec, ctx);
          if (value !== undefined) match.value = value;
          if (match.spec.explicitDay && typeof value === 'string') {
            const day = parseIsoDate(value);
            if (day) ctx.anchor = day;
          }
        }
        emit(doc, norm, match, 'dateTime');
      }
      if (carried && ctx.anchor) carried.dateAnchor = ctx.anchor;
    },
  };
}
