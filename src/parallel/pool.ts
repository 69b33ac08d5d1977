import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { batchTexts } from '../pipeline/batches.js';
import { ERROR_CODES, KornerError } from '../errors.js';
import { validateExtractorOptions, type ExtractInput, type ExtractorOptions, type ExtractResult } from '../extractor.js';
import type { RunOptions } from '../pipeline/stage.js';
import { defaultDictionaryRoot } from '../resources/nodeLoader.js';
import type { WorkerData, WorkerReply, WorkerTask } from './protocol.js';
import { readSharedFiles } from './sharedFiles.js';

/**
 * The built worker module: beside this module in `dist/`. When the library runs from its TypeScript sources (the
 * tests), the built one in `dist/` (worker threads cannot load TypeScript; `npm test` builds first).
 */
function workerFile(): string {
  const beside = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  const built = fileURLToPath(new URL('../../dist/worker.js', import.meta.url));
  if (existsSync(built)) return built;
  throw new KornerError(ERROR_CODES.OPTION, `the worker module is missing (looked for ${beside}); reinstall korner, or run "npm run build" in a checkout.`);
}

/** The number of worker threads when none is given: one per core the process may use. */
export function defaultWorkerCount(): number {
  return availableParallelism();
}

export interface WorkerPoolOptions {
  workers: number;
  /** The extractor options each worker makes its extractor with (already checked, and cloneable). */
  extractor: WorkerData['options'];
  /** The dictionaries folder (default: the package's). */
  dictionaries?: string;
}

/** Worker threads that each hold one extractor, and run tasks on them (internal: see createExtractorPool). */
export interface WorkerPool {
  readonly workers: number;
  run<T>(task: WorkerTask): Promise<T>;
  close(): Promise<void>;
}

/**
 * Starts `workers` threads and waits until each has made its extractor (they load at the same time, from one
 * copy of the dictionary files in shared memory). A bad option fails here, with its KornerError.
 */
export async function createWorkerPool(options: WorkerPoolOptions): Promise<WorkerPool> {
  const root = options.dictionaries ?? defaultDictionaryRoot();
  const workerData: WorkerData = { options: options.extractor, root, files: await readSharedFiles(root) };
  // Imported here, not at the top: tinypool is an ES module, which CommonJS can require only from Node 20.19 on,
  // and `require('korner')` must load on every Node 20 whether or not it starts workers.
  const { default: Tinypool } = await import('tinypool');
  const pool = new Tinypool({
    filename: workerFile(),
    minThreads: options.workers,
    maxThreads: options.workers,
    idleTimeout: Infinity,
    workerData,
  });
  const run = async <T>(task: WorkerTask): Promise<T> => {
    const reply = (await pool.run(task)) as WorkerReply<T>;
    if (!reply.ok) throw new KornerError(reply.error.code, reply.error.message);
    return reply.value;
  };
  try {
    await Promise.all(Array.from({ length: options.workers }, () => run({ kind: 'ready' })));
  } catch (error) {
    await pool.destroy();
    throw error;
  }
  return { workers: options.workers, run, close: () => pool.destroy() };
}

export interface ExtractorPoolOptions extends Omit<ExtractorOptions, 'loader' | 'stages'> {
  /** Worker threads (default: one per core). */
  workers?: number;
  /** The dictionaries folder (default: the package's own). */
  dictionaries?: string;
}

/** An extractor on worker threads: the same results as `createExtractor`'s, asynchronously, on every core. */
export interface ExtractorPool {
  readonly workers: number;
  /** Extracts one text on a free worker. */
  extract(text: string, options?: RunOptions): Promise<ExtractResult>;
  /**
   * `extractAll` on every worker: the inputs go out in batches (512 texts or 64k characters), results come back
   * in input order, the same as one extractor's.
   */
  extractAll(inputs: readonly (string | ExtractInput)[], options?: RunOptions): Promise<ExtractResult[]>;
  /** Stops the workers. */
  close(): Promise<void>;
}

/**
 * Creates an extractor on `workers` threads. Options are those of `createExtractor` that can cross to a thread:
 * a custom `loader` or `stages` cannot (they are functions); use `createExtractor` in your own workers for those.
 */
export async function createExtractorPool(options: ExtractorPoolOptions = {}): Promise<ExtractorPool> {
  for (const key of ['loader', 'stages'] as const) {
    if ((options as ExtractorOptions)[key] !== undefined) {
      throw new KornerError(
        ERROR_CODES.OPTION,
        `createExtractorPool cannot take "${key}" (a function cannot be sent to a worker thread); pass "dictionaries" (a folder) for your own dictionary files, or use createExtractor in your own workers.`,
      );
    }
  }
  const workers = options.workers ?? defaultWorkerCount();
  if (!Number.isInteger(workers) || workers < 1) {
    throw new KornerError(ERROR_CODES.OPTION, `workers must be a positive integer, got ${String(workers)}.`);
  }
  const { workers: _workers, dictionaries, ...extractorOptions } = options;
  const pool = await createWorkerPool({ workers, extractor: validateExtractorOptions(extractorOptions), ...(dictionaries ? { dictionaries } : {}) });
  return {
    workers,
    async extract(text, runOptions) {
      const [result] = await pool.run<ExtractResult[]>({ kind: 'extractAll', inputs: [text], ...(runOptions ? { options: runOptions } : {}) });
      return result!;
    },
    async extractAll(inputs, runOptions) {
      if (!Array.isArray(inputs)) {
        throw new KornerError(ERROR_CODES.OPTION, `extractAll() takes an array of texts, got ${inputs === null ? 'null' : typeof inputs}.`);
      }
      const batches = batchTexts(inputs);
      const results = await Promise.all(
        batches.map((batch) => pool.run<ExtractResult[]>({ kind: 'extractAll', inputs: batch, ...(runOptions ? { options: runOptions } : {}) })),
      );
      return results.flat();
    },
    close: () => pool.close(),
  };
}
