import type { DocumentRecord, InputMode } from '../cli/records.js';
import { KornerError, type ErrorCode } from '../errors.js';
import type { ExtractInput, Extractor, ExtractResult } from '../extractor.js';
import { recordBody, recordParts, resolveWriterOptions, writerOf, type RecordFormat } from '../formats/records.js';
import type { WriterOptions } from '../formats/writer.js';
import type { RunOptions } from '../pipeline/stage.js';
import type { MorphemeSource } from './morphemes.js';

/**
 * The unit of work of `korner extract`, wherever it runs (the main thread, a worker thread, a queue worker on
 * another machine): a batch of input records in, one output body per record out, in order. It is a pure function
 * of the records and the settings, so a job that runs twice (a retried queue job) gives the same bytes.
 */
export interface JobSettings {
  mode: InputMode;
  format: RecordFormat;
  /** The choices for the format's writer (labels, offsets, tokens); absent: the format's defaults. */
  writer?: WriterOptions;
  runOptions: RunOptions;
}

/** What runs a job: the extractor, and the analyzer's morphemes for formats that write them (see jobTools). */
export interface JobTools {
  extractor: Extractor;
  morphemes?: MorphemeSource;
}

/** The output of one record: its body, and for an error record the error and the warning to print. */
export interface RecordOutcome {
  /**
   * The record's body (see recordBody), or its parts in order (see recordParts): made as they are written when the
   * job ran in this thread, an array when it ran in a worker (what crosses between threads is data).
   */
  body: string | Iterable<string>;
  error?: { code: ErrorCode; message: string; warning: string };
  /**
   * What the writer had to say about the record (an entity boundary inside a CoNLL token), to print after its body
   * (a body in parts may add to it while it is written).
   */
  warnings?: string[];
}

/** The serialisable part of a record that a job needs (what goes to a worker or into a queue). */
export type JobRecord = Pick<DocumentRecord, 'id' | 'line' | 'text' | 'referenceDate' | 'extra' | 'error'>;

export function toJobRecord(record: DocumentRecord): JobRecord {
  const job: JobRecord = { id: record.id, line: record.line };
  if (record.text !== undefined) job.text = record.text;
  if (record.referenceDate !== undefined) job.referenceDate = record.referenceDate;
  if (record.extra !== undefined) job.extra = record.extra;
  if (record.error !== undefined) job.error = record.error;
  return job;
}

/**
 * Runs a batch of records through `extractor` and returns their outcomes, in order. A long record's body comes in
 * parts, made as they are read (`lazy`, for the thread that writes them), or made now into an array.
 */
export function runRecordJob(tools: JobTools, records: readonly JobRecord[], settings: JobSettings, lazy = false): RecordOutcome[] {
  const results = extractBatch(tools.extractor, records, settings.runOptions);
  const options = resolveWriterOptions(settings.format, settings.writer);
  const morphemes = writerOf(settings.format).needsMorphemes?.(options) ?? false;
  if (morphemes && !tools.morphemes) throw new Error('korner: this format writes morphemes; run the job with jobTools(extractor, settings).');
  return records.map((record, k): RecordOutcome => {
    const outcome = results[k];
    const content = { id: record.id, line: record.line };
    if (record.error) {
      const { code, message } = record.error;
      return { body: recordBody(settings.format, { ...content, error: { code, message } }, settings.writer), error: { code, message, warning: message } };
    }
    if (outcome instanceof KornerError) {
      const error = { code: outcome.code, message: outcome.message };
      return {
        body: recordBody(settings.format, { ...content, error }, settings.writer),
        error: { ...error, warning: `${record.id}: ${outcome.message}` },
      };
    }
    const warnings: string[] = [];
    const parts = recordParts(
      settings.format,
      {
        ...content,
        ...(record.extra ? { extra: record.extra } : {}),
        text: record.text!,
        echoText: settings.mode === 'text',
        entities: outcome!.entities,
        links: outcome!.links,
        ...(morphemes ? { morphemes: tools.morphemes!(record.text!) } : {}),
      },
      settings.writer,
      (message) => warnings.push(`${record.id}: ${message}`),
    )[Symbol.iterator]();
    const first = parts.next();
    const second = parts.next();
    // A lazy body's writer may warn while it is written: the outcome holds the array, read after the body.
    const done = (body: RecordOutcome['body']): RecordOutcome => (warnings.length > 0 || typeof body !== 'string' ? { body, warnings } : { body });
    if (second.done) return done((first.value as string | undefined) ?? '');
    const rest = (function* () {
      yield first.value as string;
      yield second.value as string;
      for (let next = parts.next(); !next.done; next = parts.next()) yield next.value;
    })();
    return done(lazy ? rest : Array.from(rest));
  });
}

/**
 * The results of a batch of records, in order: extractAll over the documents of the batch; should that throw (a bad
 * reference date in one record, a failing stage), each record again on its own, so that the error lands on the
 * record that caused it. Error records of the input get undefined.
 */
function extractBatch(
  extractor: Extractor,
  batch: readonly JobRecord[],
  runOptions: RunOptions,
): (ExtractResult | KornerError | undefined)[] {
  const inputs: ExtractInput[] = [];
  const at: number[] = [];
  batch.forEach((record, k) => {
    if (record.error) return;
    inputs.push({ text: record.text!, options: record.referenceDate ? { referenceDate: record.referenceDate } : {} });
    at.push(k);
  });
  const results: (ExtractResult | KornerError | undefined)[] = new Array(batch.length).fill(undefined);
  try {
    extractor.extractAll(inputs, runOptions).forEach((result, j) => (results[at[j]!] = result));
  } catch {
    inputs.forEach((input, j) => {
      try {
        results[at[j]!] = extractor.extract(input.text, { ...runOptions, ...input.options });
      } catch (error) {
        if (!(error instanceof KornerError)) throw error;
        results[at[j]!] = error;
      }
    });
  }
  return results;
}
