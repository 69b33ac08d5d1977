import { createHash, randomBytes } from 'node:crypto';
import { batchRecords } from '../cli/batches.js';
import type { DocumentRecord } from '../cli/records.js';
import { ERROR_CODES, KornerError } from '../errors.js';
import type { BatchLimits } from '../pipeline/batches.js';
import type { UserEntry } from '../resources/userDictionary.js';
import { toJobRecord, type JobRecord, type JobSettings } from './recordJob.js';

/**
 * What a job of a queue run is, and how its names and Redis keys are made. Nothing here talks to Redis, so that
 * what makes a run's jobs the same each time it is added (and each job's result the same bytes each time it runs)
 * can be tested without one.
 */

/** The version of the job payload; a worker refuses a job of another version rather than guess at it. */
export const QUEUE_JOB_VERSION = 1;

/** The data of one job: its place in the run, the run's settings, and its input records. */
export interface QueueJobData {
  version: number;
  run: string;
  /** The job's sequence number in the run, from 0: the results are written in this order. */
  seq: number;
  settings: JobSettings;
  /** The digest of the run's user dictionary ('' for none); the dictionary itself is stored once with the run. */
  dictionary: string;
  records: JobRecord[];
}

/** The default queue name and Redis URL of the queue commands. */
export const DEFAULT_QUEUE = 'korner';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * Run and queue names become parts of Redis keys and of BullMQ job ids, which cannot hold ':' and must not be
 * integers; letters, digits, '-' and '_' keep every id unambiguous (`run.seq`, split at the last dot).
 */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function checkName(option: 'run' | 'queue', name: string): string {
  if (!NAME.test(name)) {
    throw new KornerError(
      ERROR_CODES.USAGE,
      `--${option} must be 1 to 64 letters, digits, "-" or "_", starting with a letter or digit, got "${name}".`,
    );
  }
  return name;
}

/** A new run name: the time it was added (UTC) and 4 random hex digits, e.g. run-20261201-093015-3fa2. */
export function newRunName(now: Date = new Date(), random: string = randomBytes(2).toString('hex')): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `run-${stamp}-${random}`;
}

/** The BullMQ job id of a job: the same for the same run and sequence number, so adding a run twice adds no job twice. */
export function jobId(run: string, seq: number): string {
  return `${run}.${seq}`;
}

/** The run and sequence number of a job id made by jobId, or undefined for any other id. */
export function parseJobId(id: string): { run: string; seq: number } | undefined {
  const dot = id.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const seq = Number(id.slice(dot + 1));
  if (!Number.isInteger(seq) || seq < 0 || String(seq) !== id.slice(dot + 1)) return undefined;
  return { run: id.slice(0, dot), seq };
}

/** korner's own Redis keys of a run, beside BullMQ's (`bull:<queue>:...`). */
export interface RunKeys {
  /** A set of the queue's run names. */
  runs: string;
  /** A hash: the run's settings, user dictionary, and (once it is wholly added) its numbers of jobs and records. */
  meta: string;
  /** A hash: field = sequence number, value = the job's outcomes as JSON (written by workers). */
  results: string;
  /** A hash: field = sequence number, value = the digest of the job as first added. */
  digests: string;
}

export function runKeys(queue: string, run: string): RunKeys {
  const base = `korner:${queue}:run:${run}`;
  return { runs: `korner:${queue}:runs`, meta: base, results: `${base}:results`, digests: `${base}:digests` };
}

/** A SHA-256 digest of a value's JSON: equal for equal settings, dictionaries and jobs made the same way. */
export function digestOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** The digest that names a user dictionary in jobs ('' for none, which every worker's default extractor serves). */
export function dictionaryDigest(entries: readonly UserEntry[]): string {
  return entries.length === 0 ? '' : digestOf(entries);
}

/**
 * The jobs of a run: its records in batches of `limits`, in input order, numbered from 0. The batches depend on
 * the records alone, never on how fast they come, so that the same input always makes the same jobs.
 */
export async function* runJobs(
  run: string,
  settings: JobSettings,
  dictionary: string,
  records: AsyncIterable<DocumentRecord>,
  limits: BatchLimits,
): AsyncGenerator<QueueJobData> {
  let seq = 0;
  for await (const batch of batchRecords(records, limits, false)) {
    yield { version: QUEUE_JOB_VERSION, run, seq: seq++, settings, dictionary, records: batch.map(toJobRecord) };
  }
}
