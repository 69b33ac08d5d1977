import { ERROR_CODES, KornerError } from '../errors.js';
import { FRAMING, recordBody, type RecordFormat } from '../formats/records.js';
import { jobId, type QueueJobData } from './queueJobs.js';
import type { RecordOutcome } from './recordJob.js';

/**
 * How the stored results of a run become its output: the jobs' outcomes joined in sequence order with the framing
 * of `korner extract`, so that the output is byte for byte what one `korner extract` run writes.
 */

/** An outcome as stored and written: its body whole, or in parts (a long document's, see recordParts). */
export type StoredOutcome = Omit<RecordOutcome, 'body'> & { body: string | Iterable<string> };

/**
 * A job's outcomes as a worker stores them: the same bytes for the same outcomes, however often the job runs. A
 * body in parts (a long document's) is stored as the list of its parts.
 */
export function storeOutcomes(outcomes: readonly StoredOutcome[]): string {
  return JSON.stringify(outcomes, (_key, value: unknown) => (isPartList(value) ? Array.from(value) : value));
}

function isPartList(value: unknown): value is Iterable<string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Symbol.iterator in value;
}

function isBody(body: unknown): boolean {
  return typeof body === 'string' || (Array.isArray(body) && body.every((part) => typeof part === 'string'));
}

export function parseStoredOutcomes(stored: string, id: string): StoredOutcome[] {
  let outcomes: unknown;
  try {
    outcomes = JSON.parse(stored);
  } catch {
    outcomes = undefined;
  }
  if (!Array.isArray(outcomes) || !outcomes.every((o) => isBody((o as StoredOutcome | null)?.body))) {
    throw new KornerError(
      ERROR_CODES.QUEUE,
      `the stored result of job ${id} is not a list of outcomes (written by another program or version?); run "korner queue remove" for the run and add it again.`,
    );
  }
  return outcomes as StoredOutcome[];
}

/**
 * The outcomes of a job that failed for good (its attempts used up, or its worker died too often): every record an
 * error record in its place, so that no document vanishes from the output. Records that were errors in the input
 * keep their own error.
 */
export function failedJobOutcomes(job: Pick<QueueJobData, 'run' | 'seq' | 'settings' | 'records'>, reason: string): RecordOutcome[] {
  const message = `korner: job ${jobId(job.run, job.seq)} failed (${reason}); its documents were not processed. Fix the cause, run "korner queue retry --run ${job.run}", then ask for the results again.`;
  return job.records.map((record) => {
    const error = record.error ?? { code: ERROR_CODES.QUEUE, message };
    const body = recordBody(job.settings.format, { id: record.id, line: record.line, error }, job.settings.writer);
    return { body, error: { ...error, warning: record.error ? error.message : `${record.id}: ${message}` } };
  });
}

/** What writing a run's output found: its records, and how many of them are error records. */
export interface RunOutputCount {
  records: number;
  errors: number;
}

/**
 * Writes the outcomes of a run's jobs, in the order given, framed as `korner extract` frames them (jsonl lines, a
 * json array, pretty blocks); each error record's warning goes to `warn`, as `korner extract` prints it.
 */
export async function writeRunOutput(
  format: RecordFormat,
  jobs: AsyncIterable<readonly StoredOutcome[]> | Iterable<readonly StoredOutcome[]>,
  write: (text: string) => Promise<void>,
  warn: (message: string) => void,
): Promise<RunOutputCount> {
  const framing = FRAMING[format];
  const count: RunOutputCount = { records: 0, errors: 0 };
  await write(framing.open);
  for await (const outcomes of jobs) {
    let text = '';
    for (const outcome of outcomes) {
      if (outcome.error) {
        count.errors++;
        warn(outcome.error.warning);
      }
      const body = outcome.body;
      if (typeof body === 'string') {
        text += `${framing.before(count.records++)}${body}${framing.after}`;
        for (const warning of outcome.warnings ?? []) warn(warning);
        continue;
      }
      // A long document's body in parts: written part by part, never joined into one string.
      await write(`${text}${framing.before(count.records++)}`);
      for (const part of body) await write(part);
      text = framing.after;
      for (const warning of outcome.warnings ?? []) warn(warning);
    }
    await write(text);
  }
  await write(framing.close(count.records));
  return count;
}
