import type { Entity, EntityValue, PeriodValue, QuantityValue } from '../document/types.js';
import { labelOf, type LabelSet } from '../formats/labels.js';
import { OffsetConverter, type OffsetUnit } from '../formats/offsets.js';
import type { RecordContent } from '../formats/writer.js';
import { facetValues, type FacetField } from './facets.js';

/**
 * The flattened search document of one extracted record, as `korner index` writes it for Elasticsearch and
 * OpenSearch (`_bulk`) and for any other engine (`--to jsonl`); the Solr writer flattens it further (solr.ts).
 *
 * - `id`, then the input record's own fields (JSONL input, as `korner extract` passes them through), then `text`;
 * - `person`, `place`, `organization`: facet values, canonical names by the rule of facets.ts;
 * - `date`: the DATE values given to the day, as `yyyy-MM-dd` (an Elasticsearch `date`);
 * - `date_range`: every DATE value that is a calendar span, as inclusive days `{gte, lte}` (an Elasticsearch
 *   `date_range`): a day (`2024-03-14` → 14..14), a month (`2023-11` → 11-01..11-30), a year (`2026` →
 *   01-01..12-31) and a period (상반기 → its start..end). A month or a year is not put in `date`: as a date it
 *   would stand for its first day, and a range query for the 20th of the month would miss it. Durations (`P4D`)
 *   are in neither (they are no place in the calendar);
 * - `time`: TIME values `HH:mm`;
 * - `quantity`: `{value, unit}` with `value` a number (a double) and `unit` the canonical unit (`KRW`, `m2`, `명`);
 *   a range (3~5명) gives two, its bounds; whether it is approximate is left to `entities`;
 * - `link`: `gloss=hangul` for each gloss or abbreviation tied to its Hangul form (威海=웨이하이), with the two
 *   sides in `gloss` and `hangul`;
 * - `entities`: every entity's span `{start, end, type, text, value?, canonical?}` (offsets in `--offsets`, by
 *   default UTF-16 as Java and JavaScript count), for highlighting: stored, not indexed. Entities left out of the
 *   facets are here too.
 * Each array holds a value once, in the order of first mention.
 */
export interface SearchFields extends Record<FacetField, string[]> {
  text: string;
  date: string[];
  date_range: DateRange[];
  time: string[];
  quantity: { value: number; unit: string }[];
  link: string[];
  gloss: string[];
  hangul: string[];
  entities: SearchSpan[];
}

export interface DateRange {
  gte: string;
  lte: string;
}

export interface SearchSpan {
  start: number;
  end: number;
  type: string;
  text: string;
  value?: EntityValue;
  canonical?: string;
}

export type SearchDocument = { id: string | number } & Record<string, unknown> & SearchFields;

/** The options the search writers take from ResolvedWriterOptions. */
export interface SearchOptions {
  labels: LabelSet;
  offsets: OffsetUnit;
}

/** A DATE value read as a span of days: its first and last day, and whether it was given to the day. */
export interface CalendarSpan {
  first: string;
  last: string;
  day: boolean;
}

const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** An ISO date of a year, a month or a day as the days it covers; undefined for anything else (P4D, 2016-13). */
export function calendarSpan(value: string): CalendarSpan | undefined {
  let match = DAY.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
    return { first: value, last: value, day: true };
  }
  match = MONTH.exec(value);
  if (match) {
    const [year, month] = [Number(match[1]), Number(match[2])];
    if (month < 1 || month > 12) return undefined;
    return { first: `${match[1]}-${match[2]}-01`, last: `${match[1]}-${match[2]}-${pad(daysIn(year, month))}`, day: false };
  }
  match = YEAR.exec(value);
  if (match) return { first: `${match[1]}-01-01`, last: `${match[1]}-12-31`, day: false };
  return undefined;
}

/** A DATE entity's value as days: a date, or a period from the first day of its start to the last of its end. */
function dateSpan(value: EntityValue | undefined): CalendarSpan | undefined {
  if (typeof value === 'string') return calendarSpan(value);
  if (!value || typeof value !== 'object' || !('start' in value)) return undefined;
  const period = value as PeriodValue;
  const start = calendarSpan(period.start);
  const end = calendarSpan(period.end);
  if (!start || !end || start.first > end.last) return undefined;
  return { first: start.first, last: end.last, day: false };
}

