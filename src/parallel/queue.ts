import type * as BullMQ from 'bullmq';
import type { DocumentRecord } from '../cli/records.js';
import { ERROR_CODES, KornerError } from '../errors.js';
import type { BatchLimits } from '../pipeline/batches.js';
import type { UserEntry } from '../resources/userDictionary.js';
import { checkRedisUrl, connectRedis, loadQueueModules, type QueueModules, type RedisClient } from './queueClient.js';
import { dictionaryDigest, digestOf, jobId, parseJobId, runJobs, runKeys, type QueueJobData } from './queueJobs.js';
import { failedJobOutcomes, parseStoredOutcomes, type StoredOutcome } from './queueResults.js';
import type { JobSettings } from './recordJob.js';

/**
 * The runs of a queue in Redis: adding one, asking how far it is, reading its results in input order, retrying
 * its failed jobs, removing it. BullMQ holds the jobs (and their retries, and the jobs of workers that died);
 * korner keeps beside them, per run, its settings, a digest of each job as first added, and each job's outcomes
 * (see queueJobs.ts for the keys).
 */

export interface QueueTarget {
  /** The Redis URL. */
  redis: string;
  /** The BullMQ queue name. */
  queue: string;
}

/** A connection to one queue: BullMQ's Queue, and a client for korner's own keys. */
export interface QueueSession {
  readonly target: QueueTarget;
  readonly modules: QueueModules;
  readonly client: RedisClient;
  readonly queue: BullMQ.Queue<QueueJobData>;
  close(): Promise<void>;
}

export async function openQueue(target: QueueTarget, warn: (message: string) => void): Promise<QueueSession> {
  checkRedisUrl(target.redis);
  const modules = await loadQueueModules();
  const client = await connectRedis(modules, target.redis);
  const queue = new modules.Queue<QueueJobData>(target.queue, { connection: { url: target.redis } });
  queue.on('error', (error) => warn(`korner: queue ${target.queue}: ${error.message}`));
  return {
    target,
    modules,
    client,
    queue,
    async close() {
      await queue.close();
      client.disconnect();
    },
  };
}

export interface AddRunOptions {
  run: string;
  settings: JobSettings;
  userDictionary: readonly UserEntry[];
  /** The records and characters of one job. */
  limits: BatchLimits;
  /** How often a job runs before it fails for good (BullMQ's attempts; a worker that dies counts separately). */
  attempts: number;
}

export interface AddedRun {
  jobs: number;
  records: number;
  /** Jobs whose result was already stored (the run was added before and they are done), not queued again. */
  done: number;
}

/** How many jobs go to Redis in one round trip. */
const ADD_CHUNK = 16;

/**
 * Adds a run: its input split into jobs of `limits` in input order, each job's id its run and sequence number.
 * Adding the same run again (after the adder stopped half-way, say) queues only the jobs that are neither queued
 * nor done; a run added again with other settings or another input is refused rather than mixed.
 */
