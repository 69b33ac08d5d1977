/**
 * Calendar arithmetic on proleptic Gregorian dates, without the host time zone: dates are plain {year, month, day}
 * and days are counted through UTC, so 지난해 or 전날 never shift with the machine's clock.
 */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Parses `YYYY-MM-DD`; null when it is not a real date. */
export function parseIsoDate(text: string): CalendarDate | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDate(date.year, date.month, date.day) ? date : null;
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, at the precision given. */
export function formatDate(year: number, month?: number, day?: number): string {
  let out = pad(year, 4);
  if (month !== undefined) out += `-${pad(month)}`;
  if (month !== undefined && day !== undefined) out += `-${pad(day)}`;
  return out;
}

export function formatCalendarDate(date: CalendarDate): string {
  return formatDate(date.year, date.month, date.day);
}

function toDayNumber(date: CalendarDate): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / 86_400_000);
}

function fromDayNumber(days: number): CalendarDate {
  const d = new Date(days * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Year and month `months` away (month arithmetic only). */
export function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Day of the week, 0 = Monday … 6 = Sunday (Korean weeks start on Monday). */
export function weekdayOf(date: CalendarDate): number {
  return (toDayNumber(date) + 3) % 7; // 1970-01-01 was a Thursday.
}

/** The date of `weekday` (0 = Monday) in the week `weeks` away from the week of `date`. */
export function weekdayInWeek(date: CalendarDate, weeks: number, weekday: number): CalendarDate {
  return addDays(date, weeks * 7 + weekday - weekdayOf(date));
}

/** The last date before `reference` whose day of the month is `day` (지난 19일). */
export function lastDayOfMonthBefore(reference: CalendarDate, day: number): CalendarDate | null {
  let { year, month } = reference;
  if (day >= reference.day) ({ year, month } = addMonths(year, month, -1));
  for (let i = 0; i < 12; i++) {
    if (day <= daysInMonth(year, month)) return { year, month, day };
    ({ year, month } = addMonths(year, month, -1));
  }
  return null;
}

/** The first date after `reference` whose day of the month is `day` (오는 27일). */
export function nextDayOfMonthAfter(reference: CalendarDate, day: number): CalendarDate | null {
  let { year, month } = reference;
  if (day <= reference.day) ({ year, month } = addMonths(year, month, 1));
  for (let i = 0; i < 12; i++) {
    if (day <= daysInMonth(year, month)) return { year, month, day };
    ({ year, month } = addMonths(year, month, 1));
  }
  return null;
}

/** An ISO 8601 duration from years, months, weeks and days (P1Y6M, P4D, P2W). */
export function dateDuration(parts: { years?: number; months?: number; weeks?: number; days?: number }): string {
  let out = 'P';
  if (parts.years) out += `${parts.years}Y`;
  if (parts.months) out += `${parts.months}M`;
  if (parts.weeks) out += `${parts.weeks}W`;
  if (parts.days) out += `${parts.days}D`;
  return out === 'P' ? 'P0D' : out;
}
