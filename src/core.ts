/**
 * The browser-safe core: everything except the Node file loader. Pass a `loader` to `createExtractor`.
 */
export { createExtractor, validateReferenceDate } from './extractor.js';
export type { Extractor, ExtractorOptions, ExtractResult } from './extractor.js';
export * from './document/types.js';
export { createDocument, addCandidate } from './document/createDocument.js';
export { KornerError, ERROR_CODES } from './errors.js';
export type { ErrorCode } from './errors.js';
export {
  Pipeline,
  createPipeline,
  insertAfter,
  insertBefore,
  removeStage,
  replaceStage,
} from './pipeline/pipeline.js';
export type { Capability, RunOptions, Stage } from './pipeline/stage.js';
export { defaultStages } from './pipeline/defaultStages.js';
export { Resources } from './resources/resources.js';
export { memoryLoader } from './resources/loader.js';
export type { ResourceLoader } from './resources/loader.js';
export { parseTsv } from './resources/tsv.js';
export type { TsvTable } from './resources/tsv.js';
export { parseUserDictionary } from './resources/userDictionary.js';
export type { UserEntry } from './resources/userDictionary.js';
export { normalizeText, toOriginalSpan } from './text/normalize.js';
export { splitSentences } from './text/sentences.js';
export { detectLanguage } from './text/language.js';
export { resolveOverlaps, DEFAULT_SOURCE_PRIORITY } from './resolve/overlap.js';
