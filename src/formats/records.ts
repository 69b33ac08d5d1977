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
  const object: Record<string, unknown> = { id: record.id, ...record.extra };
  if (record.text !== undefined) object.text = record.text;
  object.entities = record.entities ?? [];
  object.links = record.links ?? [];
  return JSON.stringify(object);
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
