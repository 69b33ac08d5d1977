import type { Entity, Link, Span } from '../document/types.js';
import { OffsetConverter, type OffsetUnit } from './offsets.js';
import { LINE_FRAMING, errorRecordJson, type FormatWriter, type RecordContent, type RecordFraming } from './writer.js';

/**
 * korner's own records: `{"id", ...passed-through fields, "text"?, "entities", "links"}`, one a line (jsonl) or in
 * one JSON array (json). Offsets are UTF-16 code units unless `--offsets` says code points or UTF-8 bytes.
 */

/** The JSON object of a record, keys in output order (a passed-through field keeps its place if it has our name). */
function recordObject(record: RecordContent, entities: unknown, links: unknown): Record<string, unknown> {
  const object: Record<string, unknown> = { id: record.id, ...record.extra };
  if (record.echoText && record.text !== undefined) object.text = record.text;
  object.entities = entities;
  object.links = links;
  return object;
}

/** Entities per part of a long record's body. */
const ENTITIES_PER_PART = 4096;

/** A span with its offsets in `unit` (the same object when the unit is UTF-16). */
function convertSpan<T extends Span>(span: T, offsets: OffsetConverter): T {
  if (offsets.unit === 'utf16') return span;
  return { ...span, start: offsets.fromUtf16(span.start), end: offsets.fromUtf16(span.end) };
}

function convertLinks(links: readonly Link[], text: string, unit: OffsetUnit): readonly Link[] {
  if (unit === 'utf16') return links;
  // Links are sorted by their source, and a target may come before it: one converter for each keeps both in order.
  const sources = new OffsetConverter(text, unit);
  const targets = new OffsetConverter(text, unit);
  return links.map((link) => ({ ...link, source: convertSpan(link.source, sources), target: link.target && convertSpan(link.target, targets) }));
}

/**
 * The parts of a record: one for a short record; for a long one (a 20 MB document has some 400,000 entities, its
 * JSON about 100 MB of UTF-16) the head with the entity array left open, the entities in runs, then the links.
 */
function* jsonParts(record: RecordContent, unit: OffsetUnit): Generator<string> {
  if (record.error) {
    yield errorRecordJson(record);
    return;
  }
  const entities = record.entities ?? [];
  const text = record.text ?? '';
  const offsets = new OffsetConverter(text, unit);
  const convert = (run: readonly Entity[]): readonly Entity[] => (unit === 'utf16' ? run : run.map((e) => convertSpan(e, offsets)));
  const links = convertLinks(record.links ?? [], text, unit);
  const names = record.extra ? Object.keys(record.extra) : [];
  if (entities.length <= ENTITIES_PER_PART || names.some((n) => n === 'entities' || n === 'links' || n === 'text')) {
    yield JSON.stringify(recordObject(record, convert(entities), links));
    return;
  }
  const head = JSON.stringify(recordObject(record, [], null));
  yield head.slice(0, head.lastIndexOf('],"links":null}'));
  for (let from = 0; from < entities.length; from += ENTITIES_PER_PART) {
    const run = JSON.stringify(convert(entities.slice(from, from + ENTITIES_PER_PART)));
    yield `${from === 0 ? '' : ','}${run.slice(1, -1)}`;
  }
  yield `],"links":${JSON.stringify(links)}}`;
}

const JSON_FRAMING: RecordFraming = {
  open: '[',
  before: (index) => (index === 0 ? '\n' : ',\n'),
  after: '',
  close: (count) => (count === 0 ? ']\n' : '\n]\n'),
};

export const jsonlWriter: FormatWriter = {
  name: 'jsonl',
  summary: 'one {"id","entities","links"} line per document (default)',
  labels: 'long',
  offsets: { default: 'utf16', fixed: false },
  framing: LINE_FRAMING,
  parts: (record, options) => jsonParts(record, options.offsets),
};

export const jsonWriter: FormatWriter = {
  name: 'json',
  summary: 'the same records in one JSON array',
  labels: 'long',
  offsets: { default: 'utf16', fixed: false },
  framing: JSON_FRAMING,
  parts: (record, options) => jsonParts(record, options.offsets),
};
