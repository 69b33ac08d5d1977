import { allowedTransition } from './labels.js';

/**
 * Linear-chain decoding. Scores: `emissions[i * L + y]` for unit i and label y, `transitions[p * L + y]` for label p
 * followed by y, `initial[y]` for the first label. Transitions that would make an invalid BIO sequence (an I- label
 * that does not continue its type) are never taken, whatever their weights say.
 */
export interface ChainScores {
  labelCount: number;
  transitions: Float32Array | Float64Array;
  initial: Float32Array | Float64Array;
}

export interface BioConstraints {
  /** `allowed[p * L + y]` is 1 when y may follow p. */
  allowed: Uint8Array;
  /** `allowedStart[y]` is 1 when y may open a sentence. */
  allowedStart: Uint8Array;
  /** The labels that may precede y: `predecessors[predecessorStart[y] .. predecessorStart[y + 1]]`. */
  predecessors: Int32Array;
  predecessorStart: Int32Array;
  /** The labels that may follow p, likewise. */
  successors: Int32Array;
  successorStart: Int32Array;
}

const constraintCache = new Map<number, BioConstraints>();

/**
 * The valid BIO transitions, also as lists: an I- label has two predecessors (its B- and itself) instead of all
 * labels, which saves about 40% of the decoding work.
 */
export function bioConstraints(labelCount: number): BioConstraints {
  let entry = constraintCache.get(labelCount);
  if (!entry) {
    const L = labelCount;
    const allowed = new Uint8Array(L * L);
    const allowedStart = new Uint8Array(L);
    for (let y = 0; y < L; y++) {
      allowedStart[y] = allowedTransition(-1, y, L) ? 1 : 0;
      for (let p = 0; p < L; p++) allowed[p * L + y] = allowedTransition(p, y, L) ? 1 : 0;
    }
    const lists = (of: (a: number, b: number) => boolean): [Int32Array, Int32Array] => {
      const items: number[] = [];
      const start = new Int32Array(L + 1);
      for (let a = 0; a < L; a++) {
        start[a] = items.length;
        for (let b = 0; b < L; b++) if (of(a, b)) items.push(b);
      }
      start[L] = items.length;
      return [Int32Array.from(items), start];
    };
    const [predecessors, predecessorStart] = lists((y, p) => allowed[p * L + y] === 1);
    const [successors, successorStart] = lists((p, y) => allowed[p * L + y] === 1);
    entry = { allowed, allowedStart, predecessors, predecessorStart, successors, successorStart };
    constraintCache.set(L, entry);
  }
  return entry;
}

/** Viterbi's tables, reused between calls (decoding is synchronous). */
let scratchDelta = new Float64Array(1 << 12);
let scratchBack = new Uint8Array(1 << 12);

/** The best valid label sequence (Viterbi). */
export function viterbi(emissions: Float64Array, length: number, chain: ChainScores, out?: Uint8Array): Uint8Array {
  const L = chain.labelCount;
  const labels = out ?? new Uint8Array(length);
  if (length === 0) return labels;
  const { allowedStart, predecessors, predecessorStart } = bioConstraints(L);
  if (scratchDelta.length < length * L) {
    scratchDelta = new Float64Array(length * L * 2);
    scratchBack = new Uint8Array(length * L * 2);
  }
  const delta = scratchDelta;
  const back = scratchBack;
  for (let y = 0; y < L; y++) delta[y] = allowedStart[y] ? chain.initial[y]! + emissions[y]! : -Infinity;
  for (let i = 1; i < length; i++) {
    const row = i * L;
    const previousRow = row - L;
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      let bestLabel = 0;
      for (let k = predecessorStart[y]!, last = predecessorStart[y + 1]!; k < last; k++) {
        const p = predecessors[k]!;
        const s = delta[previousRow + p]! + chain.transitions[p * L + y]!;
        if (s > best) {
          best = s;
          bestLabel = p;
        }
      }
      delta[row + y] = best + emissions[row + y]!;
      back[row + y] = bestLabel;
    }
  }
  let best = -Infinity;
  let label = 0;
  const lastRow = (length - 1) * L;
  for (let y = 0; y < L; y++) {
    if (delta[lastRow + y]! > best) {
      best = delta[lastRow + y]!;
      label = y;
    }
  }
  for (let i = length - 1; i >= 0; i--) {
    labels[i] = label;
    label = back[i * L + label]!;
  }
  return labels;
}

