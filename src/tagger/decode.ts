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
  /**
   * The sum each alpha row was normalised by (multiplied by its inverse: one division a unit, not one a label).
   * Each beta row is multiplied by the inverse of the next unit's, and a span score takes the logarithms of the
   * sums of its own units only (not a logarithm and an exponential for every unit).
   */
  private readonly rowSum: Float64Array;
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
    const rowSum = (this.rowSum = new Float64Array(n));
    if (n === 0) return;
    let sum = 0;
    for (let y = 0; y < L; y++) {
      const v = allowedStart[y] ? Math.exp(chain.initial[y]! / temperature) * expEmissions[y]! : 0;
      alpha[y] = v;
      sum += v;
    }
    const inverse = 1 / sum;
    for (let y = 0; y < L; y++) alpha[y]! *= inverse;
    rowSum[0] = sum;
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
      const inverse = 1 / sum;
      for (let y = 0; y < L; y++) alpha[i * L + y]! *= inverse;
      rowSum[i] = sum;
    }
    for (let y = 0; y < L; y++) beta[(n - 1) * L + y] = 1;
    for (let i = n - 2; i >= 0; i--) {
      const inverse = 1 / rowSum[i + 1]!;
      for (let p = 0; p < L; p++) {
        let v = 0;
        for (let k = successorStart[p]!, last = successorStart[p + 1]!; k < last; k++) {
          const y = successors[k]!;
          v += expTransitions[p * L + y]! * (expEmissions[(i + 1) * L + y]! * beta[(i + 1) * L + y]!);
        }
        beta[i * L + p] = v * inverse;
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
    for (let k = start; k < Math.min(end + 1, this.length); k++) scaleSum += Math.log(this.rowSum[k]!);
    if (end < this.length) {
      let out = 0;
      for (let y = 0; y < L; y++) {
        if (y === inside) continue;
        out += this.expTransitions[last * L + y]! * (Math.exp(this.shifted[end * L + y]!) * this.beta[end * L + y]!);
      }
      if (out === 0) return 0;
      logP += Math.log(out);
    }
    return Math.min(1, Math.max(0, Math.exp(logP - scaleSum)));
  }
}

