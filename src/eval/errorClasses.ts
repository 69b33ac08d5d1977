/**
 * What kind of mistake each wrong entity of a sentence is. Gold and predicted spans are paired one to one where
 * they overlap, the largest overlap first (on a tie: the same span and type, then the same span, then the same
 * type, then the earlier spans), so that an exact match always pairs with its twin. A pair that is not an exact
 * match is an error of one of three classes, and a span left without a partner is a fourth or a fifth:
 *
 * - boundary: they overlap and have the same type, but not the same span;
 * - type: the same span, another type;
 * - boundary+type: they overlap, and both the span and the type differ;
 * - missed: a gold entity that no prediction overlaps;
 * - spurious: a prediction that overlaps no gold entity.
 *
 * A span left without a partner that does overlap one of the other side (a gold entity split in two predictions:
 * its partner took one, the other overlaps it all the same) is classed against the span it overlaps most, so that
 * missed and spurious mean "nothing there". The confusion matrix keeps to the pairs: such a span counts against
 * `none` there.
 *
 * Duplicates (the same start, end and type twice on one side) count once, as in score.ts, so the exact pairs are
 * its true positives and every other span its false positives and negatives. The cost is that of sorting: the
 * spans are swept in order of start, and only spans that overlap are ever compared.
 */
import type { ScoredSpan } from './score.js';

export const ERROR_CLASSES = ['boundary', 'type', 'boundary+type', 'missed', 'spurious'] as const;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

/** One error: indexes into the comparison's `gold` and `predicted` (a missed error has no prediction, a spurious one no gold). */
export interface SpanError {
  kind: ErrorClass;
  gold?: number;
  predicted?: number;
}

/** A gold and a predicted span paired by overlap (indexes into the comparison's lists). */
export interface SpanPair {
  gold: number;
  predicted: number;
  /** Same start, end and type: a true positive. */
  exact: boolean;
}

export interface SpanComparison<G extends ScoredSpan, P extends ScoredSpan> {
  /** The gold spans, without duplicates, sorted by start, end and type. */
  gold: G[];
  /** The predicted spans, the same way. */
  predicted: P[];
  /** The one-to-one pairs, in order of gold span. */
  pairs: SpanPair[];
  /** Gold spans in no pair, ascending. */
  unpairedGold: number[];
  /** Predicted spans in no pair, ascending. */
  unpairedPredicted: number[];
  /** Every error, in order of the first start of its spans (then of class). */
  errors: SpanError[];
}

const bySpan = (a: ScoredSpan, b: ScoredSpan): number =>
  a.start - b.start || a.end - b.end || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0);

/** Sorted, and each start-end-type once (the first one given). */
function distinct<S extends ScoredSpan>(spans: readonly S[]): S[] {
  const sorted = spans.map((span, k) => ({ span, k })).sort((a, b) => bySpan(a.span, b.span) || a.k - b.k);
  const kept: S[] = [];
  for (const { span } of sorted) if (kept.length === 0 || bySpan(kept[kept.length - 1]!, span) !== 0) kept.push(span);
  return kept;
}

/** How a gold and a predicted span that overlap differ; undefined when they are the same. */
export function classOf(gold: ScoredSpan, predicted: ScoredSpan): Exclude<ErrorClass, 'missed' | 'spurious'> | undefined {
  const sameSpan = gold.start === predicted.start && gold.end === predicted.end;
  const sameType = gold.type === predicted.type;
  if (sameSpan) return sameType ? undefined : 'type';
  return sameType ? 'boundary' : 'boundary+type';
}

interface Candidate {
  gold: number;
  predicted: number;
  overlap: number;
  /** 0 the same span and type, 1 the same span, 2 the same type, 3 neither: lower pairs first on a tie. */
  likeness: number;
}

/**
 * Every overlapping gold-predicted pair, by a sweep over the spans in order of start: a span overlaps exactly those
 * of the other side that started before it (or with it) and have not ended. Spans of one side rarely overlap each
 * other, so the lists of open spans stay short and the sweep is linear in the spans and the pairs it finds.
 */
function overlappingPairs(gold: readonly ScoredSpan[], predicted: readonly ScoredSpan[]): Candidate[] {
  const candidates: Candidate[] = [];
  const openGold: number[] = [];
  const openPredicted: number[] = [];
  let g = 0;
  let p = 0;
  while (g < gold.length || p < predicted.length) {
    const takeGold = p === predicted.length || (g < gold.length && gold[g]!.start <= predicted[p]!.start);
    const at = takeGold ? gold[g]!.start : predicted[p]!.start;
    closeBefore(openGold, gold, at);
    closeBefore(openPredicted, predicted, at);
    if (takeGold) {
      for (const k of openPredicted) candidates.push(candidate(gold, predicted, g, k));
      openGold.push(g++);
    } else {
      for (const k of openGold) candidates.push(candidate(gold, predicted, k, p));
      openPredicted.push(p++);
    }
  }
  return candidates;
}

