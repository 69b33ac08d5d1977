import type { Entity, Link } from '../document/types.js';
import { formatPretty } from './pretty.js';

/** The output formats of `korner extract`. */
export const RECORD_FORMATS = ['jsonl', 'json', 'pretty'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

/** What a record of the output says about one input record: where it came from, and its entities or its error. */
export interface RecordContent {
  id: string | number;
  /** Input line of the record (written for error records). */
  line: number;
  /** Fields of a JSONL input record passed through to the output. */
  extra?: Record<string, unknown>;
  /** The document's text, written for `--input text` (one line a document). */
  text?: string;
  entities?: readonly Entity[];
  links?: readonly Link[];
  error?: { code: string; message: string };
}

/**
 * One record of the output without what joins it to the others: a JSON object (`jsonl`, `json`) or a block of
 * lines (`pretty`). Workers make bodies, so that the thread that writes only joins them.
 */
export function recordBody(format: RecordFormat, record: RecordContent): string {
  if (format === 'pretty') {
    return record.error
      ? `# ${record.id}\n  error ${record.error.message}\n\n`
      : formatPretty(String(record.id), record.entities ?? [], record.links ?? []);
  }
  if (record.error) return JSON.stringify({ id: record.id, line: record.line, error: record.error });
  return JSON.stringify(recordObject(record, record.entities ?? [], record.links ?? []));
}

/** The JSON object of a record, keys in output order (a passed-through field keeps its place if it has our name). */
function recordObject(record: RecordContent, entities: unknown, links: unknown): Record<string, unknown> {
  const object: Record<string, unknown> = { id: record.id, ...record.extra };
  if (record.text !== undefined) object.text = record.text;
  object.entities = entities;
  object.links = links;
  return object;
}

/** Entities per part of a long record's body (see recordParts). */
const ENTITIES_PER_PART = 4096;

/**
 * The body of a record (see recordBody) in parts whose concatenation is the body, made as they are asked for: a
 * long document's record (a 20 MB document has some 400,000 entities) is written part by part, never held whole
 * as one string (its JSON would be about 100 MB of UTF-16). A short record is one part.
 */
export function* recordParts(format: RecordFormat, record: RecordContent): Generator<string> {
  const entities = record.entities ?? [];
  const names = record.extra ? Object.keys(record.extra) : [];
  if (format === 'pretty' || record.error || entities.length <= ENTITIES_PER_PART || names.some((n) => n === 'entities' || n === 'links' || n === 'text')) {
    yield recordBody(format, record);
    return;
  }
  // {"id":…,…,"entities":[] with the array left open, then the entities in runs, then the links and the brace.
  const head = JSON.stringify(recordObject(record, [], null));
  yield head.slice(0, head.lastIndexOf('],"links":null}'));
  for (let from = 0; from < entities.length; from += ENTITIES_PER_PART) {
    const run = JSON.stringify(entities.slice(from, from + ENTITIES_PER_PART));
    yield `${from === 0 ? '' : ','}${run.slice(1, -1)}`;
  }
  yield `],"links":${JSON.stringify(record.links ?? [])}}`;
}

/** How the bodies of one output are joined: what opens it, what comes before the record at `index`, what closes it. */
export interface RecordFraming {
  readonly open: string;
  before(index: number): string;
  after: string;
  close(count: number): string;
}

export const FRAMING: Readonly<Record<RecordFormat, RecordFraming>> = {
  jsonl: { open: '', before: () => '', after: '\n', close: () => '' },
  json: { open: '[', before: (index) => (index === 0 ? '\n' : ',\n'), after: '', close: (count) => (count === 0 ? ']\n' : '\n]\n') },
  pretty: { open: '', before: () => '', after: '', close: () => '' },
};