/**
 * Posterior probabilities of spans under the chain read as a CRF with scores divided by `temperature`
 * (scaled forward-backward). `spanProbability(start, end, begin, inside)` is the probability that units
 * `[start, end)` are labelled `begin inside*` and that the unit after them does not continue with `inside`.
 */
export class Posterior {
  private readonly L: number;
  private readonly alpha: Float64Array;
  private readonly beta: Float64Array;
  private readonly logScale: Float64Array;
  private readonly shifted: Float64Array;
  private readonly expTransitions: Float64Array;
  private readonly chain: ChainScores;
  private readonly temperature: number;

  constructor(emissions: Float64Array, readonly length: number, chain: ChainScores, temperature: number) {
    const L = (this.L = chain.labelCount);
    this.chain = chain;
    this.temperature = temperature;
    const { allowed, allowedStart, predecessors, predecessorStart, successors, successorStart } = bioConstraints(L);
    const n = length;
    const expEmissions = new Float64Array(n * L);
    this.shifted = new Float64Array(n * L);
    for (let i = 0; i < n; i++) {
      let max = -Infinity;
      for (let y = 0; y < L; y++) max = Math.max(max, emissions[i * L + y]!);
      for (let y = 0; y < L; y++) {
        const s = (emissions[i * L + y]! - max) / temperature;
        this.shifted[i * L + y] = s;
        expEmissions[i * L + y] = Math.exp(s);
      }
    }
    const expTransitions = (this.expTransitions = new Float64Array(L * L));
    for (let k = 0; k < L * L; k++) expTransitions[k] = allowed[k] ? Math.exp(chain.transitions[k]! / temperature) : 0;
    const alpha = (this.alpha = new Float64Array(n * L));
    const beta = (this.beta = new Float64Array(n * L));
    const logScale = (this.logScale = new Float64Array(n));
    if (n === 0) return;
    let sum = 0;
    for (let y = 0; y < L; y++) {
      const v = allowedStart[y] ? Math.exp(chain.initial[y]! / temperature) * expEmissions[y]! : 0;
      alpha[y] = v;
      sum += v;
    }
    for (let y = 0; y < L; y++) alpha[y]! /= sum;
    logScale[0] = Math.log(sum);
    for (let i = 1; i < n; i++) {
      sum = 0;
      for (let y = 0; y < L; y++) {
        let v = 0;
        for (let k = predecessorStart[y]!, last = predecessorStart[y + 1]!; k < last; k++) {
          const p = predecessors[k]!;
          v += alpha[(i - 1) * L + p]! * expTransitions[p * L + y]!;
        }
        v *= expEmissions[i * L + y]!;
        alpha[i * L + y] = v;
        sum += v;
      }
      for (let y = 0; y < L; y++) alpha[i * L + y]! /= sum;
      logScale[i] = Math.log(sum);
    }
    for (let y = 0; y < L; y++) beta[(n - 1) * L + y] = 1;
    for (let i = n - 2; i >= 0; i--) {
      const scale = Math.exp(logScale[i + 1]!);
      for (let p = 0; p < L; p++) {
        let v = 0;
        for (let k = successorStart[p]!, last = successorStart[p + 1]!; k < last; k++) {
          const y = successors[k]!;
          v += expTransitions[p * L + y]! * expEmissions[(i + 1) * L + y]! * beta[(i + 1) * L + y]!;
        }
        beta[i * L + p] = v / scale;
      }
    }
  }

