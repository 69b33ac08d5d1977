/**
 * korner for Node: the core, with dictionaries read from the package's own `dictionaries/` folder.
 */
import {
  createExtractor as createCoreExtractor,
  type Extractor,
  type ExtractorOptions,
  type ExtractResult,
} from './extractor.js';
import type { RunOptions } from './pipeline/stage.js';
import { nodeLoader } from './resources/nodeLoader.js';

export * from './core.js';
export { nodeLoader } from './resources/nodeLoader.js';

/** Like the core's `createExtractor`, with the package's dictionaries as the default loader. */
export function createExtractor(options: ExtractorOptions = {}): Promise<Extractor> {
  return createCoreExtractor({ ...options, loader: options.loader ?? nodeLoader() });
}

let shared: Promise<Extractor> | undefined;

/**
 * One-shot convenience: extracts with a default extractor that is created on the first call and reused.
 * For user dictionaries or custom stages, use `createExtractor`.
 */
export async function extract(text: string, options: RunOptions = {}): Promise<ExtractResult> {
  shared ??= createExtractor();
  return (await shared).extract(text, options);
}

export { createExtractorPool, defaultWorkerCount } from './parallel/pool.js';
export type { ExtractorPool, ExtractorPoolOptions } from './parallel/pool.js';
