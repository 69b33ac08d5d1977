import { setImmediate as nextTurn } from 'node:timers/promises';
import type * as BullMQ from 'bullmq';
import { ERROR_CODES, KornerError } from '../errors.js';
import type { Extractor } from '../extractor.js';
import { createExtractor } from '../index.js';
import { batchTexts } from '../pipeline/batches.js';
import type { UserEntry } from '../resources/userDictionary.js';
import { checkRedisUrl, connectRedis, loadQueueModules, shownUrl, type RedisClient } from './queueClient.js';
import { dictionaryDigest, QUEUE_JOB_VERSION, runKeys, type QueueJobData } from './queueJobs.js';
import { storeOutcomes } from './queueResults.js';
import { jobTools } from './morphemes.js';
import { runRecordJob, type RecordOutcome } from './recordJob.js';

/**
 * A queue worker: takes jobs one at a time with BullMQ's Worker, runs each with runRecordJob, and stores the job's
 * outcomes in the run's results hash under its sequence number. runRecordJob is a pure function of the job, so a
 * job that runs twice (retried after an error, or taken again after its worker died) stores the same bytes: the
 * results hold each document once, however often its job ran.
 */
export interface QueueWorkerOptions {
  redis: string;
  queue: string;
  /** How long a job's lock lasts, in ms: a worker that dies loses its job to another after about this long. */
  lockMs: number;
  /** How often this worker looks for jobs whose worker died, in ms. */
  stalledIntervalMs: number;
  /** How often a job may lose its worker before it fails for good. */
  maxStalled: number;
  /** Stop once nothing is left in the queue (waiting, active or delayed) and no job came for this long, in ms. */
  idleExitMs?: number;
  /** Resolves when the worker should stop (a signal): it finishes its job, then stops. */
  stop: Promise<unknown>;
  log: (message: string) => void;
  /** Where the line each job starts and ends goes (none: quiet). */
  logJob?: (message: string) => void;
}

export interface QueueWorkerSummary {
  jobs: number;
  why: 'idle' | 'stopped';
}

/**
 * Extractors by user dictionary: one with none (most runs), and a few with a run's own. An extractor holds
 * about 250 MB of tables, so only the last `size` are kept.
 */
class ExtractorCache {
  private readonly entries = new Map<string, Promise<Extractor>>();

  constructor(
    private readonly client: RedisClient,
    private readonly queue: string,
    private readonly size = 2,
  ) {}

  get(run: string, dictionary: string): Promise<Extractor> {
    let extractor = this.entries.get(dictionary);
    if (extractor) {
      this.entries.delete(dictionary);
    } else {
      extractor = this.create(run, dictionary);
      extractor.catch(() => this.entries.delete(dictionary));
    }
    this.entries.set(dictionary, extractor);
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    return extractor;
  }

  private async create(run: string, dictionary: string): Promise<Extractor> {
    let userDictionary: UserEntry[] = [];
    if (dictionary !== '') {
      const stored = await this.client.hget(runKeys(this.queue, run).meta, 'dictionary');
      userDictionary = stored === null ? [] : (JSON.parse(stored) as UserEntry[]);
      if (dictionaryDigest(userDictionary) !== dictionary) {
        throw new KornerError(ERROR_CODES.QUEUE, `the user dictionary of run ${run} is missing from Redis or changed since its jobs were added; add the run again.`);
      }
    }
    return createExtractor({ userDictionary });
  }
}

/** Runs a job's records in batches, letting the event loop turn between them so that BullMQ can renew the lock. */
async function runJob(extractor: Extractor, data: QueueJobData): Promise<RecordOutcome[]> {
  const outcomes: RecordOutcome[] = [];
  const tools = await jobTools(extractor, data.settings);
  for (const batch of batchTexts(data.records)) {
    outcomes.push(...runRecordJob(tools, batch, data.settings));
    await nextTurn();
  }
  return outcomes;
}

