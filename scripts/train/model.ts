/**
 * Training one shipped-style tagger model: an ensemble of averaged perceptrons, one per seed, each early-stopped
 * on the dev slice, calibrated there, refit on all the sentences for its number of epochs, averaged and encoded
 * (quantised) as dictionaries/tagger/model.bin is. Used by train.ts (the shipped model) and cv.ts (one per fold).
 */
import { FEATURE_VERSION } from '../../src/tagger/features.js';
import { LABEL_COUNT, labelName } from '../../src/tagger/labels.js';
import type { TaggerLexicon } from '../../src/tagger/lexicon.js';
import { encodeModel } from '../../src/tagger/model.js';
import type { ScoreReport } from '../../src/eval/score.js';
import {
  addResults,
  asModel,
  calibrateTemperature,
  evaluate as evaluatePrepared,
  prepare,
  scaleResult,
  trainTagger,
  type TrainingSentence,
  type TrainResult,
} from '../../src/tagger/train.js';

export interface ModelSettings {
  bits: number;
  maxEpochs: number;
  patience: number;
  minCount: number;
  margin: number;
  seeds: number[];
  refit: boolean;
  weightBits: 8 | 16;
  prune: number;
  log: (line: string) => void;
}

export interface TrainedModel {
  bytes: Uint8Array;
  /** The ensemble on the dev slice, before the refit (the slice is still unseen then). */
  devReport: ScoreReport;
  temperature: number;
  epochs: number[];
  usedBuckets: number;
}

/** Trains on `fit`, early-stops and calibrates on `dev`, and encodes the model with `meta` in its header. */
export function trainModel(
  fit: readonly TrainingSentence[],
  dev: readonly TrainingSentence[],
  lexicon: TaggerLexicon,
  settings: ModelSettings,
  meta: (model: Omit<TrainedModel, 'bytes'>) => Record<string, unknown>,
): TrainedModel {
  const { bits, log } = settings;
  const options = { bits, maxEpochs: settings.maxEpochs, patience: settings.patience, minCount: settings.minCount, margin: settings.margin, log };
  // One perceptron per seed (different shuffles), early-stopped on the dev slice; their weights are averaged.
  // Only the running sum of the weights is kept, not every run's.
  const sum = (into: TrainResult | undefined, run: TrainResult): TrainResult => (into ? addResults(into, run) : run);
  let total: TrainResult | undefined;
  const epochs: number[] = [];
  for (const s of settings.seeds) {
    log(`seed ${s}`);
    const run = trainTagger(fit, dev, lexicon, { ...options, seed: s });
    epochs.push(run.bestEpoch);
    total = sum(total, run);
  }
  // Scores are calibrated, and the ensemble reported, while the dev slice is still unseen.
  const devPrepared = prepare(dev, lexicon, bits);
  const heldOut = scaleResult(total!, 1 / settings.seeds.length);
  const heldOutModel = asModel(bits, heldOut.weights, heldOut.transitions, heldOut.initial);
  const temperature = calibrateTemperature(heldOutModel, devPrepared);
  const devReport = evaluatePrepared(heldOutModel, devPrepared);
  log(`ensemble of ${settings.seeds.length}: dev entity F1 ${devReport.entity.micro.f1.toFixed(4)}, temperature ${temperature.toFixed(3)}`);
  let averaged = heldOut;
  if (settings.refit) {
    // Each seed again, for its early-stopped number of epochs, on all the sentences (dev slice included).
    total = undefined;
    settings.seeds.forEach((s, k) => {
      log(`seed ${s}: refit on all ${fit.length + dev.length} training sentences for ${epochs[k]} epochs`);
      total = sum(total, trainTagger([...fit, ...dev], dev, lexicon, { ...options, seed: s, maxEpochs: epochs[k]!, patience: 1e9 }));
    });
    averaged = scaleResult(total!, 1 / settings.seeds.length);
  }
  const trained = { devReport, temperature, epochs, usedBuckets: total!.usedBuckets };
  const bytes = encodeModel({
    bits,
    labels: Array.from({ length: LABEL_COUNT }, (_, y) => labelName(y)),
    featureVersion: FEATURE_VERSION,
    weights: averaged.weights,
    transitions: averaged.transitions,
    initial: averaged.initial,
    weightBits: settings.weightBits,
    prune: settings.prune,
    temperature,
    meta: meta(trained),
  });
  return { bytes, ...trained };
}
