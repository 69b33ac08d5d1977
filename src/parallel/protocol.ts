import type { ErrorCode } from '../errors.js';
import type { CheckedExtractorOptions, ExtractInput } from '../extractor.js';
import type { RunOptions } from '../pipeline/stage.js';
import type { JobRecord, JobSettings } from './recordJob.js';
import type { SharedFiles } from './sharedFiles.js';

/** What a worker thread is started with: how to make its one extractor. */
export interface WorkerData {
  /** The extractor's options that can cross to a thread (no loader, no stage functions), checked. */
  options: CheckedExtractorOptions;
  /** The dictionaries folder, and its files already in shared memory. */
  root: string;
  files: SharedFiles;
}

/** A task for a worker: extract texts (the library's pool), or run a job of CLI records. */
export type WorkerTask =
  | { kind: 'ready' }
  | { kind: 'extractAll'; inputs: readonly (string | ExtractInput)[]; options?: RunOptions }
  | { kind: 'records'; records: readonly JobRecord[]; settings: JobSettings };

/**
 * A worker's answer. A KornerError travels as its code and message (a thrown error would lose its class and code
 * on the way between threads) and is thrown again on the other side.
 */
export type WorkerReply<T = unknown> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };
