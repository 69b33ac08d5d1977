import { ERROR_CODES, KornerError } from '../errors.js';
import { FRAMING, recordBody, type RecordFormat } from '../formats/records.js';
import { jobId, type QueueJobData } from './queueJobs.js';
import type { RecordOutcome } from './recordJob.js';

/**
 * How the stored results of a run become its output: the jobs' outcomes joined in sequence order with the framing
 * of `korner extract`, so that the output is byte for byte what one `korner extract` run writes.
 */

/** A job's outcomes as a worker stores them: the same bytes for the same outcomes, however often the job runs. */
export function storeOutcomes(outcomes: readonly RecordOutcome[]): string {
  return JSON.stringify(outcomes);
}

export function parseStoredOutcomes(stored: string, id: string): RecordOutcome[] {
  let outcomes: unknown;
  try {
    outcomes = JSON.parse(stored);
  } catch {
    outcomes = undefined;
  }
  if (!Array.isArray(outcomes) || !outcomes.every((o) => typeof (o as RecordOutcome | null)?.body === 'string')) {
    throw new KornerError(
      ERROR_CODES.QUEUE,
      `the stored result of job ${id} is not a list of outcomes (written by another program or version?); run "korner queue remove" for the run and add it again.`,
    );
  }
  return outcomes as RecordOutcome[];
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
    const body = recordBody(job.settings.format, { id: record.id, line: record.line, error });
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
  jobs: AsyncIterable<readonly RecordOutcome[]> | Iterable<readonly RecordOutcome[]>,
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
      text += `${framing.before(count.records++)}${outcome.body}${framing.after}`;
    }
    await write(text);
  }
  await write(framing.close(count.records));
  return count;
}
