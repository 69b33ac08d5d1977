/**
 * How far an entity's `score` can be read as the probability that it is right, and which `minScore` pays, from the
 * predictions of a cross-validation run (every sentence scored by a model that did not see it).
 *
 * Reliability: the scored entities in ten bins of score; per bin the mean score against the share that is exactly
 * right (span and type), and the expected calibration error (the bins' |mean score − precision| weighted by size).
 * Threshold sweep: entity and character F1 when entities scored below t are dropped, which is what
 * `RunOptions.minScore` does (it filters the finished entities), so no extraction has to run again.
 */
import type { Entity } from '../../src/document/types.js';
import { score, type ScoredSentence } from '../../src/eval/score.js';

export interface PredictedSentence extends ScoredSentence {
  predicted: readonly Entity[];
}

export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanScore: number;
  precision: number;
}

const key = (e: { start: number; end: number; type: string }): string => `${e.start}:${e.end}:${e.type}`;

export function reliability(sentences: readonly PredictedSentence[], bins = 10): { bins: ReliabilityBin[]; expectedCalibrationError: number } {
  const sums = Array.from({ length: bins }, () => ({ count: 0, score: 0, right: 0 }));
  for (const sentence of sentences) {
    const gold = new Set(sentence.gold.map(key));
    for (const entity of sentence.predicted) {
      if (entity.score === undefined) continue;
      const bin = sums[Math.min(bins - 1, Math.floor(entity.score * bins))]!;
      bin.count++;
      bin.score += entity.score;
      if (gold.has(key(entity))) bin.right++;
    }
  }
  const total = sums.reduce((sum, bin) => sum + bin.count, 0);
  let error = 0;
  const result = sums.map((bin, k) => {
    const meanScore = bin.count === 0 ? 0 : bin.score / bin.count;
    const precision = bin.count === 0 ? 0 : bin.right / bin.count;
    error += total === 0 ? 0 : (bin.count / total) * Math.abs(meanScore - precision);
    return { from: k / bins, to: (k + 1) / bins, count: bin.count, meanScore, precision };
  });
  return { bins: result, expectedCalibrationError: error };
}

export interface ThresholdResult {
  minScore: number;
  entityF1: number;
  characterF1: number;
}

/** Entity and character F1 with every entity scored below each threshold dropped. */
export function thresholdSweep(sentences: readonly PredictedSentence[], thresholds: readonly number[]): ThresholdResult[] {
  return thresholds.map((minScore) => {
    const report = score(
      sentences.map((s) => ({ text: s.text, gold: s.gold, predicted: s.predicted.filter((e) => e.score === undefined || e.score >= minScore) })),
    );
    return { minScore, entityF1: report.entity.micro.f1, characterF1: report.character.micro.f1 };
  });
}

/** The reliability table, and with `sweep` the minScore sweep. */
export function formatCalibration(sentences: readonly PredictedSentence[], sweep: boolean): string {
  const { bins, expectedCalibrationError } = reliability(sentences);
  const lines = ['', 'reliability of entity scores (exact span and type right):', '  score       entities  mean score  right'];
  for (const bin of bins) {
    if (bin.count === 0) continue;
    lines.push(`  ${bin.from.toFixed(1)}–${bin.to.toFixed(1)}  ${String(bin.count).padStart(9)}  ${bin.meanScore.toFixed(3).padStart(10)}  ${bin.precision.toFixed(3)}`);
  }
  lines.push(`  expected calibration error ${expectedCalibrationError.toFixed(4)}`);
  if (!sweep) return lines.join('\n');
  lines.push('', 'minScore sweep (entities scored below it dropped):', '  minScore  entity F1  char F1');
  for (const t of thresholdSweep(sentences, [0, 0.1, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6])) {
    lines.push(`  ${t.minScore.toFixed(2).padStart(8)}  ${t.entityF1.toFixed(4).padStart(9)}  ${t.characterF1.toFixed(4)}`);
  }
  return lines.join('\n');
}
