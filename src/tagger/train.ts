import type { Token } from '../document/types.js';
import { score, type ScoreReport } from '../eval/score.js';
import { Posterior, viterbi } from './decode.js';
import { extractFeatures, type SentenceFeatures } from './features.js';
import { beginLabel, insideLabel, isInside, LABEL_COUNT, LABEL_TYPES, labelsToSpans, spansToLabels, type LabelledSpan } from './labels.js';
import type { TaggerLexicon } from './lexicon.js';
import { computeEmissions, type TaggerModel } from './model.js';

/**
 * Training by the averaged structured perceptron (Collins, 2002): decode each sentence with the current weights
 * under the BIO constraints; where the best sequence differs from the gold one, add the gold features and
 * subtract the predicted ones. The averaged weights are kept; the epoch count is chosen by early stopping on a dev
 * slice of the training part. Pure computation, no I/O: scripts/train/train.ts reads the data and writes the model.
 */
export interface TrainingSentence {
  id: string;
  text: string;
  tokens?: readonly Token[] | undefined;
  spans: readonly LabelledSpan[];
}

export interface TrainOptions {
  bits: number;
  maxEpochs: number;
  /** Stop when dev F1 has not improved for this many epochs. */
  patience: number;
  seed: number;
  /** Features (buckets) seen fewer times than this in training are not used. */
  minCount: number;
  /**
   * Loss-augmented decoding in training (default 0: off): every label but the gold one gets this much more score
   * at each unit, so that updates continue until the gold sequence wins by a margin of its Hamming distance.
   */
  margin?: number;
  log?: (line: string) => void;
}

export interface TrainResult {
  weights: Float32Array;
  transitions: Float32Array;
  initial: Float32Array;
  bestEpoch: number;
  devReport: ScoreReport;
  temperature: number;
  history: { epoch: number; devF1: number; mistakes: number }[];
  usedBuckets: number;
}

/** Mulberry32: a small seeded PRNG, so that shuffles are the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Prepared {
  sentence: TrainingSentence;
  features: SentenceFeatures;
  gold: Uint8Array;
}

export function prepare(sentences: readonly TrainingSentence[], lexicon: TaggerLexicon, bits: number): Prepared[] {
  return sentences.map((sentence) => {
    const features = extractFeatures({ text: sentence.text, from: 0, to: sentence.text.length, tokens: sentence.tokens }, lexicon, bits);
    return { sentence, features, gold: unitLabels(spansToLabels(sentence.text.length, sentence.spans), features.positions) };
  });
}

/**
 * The gold labels of the units (white space is not a unit): an entity that a dropped space started (a span with
 * a leading space) begins at its first unit instead.
 */
function unitLabels(byPosition: Uint8Array, positions: Int32Array): Uint8Array {
  const labels = new Uint8Array(positions.length);
  for (let u = 0; u < positions.length; u++) {
    let y = byPosition[positions[u]!]!;
    if (isInside(y) && (u === 0 || (labels[u - 1] !== y && labels[u - 1] !== y - 1))) y -= 1;
    labels[u] = y;
  }
  return labels;
}

/** Unit spans as text spans: from the first unit to the last (spaces between them included). */
function toTextSpans(spans: readonly LabelledSpan[], positions: Int32Array): LabelledSpan[] {
  return spans.map((span) => ({ start: positions[span.start]!, end: positions[span.end - 1]! + 1, typeIndex: span.typeIndex }));
}

/** Drops the features whose bucket is not in `keep`, in place of a fresh copy. */
function filterFeatures(features: SentenceFeatures, keep: Uint8Array): SentenceFeatures {
  const offsets = new Int32Array(features.length + 1);
  const buckets: number[] = [];
  for (let i = 0; i < features.length; i++) {
    offsets[i] = buckets.length;
    for (let f = features.offsets[i]!; f < features.offsets[i + 1]!; f++) {
      if (keep[features.buckets[f]!]) buckets.push(features.buckets[f]!);
    }
  }
  offsets[features.length] = buckets.length;
  return { length: features.length, offsets, buckets: Int32Array.from(buckets), positions: features.positions };
}

function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x3000;
}

/** Decoded spans of a sentence, trimmed of white space as the Tagger does. */
export function decodeSpans(model: TaggerModel, text: string, features: SentenceFeatures): LabelledSpan[] {
  const emissions = computeEmissions(model, features);
  const labels = viterbi(emissions, features.length, model);
  return trimSpans(text, toTextSpans(labelsToSpans(labels), features.positions));
}

function trimSpans(text: string, spans: LabelledSpan[]): LabelledSpan[] {
  const out: LabelledSpan[] = [];
  for (const span of spans) {
    let { start, end } = span;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (end > start) out.push({ start, end, typeIndex: span.typeIndex });
  }
  return out;
}