export async function addRun(session: QueueSession, records: AsyncIterable<DocumentRecord>, options: AddRunOptions): Promise<AddedRun> {
  const { client, queue } = session;
  const { run, settings } = options;
  const keys = runKeys(session.target.queue, run);
  const dictionary = dictionaryDigest(options.userDictionary);
  const settingsDigest = digestOf({ settings, dictionary });
  const before = await client.hget(keys.meta, 'settingsDigest');
  if (before !== null && before !== settingsDigest) {
    throw new KornerError(
      ERROR_CODES.QUEUE,
      `run ${run} was added before with other settings (--input, --format, --reference-date, --types, --min-score or --user-dict); give another --run, or first "korner queue remove --run ${run}".`,
    );
  }
  await client
    .multi()
    .sadd(keys.runs, run)
    .hset(keys.meta, { settings: JSON.stringify(settings), dictionary: JSON.stringify(options.userDictionary), settingsDigest })
    .hsetnx(keys.meta, 'created', new Date().toISOString())
    .exec();

  const added: AddedRun = { jobs: 0, records: 0, done: 0 };
  let pending: QueueJobData[] = [];
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const fields = pending.map((job) => String(job.seq));
    const digests = pending.map((job) => digestOf(job));
    const [known, stored] = await Promise.all([client.hmget(keys.digests, ...fields), client.hmget(keys.results, ...fields)]);
    const fresh: Record<string, string> = {};
    pending.forEach((job, k) => {
      if (known[k] === null) fresh[fields[k]!] = digests[k]!;
      else if (known[k] !== digests[k]) throw changedRun(run, `job ${jobId(run, job.seq)} holds other records than when the run was added before`);
    });
    if (Object.keys(fresh).length > 0) await client.hset(keys.digests, fresh);
    const queued = pending.filter((_, k) => stored[k] === null);
    added.done += pending.length - queued.length;
    // BullMQ adds no job whose id is already there (waiting, active, delayed or failed): that is the deduplication.
    await queue.addBulk(
      queued.map((job) => ({
        name: 'extract',
        data: job,
        opts: {
          jobId: jobId(run, job.seq),
          attempts: options.attempts,
          backoff: { type: 'exponential', delay: 1000 },
          // The outcomes are in korner's results hash: a done job's input need not stay in Redis. A failed job
          // stays, so that its records can become error records and it can be retried.
          removeOnComplete: true,
          removeOnFail: false,
        },
      })),
    );
    pending = [];
  };
  for await (const job of runJobs(run, settings, dictionary, records, options.limits)) {
    pending.push(job);
    added.jobs++;
    added.records += job.records.length;
    if (pending.length >= ADD_CHUNK) await flush();
  }
  await flush();
  const jobsBefore = await client.hget(keys.meta, 'jobs');
  if (jobsBefore !== null && Number(jobsBefore) !== added.jobs) {
    throw changedRun(run, `it had ${jobsBefore} jobs when it was added before, and this input makes ${added.jobs}`);
  }
  // Only now is the run's size known: until then its results cannot be complete.
  await client.hset(keys.meta, { jobs: String(added.jobs), records: String(added.records) });
  return added;
}

function changedRun(run: string, what: string): KornerError {
  return new KornerError(
    ERROR_CODES.QUEUE,
    `run ${run} was added before from another input or with another --batch (${what}); give another --run, or first "korner queue remove --run ${run}".`,
  );
}

/** Where a run is: its size once wholly added, and its jobs by state. */
export interface RunStatus {
  run: string;
  /** Undefined while the run is being added (or when its adding stopped before the end). */
  jobs: number | undefined;
  records: number | undefined;
  done: number;
  /** Jobs that failed for good and have no result: their records are error records in the results. */
  failed: number[];
  active: number;
  /** Jobs neither done, failed nor active: waiting, or waiting to be retried. */
  pending: number;
  settings: JobSettings;
}

interface RunMeta {
  settings: JobSettings;
  jobs: number | undefined;
  records: number | undefined;
}

async function runMeta(session: QueueSession, run: string): Promise<RunMeta> {
  const [settings, jobs, records] = await session.client.hmget(runKeys(session.target.queue, run).meta, 'settings', 'jobs', 'records');
  if (!settings) {
    throw new KornerError(
      ERROR_CODES.QUEUE,
      `queue ${session.target.queue} has no run "${run}"; "korner queue status" lists its runs (check --redis and --queue too).`,
    );
  }
  return {
    settings: JSON.parse(settings) as JobSettings,
    jobs: jobs ? Number(jobs) : undefined,
    records: records ? Number(records) : undefined,
  };
}

/** The sequence numbers of a run's jobs that BullMQ holds in one of `states`. */
async function jobsIn(session: QueueSession, states: BullMQ.JobType[], run: string): Promise<number[]> {
  const ids = await session.queue.getRanges(states, 0, -1);
  return ids.flatMap((id) => {
    const parsed = parseJobId(id);
    return parsed && parsed.run === run ? [parsed.seq] : [];
  });
}

