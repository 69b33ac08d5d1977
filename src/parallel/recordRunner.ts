import { createWorkerPool, type WorkerPool, type WorkerPoolOptions } from './pool.js';
import { runRecordJob, type JobRecord, type JobSettings, type JobTools, type RecordOutcome } from './recordJob.js';

/** Runs the jobs of `korner extract`: in this thread, or on worker threads. */
export interface RecordRunner {
  /** How many jobs to keep going at once (their results are still taken in order). */
  readonly parallelism: number;
  run(records: readonly JobRecord[]): Promise<RecordOutcome[]>;
  close(): Promise<void>;
}

/** Jobs run here, one at a time, with `tools` (see jobTools). */
export function inThreadRunner(tools: JobTools, settings: JobSettings): RecordRunner {
  return {
    parallelism: 1,
    run: async (records) => runRecordJob(tools, records, settings, true),
    close: async () => undefined,
  };
}

/**
 * Jobs run on worker threads: two per worker in flight, so that a worker finds its next job waiting when it
 * finishes one, while this thread reads input and writes output.
 */
export async function poolRunner(options: WorkerPoolOptions, settings: JobSettings): Promise<RecordRunner> {
  return fromPool(await createWorkerPool(options), settings);
}

function fromPool(pool: WorkerPool, settings: JobSettings): RecordRunner {
  return {
    parallelism: 2 * pool.workers,
    run: (records) => pool.run<RecordOutcome[]>({ kind: 'records', records, settings }),
    close: () => pool.close(),
  };
}

/**
 * For input of unknown length (standard input): jobs start at once in this thread, as for a short input, and once
 * more than `threshold` characters (UTF-16 units) have come and the input goes on, worker threads start beside
 * it; jobs go to them as soon as they are ready. A line typed in gets its answer without waiting for workers, and
 * a long stream still runs on every core. The results are the same either way, in order.
 */
export function adaptiveRunner(
  tools: JobTools,
  options: WorkerPoolOptions,
  settings: JobSettings,
  threshold: number,
  warn: (message: string) => void,
): RecordRunner {
  let local: RecordRunner | undefined = inThreadRunner(tools, settings);
  let pool: RecordRunner | undefined;
  let starting: Promise<void> | undefined;
  let seen = 0;
  return {
    get parallelism() {
      return pool ? pool.parallelism : 1;
    },
    run(records) {
      if (pool) return pool.run(records);
      for (const record of records) seen += record.text?.length ?? 0;
      if (!starting && seen > threshold) {
        starting = createWorkerPool(options).then(
          (started) => {
            pool = fromPool(started, settings);
            local = undefined; // its tables can go once no job needs them
          },
          (error: Error) => warn(`korner: could not start worker threads (${error.message}); going on in one thread.`),
        );
      }
      return local!.run(records);
    },
    async close() {
      await starting;
      await pool?.close();
    },
  };
}