  /** P(label of unit i is y). */
  marginal(i: number, y: number): number {
    return this.alpha[i * this.L + y]! * this.beta[i * this.L + y]!;
  }

  spanProbability(start: number, end: number, begin: number, inside: number): number {
    const L = this.L;
    const T = this.temperature;
    let logP: number;
    // Into the span.
    if (start === 0) {
      logP = this.chain.initial[begin]! / T;
    } else {
      let into = 0;
      for (let p = 0; p < L; p++) into += this.alpha[(start - 1) * L + p]! * this.expTransitions[p * L + begin]!;
      if (into === 0) return 0;
      logP = Math.log(into);
    }
    // Along it.
    logP += this.shifted[start * L + begin]!;
    let last = begin;
    for (let k = start + 1; k < end; k++) {
      logP += this.chain.transitions[last * L + inside]! / T + this.shifted[k * L + inside]!;
      last = inside;
    }
    // Out of it.
    let scaleSum = 0;
    for (let k = start; k < Math.min(end + 1, this.length); k++) scaleSum += this.logScale[k]!;
    if (end < this.length) {
      let out = 0;
      for (let y = 0; y < L; y++) {
        if (y === inside) continue;
        out += this.expTransitions[last * L + y]! * Math.exp(this.shifted[end * L + y]!) * this.beta[end * L + y]!;
      }
      if (out === 0) return 0;
      logP += Math.log(out);
    }
    return Math.min(1, Math.max(0, Math.exp(logP - scaleSum)));
  }
}

/**
 * {@link Posterior} for the tagger's inner loop: the same arithmetic in the same order (so the same span
 * probabilities to the last bit), with its tables reused between sentences, the exponentials of the transition
 * and initial scores computed once, and the backward pass stopped at the first position a span score reads
 * (`prepare`'s `firstEnd`: the smallest end of the spans to score).
 */
export class SpanScorer {
  private readonly L: number;
  private alpha = new Float64Array(0);
  private beta = new Float64Array(0);
  private logScale = new Float64Array(0);
  private shifted = new Float64Array(0);
  private expEmissions = new Float64Array(0);
  private readonly expTransitions: Float64Array;
  private readonly expInitial: Float64Array;
  private length = 0;

  constructor(
    private readonly chain: ChainScores,
    private readonly temperature: number,
  ) {
    const L = (this.L = chain.labelCount);
    const { allowed, allowedStart } = bioConstraints(L);
    this.expTransitions = new Float64Array(L * L);
    for (let k = 0; k < L * L; k++) {
      this.expTransitions[k] = allowed[k] ? Math.exp(chain.transitions[k]! / temperature) : 0;
    }
    this.expInitial = new Float64Array(L);
    for (let y = 0; y < L; y++) this.expInitial[y] = allowedStart[y] ? Math.exp(chain.initial[y]! / temperature) : 0;
  }

