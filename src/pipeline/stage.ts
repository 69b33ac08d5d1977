import type { KornerDocument } from '../document/types.js';
import type { Resources } from '../resources/resources.js';

/**
 * What a stage can need or provide. The built-in names describe fields of {@link KornerDocument};
 * user stages may add their own names (namespace them, e.g. `myorg:sentiment`).
 */
export type Capability =
  | 'text'
  | 'normalized'
  | 'language'
  | 'referenceDate'
  | 'sentences'
  | 'tokens'
  | 'candidates'
  | 'entities'
  | 'links'
  | 'canonical'
  | (string & {});

/** Options that apply to one `extract` call and reach every stage. */
export interface RunOptions {
  /** YYYY-MM-DD; relative dates are read against it. */
  referenceDate?: string;
  /** Keep only these entity types in the result. */
  types?: readonly string[];
  /** Drop entities whose score is below this (entities without a score are kept). */
  minScore?: number;
}

/**
 * One named step of the pipeline. `setup` runs once, when the extractor is created (load dictionaries there);
 * `run` runs on each document and must be synchronous.
 */
export interface Stage {
  readonly name: string;
  readonly requires: readonly Capability[];
  readonly provides: readonly Capability[];
  setup?(resources: Resources): Promise<void> | void;
  run(doc: KornerDocument, options: RunOptions): void;
}
