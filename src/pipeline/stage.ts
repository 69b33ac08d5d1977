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
  /**
   * Drop entities whose score is below this (entities without a score are kept). Default {@link DEFAULT_MIN_SCORE};
   * 0 keeps every entity.
   */
  minScore?: number;
}

/**
 * The default `minScore`: chosen by 5-fold cross-validation over the 3,990 open KLUE sentences (npm run eval:cv
 * prints the sweep; docs/ACCURACY.md). On the tagger's calibrated scores, dropping entities below 0.4 raised entity
 * F1 from 0.8210 to 0.8237 (character F1 0.8735 to 0.8715); about F1 / 2, the threshold that maximises the
 * expected F1 of calibrated scores.
 */
export const DEFAULT_MIN_SCORE = 0.4;

/**
 * One named step of the pipeline. `setup` runs once, when the extractor is created (load dictionaries there);
 * `run` runs on each document and must be synchronous.
 */
export interface Stage {
  readonly name: string;
  readonly requires: readonly Capability[];
  readonly provides: readonly Capability[];
  /**
   * What a run sees of a long document, which the extractor cuts into windows (see pipeline/windows.ts):
   * `window` (the default) runs on each window in turn, with offsets into the window and `doc.window` telling
   * where it is; `document` runs once on the whole document after its windows, which then has the text, the
   * language, the reference date, the entities and the links of all of them (resolving aliases across the
   * document, say). A document-scope stage and the stages after it all run on the whole document.
   */
  readonly scope?: 'window' | 'document';
  setup?(resources: Resources): Promise<void> | void;
  run(doc: KornerDocument, options: RunOptions): void;
}