  /** Forward-backward over `emissions` of `length` units; beta only down to unit `firstEnd`. */
  prepare(emissions: Float64Array, length: number, firstEnd: number): void {
    const L = this.L;
    const n = (this.length = length);
    const T = this.temperature;
    if (this.alpha.length < n * L) {
      const size = 2 * n * L;
      this.alpha = new Float64Array(size);
      this.beta = new Float64Array(size);
      this.shifted = new Float64Array(size);
      this.expEmissions = new Float64Array(size);
      this.logScale = new Float64Array(2 * n);
    }
    const { alpha, beta, logScale, shifted, expEmissions, expTransitions, expInitial } = this;
    const { allowedStart, predecessors, predecessorStart, successors, successorStart } = bioConstraints(L);
    if (n === 0) return;
    for (let i = 0; i < n; i++) {
      const row = i * L;
      let max = -Infinity;
      for (let y = 0; y < L; y++) max = Math.max(max, emissions[row + y]!);
      for (let y = 0; y < L; y++) {
        const s = (emissions[row + y]! - max) / T;
        shifted[row + y] = s;
        expEmissions[row + y] = Math.exp(s);
      }
    }
    let sum = 0;
    for (let y = 0; y < L; y++) {
      const v = allowedStart[y] ? expInitial[y]! * expEmissions[y]! : 0;
      alpha[y] = v;
      sum += v;
    }
    for (let y = 0; y < L; y++) alpha[y]! /= sum;
    logScale[0] = Math.log(sum);
    if (L === 13) {
      forward13(alpha, logScale, expEmissions, expTransitions, n);
      backward13(beta, logScale, expEmissions, expTransitions, n, firstEnd);
      return;
    }
    for (let i = 1; i < n; i++) {
      const row = i * L;
      const previous = row - L;
      sum = 0;
      for (let y = 0; y < L; y++) {
        let v = 0;
        for (let k = predecessorStart[y]!, last = predecessorStart[y + 1]!; k < last; k++) {
          const p = predecessors[k]!;
          v += alpha[previous + p]! * expTransitions[p * L + y]!;
        }
        v *= expEmissions[row + y]!;
        alpha[row + y] = v;
        sum += v;
      }
      for (let y = 0; y < L; y++) alpha[row + y]! /= sum;
      logScale[i] = Math.log(sum);
    }
    for (let y = 0; y < L; y++) beta[(n - 1) * L + y] = 1;
    for (let i = n - 2; i >= firstEnd; i--) {
      const scale = Math.exp(logScale[i + 1]!);
      const row = i * L;
      const next = row + L;
      for (let p = 0; p < L; p++) {
        let v = 0;
        for (let k = successorStart[p]!, last = successorStart[p + 1]!; k < last; k++) {
          const y = successors[k]!;
          v += expTransitions[p * L + y]! * expEmissions[next + y]! * beta[next + y]!;
        }
        beta[row + p] = v / scale;
      }
    }
  }

  /** As {@link Posterior.spanProbability}; `end` must be at least `prepare`'s `firstEnd`. */
  spanProbability(start: number, end: number, begin: number, inside: number): number {
    const L = this.L;
    const T = this.temperature;
    const { alpha, beta, logScale, shifted, expTransitions } = this;
    let logP: number;
    if (start === 0) {
      logP = this.chain.initial[begin]! / T;
    } else {
      let into = 0;
      for (let p = 0; p < L; p++) into += alpha[(start - 1) * L + p]! * expTransitions[p * L + begin]!;
      if (into === 0) return 0;
      logP = Math.log(into);
    }
    logP += shifted[start * L + begin]!;
    let last = begin;
    for (let k = start + 1; k < end; k++) {
      logP += this.chain.transitions[last * L + inside]! / T + shifted[k * L + inside]!;
      last = inside;
    }
    let scaleSum = 0;
    for (let k = start; k < Math.min(end + 1, this.length); k++) scaleSum += logScale[k]!;
    if (end < this.length) {
      let out = 0;
      for (let y = 0; y < L; y++) {
        if (y === inside) continue;
        out += expTransitions[last * L + y]! * Math.exp(shifted[end * L + y]!) * beta[end * L + y]!;
      }
      if (out === 0) return 0;
      logP += Math.log(out);
    }
    return Math.min(1, Math.max(0, Math.exp(logP - scaleSum)));
  }
}

/*
 * The passes of SpanScorer for 13 labels (O, then B- and I- of six types): label y > 0 is a B- label when odd.
 * An O or B- label follows any label; the I- label y follows y - 1 and y. The sums run in the order of
 * bioConstraints' lists (labels ascending), so the results are those of the generic loops, bit for bit.
 */