export function evaluate(model: TaggerModel, prepared: readonly Prepared[]): ScoreReport {
  return score(
    prepared.map((p) => ({
      text: p.sentence.text,
      gold: p.sentence.spans.map((s) => ({ start: s.start, end: s.end, type: LABEL_TYPES[s.typeIndex]! })),
      predicted: decodeSpans(model, p.sentence.text, p.features).map((s) => ({
        start: s.start,
        end: s.end,
        type: LABEL_TYPES[s.typeIndex]!,
      })),
    })),
  );
}

export function asModel(bits: number, weights: Float32Array, transitions: Float32Array, initial: Float32Array, temperature = 1): TaggerModel {
  return {
    header: {
      bits,
      labels: [],
      featureVersion: 0,
      weightBits: 16,
      scale: 1,
      temperature,
      activeBuckets: 0,
      idBytes: 0,
      meta: {},
    },
    bits,
    labelCount: LABEL_COUNT,
    weights,
    transitions,
    initial,
    scale: 1,
    temperature,
  };
}

/**
 * Chooses the softmax temperature that makes entity scores calibrated on dev: the one with the lowest log loss of
 * "this predicted span is correct".
 */
export function calibrateTemperature(model: TaggerModel, prepared: readonly Prepared[]): number {
  const samples: { emissions: Float64Array; n: number; spans: LabelledSpan[]; correct: boolean[] }[] = [];
  for (const p of prepared) {
    const emissions = computeEmissions(model, p.features);
    const labels = viterbi(emissions, p.features.length, model);
    const spans = labelsToSpans(labels);
    const gold = new Set(p.sentence.spans.map((s) => `${s.start}:${s.end}:${s.typeIndex}`));
    const trimmed = toTextSpans(spans, p.features.positions).map((s) => trimSpans(p.sentence.text, [s])[0]);
    const correct = trimmed.map((s) => s !== undefined && gold.has(`${s.start}:${s.end}:${s.typeIndex}`));
    if (spans.length > 0) samples.push({ emissions, n: p.features.length, spans, correct });
  }
  let best = 1;
  let bestLoss = Infinity;
  for (let k = -12; k <= 24; k++) {
    const temperature = Math.pow(2, k / 4);
    let loss = 0;
    for (const sample of samples) {
      const posterior = new Posterior(sample.emissions, sample.n, model, temperature);
      sample.spans.forEach((span, j) => {
        const p = Math.min(1 - 1e-6, Math.max(1e-6, posterior.spanProbability(span.start, span.end, beginLabel(span.typeIndex), insideLabel(span.typeIndex))));
        loss -= sample.correct[j] ? Math.log(p) : Math.log(1 - p);
      });
    }
    if (loss < bestLoss) {
      bestLoss = loss;
      best = temperature;
    }
  }
  return best;
}

