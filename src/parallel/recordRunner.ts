import type { Extractor } from '../extractor.js';
import { createWorkerPool, type WorkerPoolOptions } from './pool.js';
import { runRecordJob, type JobRecord, type JobSettings, type RecordOutcome } from './recordJob.js';

/** Runs the jobs of `korner extract`: in this thread, or on worker threads. */
export interface RecordRunner {
  /** How many jobs to keep going at once (their results are still taken in order). */
  readonly parallelism: number;
  run(records: readonly JobRecord[]): Promise<RecordOutcome[]>;
  close(): Promise<void>;
}

/** Jobs run here, one at a time, with `extractor`. */
export function inThreadRunner(extractor: Extractor, settings: JobSettings): RecordRunner {
  return {
    parallelism: 1,
    run: async (records) => runRecordJob(extractor, records, settings),
    close: async () => undefined,
  };
}

/**
 * Jobs run on worker threads: two per worker in flight, so that a worker finds its next job waiting when it
 * finishes one, while this thread reads input and writes output.
 */
export async function poolRunner(options: WorkerPoolOptions, settings: JobSettings): Promise<RecordRunner> {
  const pool = await createWorkerPool(options);
  return {
    parallelism: 2 * pool.workers,
    run: (records) => pool.run<RecordOutcome[]>({ kind: 'records', records, settings }),
    close: () => pool.close(),
  };
}