function forward13(alpha: Float64Array, logScale: Float64Array, expEmissions: Float64Array, expTransitions: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const row = i * 13;
    const previous = row - 13;
    let sum = 0;
    for (let y = 0; y < 13; y++) {
      let v = 0;
      if (y === 0 || (y & 1) === 1) {
        for (let p = 0; p < 13; p++) v += alpha[previous + p]! * expTransitions[p * 13 + y]!;
      } else {
        v += alpha[previous + y - 1]! * expTransitions[(y - 1) * 13 + y]!;
        v += alpha[previous + y]! * expTransitions[y * 13 + y]!;
      }
      v *= expEmissions[row + y]!;
      alpha[row + y] = v;
      sum += v;
    }
    for (let y = 0; y < 13; y++) alpha[row + y]! /= sum;
    logScale[i] = Math.log(sum);
  }
}

function backward13(
  beta: Float64Array,
  logScale: Float64Array,
  expEmissions: Float64Array,
  expTransitions: Float64Array,
  n: number,
  firstEnd: number,
): void {
  for (let y = 0; y < 13; y++) beta[(n - 1) * 13 + y] = 1;
  for (let i = n - 2; i >= firstEnd; i--) {
    const scale = Math.exp(logScale[i + 1]!);
    const row = i * 13;
    const next = row + 13;
    for (let p = 0; p < 13; p++) {
      // After p: every O or B- label, and p's own I- label (none after O).
      const own = p === 0 ? -1 : (p & 1) === 1 ? p + 1 : p;
      let v = 0;
      for (let y = 0; y < 13; y++) {
        if (y !== 0 && (y & 1) === 0 && y !== own) continue;
        v += expTransitions[p * 13 + y]! * expEmissions[next + y]! * beta[next + y]!;
      }
      beta[row + p] = v / scale;
    }
  }
}

/** Viterbi's tables for {@link viterbi13}. */
let scratchDelta13 = new Float64Array(1 << 12);
let scratchBack13 = new Uint8Array(1 << 12);

/** {@link viterbi} for 13 labels: the same sums and the same ties (the first best predecessor wins). */
export function viterbi13(emissions: Float64Array, length: number, transitions: Float64Array, initial: Float64Array, out: Uint8Array): Uint8Array {
  const labels = out;
  if (length === 0) return labels;
  if (scratchDelta13.length < length * 13) {
    scratchDelta13 = new Float64Array(length * 13 * 2);
    scratchBack13 = new Uint8Array(length * 13 * 2);
  }
  const delta = scratchDelta13;
  const back = scratchBack13;
  for (let y = 0; y < 13; y++) delta[y] = y === 0 || (y & 1) === 1 ? initial[y]! + emissions[y]! : -Infinity;
  for (let i = 1; i < length; i++) {
    const row = i * 13;
    const previousRow = row - 13;
    for (let y = 0; y < 13; y++) {
      let best = -Infinity;
      let bestLabel = 0;
      if (y === 0 || (y & 1) === 1) {
        for (let p = 0; p < 13; p++) {
          const s = delta[previousRow + p]! + transitions[p * 13 + y]!;
          if (s > best) {
            best = s;
            bestLabel = p;
          }
        }
      } else {
        const s1 = delta[previousRow + y - 1]! + transitions[(y - 1) * 13 + y]!;
        if (s1 > best) {
          best = s1;
          bestLabel = y - 1;
        }
        const s2 = delta[previousRow + y]! + transitions[y * 13 + y]!;
        if (s2 > best) {
          best = s2;
          bestLabel = y;
        }
      }
      delta[row + y] = best + emissions[row + y]!;
      back[row + y] = bestLabel;
    }
  }
  let best = -Infinity;
  let label = 0;
  const lastRow = (length - 1) * 13;
  for (let y = 0; y < 13; y++) {
    if (delta[lastRow + y]! > best) {
      best = delta[lastRow + y]!;
      label = y;
    }
  }
  for (let i = length - 1; i >= 0; i--) {
    labels[i] = label;
    label = back[i * 13 + label]!;
  }
  return labels;
}
