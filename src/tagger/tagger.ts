import type { EntityType, Token } from '../document/types.js';
import { SpanScorer, viterbi, viterbi13 } from './decode.js';
import { Emitter, weightTable } from './emit.js';
import { extractFeatures, FEATURE_VERSION } from './features.js';
import { beginLabel, insideLabel, LABEL_TYPES, labelsToSpans } from './labels.js';
import type { TaggerLexicon } from './lexicon.js';
import { computeEmissions, type TaggerModel } from './model.js';
import { ERROR_CODES, KornerError } from '../errors.js';

/** One entity found by the tagger, with offsets into the text it was given. */
export interface TaggedEntity {
  start: number;
  end: number;
  type: EntityType;
  /** Posterior probability of exactly this span and type, in [0, 1]. */
  score: number;
}

function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x3000;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A model and the lexicon its features read: tags sentences. */
export class Tagger {
  /** Emission scores of the sentence being tagged, reused between calls. */
  private emissions = new Float64Array(1 << 12);
  /** The integer sums behind `emissions` (fast path only), for the span scores' table of exponentials. */
  private sums = new Int32Array(1 << 12);
  /** The fast path from text to emissions (13-label int8 models, which is every model npm run train writes). */
  private readonly emitter: Emitter | undefined;
  private readonly scorer: SpanScorer;
  private labels = new Uint8Array(1 << 10);
  /** Per unit, its offset from the start of the range (units skip white space). */
  private positions = new Int32Array(1 << 10);
  private readonly transitions: Float64Array;
  private readonly initial: Float64Array;

  constructor(
    readonly model: TaggerModel,
    readonly lexicon: TaggerLexicon,
  ) {
    if (model.header.featureVersion !== FEATURE_VERSION) {
      throw new KornerError(
        ERROR_CODES.DICTIONARY,
        `tagger model was trained with features version ${model.header.featureVersion}, this code extracts version ${FEATURE_VERSION}. Retrain it with "npm run train".`,
      );
    }
    const table = weightTable(model);
    this.emitter = table ? new Emitter(table, lexicon) : undefined;
    this.scorer = new SpanScorer(model, model.temperature, this.emitter ? model.scale : undefined);
    this.transitions = Float64Array.from(model.transitions);
    this.initial = Float64Array.from(model.initial);
  }

  /**
   * Tags `text[from, to)` (typically one sentence); `tokens` are the analyzer tokens in that range, if any.
   * With `scores: false` the entity scores are not computed (faster; every score is 1).
   */
  tag(
    text: string,
    from = 0,
    to = text.length,
    tokens?: readonly Token[],
    options: { scores?: boolean } = {},
  ): TaggedEntity[] {
    const length = Math.max(0, to - from);
    if (length === 0) return [];
    if (this.emissions.length < length * this.model.labelCount) {
      this.emissions = new Float64Array(length * this.model.labelCount * 2);
      this.sums = new Int32Array(length * this.model.labelCount * 2);
    }
    let emissions: Float64Array = this.emissions;
    if (this.positions.length < length) this.positions = new Int32Array(2 * length);
    let positions: Int32Array = this.positions;
    let units: number;
    if (this.emitter) {
      units = this.emitter.emissions(text, from, to, tokens, emissions, positions, this.sums);
    } else {
      const features = extractFeatures({ text, from, to, tokens }, this.lexicon, this.model.bits, true);
      emissions = computeEmissions(this.model, features, emissions);
      units = features.length;
      positions = features.positions;
    }
    if (units === 0) return [];
    if (this.labels.length < units) this.labels = new Uint8Array(2 * units);
    const labels =
      this.model.labelCount === 13
        ? viterbi13(emissions, units, this.transitions, this.initial, this.labels).subarray(0, units)
        : viterbi(emissions, units, this.model);
    const spans = labelsToSpans(labels);
    if (spans.length === 0) return [];
    let posterior: SpanScorer | undefined;
    if (options.scores !== false) {
      posterior = this.scorer;
      posterior.prepare(emissions, units, spans[0]!.end, this.emitter ? this.sums : undefined);
    }
    const entities: TaggedEntity[] = [];
    for (const span of spans) {
      // Spans are in units; the text between their first and last unit (spaces included) is the entity.
      let start = positions[span.start]!;
      let end = positions[span.end - 1]! + 1;
      // Units are not white space, but vertical tabs and form feeds are units: trim those at the edges.
      while (start < end && isSpace(text.charCodeAt(from + start))) start++;
      while (end > start && isSpace(text.charCodeAt(from + end - 1))) end--;
      if (end <= start) continue;
      // Never split a surrogate pair (astral Hanja): widen to the whole character.
      if (start > 0 && isLowSurrogate(text.charCodeAt(from + start)) && isHighSurrogate(text.charCodeAt(from + start - 1))) start--;
      if (from + end < text.length && isHighSurrogate(text.charCodeAt(from + end - 1)) && isLowSurrogate(text.charCodeAt(from + end))) end++;
      const score = posterior
        ? posterior.spanProbability(span.start, span.end, beginLabel(span.typeIndex), insideLabel(span.typeIndex))
        : 1;
      entities.push({ start: from + start, end: from + end, type: LABEL_TYPES[span.typeIndex]!, score });
    }
    return entities;
  }
}
