import { ERROR_CODES, type ErrorCode } from '../errors.js';
import { LabelReader } from '../formats/labels.js';
import { isReadError } from '../formats/reader.js';
import { GOLD_FORMATS, type GoldFormat } from '../formats/readers.js';
import { readAnnotatedSource } from './annotated.js';
import { displayName, readDocument, readLines, type ReadOptions } from './input.js';

/**
 * How input is read: a line a document (text), a file a document (document), JSONL records, or the text of an
 * annotated format (a doccano or Label Studio export, CoNLL, KLUE, brat) to pre-annotate again.
 */
export type InputMode = 'text' | 'document' | 'jsonl' | Exclude<GoldFormat, 'jsonl'>;
export const INPUT_MODES: readonly InputMode[] = ['text', 'document', 'jsonl', ...GOLD_FORMATS.filter((name): name is Exclude<GoldFormat, 'jsonl'> => name !== 'jsonl')];

/** Labels of annotated input do not matter when its text is extracted again: none is an error. */
const ANY_LABELS = new LabelReader(new Map(), { unknown: 'ignore' });

/** A document to process, or an error record that takes its place in the output. */
export interface DocumentRecord {
  source: string;
  line: number;
  id: string | number;
  text?: string;
  referenceDate?: string;
  /** Fields of a JSONL record other than id, text and referenceDate, passed through to the output. */
  extra?: Record<string, unknown>;
  error?: { code: ErrorCode; message: string };
  /** Bytes of input the record took, for progress. */
  bytes?: number;
}

/**
 * Every document of the inputs, in input order: one per line (`text`, `jsonl`) or one per input (`document`).
 * Empty lines of `jsonl` input are skipped (they hold no record); empty lines of `text` input are empty documents,
 * so that output line N answers input line N.
 */
export async function* readRecords(
  sources: readonly string[],
  mode: InputMode,
  options: ReadOptions,
): AsyncGenerator<DocumentRecord> {
  for (const source of sources) {
    const name = displayName(source, options.stdinName);
    if (mode !== 'text' && mode !== 'document' && mode !== 'jsonl') {
      for await (const item of readAnnotatedSource(source, mode, ANY_LABELS, options)) {
        const where = item.file ? { source: item.file } : { source };
        if (isReadError(item)) yield { ...where, line: item.line, id: item.id, error: item.error };
        else yield { ...where, line: item.line, id: item.id, text: item.text, ...(item.extra ? { extra: item.extra } : {}), bytes: 0 };
      }
      continue;
    }
    if (mode === 'document') {
      const record = await readDocument(source, options);
      yield { ...record, id: name };
      continue;
    }
    for await (const record of readLines(source, options)) {
      const id = `${name}:${record.line}`;
      const bytes = record.bytes ?? 0;
      if (record.error || record.text === undefined) {
        yield { source, line: record.line, id, bytes, ...(record.error ? { error: record.error } : {}) };
        continue;
      }
      if (mode === 'text') {
        yield { source, line: record.line, id, text: record.text, bytes };
        continue;
      }
      if (record.text.trim() === '') continue;
      yield { ...parseJsonRecord(name, source, record.line, record.text), bytes };
    }
  }
}

function parseJsonRecord(name: string, source: string, line: number, text: string): DocumentRecord {
  const where = `${name}:${line}`;
  const fail = (message: string): DocumentRecord => ({
    source,
    line,
    id: where,
    error: { code: ERROR_CODES.INPUT_JSON, message: `${where}: ${message}` },
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return fail(`malformed JSON (${(error as Error).message}); each line must be one JSON object.`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return fail('expected a JSON object such as {"id": "1", "text": "..."}.');
  }
  const { id, text: body, referenceDate, ...extra } = parsed as Record<string, unknown>;
  if (typeof body !== 'string') return fail('the record has no string field "text".');
  if (referenceDate !== undefined && typeof referenceDate !== 'string') {
    return fail('"referenceDate" must be a string YYYY-MM-DD.');
  }
  const record: DocumentRecord = {
    source,
    line,
    id: typeof id === 'string' || typeof id === 'number' ? id : where,
    text: body,
    extra,
  };
  if (referenceDate !== undefined) record.referenceDate = referenceDate;
  return record;
}
