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
import { readAnnotatedSource } from './cli/annotated.js';
import { LabelReader, type LabelMap } from './formats/labels.js';
import type { ReadItem } from './formats/reader.js';
import type { GoldFormat } from './formats/readers.js';

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

/**
 * Reads annotated data from a file, or a brat folder (`ID.txt` + `ID.ann`), in the format named or told from its
 * content: documents (text and entities, UTF-16 offsets) and errors naming the file and line, in order, as they are
 * read. Labels PS/PER/PERSON ... are known; `labelMap` (see parseLabelMap) maps others. A record longer than
 * `maxBytes` (16 MiB) is an error record.
 */
export function readAnnotatedFile(
  path: string,
  options: { format?: GoldFormat | 'auto'; labelMap?: LabelMap; maxBytes?: number; warn?: (message: string) => void } = {},
): AsyncIterable<ReadItem> {
  return readAnnotatedSource(path, options.format ?? 'auto', new LabelReader(options.labelMap), {
    maxBytes: options.maxBytes ?? 16 * 1024 * 1024,
    // Invalid UTF-8 (read as U+FFFD) and NUL characters, each naming the file and line.
    warn: options.warn ?? ((message) => console.warn(message)),
  });
}
