import type { EntityType } from '../document/types.js';

/**
 * Scoring entity recognition against gold annotations.
 *
 * Entity level (as seqeval and KLUE's entity F1): a prediction is a true positive when a gold entity has exactly the
 * same start, end and type. Precision, recall and F1 are given micro-averaged over all types and for each type.
 *
 * Character level: every non-whitespace character of a sentence gets the type of the entity covering it, or 'O'.
 * A character is a true positive when its predicted type equals its gold type and is not 'O'; a false positive when
 * it is predicted as a type other than its gold label; a false negative when its gold type is not 'O' and the
 * prediction differs. Labels carry no B/I prefix. Micro F1 over characters is reported, with per-type figures and
 * their macro average. KLUE's official "character macro F1" (Park et al., 2021) macro-averages sklearn's F1 over
 * the BIO labels of syllable tokens; this BIO-free version differs from it only in not telling B- from I-
 * characters, and skips whitespace, which KLUE does not tokenise as a syllable.
 */
export interface ScoredSpan {
  start: number;
  end: number;
  type: string;
}

export interface ScoredSentence {
  /** The sentence text, needed for the character-level score (whitespace is skipped). */
  text: string;
  gold: readonly ScoredSpan[];
  predicted: readonly ScoredSpan[];
}

export interface PRF {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ScoreReport {
  sentences: number;
  entity: { micro: PRF; byType: Record<string, PRF> };
  character: { micro: PRF; macroF1: number; byType: Record<string, PRF> };
}

export interface ScoreOptions {
  /** Only score these types: gold and predicted spans of other types are ignored. Default: all. */
  types?: readonly (EntityType | string)[];
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Precision, recall and F1 from counts; a ratio with a zero denominator is 0. */
export function prf(truePositives: number, falsePositives: number, falseNegatives: number): PRF {
  const precision = truePositives + falsePositives === 0 ? 0 : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? 0 : truePositives / (truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

function bump(map: Map<string, Counts>, type: string, key: keyof Counts, by = 1): void {
  let counts = map.get(type);
  if (!counts) map.set(type, (counts = { tp: 0, fp: 0, fn: 0 }));
  counts[key] += by;
}

function finish(map: Map<string, Counts>): { micro: PRF; byType: Record<string, PRF> } {
  const byType: Record<string, PRF> = {};
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const type of [...map.keys()].sort()) {
    const c = map.get(type)!;
    byType[type] = prf(c.tp, c.fp, c.fn);
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  return { micro: prf(tp, fp, fn), byType };
}

/** Scores predictions against gold, sentence by sentence. */
export function score(sentences: Iterable<ScoredSentence>, options: ScoreOptions = {}): ScoreReport {
  const keep = options.types ? new Set<string>(options.types) : undefined;
  const entityCounts = new Map<string, Counts>();
  const charCounts = new Map<string, Counts>();
  let count = 0;
  for (const sentence of sentences) {
    count++;
    const gold = keep ? sentence.gold.filter((s) => keep.has(s.type)) : sentence.gold;
    const predicted = keep ? sentence.predicted.filter((s) => keep.has(s.type)) : sentence.predicted;
    scoreEntities(gold, predicted, entityCounts);
    scoreCharacters(sentence.text, gold, predicted, charCounts);
  }
  const entity = finish(entityCounts);
  const character = finish(charCounts);
  const types = Object.keys(character.byType);
  const macroF1 = types.length === 0 ? 0 : types.reduce((sum, t) => sum + character.byType[t]!.f1, 0) / types.length;
  return { sentences: count, entity, character: { ...character, macroF1 } };
}

function spanKey(span: ScoredSpan): string {
  return `${span.start}:${span.end}:${span.type}`;
}

function scoreEntities(gold: readonly ScoredSpan[], predicted: readonly ScoredSpan[], counts: Map<string, Counts>): void {
  // Duplicates count once: a set of gold spans, a set of predicted spans.
  const goldKeys = new Set(gold.map(spanKey));
  const predictedKeys = new Set<string>();
  for (const span of predicted) {
    const key = spanKey(span);
    if (predictedKeys.has(key)) continue;
    predictedKeys.add(key);
    bump(counts, span.type, goldKeys.has(key) ? 'tp' : 'fp');
  }
  const seen = new Set<string>();
  for (const span of gold) {
    const key = spanKey(span);
    if (seen.has(key)) continue;
    seen.add(key);
    if (!predictedKeys.has(key)) bump(counts, span.type, 'fn');
  }
}

function labelCharacters(length: number, spans: readonly ScoredSpan[]): (string | undefined)[] {
  const labels = new Array<string | undefined>(length);
  for (const span of spans) {
    for (let i = Math.max(0, span.start); i < Math.min(length, span.end); i++) labels[i] ??= span.type;
  }
  return labels;
}

function scoreCharacters(
  text: string,
  gold: readonly ScoredSpan[],
  predicted: readonly ScoredSpan[],
  counts: Map<string, Counts>,
): void {
  const goldLabels = labelCharacters(text.length, gold);
  const predictedLabels = labelCharacters(text.length, predicted);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x3000) continue;
    // A low surrogate belongs to the character its high surrogate started.
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) continue;
    const g = goldLabels[i];
    const p = predictedLabels[i];
    if (g !== undefined && g === p) bump(counts, g, 'tp');
    else {
      if (p !== undefined) bump(counts, p, 'fp');
      if (g !== undefined) bump(counts, g, 'fn');
    }
  }
}
