import { createDocument } from './document/createDocument.js';
import type { Entity, KornerDocument, Link } from './document/types.js';
import { ENTITY_TYPES } from './document/types.js';
import { ERROR_CODES, KornerError } from './errors.js';
import { defaultStages } from './pipeline/defaultStages.js';
import { createPipeline, type Pipeline } from './pipeline/pipeline.js';
import { batchTexts, DEFAULT_BATCH } from './pipeline/batches.js';
import { documentByDocumentPrefix } from './pipeline/pretenuring.js';
import { DEFAULT_WINDOW_SIZE, windowsOf, type Window } from './pipeline/windows.js';
import { DEFAULT_MIN_SCORE, type RunOptions, type Stage } from './pipeline/stage.js';
import type { ResourceLoader } from './resources/loader.js';
import { Resources } from './resources/resources.js';
import { parseUserDictionary, validateUserEntries, type UserEntry } from './resources/userDictionary.js';

export interface ExtractorOptions extends RunOptions {
  /**
   * Documents longer than twice this many UTF-16 units run in windows of this size to twice it, cut at line or
   * sentence ends (see pipeline/windows.ts), so that memory does not grow with the document; the results are
   * those of one run over the whole. Default 65,536; `Infinity` runs every document whole.
   */
  windowSize?: number;
  /** Where dictionaries come from. The Node entry point defaults to the package's `dictionaries/` folder. */
  loader?: ResourceLoader;
  /** Extra entries: a list, or TSV text (`surface<TAB>type<TAB>canonical`), or several of either. */
  userDictionary?: readonly UserEntry[] | string | readonly (readonly UserEntry[] | string)[];
  /** Edit the stage list: receives the default stages, returns the stages to use (see insertAfter, replaceStage). */
  stages?: (defaults: Stage[]) => Stage[];
}

/** What `extract` returns: entities sorted by start, and the links between glosses and their Hangul forms. */
export interface ExtractResult {
  language: string;
  referenceDate?: string;
  entities: Entity[];
  links: Link[];
}

export interface Extractor {
  readonly pipeline: Pipeline;
  /** The dictionaries the stages loaded, cached: a custom tool can read the same tables without loading them again. */
  readonly resources: Resources;
  /** Finds the entities and links of one text. Synchronous; offsets are into `text`. */
  extract(text: string, options?: RunOptions): ExtractResult;
  /** Runs the pipeline and returns the whole document (tokens, sentences, candidates ...). */
  process(text: string, options?: RunOptions): KornerDocument;
  /**
   * `extract` for many texts at once, results in the same order: the same results, faster, because each stage runs
   * over all of them before the next (batches of a few dozen to a few hundred sentences are plenty). `options`
   * apply to every text; an item `{ text, options }` adds its own.
   */
  extractAll(inputs: readonly (string | ExtractInput)[], options?: RunOptions): ExtractResult[];
  /** `process` for many texts at once (see extractAll). */
  processAll(inputs: readonly (string | ExtractInput)[], options?: RunOptions): KornerDocument[];
}

/** One text of a batch, with options of its own (a reference date per record, say). */
export interface ExtractInput {
  text: string;
  options?: RunOptions;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function validateReferenceDate(value: string | undefined, where = 'referenceDate'): string | undefined {
  if (value === undefined) return undefined;
  const match = ISO_DATE.exec(value);
  const date = match ? new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!)) : undefined;
  if (!match || !date || date.getUTCDate() !== +match[3]! || date.getUTCMonth() !== +match[2]! - 1) {
    throw new KornerError(ERROR_CODES.OPTION, `${where} must be a real date as YYYY-MM-DD, got "${value}".`);
  }
  return value;
}

function validateTypes(types: readonly string[] | undefined): void {
  for (const type of types ?? []) {
    if (!(ENTITY_TYPES as readonly string[]).includes(type)) {
      throw new KornerError(ERROR_CODES.OPTION, `unknown entity type "${type}" in types; use ${ENTITY_TYPES.join(', ')}.`);
    }
  }
}

/** The options of createExtractor that are plain data (what can be sent to a worker thread), checked. */
export interface CheckedExtractorOptions extends RunOptions {
  userDictionary?: UserEntry[];
  windowSize?: number;
}

/** Checks the data options of createExtractor (not `loader` and `stages`) and returns them in plain form. */
export function validateExtractorOptions(options: ExtractorOptions): CheckedExtractorOptions {
  const checked: CheckedExtractorOptions = {};
  if (options.referenceDate !== undefined) checked.referenceDate = validateReferenceDate(options.referenceDate)!;
  if (options.types !== undefined) {
    validateTypes(options.types);
    checked.types = options.types;
  }
  if (options.minScore !== undefined) checked.minScore = options.minScore;
  if (options.userDictionary !== undefined) checked.userDictionary = collectUserEntries(options.userDictionary);
  if (options.windowSize !== undefined) {
    const size = options.windowSize;
    if (size !== Infinity && (!Number.isInteger(size) || size < 64)) {
      throw new KornerError(ERROR_CODES.OPTION, `windowSize must be an integer of at least 64 (UTF-16 units) or Infinity, got ${String(size)}.`);
    }
    checked.windowSize = size;
  }
  return checked;
}

function collectUserEntries(option: ExtractorOptions['userDictionary']): UserEntry[] {
  if (option === undefined) return [];
  if (typeof option === 'string') return parseUserDictionary(option);
  const list = option as readonly (UserEntry | string | readonly UserEntry[])[];
  if (list.every((item) => typeof item === 'object' && !Array.isArray(item))) {
    return validateUserEntries(list as UserEntry[]);
  }
  return list.flatMap((item) =>
    typeof item === 'string' ? parseUserDictionary(item) : validateUserEntries(Array.isArray(item) ? item : [item as UserEntry]),
  );
}