export async function runQueueWorker(options: QueueWorkerOptions): Promise<QueueWorkerSummary> {
  checkRedisUrl(options.redis);
  const modules = await loadQueueModules();
  const client = await connectRedis(modules, options.redis);
  const extractors = new ExtractorCache(client, options.queue);
  // Load the common extractor now, so that the first job does not wait for it while holding its lock.
  await extractors.get('', '');
  const { log } = options;
  const logJob = options.logJob ?? (() => undefined);
  let jobs = 0;
  let busy = false;
  let idleSince = Date.now();

  const process = async (job: BullMQ.Job<QueueJobData>): Promise<number> => {
    const data = job.data;
    if (data.version !== QUEUE_JOB_VERSION) {
      throw new KornerError(ERROR_CODES.QUEUE, `job ${job.id} has payload version ${data.version}, this worker reads ${QUEUE_JOB_VERSION}; run workers of the korner version that added it.`);
    }
    const results = runKeys(options.queue, data.run).results;
    const field = String(data.seq);
    if ((await client.hexists(results, field)) === 1) {
      logJob(`korner worker: job ${job.id} was already done`);
      return data.records.length;
    }
    const extractor = await extractors.get(data.run, data.dictionary);
    const started = Date.now();
    logJob(`korner worker: job ${job.id} started (attempt ${job.attemptsStarted}, ${data.records.length} documents)`);
    const outcomes = await runJob(extractor, data);
    // The same bytes each time the job runs: a second write changes nothing.
    await client.hset(results, field, storeOutcomes(outcomes));
    logJob(`korner worker: job ${job.id} done (${data.records.length} documents, ${Date.now() - started} ms)`);
    return data.records.length;
  };

  const worker = new modules.Worker<QueueJobData>(
    options.queue,
    async (job) => {
      busy = true;
      try {
        return await process(job);
      } finally {
        busy = false;
        jobs++;
        idleSince = Date.now();
      }
    },
    {
      connection: { url: options.redis },
      concurrency: 1,
      lockDuration: options.lockMs,
      stalledInterval: options.stalledIntervalMs,
      maxStalledCount: options.maxStalled,
    },
  );
  worker.on('error', (error) => log(`korner worker: ${error.message}`));
  worker.on('failed', (job, error) => {
    const attempts = job?.opts.attempts ?? 1;
    const final = job === undefined || job.attemptsMade >= attempts;
    log(`korner worker: job ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'} of ${attempts}${final ? ', for good' : ''}): ${error.message}`);
  });
  const queue = new modules.Queue(options.queue, { connection: { url: options.redis } });
  queue.on('error', (error) => log(`korner worker: ${error.message}`));
  log(
    `korner worker: waiting for jobs on queue ${options.queue} at ${shownUrl(options.redis)} (lock ${options.lockMs / 1000} s; SIGINT or SIGTERM stops it after the current job)`,
  );

  let why: QueueWorkerSummary['why'] = 'stopped';
  let timer: NodeJS.Timeout | undefined;
  const idle = new Promise<void>((resolve) => {
    if (options.idleExitMs === undefined) return;
    const idleExitMs = options.idleExitMs;
    let checking = false;
    timer = setInterval(() => {
      if (busy || checking || Date.now() - idleSince < idleExitMs) return;
      checking = true;
      // Active jobs count too: one whose worker died comes back to wait once its lock expires, and must find
      // a worker then.
      queue
        .getJobCounts('waiting', 'active', 'delayed', 'prioritized')
        .then((counts) => {
          if (!busy && Object.values(counts).every((n) => n === 0)) {
            why = 'idle';
            resolve();
          }
        })
        .catch((error: Error) => log(`korner worker: ${error.message}`))
        .finally(() => (checking = false));
    }, Math.min(500, Math.max(100, idleExitMs)));
  });
  await Promise.race([idle, options.stop]);
  if (timer) clearInterval(timer);
  if (why === 'stopped') log('korner worker: stopping after the current job');
  await worker.close();
  await queue.close();
  client.disconnect();
  return { jobs, why };
}
