import { ENTITY_TYPES } from '../document/types.js';
import { bootstrapIntervals, f1Of, precisionOf, recallOf, type EntityCounts, type MetricIntervals, type SentenceCounts } from './bootstrap.js';
import { compareSpans, ERROR_CLASSES, type ErrorClass } from './errorClasses.js';
import type { ScoredSpan } from './score.js';

/**
 * Everything the error report shows, computed once from the scored sentences: entity-level scores per type and
 * micro with their bootstrap intervals, the type confusion matrix, the error classes by type and by source stage,
 * and the errors themselves with their sentences. A pure function of its input (deterministic: the bootstrap is
 * seeded), so that the page it becomes can be a golden file.
 */

/** A predicted span, with the pipeline stage that found it when known (korner's `source`). */
export interface AnalyzedSpan extends ScoredSpan {
  source?: string;
}

export interface AnalyzedSentence {
  id: string;
  text: string;
  gold: readonly ScoredSpan[];
  predicted: readonly AnalyzedSpan[];
}

export interface AnalysisOptions {
  /** Resamples behind each interval; 0 for no intervals. */
  rounds: number;
  seed: number;
}

/** The key of the scores over all types. */
export const MICRO = 'micro';
/** The matrix's row and column for "no span paired with it". */
export const NONE = 'none';
/** The source of a missed entity, which no stage predicted. */
export const NO_PREDICTION = 'none';
/** The source of a prediction that does not say which stage made it. */
export const UNKNOWN_SOURCE = 'unknown';

export interface ScoreRow {
  /** An entity type, or `micro`. */
  key: string;
  counts: EntityCounts;
  precision: number;
  recall: number;
  f1: number;
  /** The 95% bootstrap intervals, when rounds > 0. */
  interval?: MetricIntervals;
}

/** Errors counted by class, a row per type or source (in `rows` order). */
export interface ClassTable {
  rows: string[];
  counts: Record<string, Record<ErrorClass, number>>;
}

export interface ReportSentence {
  id: string;
  text: string;
  /** Without duplicates, sorted by start: the errors' `gold` and `predicted` index these. */
  gold: ScoredSpan[];
  predicted: AnalyzedSpan[];
}

export interface ReportError {
  /** Index into `examples.sentences`. */
  sentence: number;
  kind: ErrorClass;
  gold?: number;
  predicted?: number;
}

export interface ErrorAnalysis {
  sentences: number;
  /** The types seen in gold or predictions: korner's in their usual order, then others by name. */
  types: string[];
  /** One row per type, then `micro`. */
  scores: ScoreRow[];
  bootstrap: AnalysisOptions;
  /** counts[row][column]: rows are gold types then `none`, columns predicted types then `none`. */
  matrix: { gold: string[]; predicted: string[]; counts: number[][] };
  classes: {
    total: Record<ErrorClass, number>;
    /** By gold type (by predicted type for a spurious prediction). */
    byType: ClassTable;
    /** By the predicting stage (`none` for a missed entity). */
    bySource: ClassTable;
  };
  /** The sentences that have errors, and the errors, in input order. */
  examples: { sentences: ReportSentence[]; errors: ReportError[] };
}

const KNOWN_ORDER = new Map<string, number>(ENTITY_TYPES.map((type, k) => [type, k]));

function typeOrder(a: string, b: string): number {
  const ka = KNOWN_ORDER.get(a) ?? Infinity;
  const kb = KNOWN_ORDER.get(b) ?? Infinity;
  return ka !== kb ? ka - kb : a < b ? -1 : a > b ? 1 : 0;
}

const emptyClasses = (): Record<ErrorClass, number> =>
  Object.fromEntries(ERROR_CLASSES.map((kind) => [kind, 0])) as Record<ErrorClass, number>;

/** Counts keyed by a label, with a map of maps that grows as labels are seen. */
class Tally {
  readonly counts = new Map<string, Map<string, number>>();

  add(row: string, column: string): void {
    let inner = this.counts.get(row);
    if (!inner) this.counts.set(row, (inner = new Map()));
    inner.set(column, (inner.get(column) ?? 0) + 1);
  }

  get(row: string, column: string): number {
    return this.counts.get(row)?.get(column) ?? 0;
  }
}

function classTable(tally: Tally, rows: string[]): ClassTable {
  const counts: Record<string, Record<ErrorClass, number>> = {};
  for (const row of rows) {
    const line = emptyClasses();
    for (const kind of ERROR_CLASSES) line[kind] = tally.get(row, kind);
    counts[row] = line;
  }
  return { rows, counts };
}