/**
 * Loads the dictionaries once and returns an extractor whose `extract` is synchronous. Create one and reuse it:
 * creating is the expensive part (a second extractor over the same loader shares the first one's dictionaries).
 */
export async function createExtractor(options: ExtractorOptions & { loader: ResourceLoader }): Promise<Extractor> {
  const { userDictionary, windowSize = DEFAULT_WINDOW_SIZE, ...defaults } = validateExtractorOptions(options);
  const resources = new Resources(options.loader, userDictionary ?? []);
  const stages = options.stages ? options.stages(defaultStages()) : defaultStages();
  const pipeline = createPipeline(stages);
  await pipeline.setup(resources);
  const windows = pipeline.windowable ? windowSize : Infinity;

  /** Checks one text and its options, merged over the extractor's defaults. */
  const check = (text: string, runOptions: RunOptions): RunOptions => {
    if (typeof text !== 'string') {
      throw new KornerError(ERROR_CODES.OPTION, `extract() takes a string, got ${text === null ? 'null' : typeof text}.`);
    }
    const merged: RunOptions = { ...defaults, ...runOptions };
    validateReferenceDate(merged.referenceDate);
    validateTypes(merged.types);
    return merged;
  };

  /** Checks every input of a batch (before any runs) and returns its texts and their merged options. */
  const checkAll = (inputs: readonly (string | ExtractInput)[], runOptions: RunOptions): { texts: string[]; options: RunOptions[] } => {
    if (!Array.isArray(inputs)) {
      throw new KornerError(ERROR_CODES.OPTION, `extractAll() takes an array of texts, got ${inputs === null ? 'null' : typeof inputs}.`);
    }
    const texts: string[] = [];
    const options: RunOptions[] = [];
    for (const input of inputs) {
      const item = typeof input === 'string' ? { text: input } : (input as ExtractInput | null);
      if (item === null || typeof item !== 'object') {
        throw new KornerError(ERROR_CODES.OPTION, `extractAll() takes strings or { text, options } objects, got ${item === null ? 'null' : typeof item}.`);
      }
      options.push(check(item.text, item.options ? { ...runOptions, ...item.options } : runOptions));
      texts.push(item.text);
    }
    return { texts, options };
  };

  const toResult = (doc: KornerDocument, merged: RunOptions): ExtractResult => {
    const keep = merged.types ? new Set(merged.types) : undefined;
    const minScore = merged.minScore ?? DEFAULT_MIN_SCORE;
    const entities = (doc.entities ?? []).filter(
      (entity) =>
        (!keep || keep.has(entity.type)) && (entity.score === undefined || entity.score >= minScore),
    );
    const result: ExtractResult = { language: doc.language ?? 'und', entities, links: doc.links ?? [] };
    if (doc.referenceDate !== undefined) result.referenceDate = doc.referenceDate;
    return result;
  };

  /**
   * Texts through the pipeline in batches of windows (a text is one window unless it is long: see
   * pipeline/windows.ts), so that memory is bounded by a batch however many and however long the texts are.
   */
  const extractAllChecked = (texts: readonly string[], options: readonly RunOptions[]): ExtractResult[] => {
    const results: ExtractResult[] = new Array(texts.length);
    const named = texts.length > 1;
    const run = (group: readonly Window[]): void => {
      const docs = group.map((window) => window.document());
      const groupOptions = group.map((window) => options[window.index]!);
      pipeline.runStages(0, pipeline.documentStart, docs, groupOptions, named ? (i) => group[i]!.index : undefined);
      const finished: { doc: KornerDocument; index: number }[] = [];
      group.forEach((window, i) => {
        const whole = window.finish(docs[i]!);
        if (whole) finished.push({ doc: whole, index: window.index });
      });
      pipeline.runStages(
        pipeline.documentStart,
        pipeline.stages.length,
        finished.map((f) => f.doc),
        finished.map((f) => options[f.index]!),
        named ? (i) => finished[i]!.index : undefined,
      );
      for (const { doc, index } of finished) results[index] = toResult(doc, options[index]!);
    };
    const all = texts.flatMap((text, index) => windowsOf(text, index, options[index]!.referenceDate, windows));
    // The first documents a process extracts go one by one, each created, run and dropped before the next, so
    // that V8 does not learn to allocate documents in its old generation (see pipeline/pretenuring.ts).
    const single = documentByDocumentPrefix(all.map((window) => window.length));
    for (let i = 0; i < single; i++) run([all[i]!]);
    for (const group of batchTexts(all.slice(single), DEFAULT_BATCH, (window) => window.length)) run(group);
    return results;
  };

  return {
    pipeline,
    resources,
    process(text, runOptions = {}) {
      const merged = check(text, runOptions);
      return pipeline.run(createDocument(text, merged.referenceDate), merged);
    },
    processAll(inputs, runOptions = {}) {
      const { texts, options } = checkAll(inputs, runOptions);
      const docs = texts.map((text, i) => createDocument(text, options[i]!.referenceDate));
      return pipeline.runBatch(docs, options, texts.length > 1 ? 0 : undefined);
    },
    extract(text, runOptions = {}) {
      const merged = check(text, runOptions);
      return extractAllChecked([text], [merged])[0]!;
    },
    extractAll(inputs, runOptions = {}) {
      const { texts, options } = checkAll(inputs, runOptions);
      return extractAllChecked(texts, options);
    },
  };
}