export function trainTagger(
  trainSentences: readonly TrainingSentence[],
  devSentences: readonly TrainingSentence[],
  lexicon: TaggerLexicon,
  options: TrainOptions,
): TrainResult {
  const log = options.log ?? (() => {});
  const L = LABEL_COUNT;
  const buckets = 1 << options.bits;
  let train = prepare(trainSentences, lexicon, options.bits);
  let dev = prepare(devSentences, lexicon, options.bits);

  // Feature count cut-off.
  const counts = new Uint32Array(buckets);
  for (const p of train) for (const b of p.features.buckets) counts[b]!++;
  const keep = new Uint8Array(buckets);
  let usedBuckets = 0;
  for (let b = 0; b < buckets; b++) {
    if (counts[b]! >= options.minCount) {
      keep[b] = 1;
      usedBuckets++;
    }
  }
  train = train.map((p) => ({ ...p, features: filterFeatures(p.features, keep) }));
  dev = dev.map((p) => ({ ...p, features: filterFeatures(p.features, keep) }));
  log(`features: ${usedBuckets} buckets of ${buckets} seen at least ${options.minCount} times`);

  const weights = new Float32Array(buckets * L);
  const totals = new Float32Array(buckets * L);
  const transitions = new Float32Array(L * L);
  const transitionTotals = new Float32Array(L * L);
  const initial = new Float32Array(L);
  const initialTotals = new Float32Array(L);
  const current = asModel(options.bits, weights, transitions, initial);
  // Two buffers for the averaged weights: the latest epoch's and the best so far, swapped instead of copied.
  let averaged: Float32Array = new Float32Array(buckets * L);
  let spare: Float32Array | undefined = new Float32Array(buckets * L);
  const averagedTransitions = new Float32Array(L * L);
  const averagedInitial = new Float32Array(L);
  let best: { epoch: number; f1: number; weights: Float32Array; transitions: Float32Array; initial: Float32Array } | undefined;
  const history: TrainResult['history'] = [];
  const random = seededRandom(options.seed);
  const order = train.map((_, i) => i);
  let step = 1;
  const predicted = new Uint8Array(4096);
  const margin = options.margin ?? 0;

  for (let epoch = 1; epoch <= options.maxEpochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let mistakes = 0;
    for (const index of order) {
      const { features, gold } = train[index]!;
      const n = features.length;
      if (n === 0) continue;
      const emissions = computeEmissions(current, features);
      if (margin !== 0) {
        for (let i = 0; i < n; i++) {
          for (let y = 0; y < L; y++) if (y !== gold[i]) emissions[i * L + y]! += margin;
        }
      }
      const labels = viterbi(emissions, n, current, n <= predicted.length ? predicted.subarray(0, n) : undefined);
      let wrong = false;
      for (let i = 0; i < n; i++) {
        const g = gold[i]!;
        const p = labels[i]!;
        if (g !== p) {
          wrong = true;
          for (let f = features.offsets[i]!; f < features.offsets[i + 1]!; f++) {
            const base = features.buckets[f]! * L;
            weights[base + g]! += 1;
            totals[base + g]! += step;
            weights[base + p]! -= 1;
            totals[base + p]! -= step;
          }
        }
        if (i === 0) {
          if (g !== p) {
            initial[g]! += 1;
            initialTotals[g]! += step;
            initial[p]! -= 1;
            initialTotals[p]! -= step;
          }
        } else {
          const gp = gold[i - 1]! * L + g;
          const pp = labels[i - 1]! * L + p;
          if (gp !== pp) {
            transitions[gp]! += 1;
            transitionTotals[gp]! += step;
            transitions[pp]! -= 1;
            transitionTotals[pp]! -= step;
          }
        }
      }
      if (wrong) mistakes++;
      step++;
    }
    // Averaged weights: w - totals / step (Daumé's trick).
    for (let k = 0; k < weights.length; k++) averaged[k] = weights[k]! - totals[k]! / step;
    for (let k = 0; k < transitions.length; k++) averagedTransitions[k] = transitions[k]! - transitionTotals[k]! / step;
    for (let k = 0; k < initial.length; k++) averagedInitial[k] = initial[k]! - initialTotals[k]! / step;
    const report = evaluate(asModel(options.bits, averaged, averagedTransitions, averagedInitial), dev);
    const f1 = report.entity.micro.f1;
    history.push({ epoch, devF1: f1, mistakes });
    log(`epoch ${epoch}: ${mistakes}/${order.length} sentences wrong, dev entity F1 ${f1.toFixed(4)}`);
    if (!best || f1 > best.f1) {
      const previous = best?.weights ?? spare;
      best = { epoch, f1, weights: averaged, transitions: averagedTransitions.slice(), initial: averagedInitial.slice() };
      averaged = previous!;
      spare = undefined;
    } else if (epoch - best.epoch >= options.patience) {
      break;
    }
  }
  const chosen = asModel(options.bits, best!.weights, best!.transitions, best!.initial);
  const temperature = calibrateTemperature(chosen, dev);
  log(`best epoch ${best!.epoch} (dev F1 ${best!.f1.toFixed(4)}), temperature ${temperature.toFixed(3)}`);
  return {
    weights: best!.weights,
    transitions: best!.transitions,
    initial: best!.initial,
    bestEpoch: best!.epoch,
    devReport: evaluate(chosen, dev),
    temperature,
    history,
    usedBuckets,
  };
}

/**
 * Ensembles: the sum of several runs' weights (trained with different shuffles), then scaled to their mean. Like the
 * averaging inside each perceptron, the mean smooths the weights of rare features. `addResults` adds into `into`.
 */
export function addResults(into: TrainResult, run: TrainResult): TrainResult {
  for (let k = 0; k < into.weights.length; k++) into.weights[k]! += run.weights[k]!;
  for (let k = 0; k < into.transitions.length; k++) into.transitions[k]! += run.transitions[k]!;
  for (let k = 0; k < into.initial.length; k++) into.initial[k]! += run.initial[k]!;
  into.usedBuckets = Math.max(into.usedBuckets, run.usedBuckets);
  return into;
}

export function scaleResult(result: TrainResult, factor: number): TrainResult {
  const scale = (a: Float32Array): Float32Array => a.map((v) => v * factor);
  return { ...result, weights: scale(result.weights), transitions: scale(result.transitions), initial: scale(result.initial) };
}