/** Size of SpanScorer's table of exponentials: beyond it, a unit's label is too unlikely to matter (e^-40 or less). */
const EXP_STEPS = 4096;

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
  /** As Posterior's. */
  private rowSum = new Float64Array(0);
  /** Emissions minus their row's maximum, over the temperature (only without `sums`; see `shiftedAt`). */
  private shifted = new Float64Array(0);
  private expEmissions = new Float64Array(0);
  /** The largest integer sum of each unit (with `sums`). */
  private rowMax = new Int32Array(0);
  /** `prepare`'s integer sums, read again by spanProbability (undefined when it was given none). */
  private sums: Int32Array | undefined;
  private readonly expTransitions: Float64Array;
  private readonly expInitial: Float64Array;
  private length = 0;
  /** For emissions given as integers times `weightScale`: exp(-d · weightScale / temperature) for small d. */
  private readonly expSteps: Float64Array | undefined;
  private readonly step: number;

  /**
   * `weightScale`, when given, is the factor between integer emission sums and emissions (a quantised model's
   * scale): `prepare` may then take the integer sums, and reads the exponentials of their differences off a table
   * instead of calling Math.exp 13 times a unit (the same values to within an ulp or two of the argument).
   */
  constructor(
    private readonly chain: ChainScores,
    private readonly temperature: number,
    weightScale?: number,
  ) {
    const L = (this.L = chain.labelCount);
    const { allowed, allowedStart } = bioConstraints(L);
    this.expTransitions = new Float64Array(L * L);
    for (let k = 0; k < L * L; k++) {
      this.expTransitions[k] = allowed[k] ? Math.exp(chain.transitions[k]! / temperature) : 0;
    }
    this.expInitial = new Float64Array(L);
    for (let y = 0; y < L; y++) this.expInitial[y] = allowedStart[y] ? Math.exp(chain.initial[y]! / temperature) : 0;
    this.step = weightScale === undefined ? 0 : weightScale / temperature;
    this.expSteps =
      weightScale === undefined ? undefined : Float64Array.from({ length: EXP_STEPS }, (_, d) => Math.exp(-d * this.step));
  }

  /**
   * Forward-backward over `emissions` of `length` units; beta only down to unit `firstEnd`. With `sums` (the
   * integer sums behind the emissions, see the constructor) the exponentials come from the table, and the shifted
   * emissions are not stored: spanProbability recomputes the few it reads from `sums`, which must therefore stay
   * unchanged until the last spanProbability call of this sentence.
   */
  prepare(emissions: Float64Array, length: number, firstEnd: number, sums?: Int32Array): void {
    const L = this.L;
    const n = (this.length = length);
    if (this.alpha.length < n * L) {
      const size = 2 * n * L;
      this.alpha = new Float64Array(size);
      this.beta = new Float64Array(size);
      this.shifted = new Float64Array(size);
      this.expEmissions = new Float64Array(size);
      this.rowSum = new Float64Array(2 * n);
      this.rowMax = new Int32Array(2 * n);
    }
    const { alpha, beta, rowSum, expEmissions, expTransitions, expInitial, rowMax } = this;
    const { predecessors, predecessorStart, successors, successorStart } = bioConstraints(L);
    const table = this.expSteps;
    const integerSums = sums && table ? sums : undefined;
    this.sums = integerSums;
    if (n === 0) return;
    if (L === 13) {
      // With integer sums, forward13 reads the exponentials off the table itself.
      if (!integerSums) this.exponentials(emissions, n);
      forward13(alpha, rowSum, expEmissions, expTransitions, expInitial, n, integerSums, rowMax, table, this.step);
      backward13(beta, rowSum, expEmissions, expTransitions, n, firstEnd);
      return;
    }
    if (integerSums && table) {
      const step = this.step;
      for (let i = 0; i < n; i++) {
        const row = i * L;
        let max = integerSums[row]!;
        for (let y = 1; y < L; y++) if (integerSums[row + y]! > max) max = integerSums[row + y]!;
        rowMax[i] = max;
        for (let y = 0; y < L; y++) {
          const d = max - integerSums[row + y]!;
          expEmissions[row + y] = d < EXP_STEPS ? table[d]! : Math.exp(-d * step);
        }
      }
    } else {
      this.exponentials(emissions, n);
    }
    // Allowed start labels have a nonzero expInitial, the others zero: v is 0 for them, as in Posterior.
    let sum = 0;
    for (let y = 0; y < L; y++) {
      const v = expInitial[y]! * expEmissions[y]!;
      alpha[y] = v;
      sum += v;
    }
    const inverse = 1 / sum;
    for (let y = 0; y < L; y++) alpha[y]! *= inverse;
    rowSum[0] = sum;
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
      const inverse = 1 / sum;
      for (let y = 0; y < L; y++) alpha[row + y]! *= inverse;
      rowSum[i] = sum;
    }
    for (let y = 0; y < L; y++) beta[(n - 1) * L + y] = 1;
    for (let i = n - 2; i >= firstEnd; i--) {
      const inverse = 1 / rowSum[i + 1]!;
      const row = i * L;
      const next = row + L;
      for (let p = 0; p < L; p++) {
        let v = 0;
        for (let k = successorStart[p]!, last = successorStart[p + 1]!; k < last; k++) {
          const y = successors[k]!;
          v += expTransitions[p * L + y]! * (expEmissions[next + y]! * beta[next + y]!);
        }
        beta[row + p] = v * inverse;
      }
    }
  }

  /** Posterior's shifted emissions and their exponentials, for emissions given as floating-point numbers. */
  private exponentials(emissions: Float64Array, n: number): void {
    const L = this.L;
    const T = this.temperature;
    const { shifted, expEmissions } = this;
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
  }

  /**
   * The shifted emission of label y at unit k: (emission - row maximum) / temperature, the value Posterior keeps
   * (with `sums`, the same expression prepare's table was indexed by, so the same bits).
   */
  private shiftedAt(k: number, y: number): number {
    const sums = this.sums;
    return sums ? -(this.rowMax[k]! - sums[k * this.L + y]!) * this.step : this.shifted[k * this.L + y]!;
  }

  /** As {@link Posterior.spanProbability}; `end` must be at least `prepare`'s `firstEnd`. */
  spanProbability(start: number, end: number, begin: number, inside: number): number {
    const L = this.L;
    const T = this.temperature;
    const { alpha, beta, rowSum, expEmissions, expTransitions } = this;
    let logP: number;
    if (start === 0) {
      logP = this.chain.initial[begin]! / T;
    } else {
      let into = 0;
      for (let p = 0; p < L; p++) into += alpha[(start - 1) * L + p]! * expTransitions[p * L + begin]!;
      if (into === 0) return 0;
      logP = Math.log(into);
    }
    logP += this.shiftedAt(start, begin);
    let last = begin;
    for (let k = start + 1; k < end; k++) {
      logP += this.chain.transitions[last * L + inside]! / T + this.shiftedAt(k, inside);
      last = inside;
    }
    let scaleSum = 0;
    for (let k = start; k < Math.min(end + 1, this.length); k++) scaleSum += Math.log(rowSum[k]!);
    if (end < this.length) {
      // expEmissions holds Math.exp of the shifted emissions, the very values Posterior computes here.
      let out = 0;
      for (let y = 0; y < L; y++) {
        if (y === inside) continue;
        out += expTransitions[last * L + y]! * (expEmissions[end * L + y]! * beta[end * L + y]!);
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
// Generated unrolled loops (see the comment above): the terms of each sum in the same order as the generic loops.

/**
 * The forward pass, row 0 included (from the initial scores). With `sums`, SpanScorer's table pass is done in the
 * same sweep, so that each row's exponentials are used while in registers (and each row's largest sum is kept in
 * `rowMax`); without, the exponentials are read from `expEmissions`.
 */
function forward13(
  alpha: Float64Array,
  rowSum: Float64Array,
  expEmissions: Float64Array,
  t: Float64Array,
  expInitial: Float64Array,
  n: number,
  sums: Int32Array | undefined,
  rowMax: Int32Array,
  table: Float64Array | undefined,
  step: number,
): void {
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  let a4 = 0;
  let a5 = 0;
  let a6 = 0;
  let a7 = 0;
  let a8 = 0;
  let a9 = 0;
  let a10 = 0;
  let a11 = 0;
  let a12 = 0;
  let e0: number;
  let e1: number;
  let e2: number;
  let e3: number;
  let e4: number;
  let e5: number;
  let e6: number;
  let e7: number;
  let e8: number;
  let e9: number;
  let e10: number;
  let e11: number;
  let e12: number;
  for (let i = 0; i < n; i++) {
    const row = i * 13;
    if (sums && table) {
      const s0 = sums[row + 0]!;
      const s1 = sums[row + 1]!;
      const s2 = sums[row + 2]!;
      const s3 = sums[row + 3]!;
      const s4 = sums[row + 4]!;
      const s5 = sums[row + 5]!;
      const s6 = sums[row + 6]!;
      const s7 = sums[row + 7]!;
      const s8 = sums[row + 8]!;
      const s9 = sums[row + 9]!;
      const s10 = sums[row + 10]!;
      const s11 = sums[row + 11]!;
      const s12 = sums[row + 12]!;
      let max = s0;
      if (s1 > max) max = s1;
      if (s2 > max) max = s2;
      if (s3 > max) max = s3;
      if (s4 > max) max = s4;
      if (s5 > max) max = s5;
      if (s6 > max) max = s6;
      if (s7 > max) max = s7;
      if (s8 > max) max = s8;
      if (s9 > max) max = s9;
      if (s10 > max) max = s10;
      if (s11 > max) max = s11;
      if (s12 > max) max = s12;
      rowMax[i] = max;
      const d0 = max - s0;
      e0 = d0 < EXP_STEPS ? table[d0]! : Math.exp(-d0 * step);
      expEmissions[row + 0] = e0;
      const d1 = max - s1;
      e1 = d1 < EXP_STEPS ? table[d1]! : Math.exp(-d1 * step);
      expEmissions[row + 1] = e1;
      const d2 = max - s2;
      e2 = d2 < EXP_STEPS ? table[d2]! : Math.exp(-d2 * step);
      expEmissions[row + 2] = e2;
      const d3 = max - s3;
      e3 = d3 < EXP_STEPS ? table[d3]! : Math.exp(-d3 * step);
      expEmissions[row + 3] = e3;
      const d4 = max - s4;
      e4 = d4 < EXP_STEPS ? table[d4]! : Math.exp(-d4 * step);
      expEmissions[row + 4] = e4;
      const d5 = max - s5;
      e5 = d5 < EXP_STEPS ? table[d5]! : Math.exp(-d5 * step);
      expEmissions[row + 5] = e5;
      const d6 = max - s6;
      e6 = d6 < EXP_STEPS ? table[d6]! : Math.exp(-d6 * step);
      expEmissions[row + 6] = e6;
      const d7 = max - s7;
      e7 = d7 < EXP_STEPS ? table[d7]! : Math.exp(-d7 * step);
      expEmissions[row + 7] = e7;
      const d8 = max - s8;
      e8 = d8 < EXP_STEPS ? table[d8]! : Math.exp(-d8 * step);
      expEmissions[row + 8] = e8;
      const d9 = max - s9;
      e9 = d9 < EXP_STEPS ? table[d9]! : Math.exp(-d9 * step);
      expEmissions[row + 9] = e9;
      const d10 = max - s10;
      e10 = d10 < EXP_STEPS ? table[d10]! : Math.exp(-d10 * step);
      expEmissions[row + 10] = e10;
      const d11 = max - s11;
      e11 = d11 < EXP_STEPS ? table[d11]! : Math.exp(-d11 * step);
      expEmissions[row + 11] = e11;
      const d12 = max - s12;
      e12 = d12 < EXP_STEPS ? table[d12]! : Math.exp(-d12 * step);
      expEmissions[row + 12] = e12;
    } else {
      e0 = expEmissions[row + 0]!;
      e1 = expEmissions[row + 1]!;
      e2 = expEmissions[row + 2]!;
      e3 = expEmissions[row + 3]!;
      e4 = expEmissions[row + 4]!;
      e5 = expEmissions[row + 5]!;
      e6 = expEmissions[row + 6]!;
      e7 = expEmissions[row + 7]!;
      e8 = expEmissions[row + 8]!;
      e9 = expEmissions[row + 9]!;
      e10 = expEmissions[row + 10]!;
      e11 = expEmissions[row + 11]!;
      e12 = expEmissions[row + 12]!;
    }
    let v0: number;
    let v1: number;
    let v2: number;
    let v3: number;
    let v4: number;
    let v5: number;
    let v6: number;
    let v7: number;
    let v8: number;
    let v9: number;
    let v10: number;
    let v11: number;
    let v12: number;
    if (i === 0) {
      v0 = expInitial[0]! * e0;
      v1 = expInitial[1]! * e1;
      v2 = expInitial[2]! * e2;
      v3 = expInitial[3]! * e3;
      v4 = expInitial[4]! * e4;
      v5 = expInitial[5]! * e5;
      v6 = expInitial[6]! * e6;
      v7 = expInitial[7]! * e7;
      v8 = expInitial[8]! * e8;
      v9 = expInitial[9]! * e9;
      v10 = expInitial[10]! * e10;
      v11 = expInitial[11]! * e11;
      v12 = expInitial[12]! * e12;
    } else {
      v0 = 0;
      v0 += a0 * t[0]!;
      v0 += a1 * t[13]!;
      v0 += a2 * t[26]!;
      v0 += a3 * t[39]!;
      v0 += a4 * t[52]!;
      v0 += a5 * t[65]!;
      v0 += a6 * t[78]!;
      v0 += a7 * t[91]!;
      v0 += a8 * t[104]!;
      v0 += a9 * t[117]!;
      v0 += a10 * t[130]!;
      v0 += a11 * t[143]!;
      v0 += a12 * t[156]!;
      v0 *= e0;
      v1 = 0;
      v1 += a0 * t[1]!;
      v1 += a1 * t[14]!;
      v1 += a2 * t[27]!;
      v1 += a3 * t[40]!;
      v1 += a4 * t[53]!;
      v1 += a5 * t[66]!;
      v1 += a6 * t[79]!;
      v1 += a7 * t[92]!;
      v1 += a8 * t[105]!;
      v1 += a9 * t[118]!;
      v1 += a10 * t[131]!;
      v1 += a11 * t[144]!;
      v1 += a12 * t[157]!;
      v1 *= e1;
      v2 = 0;
      v2 += a1 * t[15]!;
      v2 += a2 * t[28]!;
      v2 *= e2;
      v3 = 0;
      v3 += a0 * t[3]!;
      v3 += a1 * t[16]!;
      v3 += a2 * t[29]!;
      v3 += a3 * t[42]!;
      v3 += a4 * t[55]!;
      v3 += a5 * t[68]!;
      v3 += a6 * t[81]!;
      v3 += a7 * t[94]!;
      v3 += a8 * t[107]!;
      v3 += a9 * t[120]!;
      v3 += a10 * t[133]!;
      v3 += a11 * t[146]!;
      v3 += a12 * t[159]!;
      v3 *= e3;
      v4 = 0;
      v4 += a3 * t[43]!;
      v4 += a4 * t[56]!;
      v4 *= e4;
      v5 = 0;
      v5 += a0 * t[5]!;
      v5 += a1 * t[18]!;
      v5 += a2 * t[31]!;
      v5 += a3 * t[44]!;
      v5 += a4 * t[57]!;
      v5 += a5 * t[70]!;
      v5 += a6 * t[83]!;
      v5 += a7 * t[96]!;
      v5 += a8 * t[109]!;
      v5 += a9 * t[122]!;
      v5 += a10 * t[135]!;
      v5 += a11 * t[148]!;
      v5 += a12 * t[161]!;
      v5 *= e5;
      v6 = 0;
      v6 += a5 * t[71]!;
      v6 += a6 * t[84]!;
      v6 *= e6;
      v7 = 0;
      v7 += a0 * t[7]!;
      v7 += a1 * t[20]!;
      v7 += a2 * t[33]!;
      v7 += a3 * t[46]!;
      v7 += a4 * t[59]!;
      v7 += a5 * t[72]!;
      v7 += a6 * t[85]!;
      v7 += a7 * t[98]!;
      v7 += a8 * t[111]!;
      v7 += a9 * t[124]!;
      v7 += a10 * t[137]!;
      v7 += a11 * t[150]!;
      v7 += a12 * t[163]!;
      v7 *= e7;
      v8 = 0;
      v8 += a7 * t[99]!;
      v8 += a8 * t[112]!;
      v8 *= e8;
      v9 = 0;
      v9 += a0 * t[9]!;
      v9 += a1 * t[22]!;
      v9 += a2 * t[35]!;
      v9 += a3 * t[48]!;
      v9 += a4 * t[61]!;
      v9 += a5 * t[74]!;
      v9 += a6 * t[87]!;
      v9 += a7 * t[100]!;
      v9 += a8 * t[113]!;
      v9 += a9 * t[126]!;
      v9 += a10 * t[139]!;
      v9 += a11 * t[152]!;
      v9 += a12 * t[165]!;
      v9 *= e9;
      v10 = 0;
      v10 += a9 * t[127]!;
      v10 += a10 * t[140]!;
      v10 *= e10;
      v11 = 0;
      v11 += a0 * t[11]!;
      v11 += a1 * t[24]!;
      v11 += a2 * t[37]!;
      v11 += a3 * t[50]!;
      v11 += a4 * t[63]!;
      v11 += a5 * t[76]!;
      v11 += a6 * t[89]!;
      v11 += a7 * t[102]!;
      v11 += a8 * t[115]!;
      v11 += a9 * t[128]!;
      v11 += a10 * t[141]!;
      v11 += a11 * t[154]!;
      v11 += a12 * t[167]!;
      v11 *= e11;
      v12 = 0;
      v12 += a11 * t[155]!;
      v12 += a12 * t[168]!;
      v12 *= e12;
    }
    let sum = 0;
    sum += v0;
    sum += v1;
    sum += v2;
    sum += v3;
    sum += v4;
    sum += v5;
    sum += v6;
    sum += v7;
    sum += v8;
    sum += v9;
    sum += v10;
    sum += v11;
    sum += v12;
    const inverse = 1 / sum;
    a0 = v0 * inverse;
    a1 = v1 * inverse;
    a2 = v2 * inverse;
    a3 = v3 * inverse;
    a4 = v4 * inverse;
    a5 = v5 * inverse;
    a6 = v6 * inverse;
    a7 = v7 * inverse;
    a8 = v8 * inverse;
    a9 = v9 * inverse;
    a10 = v10 * inverse;
    a11 = v11 * inverse;
    a12 = v12 * inverse;
    alpha[row + 0] = a0;
    alpha[row + 1] = a1;
    alpha[row + 2] = a2;
    alpha[row + 3] = a3;
    alpha[row + 4] = a4;
    alpha[row + 5] = a5;
    alpha[row + 6] = a6;
    alpha[row + 7] = a7;
    alpha[row + 8] = a8;
    alpha[row + 9] = a9;
    alpha[row + 10] = a10;
    alpha[row + 11] = a11;
    alpha[row + 12] = a12;
    rowSum[i] = sum;
  }
}


function backward13(beta: Float64Array, rowSum: Float64Array, expEmissions: Float64Array, t: Float64Array, n: number, firstEnd: number): void {
  for (let y = 0; y < 13; y++) beta[(n - 1) * 13 + y] = 1;
  for (let i = n - 2; i >= firstEnd; i--) {
    const inverse = 1 / rowSum[i + 1]!;
    const row = i * 13;
    const next = row + 13;
    const e0 = expEmissions[next + 0]! * beta[next + 0]!;
    const e1 = expEmissions[next + 1]! * beta[next + 1]!;
    const e2 = expEmissions[next + 2]! * beta[next + 2]!;
    const e3 = expEmissions[next + 3]! * beta[next + 3]!;
    const e4 = expEmissions[next + 4]! * beta[next + 4]!;
    const e5 = expEmissions[next + 5]! * beta[next + 5]!;
    const e6 = expEmissions[next + 6]! * beta[next + 6]!;
    const e7 = expEmissions[next + 7]! * beta[next + 7]!;
    const e8 = expEmissions[next + 8]! * beta[next + 8]!;
    const e9 = expEmissions[next + 9]! * beta[next + 9]!;
    const e10 = expEmissions[next + 10]! * beta[next + 10]!;
    const e11 = expEmissions[next + 11]! * beta[next + 11]!;
    const e12 = expEmissions[next + 12]! * beta[next + 12]!;
    let v0 = 0;
    v0 += t[0]! * e0;
    v0 += t[1]! * e1;
    v0 += t[3]! * e3;
    v0 += t[5]! * e5;
    v0 += t[7]! * e7;
    v0 += t[9]! * e9;
    v0 += t[11]! * e11;
    beta[row + 0] = v0 * inverse;
    let v1 = 0;
    v1 += t[13]! * e0;
    v1 += t[14]! * e1;
    v1 += t[15]! * e2;
    v1 += t[16]! * e3;
    v1 += t[18]! * e5;
    v1 += t[20]! * e7;
    v1 += t[22]! * e9;
    v1 += t[24]! * e11;
    beta[row + 1] = v1 * inverse;
    let v2 = 0;
    v2 += t[26]! * e0;
    v2 += t[27]! * e1;
    v2 += t[28]! * e2;
    v2 += t[29]! * e3;
    v2 += t[31]! * e5;
    v2 += t[33]! * e7;
    v2 += t[35]! * e9;
    v2 += t[37]! * e11;
    beta[row + 2] = v2 * inverse;
    let v3 = 0;
    v3 += t[39]! * e0;
    v3 += t[40]! * e1;
    v3 += t[42]! * e3;
    v3 += t[43]! * e4;
    v3 += t[44]! * e5;
    v3 += t[46]! * e7;
    v3 += t[48]! * e9;
    v3 += t[50]! * e11;
    beta[row + 3] = v3 * inverse;
    let v4 = 0;
    v4 += t[52]! * e0;
    v4 += t[53]! * e1;
    v4 += t[55]! * e3;
    v4 += t[56]! * e4;
    v4 += t[57]! * e5;
    v4 += t[59]! * e7;
    v4 += t[61]! * e9;
    v4 += t[63]! * e11;
    beta[row + 4] = v4 * inverse;
    let v5 = 0;
    v5 += t[65]! * e0;
    v5 += t[66]! * e1;
    v5 += t[68]! * e3;
    v5 += t[70]! * e5;
    v5 += t[71]! * e6;
    v5 += t[72]! * e7;
    v5 += t[74]! * e9;
    v5 += t[76]! * e11;
    beta[row + 5] = v5 * inverse;
    let v6 = 0;
    v6 += t[78]! * e0;
    v6 += t[79]! * e1;
    v6 += t[81]! * e3;
    v6 += t[83]! * e5;
    v6 += t[84]! * e6;
    v6 += t[85]! * e7;
    v6 += t[87]! * e9;
    v6 += t[89]! * e11;
    beta[row + 6] = v6 * inverse;
    let v7 = 0;
    v7 += t[91]! * e0;
    v7 += t[92]! * e1;
    v7 += t[94]! * e3;
    v7 += t[96]! * e5;
    v7 += t[98]! * e7;
    v7 += t[99]! * e8;
    v7 += t[100]! * e9;
    v7 += t[102]! * e11;
    beta[row + 7] = v7 * inverse;
    let v8 = 0;
    v8 += t[104]! * e0;
    v8 += t[105]! * e1;
    v8 += t[107]! * e3;
    v8 += t[109]! * e5;
    v8 += t[111]! * e7;
    v8 += t[112]! * e8;
    v8 += t[113]! * e9;
    v8 += t[115]! * e11;
    beta[row + 8] = v8 * inverse;
    let v9 = 0;
    v9 += t[117]! * e0;
    v9 += t[118]! * e1;
    v9 += t[120]! * e3;
    v9 += t[122]! * e5;
    v9 += t[124]! * e7;
    v9 += t[126]! * e9;
    v9 += t[127]! * e10;
    v9 += t[128]! * e11;
    beta[row + 9] = v9 * inverse;
    let v10 = 0;
    v10 += t[130]! * e0;
    v10 += t[131]! * e1;
    v10 += t[133]! * e3;
    v10 += t[135]! * e5;
    v10 += t[137]! * e7;
    v10 += t[139]! * e9;
    v10 += t[140]! * e10;
    v10 += t[141]! * e11;
    beta[row + 10] = v10 * inverse;
    let v11 = 0;
    v11 += t[143]! * e0;
    v11 += t[144]! * e1;
    v11 += t[146]! * e3;
    v11 += t[148]! * e5;
    v11 += t[150]! * e7;
    v11 += t[152]! * e9;
    v11 += t[154]! * e11;
    v11 += t[155]! * e12;
    beta[row + 11] = v11 * inverse;
    let v12 = 0;
    v12 += t[156]! * e0;
    v12 += t[157]! * e1;
    v12 += t[159]! * e3;
    v12 += t[161]! * e5;
    v12 += t[163]! * e7;
    v12 += t[165]! * e9;
    v12 += t[167]! * e11;
    v12 += t[168]! * e12;
    beta[row + 12] = v12 * inverse;
  }
}

/** Viterbi's tables for {@link viterbi13}. */
let scratchDelta13 = new Float64Array(1 << 12);
let scratchBack13 = new Uint8Array(1 << 12);

/**
 * {@link viterbi} for 13 labels: the same sums and the same ties (the first best predecessor wins). An O or B- label
 * may follow any label, but where one label's score leads the others' by more than the spread of the transition
 * scores into O and B- labels (most units), it is the best predecessor of every O and B- label, and only its sums
 * are made: the others' are smaller even after rounding (rounding is monotonic), so they could not have won or tied.
 */
export function viterbi13(emissions: Float64Array, length: number, transitions: Float64Array, initial: Float64Array, out: Uint8Array): Uint8Array {
  const labels = out;
  if (length === 0) return labels;
  if (scratchDelta13.length < length * 13) {
    scratchDelta13 = new Float64Array(length * 13 * 2);
    scratchBack13 = new Uint8Array(length * 13 * 2);
  }
  const delta = scratchDelta13;
  const back = scratchBack13;
  // The largest and smallest transition score into an O or B- label (odd y or 0).
  let openMax = -Infinity;
  let openMin = Infinity;
  for (let p = 0; p < 13; p++) {
    for (let y = 0; y < 13; y++) {
      if (y !== 0 && (y & 1) === 0) continue;
      openMax = Math.max(openMax, transitions[p * 13 + y]!);
      openMin = Math.min(openMin, transitions[p * 13 + y]!);
    }
  }
  for (let y = 0; y < 13; y++) delta[y] = y === 0 || (y & 1) === 1 ? initial[y]! + emissions[y]! : -Infinity;
  for (let i = 1; i < length; i++) {
    const row = i * 13;
    const q = row - 13;
    const d0 = delta[q + 0]!;
    const d1 = delta[q + 1]!;
    const d2 = delta[q + 2]!;
    const d3 = delta[q + 3]!;
    const d4 = delta[q + 4]!;
    const d5 = delta[q + 5]!;
    const d6 = delta[q + 6]!;
    const d7 = delta[q + 7]!;
    const d8 = delta[q + 8]!;
    const d9 = delta[q + 9]!;
    const d10 = delta[q + 10]!;
    const d11 = delta[q + 11]!;
    const d12 = delta[q + 12]!;
    let best: number;
    let bestLabel: number;
    let s: number;
    // The leading score (the first, on ties), and whether every other is too far behind it to win or tie.
    let lead = d0;
    let leader = 0;
    if (d1 > lead) { lead = d1; leader = 1; }
    if (d2 > lead) { lead = d2; leader = 2; }
    if (d3 > lead) { lead = d3; leader = 3; }
    if (d4 > lead) { lead = d4; leader = 4; }
    if (d5 > lead) { lead = d5; leader = 5; }
    if (d6 > lead) { lead = d6; leader = 6; }
    if (d7 > lead) { lead = d7; leader = 7; }
    if (d8 > lead) { lead = d8; leader = 8; }
    if (d9 > lead) { lead = d9; leader = 9; }
    if (d10 > lead) { lead = d10; leader = 10; }
    if (d11 > lead) { lead = d11; leader = 11; }
    if (d12 > lead) { lead = d12; leader = 12; }
    const bar = lead + openMin;
    if (
      (leader === 0 || d0 + openMax < bar) &&
      (leader === 1 || d1 + openMax < bar) &&
      (leader === 2 || d2 + openMax < bar) &&
      (leader === 3 || d3 + openMax < bar) &&
      (leader === 4 || d4 + openMax < bar) &&
      (leader === 5 || d5 + openMax < bar) &&
      (leader === 6 || d6 + openMax < bar) &&
      (leader === 7 || d7 + openMax < bar) &&
      (leader === 8 || d8 + openMax < bar) &&
      (leader === 9 || d9 + openMax < bar) &&
      (leader === 10 || d10 + openMax < bar) &&
      (leader === 11 || d11 + openMax < bar) &&
      (leader === 12 || d12 + openMax < bar)
    ) {
      const from = leader * 13;
      delta[row + 0] = lead + transitions[from + 0]! + emissions[row + 0]!;
      back[row + 0] = leader;
      delta[row + 1] = lead + transitions[from + 1]! + emissions[row + 1]!;
      back[row + 1] = leader;
      delta[row + 3] = lead + transitions[from + 3]! + emissions[row + 3]!;
      back[row + 3] = leader;
      delta[row + 5] = lead + transitions[from + 5]! + emissions[row + 5]!;
      back[row + 5] = leader;
      delta[row + 7] = lead + transitions[from + 7]! + emissions[row + 7]!;
      back[row + 7] = leader;
      delta[row + 9] = lead + transitions[from + 9]! + emissions[row + 9]!;
      back[row + 9] = leader;
      delta[row + 11] = lead + transitions[from + 11]! + emissions[row + 11]!;
      back[row + 11] = leader;
    } else {
      best = -Infinity;
      bestLabel = 0;
      s = d0 + transitions[0]!;
      if (s > best) { best = s; bestLabel = 0; }
      s = d1 + transitions[13]!;
      if (s > best) { best = s; bestLabel = 1; }
      s = d2 + transitions[26]!;
      if (s > best) { best = s; bestLabel = 2; }
      s = d3 + transitions[39]!;
      if (s > best) { best = s; bestLabel = 3; }
      s = d4 + transitions[52]!;
      if (s > best) { best = s; bestLabel = 4; }
      s = d5 + transitions[65]!;
      if (s > best) { best = s; bestLabel = 5; }
      s = d6 + transitions[78]!;
      if (s > best) { best = s; bestLabel = 6; }
      s = d7 + transitions[91]!;
      if (s > best) { best = s; bestLabel = 7; }
      s = d8 + transitions[104]!;
      if (s > best) { best = s; bestLabel = 8; }
      s = d9 + transitions[117]!;
      if (s > best) { best = s; bestLabel = 9; }
      s = d10 + transitions[130]!;
      if (s > best) { best = s; bestLabel = 10; }
      s = d11 + transitions[143]!;
      if (s > best) { best = s; bestLabel = 11; }
      s = d12 + transitions[156]!;
      if (s > best) { best = s; bestLabel = 12; }
      delta[row + 0] = best + emissions[row + 0]!;
      back[row + 0] = bestLabel;
      best = -Infinity;
      bestLabel = 0;
      s = d0 + transitions[1]!;
      if (s > best) { best = s; bestLabel = 0; }
      s = d1 + transitions[14]!;
      if (s > best) { best = s; bestLabel = 1; }
      s = d2 + transitions[27]!;
      if (s > best) { best = s; bestLabel = 2; }
      s = d3 + transitions[40]!;
      if (s > best) { best = s; bestLabel = 3; }
      s = d4 + transitions[53]!;
      if (s > best) { best = s; bestLabel = 4; }
      s = d5 + transitions[66]!;
      if (s > best) { best = s; bestLabel = 5; }
      s = d6 + transitions[79]!;
      if (s > best) { best = s; bestLabel = 6; }
      s = d7 + transitions[92]!;
      if (s > best) { best = s; bestLabel = 7; }
      s = d8 + transitions[105]!;
      if (s > best) { best = s; bestLabel = 8; }
      s = d9 + transitions[118]!;
      if (s > best) { best = s; bestLabel = 9; }
      s = d10 + transitions[131]!;
      if (s > best) { best = s; bestLabel = 10; }
      s = d11 + transitions[144]!;
      if (s > best) { best = s; bestLabel = 11; }
      s = d12 + transitions[157]!;
      if (s > best) { best = s; bestLabel = 12; }
      delta[row + 1] = best + emissions[row + 1]!;
      back[row + 1] = bestLabel;
      best = -Infinity;
      bestLabel = 0;
      s = d0 + transitions[3]!;
      if (s > best) { best = s; bestLabel = 0; }
      s = d1 + transitions[16]!;
      if (s > best) { best = s; bestLabel = 1; }
      s = d2 + transitions[29]!;
      if (s > best) { best = s; bestLabel = 2; }
      s = d3 + transitions[42]!;
      if (s > best) { best = s; bestLabel = 3; }
      s = d4 + transitions[55]!;
      if (s > best) { best = s; bestLabel = 4; }
      s = d5 + transitions[68]!;
      if (s > best) { best = s; bestLabel = 5; }
      s = d6 + transitions[81]!;
      if (s > best) { best = s; bestLabel = 6; }
      s = d7 + transitions[94]!;
      if (s > best) { best = s; bestLabel = 7; }
      s = d8 + transitions[107]!;
      if (s > best) { best = s; bestLabel = 8; }
      s = d9 + transitions[120]!;
      if (s > best) { best = s; bestLabel = 9; }
      s = d10 + transitions[133]!;
      if (s > best) { best = s; bestLabel = 10; }
      s = d11 + transitions[146]!;
      if (s > best) { best = s; bestLabel = 11; }
      s = d12 + transitions[159]!;
      if (s > best) { best = s; bestLabel = 12; }
      delta[row + 3] = best + emissions[row + 3]!;
      back[row + 3] = bestLabel;
      best = -Infinity;
      bestLabel = 0;
      s = d0 + transitions[5]!;
      if (s > best) { best = s; bestLabel = 0; }
      s = d1 + transitions[18]!;
      if (s > best) { best = s; bestLabel = 1; }
      s = d2 + transitions[31]!;
      if (s > best) { best = s; bestLabel = 2; }
      s = d3 + transitions[44]!;
      if (s > best) { best = s; bestLabel = 3; }
      s = d4 + transitions[57]!;
      if (s > best) { best = s; bestLabel = 4; }
      s = d5 + transitions[70]!;
      if (s > best) { best = s; bestLabel = 5; }
      s = d6 + transitions[83]!;
      if (s > best) { best = s; bestLabel = 6; }
      s = d7 + transitions[96]!;
      if (s > best) { best = s; bestLabel = 7; }
      s = d8 + transitions[109]!;
      if (s > best) { best = s; bestLabel = 8; }
      s = d9 + transitions[122]!;
      if (s > best) { best = s; bestLabel = 9; }
      s = d10 + transitions[135]!;
      if (s > best) { best = s; bestLabel = 10; }
      s = d11 + transitions[148]!;
      if (s > best) { best = s; bestLabel = 11; }
      s = d12 + transitions[161]!;
      if (s > best) { best = s; bestLabel = 12; }
      delta[row + 5] = best + emissions[row + 5]!;
      back[row + 5] = bestLabel;
      best = -Infinity;
      bestLabel = 0;
      s = d0 + transitions[7]!;
      if (s > best) { best = s; bestLabel = 0; }
      s = d1 + transitions[20]!;
      if (s > best) { best = s; bestLabel = 1; }
      s = d2 + transitions[33]!;
      if (s > best) { best = s; bestLabel = 2; }
      s = d3 + transitions[46]!;
      if (s > best) { best = s; bestLabel = 3; }
      s = d4 + transitions[59]!;
      if (s > best) { best = s; bestLabel = 4; }
      s = d5 + transitions[72]!;
      if (s > best) { best = s; bestLabel = 5; }
      s = d6 + transitions[85]!;
      if (s > best) { best = s; bestLabel = 6; }
      s = d7 + transitions[98]!;
      if (s > best) { best = s; bestLabel = 7; }
      s = d8 + transitions[111]!;
      if (s > best) { best = s; bestLabel = 8; }
      s = d9 + transitions[124]!;
      if (s > best) { best = s; bestLabel = 9; }
      s = d10 + transitions[137]!;
      if (s > best) { best = s; bestLabel = 10; }
      s = d11 + transitions[150]!;
      if (s > best) { best = s; bestLabel = 11; }
      s = d12 + transitions[163]!;
      if (s > best) { best = s; bestLabel = 12; }
      delta[row + 7] = best + emissions[row + 7]!;
      back[row + 7] = bestLabel;
      best = -Infinity;
      bestLabel = 0;
      s = d0 + transitions[9]!;
      if (s > best) { best = s; bestLabel = 0; }
      s = d1 + transitions[22]!;
      if (s > best) { best = s; bestLabel = 1; }
      s = d2 + transitions[35]!;
      if (s > best) { best = s; bestLabel = 2; }
      s = d3 + transitions[48]!;
      if (s > best) { best = s; bestLabel = 3; }
      s = d4 + transitions[61]!;
      if (s > best) { best = s; bestLabel = 4; }
      s = d5 + transitions[74]!;
      if (s > best) { best = s; bestLabel = 5; }
      s = d6 + transitions[87]!;
      if (s > best) { best = s; bestLabel = 6; }
      s = d7 + transitions[100]!;
      if (s > best) { best = s; bestLabel = 7; }
      s = d8 + transitions[113]!;
      if (s > best) { best = s; bestLabel = 8; }
      s = d9 + transitions[126]!;
      if (s > best) { best = s; bestLabel = 9; }
      s = d10 + transitions[139]!;
      if (s > best) { best = s; bestLabel = 10; }
      s = d11 + transitions[152]!;
      if (s > best) { best = s; bestLabel = 11; }
      s = d12 + transitions[165]!;
      if (s > best) { best = s; bestLabel = 12; }
      delta[row + 9] = best + emissions[row + 9]!;
      back[row + 9] = bestLabel;
      best = -Infinity;
      bestLabel = 0;
      s = d0 + transitions[11]!;
      if (s > best) { best = s; bestLabel = 0; }
      s = d1 + transitions[24]!;
      if (s > best) { best = s; bestLabel = 1; }
      s = d2 + transitions[37]!;
      if (s > best) { best = s; bestLabel = 2; }
      s = d3 + transitions[50]!;
      if (s > best) { best = s; bestLabel = 3; }
      s = d4 + transitions[63]!;
      if (s > best) { best = s; bestLabel = 4; }
      s = d5 + transitions[76]!;
      if (s > best) { best = s; bestLabel = 5; }
      s = d6 + transitions[89]!;
      if (s > best) { best = s; bestLabel = 6; }
      s = d7 + transitions[102]!;
      if (s > best) { best = s; bestLabel = 7; }
      s = d8 + transitions[115]!;
      if (s > best) { best = s; bestLabel = 8; }
      s = d9 + transitions[128]!;
      if (s > best) { best = s; bestLabel = 9; }
      s = d10 + transitions[141]!;
      if (s > best) { best = s; bestLabel = 10; }
      s = d11 + transitions[154]!;
      if (s > best) { best = s; bestLabel = 11; }
      s = d12 + transitions[167]!;
      if (s > best) { best = s; bestLabel = 12; }
      delta[row + 11] = best + emissions[row + 11]!;
      back[row + 11] = bestLabel;
    }
    best = -Infinity;
    bestLabel = 0;
    s = d1 + transitions[15]!;
    if (s > best) { best = s; bestLabel = 1; }
    s = d2 + transitions[28]!;
    if (s > best) { best = s; bestLabel = 2; }
    delta[row + 2] = best + emissions[row + 2]!;
    back[row + 2] = bestLabel;
    best = -Infinity;
    bestLabel = 0;
    s = d3 + transitions[43]!;
    if (s > best) { best = s; bestLabel = 3; }
    s = d4 + transitions[56]!;
    if (s > best) { best = s; bestLabel = 4; }
    delta[row + 4] = best + emissions[row + 4]!;
    back[row + 4] = bestLabel;
    best = -Infinity;
    bestLabel = 0;
    s = d5 + transitions[71]!;
    if (s > best) { best = s; bestLabel = 5; }
    s = d6 + transitions[84]!;
    if (s > best) { best = s; bestLabel = 6; }
    delta[row + 6] = best + emissions[row + 6]!;
    back[row + 6] = bestLabel;
    best = -Infinity;
    bestLabel = 0;
    s = d7 + transitions[99]!;
    if (s > best) { best = s; bestLabel = 7; }
    s = d8 + transitions[112]!;
    if (s > best) { best = s; bestLabel = 8; }
    delta[row + 8] = best + emissions[row + 8]!;
    back[row + 8] = bestLabel;
    best = -Infinity;
    bestLabel = 0;
    s = d9 + transitions[127]!;
    if (s > best) { best = s; bestLabel = 9; }
    s = d10 + transitions[140]!;
    if (s > best) { best = s; bestLabel = 10; }
    delta[row + 10] = best + emissions[row + 10]!;
    back[row + 10] = bestLabel;
    best = -Infinity;
    bestLabel = 0;
    s = d11 + transitions[155]!;
    if (s > best) { best = s; bestLabel = 11; }
    s = d12 + transitions[168]!;
    if (s > best) { best = s; bestLabel = 12; }
    delta[row + 12] = best + emissions[row + 12]!;
    back[row + 12] = bestLabel;
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