/** The names of the queue's runs, sorted. */
export async function runNames(session: QueueSession): Promise<string[]> {
  return (await session.client.smembers(runKeys(session.target.queue, '').runs)).sort();
}

export async function runStatus(session: QueueSession, run: string): Promise<RunStatus> {
  const meta = await runMeta(session, run);
  const keys = runKeys(session.target.queue, run);
  const [done, failedIds, active] = await Promise.all([
    session.client.hlen(keys.results),
    jobsIn(session, ['failed'], run),
    jobsIn(session, ['active'], run),
  ]);
  // A job whose result is stored is done, whatever BullMQ says of it (its worker may have died just after storing).
  const stored = failedIds.length === 0 ? [] : await session.client.hmget(keys.results, ...failedIds.map(String));
  const failed = failedIds.filter((_, k) => stored[k] === null).sort((a, b) => a - b);
  return {
    run,
    jobs: meta.jobs,
    records: meta.records,
    done,
    failed,
    active: active.length,
    pending: meta.jobs === undefined ? 0 : Math.max(0, meta.jobs - done - failed.length - active.length),
    settings: meta.settings,
  };
}

/** BullMQ's counts of the whole queue (all runs). */
export async function queueCounts(session: QueueSession): Promise<Record<string, number>> {
  return session.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed');
}

/** How many of a run's jobs are still to come: none when every job is done or failed for good. */
export function jobsToCome(status: RunStatus): number {
  return status.jobs === undefined ? Infinity : status.active + status.pending;
}

/**
 * The outcomes of a run's jobs in sequence order, read a chunk of jobs at a time (memory stays that of a chunk,
 * whatever the size of the run). A job that failed for good gives error records in its place. Call it when
 * jobsToCome(status) is 0.
 */
export async function* runOutcomes(session: QueueSession, status: RunStatus, chunk = 64): AsyncGenerator<StoredOutcome[]> {
  const keys = runKeys(session.target.queue, status.run);
  for (let first = 0; first < status.jobs!; first += chunk) {
    const seqs = Array.from({ length: Math.min(chunk, status.jobs! - first) }, (_, k) => first + k);
    const stored = await session.client.hmget(keys.results, ...seqs.map(String));
    for (let k = 0; k < seqs.length; k++) {
      const id = jobId(status.run, seqs[k]!);
      if (stored[k] !== null) {
        yield parseStoredOutcomes(stored[k]!, id);
        continue;
      }
      const job = await session.queue.getJob(id);
      if (!job || !(await job.isFailed())) {
        throw new KornerError(ERROR_CODES.QUEUE, `job ${id} has no result and is not failed (was it removed from Redis?); add the run again to queue it once more.`);
      }
      yield failedJobOutcomes(job.data, job.failedReason || 'no reason given');
    }
  }
}

/** Queues a run's failed jobs again (each with its attempts anew); returns how many. */
export async function retryRun(session: QueueSession, run: string): Promise<number> {
  const status = await runStatus(session, run);
  for (const seq of status.failed) await (await session.queue.getJob(jobId(run, seq)))?.retry('failed');
  return status.failed.length;
}

/** Removes a run: its jobs from BullMQ and korner's keys. Refused while a worker holds one of its jobs. */
export async function removeRun(session: QueueSession, run: string): Promise<void> {
  const keys = runKeys(session.target.queue, run);
  const active = await jobsIn(session, ['active'], run);
  if (active.length > 0) {
    throw new KornerError(ERROR_CODES.QUEUE, `run ${run} has ${active.length} job(s) being processed; stop its workers or wait until they finish, then remove it.`);
  }
  const seqs = await session.client.hkeys(keys.digests);
  for (const seq of seqs) await session.queue.remove(jobId(run, Number(seq)));
  await session.client.multi().del(keys.meta, keys.results, keys.digests).srem(keys.runs, run).exec();
}
