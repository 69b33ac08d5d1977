import { createDocument } from './document/createDocument.js';
import type { Entity, KornerDocument, Link } from './document/types.js';
import { ENTITY_TYPES } from './document/types.js';
import { ERROR_CODES, KornerError } from './errors.js';
import { defaultStages } from './pipeline/defaultStages.js';
import { createPipeline, type Pipeline } from './pipeline/pipeline.js';
import { documentByDocumentPrefix } from './pipeline/pretenuring.js';
import type { RunOptions, Stage } from './pipeline/stage.js';
import type { ResourceLoader } from './resources/loader.js';
import { Resources } from './resources/resources.js';
import { parseUserDictionary, validateUserEntries, type UserEntry } from './resources/userDictionary.js';

export interface ExtractorOptions extends RunOptions {
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
 * creating is the expensive part.
 */
export async function createExtractor(options: ExtractorOptions & { loader: ResourceLoader }): Promise<Extractor> {
  const defaults: RunOptions = {};
  if (options.referenceDate !== undefined) defaults.referenceDate = validateReferenceDate(options.referenceDate)!;
  if (options.types !== undefined) {
    validateTypes(options.types);
    defaults.types = options.types;
  }
  if (options.minScore !== undefined) defaults.minScore = options.minScore;
  const resources = new Resources(options.loader, collectUserEntries(options.userDictionary));
  const stages = options.stages ? options.stages(defaultStages()) : defaultStages();
  const pipeline = createPipeline(stages);
  await pipeline.setup(resources);

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

  /** One document through the pipeline, with the options it ran with. */
  const runOne = (text: string, runOptions: RunOptions): { doc: KornerDocument; merged: RunOptions } => {
    const merged = check(text, runOptions);
    return { doc: pipeline.run(createDocument(text, merged.referenceDate), merged), merged };
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

  /** `texts[from, texts.length)` through the pipeline, stage by stage (errors name their index in `texts`). */
  const runRest = (texts: readonly string[], options: readonly RunOptions[], from: number): KornerDocument[] => {
    const docs: KornerDocument[] = [];
    for (let i = from; i < texts.length; i++) docs.push(createDocument(texts[i]!, options[i]!.referenceDate));
    return pipeline.runBatch(docs, options.slice(from), texts.length > 1 ? from : undefined);
  };

  const toResult = (doc: KornerDocument, merged: RunOptions): ExtractResult => {
    const keep = merged.types ? new Set(merged.types) : undefined;
    const minScore = merged.minScore;
    const entities = (doc.entities ?? []).filter(
      (entity) =>
        (!keep || keep.has(entity.type)) && (minScore === undefined || entity.score === undefined || entity.score >= minScore),
    );
    const result: ExtractResult = { language: doc.language ?? 'und', entities, links: doc.links ?? [] };
    if (doc.referenceDate !== undefined) result.referenceDate = doc.referenceDate;
    return result;
  };

  return {
    pipeline,
    resources,
    process: (text, runOptions = {}) => runOne(text, runOptions).doc,
    processAll(inputs, runOptions = {}) {
      const { texts, options } = checkAll(inputs, runOptions);
      return runRest(texts, options, 0);
    },
    extract(text, runOptions = {}) {
      const { doc, merged } = runOne(text, runOptions);
      return toResult(doc, merged);
    },
    extractAll(inputs, runOptions = {}) {
      const { texts, options } = checkAll(inputs, runOptions);
      const results: ExtractResult[] = [];
      // The first documents a process extracts go one by one, each created, run and dropped before the next, so
      // that V8 does not learn to allocate documents in its old generation (see pipeline/pretenuring.ts).
      const single = documentByDocumentPrefix(texts);
      for (let i = 0; i < single; i++) {
        const doc = createDocument(texts[i]!, options[i]!.referenceDate);
        results.push(toResult(pipeline.runBatch([doc], [options[i]!], texts.length > 1 ? i : undefined)[0]!, options[i]!));
      }
      if (single < texts.length) {
        const docs = runRest(texts, options, single);
        for (let i = 0; i < docs.length; i++) results.push(toResult(docs[i]!, options[single + i]!));
      }
      return results;
    },
  };
}