/** A QUANTITY entity's value as `{value, unit}` pairs: one, or two for a range (its bounds). */
function quantityValues(value: EntityValue | undefined): { value: number; unit: string }[] {
  if (!value || typeof value !== 'object' || !('unit' in value)) return [];
  const quantity = value as QuantityValue;
  const numbers = quantity.range ? [quantity.range.from, quantity.range.to] : [quantity.number];
  return numbers.map(Number).filter(Number.isFinite).map((number) => ({ value: number, unit: quantity.unit }));
}

/** A list that keeps each value once (by a key), in first-seen order. */
class Distinct<T> {
  readonly values: T[] = [];
  private readonly seen = new Set<string>();
  add(value: T, key = String(value)): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.values.push(value);
  }
}

/** The search fields of a record that is not an error (text, facets, values, links, spans). */
export function searchFields(record: RecordContent, options: SearchOptions): SearchFields {
  const text = record.text ?? '';
  const entities = record.entities ?? [];
  const links = record.links ?? [];
  const dates = new Distinct<string>();
  const ranges = new Distinct<DateRange>();
  const times = new Distinct<string>();
  const quantities = new Distinct<{ value: number; unit: string }>();
  for (const entity of entities) {
    if (entity.type === 'DATE') {
      const span = dateSpan(entity.value);
      if (!span) continue;
      if (span.day) dates.add(span.first);
      ranges.add({ gte: span.first, lte: span.last }, `${span.first}/${span.last}`);
    } else if (entity.type === 'TIME') {
      if (typeof entity.value === 'string' && /^\d{2}:\d{2}$/.test(entity.value)) times.add(entity.value);
    } else if (entity.type === 'QUANTITY') {
      for (const quantity of quantityValues(entity.value)) quantities.add(quantity, `${quantity.value}\u0000${quantity.unit}`);
    }
  }
  const pairs = new Distinct<string>();
  const glosses = new Distinct<string>();
  const hangul = new Distinct<string>();
  for (const link of links) {
    pairs.add(`${link.source.text}=${link.hangul}`);
    glosses.add(link.source.text);
    hangul.add(link.hangul);
  }
  return {
    text,
    ...facetValues(entities, links),
    date: dates.values,
    date_range: ranges.values,
    time: times.values,
    quantity: quantities.values,
    link: pairs.values,
    gloss: glosses.values,
    hangul: hangul.values,
    entities: searchSpans(entities, text, options),
  };
}

/** The entities as spans for highlighting, offsets in the unit asked for. */
function searchSpans(entities: readonly Entity[], text: string, options: SearchOptions): SearchSpan[] {
  const offsets = new OffsetConverter(text, options.offsets);
  return entities.map((entity) => {
    const span: SearchSpan = { start: offsets.fromUtf16(entity.start), end: offsets.fromUtf16(entity.end), type: labelOf(entity.type, options.labels), text: entity.text };
    if (entity.value !== undefined) span.value = entity.value;
    if (entity.canonical !== undefined) span.canonical = entity.canonical;
    return span;
  });
}

/**
 * A document of `id`, the record's passed-through fields and `fields`, in that order. A passed-through field that
 * has the name of one of korner's is replaced by korner's (it keeps its place); `warn` says so when the two differ
 * (a doccano task's own `text` is the same text).
 */
export function withPassedFields<F extends object>(record: RecordContent, fields: F, warn: (message: string) => void): { id: string | number } & Record<string, unknown> & F {
  const extra = record.extra ?? {};
  const replaced = Object.keys(extra).filter((name) => name in fields && JSON.stringify(extra[name]) !== JSON.stringify((fields as Record<string, unknown>)[name]));
  if (replaced.length > 0) warn(`input field${replaced.length > 1 ? 's' : ''} ${replaced.join(', ')} replaced by korner's search field${replaced.length > 1 ? 's' : ''} of that name`);
  return { id: record.id, ...extra, ...fields };
}

/** The flattened search document of a record that is not an error. */
export function searchDocument(record: RecordContent, options: SearchOptions, warn: (message: string) => void = () => undefined): SearchDocument {
  return withPassedFields(record, searchFields(record, options), warn);
}

