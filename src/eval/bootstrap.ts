import { ERROR_CODES, KornerError } from '../errors.js';

/**
 * Bootstrap intervals of entity-level scores (Efron and Tibshirani, "An Introduction to the Bootstrap", ch. 13,
 * percentile intervals): the sentences are resampled with replacement, `rounds` times, the counts of each resample
 * summed, and the 2.5th and 97.5th percentiles of the scores over the resamples are the 95% interval. Sentences, not
 * entities, are resampled, because the errors of one sentence are not independent of each other.
 *
 * The generator is seeded, so that an interval is the same on every run (a report can be a golden file). Pure
 * functions of their arguments: they run in browsers too.
 */

/** Entity counts: exact matches, predictions that match no gold entity, gold entities no prediction matches. */
export interface EntityCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** One sentence's counts by key (an entity type, or `micro` for all of them); a key a sentence lacks counts 0. */
export type SentenceCounts = Readonly<Record<string, EntityCounts>>;

/** A 95% interval: [2.5th percentile, 97.5th percentile]. */
export type Interval = [low: number, high: number];

export interface MetricIntervals {
  precision: Interval;
  recall: Interval;
  f1: Interval;
}

export interface PairedDifference {
  /** The difference on the sentences as they are: F1(ours) − F1(theirs). */
  observed: number;
  /** Its 95% interval over the paired resamples. */
  interval: Interval;
}

/**
 * A small seeded generator of floats in [0, 1): mulberry32 (Tommy Ettinger's 32-bit mixer over a Weyl sequence),
 * enough for resampling and the same in every JavaScript engine.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

export const precisionOf = (c: EntityCounts): number => (c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp));
export const recallOf = (c: EntityCounts): number => (c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn));
/** F1 as 2tp / (2tp + fp + fn): the harmonic mean of precision and recall, 0 when there is no true positive. */
export const f1Of = (c: EntityCounts): number => (c.tp === 0 ? 0 : (2 * c.tp) / (2 * c.tp + c.fp + c.fn));

function checkRounds(rounds: number): void {
  if (!Number.isInteger(rounds) || rounds < 1) {
    throw new KornerError(ERROR_CODES.OPTION, `bootstrap: rounds must be a positive integer, got ${rounds}.`);
  }
}

/** The percentile interval of `samples` (sorted here, in place). */
function percentiles(samples: Float64Array): Interval {
  samples.sort();
  const last = samples.length - 1;
  return [samples[Math.floor(0.025 * last)]!, samples[Math.ceil(0.975 * last)]!];
}

/**
 * The 95% bootstrap interval of precision, recall and F1 for each key, over `rounds` resamples of the sentences
 * (each of `perSentence.length` draws with replacement), from a generator seeded with `seed`. With no sentence,
 * every interval is [0, 0].
 */
export function bootstrapIntervals(
  perSentence: readonly SentenceCounts[],
  keys: readonly string[],
  rounds: number,
  seed: number,
): Record<string, MetricIntervals> {
  checkRounds(rounds);
  const n = perSentence.length;
  const width = keys.length * 3;
  // The counts as one flat table, sentence by sentence, key by key: the inner loop reads memory in order.
  const table = new Int32Array(n * width);
  perSentence.forEach((counts, i) => {
    keys.forEach((key, k) => {
      const c = counts[key];
      if (!c) return;
      table[i * width + k * 3] = c.tp;
      table[i * width + k * 3 + 1] = c.fp;
      table[i * width + k * 3 + 2] = c.fn;
    });
  });
  const samples = keys.map(() => ({ precision: new Float64Array(rounds), recall: new Float64Array(rounds), f1: new Float64Array(rounds) }));
  const random = seededRandom(seed);
  const sum = new Float64Array(width);
  for (let round = 0; round < rounds; round++) {
    sum.fill(0);
    for (let draw = 0; draw < n; draw++) {
      const row = Math.floor(random() * n) * width;
      for (let j = 0; j < width; j++) sum[j]! += table[row + j]!;
    }
    keys.forEach((_, k) => {
      const counts = { tp: sum[k * 3]!, fp: sum[k * 3 + 1]!, fn: sum[k * 3 + 2]! };
      samples[k]!.precision[round] = precisionOf(counts);
      samples[k]!.recall[round] = recallOf(counts);
      samples[k]!.f1[round] = f1Of(counts);
    });
  }
  const intervals: Record<string, MetricIntervals> = {};
  keys.forEach((key, k) => {
    const s = samples[k]!;
    intervals[key] = { precision: percentiles(s.precision), recall: percentiles(s.recall), f1: percentiles(s.f1) };
  });
  return intervals;
}

/**
 * The paired bootstrap of F1(ours) − F1(theirs) for two runs over the same sentences (`ours[i]` and `theirs[i]`
 * are the counts of one sentence): each resample draws the same sentences for both runs, so that what the runs
 * share cancels out and the interval is that of the difference alone.
 */
export function pairedDifference(
  ours: readonly EntityCounts[],
  theirs: readonly EntityCounts[],
  rounds: number,
  seed: number,
): PairedDifference {
  checkRounds(rounds);
  if (ours.length !== theirs.length) {
    throw new KornerError(
      ERROR_CODES.OPTION,
      `pairedDifference: the runs have ${ours.length} and ${theirs.length} sentences; pair the counts of the same sentences, in the same order.`,
    );
  }
  const n = ours.length;
  const f1Over = (side: readonly EntityCounts[], picks: Int32Array | undefined): number => {
    const sum = { tp: 0, fp: 0, fn: 0 };
    for (let i = 0; i < n; i++) {
      const c = side[picks ? picks[i]! : i]!;
      sum.tp += c.tp;
      sum.fp += c.fp;
      sum.fn += c.fn;
    }
    return f1Of(sum);
  };
  const observed = f1Over(ours, undefined) - f1Over(theirs, undefined);
  const random = seededRandom(seed);
  const picks = new Int32Array(n);
  const differences = new Float64Array(rounds);
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < n; i++) picks[i] = Math.floor(random() * n);
    differences[round] = f1Over(ours, picks) - f1Over(theirs, picks);
  }
  return { observed, interval: percentiles(differences) };
}
