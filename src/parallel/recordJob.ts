import type { DocumentRecord, InputMode } from '../cli/records.js';
import { KornerError, type ErrorCode } from '../errors.js';
import type { ExtractInput, Extractor, ExtractResult } from '../extractor.js';
import { recordBody, recordParts, type RecordFormat } from '../formats/records.js';
import type { RunOptions } from '../pipeline/stage.js';

/**
 * The unit of work of `korner extract`, wherever it runs (the main thread, a worker thread, a queue worker on
 * another machine): a batch of input records in, one output body per record out, in order. It is a pure function
 * of the records and the settings, so a job that runs twice (a retried queue job) gives the same bytes.
 */
export interface JobSettings {
  mode: InputMode;
  format: RecordFormat;
  runOptions: RunOptions;
}

/** The output of one record: its body, and for an error record the error and the warning to print. */
export interface RecordOutcome {
  /**
   * The record's body (see recordBody), or its parts in order (see recordParts): made as they are written when the
   * job ran in this thread, an array when it ran in a worker (what crosses between threads is data).
   */
  body: string | Iterable<string>;
  error?: { code: ErrorCode; message: string; warning: string };
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
export function runRecordJob(extractor: Extractor, records: readonly JobRecord[], settings: JobSettings, lazy = false): RecordOutcome[] {
  const results = extractBatch(extractor, records, settings.runOptions);
  return records.map((record, k): RecordOutcome => {
    const outcome = results[k];
    const content = { id: record.id, line: record.line };
    if (record.error) {
      const { code, message } = record.error;
      return { body: recordBody(settings.format, { ...content, error: { code, message } }), error: { code, message, warning: message } };
    }
    if (outcome instanceof KornerError) {
      const error = { code: outcome.code, message: outcome.message };
      return {
        body: recordBody(settings.format, { ...content, error }),
        error: { ...error, warning: `${record.id}: ${outcome.message}` },
      };
    }
    const parts = recordParts(settings.format, {
      ...content,
      ...(record.extra ? { extra: record.extra } : {}),
      ...(settings.mode === 'text' ? { text: record.text! } : {}),
      entities: outcome!.entities,
      links: outcome!.links,
    });
    const first = parts.next();
    const second = parts.next();
    if (second.done) return { body: first.value as string };
    const rest = (function* () {
      yield first.value as string;
      yield second.value;
      yield* parts;
    })();
    return { body: lazy ? rest : Array.from(rest) };
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