function bump(counts: Record<string, EntityCounts>, key: string, field: keyof EntityCounts): void {
  (counts[key] ??= { tp: 0, fp: 0, fn: 0 })[field]++;
  (counts[MICRO] ??= { tp: 0, fp: 0, fn: 0 })[field]++;
}

/** Analyses the scored sentences for the error report (see the top of this file). */
export function analyzeErrors(input: Iterable<AnalyzedSentence>, options: AnalysisOptions): ErrorAnalysis {
  const perSentence: SentenceCounts[] = [];
  const types = new Set<string>();
  const matrix = new Tally();
  const byType = new Tally();
  const bySource = new Tally();
  const sources = new Set<string>();
  const total = emptyClasses();
  const sentences: ReportSentence[] = [];
  const errors: ReportError[] = [];

  for (const sentence of input) {
    const comparison = compareSpans(sentence.gold, sentence.predicted);
    const { gold, predicted } = comparison;
    const counts: Record<string, EntityCounts> = {};
    for (const span of gold) types.add(span.type);
    for (const span of predicted) types.add(span.type);
    for (const pair of comparison.pairs) {
      const g = gold[pair.gold]!;
      const p = predicted[pair.predicted]!;
      matrix.add(g.type, p.type);
      if (pair.exact) bump(counts, g.type, 'tp');
      else {
        bump(counts, g.type, 'fn');
        bump(counts, p.type, 'fp');
      }
    }
    for (const g of comparison.unpairedGold) {
      matrix.add(gold[g]!.type, NONE);
      bump(counts, gold[g]!.type, 'fn');
    }
    for (const p of comparison.unpairedPredicted) {
      matrix.add(NONE, predicted[p]!.type);
      bump(counts, predicted[p]!.type, 'fp');
    }
    perSentence.push(counts);
    if (comparison.errors.length === 0) continue;

    const index = sentences.length;
    sentences.push({
      id: sentence.id,
      text: sentence.text,
      gold: gold.map(({ start, end, type }) => ({ start, end, type })),
      predicted: predicted.map(({ start, end, type, source }) => ({ start, end, type, ...(source === undefined ? {} : { source }) })),
    });
    for (const error of comparison.errors) {
      const p = error.predicted === undefined ? undefined : predicted[error.predicted]!;
      const type = error.gold === undefined ? p!.type : gold[error.gold]!.type;
      const source = p === undefined ? NO_PREDICTION : (p.source ?? UNKNOWN_SOURCE);
      sources.add(source);
      byType.add(type, error.kind);
      bySource.add(source, error.kind);
      total[error.kind]++;
      errors.push({ sentence: index, ...error });
    }
  }

  const typeList = [...types].sort(typeOrder);
  const keys = [...typeList, MICRO];
  const intervals = options.rounds > 0 ? bootstrapIntervals(perSentence, keys, options.rounds, options.seed) : undefined;
  const sums: Record<string, EntityCounts> = {};
  for (const counts of perSentence) {
    for (const [key, c] of Object.entries(counts)) {
      const sum = (sums[key] ??= { tp: 0, fp: 0, fn: 0 });
      sum.tp += c.tp;
      sum.fp += c.fp;
      sum.fn += c.fn;
    }
  }
  const scores = keys.map((key): ScoreRow => {
    const counts = sums[key] ?? { tp: 0, fp: 0, fn: 0 };
    const row: ScoreRow = { key, counts, precision: precisionOf(counts), recall: recallOf(counts), f1: f1Of(counts) };
    if (intervals) row.interval = intervals[key]!;
    return row;
  });
  const axis = [...typeList, NONE];
  // Sources by how many errors they made, then by name; `none` (the missed entities) last.
  const sourceTotal = (source: string): number => ERROR_CLASSES.reduce((sum, kind) => sum + bySource.get(source, kind), 0);
  const sourceList = [...sources]
    .filter((s) => s !== NO_PREDICTION)
    .sort((a, b) => sourceTotal(b) - sourceTotal(a) || (a < b ? -1 : a > b ? 1 : 0));
  if (sources.has(NO_PREDICTION)) sourceList.push(NO_PREDICTION);
  return {
    sentences: perSentence.length,
    types: typeList,
    scores,
    bootstrap: { rounds: options.rounds, seed: options.seed },
    matrix: { gold: axis, predicted: axis, counts: axis.map((row) => axis.map((column) => matrix.get(row, column))) },
    classes: { total, byType: classTable(byType, typeList), bySource: classTable(bySource, sourceList) },
    examples: { sentences, errors },
  };
}
