import type { KornerDocument } from '../document/types.js';
import { ERROR_CODES, KornerError } from '../errors.js';
import type { Resources } from '../resources/resources.js';
import type { Capability, RunOptions, Stage } from './stage.js';

/** What every document has before the first stage runs. */
const INITIAL_CAPABILITIES: readonly Capability[] = ['text', 'referenceDate'];

/**
 * An ordered list of stages whose requirements were checked when it was created: a stage that needs something no
 * earlier stage provides makes `createPipeline` throw, not the thousandth document.
 */
export class Pipeline {
  readonly stages: readonly Stage[];

  constructor(stages: readonly Stage[]) {
    validateStages(stages);
    this.stages = stages;
  }

  /** Names of the stages, in order. */
  get names(): string[] {
    return this.stages.map((stage) => stage.name);
  }

  async setup(resources: Resources): Promise<void> {
    for (const stage of this.stages) await stage.setup?.(resources);
  }

  run(doc: KornerDocument, options: RunOptions): KornerDocument {
    for (const stage of this.stages) runStage(stage, doc, options);
    return doc;
  }

  /**
   * Runs the pipeline over several documents, stage by stage: each stage sees every document before the next one
   * starts, so its dictionaries and buffers stay in the processor's cache (about 15% faster than document by
   * document on news sentences). The documents end up exactly as `run` would leave them; `options[i]` are the
   * options of `docs[i]`. The first failure is thrown, naming the document: `firstIndex + i` when `firstIndex` is
   * given (the batch is part of a larger one), else `i` when there are several.
   */
  runBatch(docs: readonly KornerDocument[], options: readonly RunOptions[], firstIndex?: number): KornerDocument[] {
    if (options.length !== docs.length) {
      throw new KornerError(ERROR_CODES.OPTION, `runBatch: ${docs.length} documents but ${options.length} option objects; pass one per document.`);
    }
    const named = firstIndex !== undefined || docs.length > 1;
    const first = firstIndex ?? 0;
    for (const stage of this.stages) {
      for (let i = 0; i < docs.length; i++) runStage(stage, docs[i]!, options[i]!, named ? first + i : undefined);
    }
    return docs as KornerDocument[];
  }
}

function runStage(stage: Stage, doc: KornerDocument, options: RunOptions, index?: number): void {
  try {
    stage.run(doc, options);
  } catch (error) {
    if (error instanceof KornerError) throw error;
    const which = index === undefined ? '' : ` on document ${index} of the batch`;
    throw new KornerError(
      ERROR_CODES.STAGE_FAILED,
      `stage "${stage.name}" failed${which}: ${(error as Error)?.message ?? String(error)}. ` +
        'This is a bug in that stage; please report it with the input text.',
      { cause: error },
    );
  }
}

export function createPipeline(stages: readonly Stage[]): Pipeline {
  return new Pipeline(stages);
}

function validateStages(stages: readonly Stage[]): void {
  const available = new Set<Capability>(INITIAL_CAPABILITIES);
  const seen = new Set<string>();
  for (const stage of stages) {
    if (!stage || typeof stage.run !== 'function' || typeof stage.name !== 'string') {
      throw new KornerError(
        ERROR_CODES.PIPELINE_STAGE,
        'a pipeline stage must be an object with a string `name` and a `run(doc, options)` function.',
      );
    }
    if (seen.has(stage.name)) {
      throw new KornerError(
        ERROR_CODES.PIPELINE_STAGE,
        `two stages are named "${stage.name}"; give each stage a unique name.`,
      );
    }
    seen.add(stage.name);
    const missing = stage.requires.filter((need) => !available.has(need));
    if (missing.length > 0) {
      throw new KornerError(
        ERROR_CODES.PIPELINE_REQUIREMENT,
        `stage "${stage.name}" requires ${missing.map((m) => `"${m}"`).join(', ')}, which no earlier stage provides. ` +
          `Put a stage that provides it before "${stage.name}" (available here: ${[...available].join(', ')}).`,
      );
    }
    for (const capability of stage.provides) available.add(capability);
  }
}

function indexOfStage(stages: readonly Stage[], name: string): number {
  const index = stages.findIndex((stage) => stage.name === name);
  if (index < 0) {
    throw new KornerError(
      ERROR_CODES.PIPELINE_STAGE,
      `there is no stage named "${name}" (stages: ${stages.map((s) => s.name).join(', ')}).`,
    );
  }
  return index;
}

/** Returns a copy of `stages` with `stage` inserted right after the stage named `after`. */
export function insertAfter(stages: readonly Stage[], after: string, ...added: Stage[]): Stage[] {
  const index = indexOfStage(stages, after);
  return [...stages.slice(0, index + 1), ...added, ...stages.slice(index + 1)];
}

/** Returns a copy of `stages` with `stage` inserted right before the stage named `before`. */
export function insertBefore(stages: readonly Stage[], before: string, ...added: Stage[]): Stage[] {
  const index = indexOfStage(stages, before);
  return [...stages.slice(0, index), ...added, ...stages.slice(index)];
}

/** Returns a copy of `stages` with the stage named `name` replaced by `replacement`. */
export function replaceStage(stages: readonly Stage[], name: string, replacement: Stage): Stage[] {
  const index = indexOfStage(stages, name);
  return [...stages.slice(0, index), replacement, ...stages.slice(index + 1)];
}

/** Returns a copy of `stages` without the stage named `name`. */
export function removeStage(stages: readonly Stage[], name: string): Stage[] {
  const index = indexOfStage(stages, name);
  return [...stages.slice(0, index), ...stages.slice(index + 1)];
}