/** Removes (in place, keeping the order) the open spans that end at or before `at`. */
function closeBefore(open: number[], spans: readonly ScoredSpan[], at: number): void {
  let kept = 0;
  for (const k of open) if (spans[k]!.end > at) open[kept++] = k;
  open.length = kept;
}

function candidate(gold: readonly ScoredSpan[], predicted: readonly ScoredSpan[], g: number, p: number): Candidate {
  const a = gold[g]!;
  const b = predicted[p]!;
  const kind = classOf(a, b);
  const likeness = kind === undefined ? 0 : kind === 'type' ? 1 : kind === 'boundary' ? 2 : 3;
  return { gold: g, predicted: p, overlap: Math.min(a.end, b.end) - Math.max(a.start, b.start), likeness };
}

/**
 * The class of a span left unpaired against the span of the other side it overlaps most. The two are never the
 * same span and type: an exact match is the largest overlap either can have and wins its ties, so it is paired.
 */
function leftOverClass(gold: ScoredSpan, predicted: ScoredSpan): ErrorClass {
  const kind = classOf(gold, predicted);
  if (kind === undefined) throw new Error('compareSpans: an exact match was left unpaired');
  return kind;
}

const CLASS_ORDER = new Map(ERROR_CLASSES.map((kind, k) => [kind, k]));

/** Pairs the gold and predicted spans of one sentence and classes every error (see the top of this file). */
export function compareSpans<G extends ScoredSpan, P extends ScoredSpan>(
  goldSpans: readonly G[],
  predictedSpans: readonly P[],
): SpanComparison<G, P> {
  const gold = distinct(goldSpans);
  const predicted = distinct(predictedSpans);
  const candidates = overlappingPairs(gold, predicted).sort(
    (a, b) => b.overlap - a.overlap || a.likeness - b.likeness || a.gold - b.gold || a.predicted - b.predicted,
  );
  const goldPartner = new Int32Array(gold.length).fill(-1);
  const predictedPartner = new Int32Array(predicted.length).fill(-1);
  // The first candidate of a span in this order is the span it overlaps most: what it is classed against if unpaired.
  const goldBest = new Int32Array(gold.length).fill(-1);
  const predictedBest = new Int32Array(predicted.length).fill(-1);
  for (const c of candidates) {
    if (goldBest[c.gold] === -1) goldBest[c.gold] = c.predicted;
    if (predictedBest[c.predicted] === -1) predictedBest[c.predicted] = c.gold;
    if (goldPartner[c.gold] !== -1 || predictedPartner[c.predicted] !== -1) continue;
    goldPartner[c.gold] = c.predicted;
    predictedPartner[c.predicted] = c.gold;
  }

  const pairs: SpanPair[] = [];
  const unpairedGold: number[] = [];
  const unpairedPredicted: number[] = [];
  const errors: SpanError[] = [];
  goldPartner.forEach((p, g) => {
    if (p === -1) {
      unpairedGold.push(g);
      const best = goldBest[g]!;
      errors.push(best === -1 ? { kind: 'missed', gold: g } : { kind: leftOverClass(gold[g]!, predicted[best]!), gold: g, predicted: best });
      return;
    }
    const kind = classOf(gold[g]!, predicted[p]!);
    pairs.push({ gold: g, predicted: p, exact: kind === undefined });
    if (kind) errors.push({ kind, gold: g, predicted: p });
  });
  predictedPartner.forEach((g, p) => {
    if (g !== -1) return;
    unpairedPredicted.push(p);
    const best = predictedBest[p]!;
    errors.push(best === -1 ? { kind: 'spurious', predicted: p } : { kind: leftOverClass(gold[best]!, predicted[p]!), gold: best, predicted: p });
  });
  const startOf = (e: SpanError): number =>
    Math.min(e.gold === undefined ? Infinity : gold[e.gold]!.start, e.predicted === undefined ? Infinity : predicted[e.predicted]!.start);
  errors.sort((a, b) => startOf(a) - startOf(b) || CLASS_ORDER.get(a.kind)! - CLASS_ORDER.get(b.kind)! || (a.gold ?? -1) - (b.gold ?? -1) || (a.predicted ?? -1) - (b.predicted ?? -1));
  return { gold, predicted, pairs, unpairedGold, unpairedPredicted, errors };
}
