import { ERROR_CODES, KornerError } from '../errors.js';
import type { TsvTable } from '../resources/tsv.js';

/**
 * From the tagger's posterior span probability to the probability that the entity is right (exact span and type,
 * after the whole pipeline): a monotone, piecewise-linear map through knots (score, probability). The knots are
 * fitted by isotonic regression on the out-of-fold predictions of cross-validation (`npm run eval:cv --
 * --calibration-out dictionaries/tagger/calibration.tsv`), so that every point was scored by a model that had not
 * seen its sentence. The posterior alone was over-confident between 0.7 and 0.9 (right 65–69% of the time).
 */
export interface CalibrationKnot {
  score: number;
  probability: number;
}

export class ScoreCalibration {
  private readonly scores: Float64Array;
  private readonly probabilities: Float64Array;

  constructor(knots: readonly CalibrationKnot[]) {
    if (knots.length === 0) throw new KornerError(ERROR_CODES.DICTIONARY, 'score calibration: no knots; fit it again with npm run eval:cv -- --calibration-out FILE.');
    for (let k = 1; k < knots.length; k++) {
      if (!(knots[k]!.score > knots[k - 1]!.score) || knots[k]!.probability < knots[k - 1]!.probability) {
        throw new KornerError(
          ERROR_CODES.DICTIONARY,
          `score calibration: knot ${k + 1} (${knots[k]!.score}, ${knots[k]!.probability}) does not rise from the one before; the knots must be sorted by score, with probabilities that never fall.`,
        );
      }
    }
    this.scores = Float64Array.from(knots, (k) => k.score);
    this.probabilities = Float64Array.from(knots, (k) => k.probability);
  }

  get knots(): CalibrationKnot[] {
    return Array.from(this.scores, (score, k) => ({ score, probability: this.probabilities[k]! }));
  }

  /** The calibrated probability of a raw score: linear between knots, the end knots' values beyond them. */
  apply(score: number): number {
    const xs = this.scores;
    const ys = this.probabilities;
    const last = xs.length - 1;
    if (score <= xs[0]!) return ys[0]!;
    if (score >= xs[last]!) return ys[last]!;
    let lo = 0;
    let hi = last;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (xs[mid]! <= score) lo = mid;
      else hi = mid;
    }
    const t = (score - xs[lo]!) / (xs[hi]! - xs[lo]!);
    return ys[lo]! + t * (ys[hi]! - ys[lo]!);
  }
}

/**
 * Isotonic regression of `right` on `score` (pool adjacent violators) over `bins` groups of equal size taken in
 * order of score: each group is a point (mean score, share right, size), and neighbouring groups whose shares fall
 * are pooled, weighted by size, until the shares never fall. Returns one knot per pooled group.
 */
export function fitCalibration(points: readonly { score: number; right: boolean }[], bins = 20): CalibrationKnot[] {
  const sorted = [...points].sort((a, b) => a.score - b.score);
  const groups: { score: number; right: number; count: number }[] = [];
  const size = Math.max(1, Math.ceil(sorted.length / bins));
  for (let from = 0; from < sorted.length; from += size) {
    const group = { score: 0, right: 0, count: 0 };
    for (let i = from; i < Math.min(sorted.length, from + size); i++) {
      group.score += sorted[i]!.score;
      if (sorted[i]!.right) group.right++;
      group.count++;
    }
    groups.push(group);
    // Pool while the last group's share is below the one before it.
    while (groups.length > 1) {
      const b = groups[groups.length - 1]!;
      const a = groups[groups.length - 2]!;
      if (b.right / b.count >= a.right / a.count) break;
      groups.pop();
      a.score += b.score;
      a.right += b.right;
      a.count += b.count;
    }
  }
  const knots: CalibrationKnot[] = [];
  for (const g of groups) {
    const knot = { score: g.score / g.count, probability: g.right / g.count };
    // Pooled groups can share a mean score only if every score is equal: keep the later one.
    if (knots.length > 0 && knots[knots.length - 1]!.score >= knot.score) knots.pop();
    knots.push(knot);
  }
  return knots;
}

/** The calibration file: `score<TAB>probability` lines, sorted by score (see dictionaries/README.md). */
export function calibrationFromTable(table: TsvTable): ScoreCalibration {
  const score = table.column('score');
  const probability = table.column('probability');
  return new ScoreCalibration(
    table.rows.map((row, k) => {
      const knot = { score: Number(row[score]), probability: Number(row[probability]) };
      if (!(knot.score >= 0 && knot.score <= 1 && knot.probability >= 0 && knot.probability <= 1)) {
        throw new KornerError(ERROR_CODES.DICTIONARY, `${table.name}: row ${k + 1} needs a score and a probability between 0 and 1.`);
      }
      return knot;
    }),
  );
}

/** The calibration file's text, with its header. */
export function formatCalibrationTable(knots: readonly CalibrationKnot[], provenance: string): string {
  const lines = [
    "# The tagger's score calibration: raw posterior span probability (score) → probability that the entity is right",
    '# (exact span and type after the whole pipeline), linear between knots. GENERATED by scripts/train/cv.ts',
    '# (npm run eval:cv -- --calibration-out dictionaries/tagger/calibration.tsv): isotonic regression on the',
    `# out-of-fold predictions of 5-fold cross-validation over KLUE-NER v1.1 (CC BY-SA 4.0). ${provenance}`,
    '# licence: CC BY-SA 4.0 (derived from KLUE-NER, as model.bin)',
    '# columns: score\tprobability',
    ...knots.map((k) => `${k.score.toFixed(4)}\t${k.probability.toFixed(4)}`),
  ];
  return `${lines.join('\n')}\n`;
}
