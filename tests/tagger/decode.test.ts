import { describe, expect, it } from 'vitest';
import { bioConstraints, Posterior, viterbi, type ChainScores } from '../../src/tagger/decode.js';
import {
  allowedTransition,
  beginLabel,
  insideLabel,
  LABEL_COUNT,
  labelName,
  labelsToSpans,
  OUTSIDE,
  spansToLabels,
} from '../../src/tagger/labels.js';
import { seededRandom } from '../../src/tagger/train.js';

const L = LABEL_COUNT;
const label = (name: string): number => Array.from({ length: L }, (_, y) => labelName(y)).indexOf(name);

/** A hand-made model: zero transitions unless given, emissions from a list of {label: score} per unit. */
function tiny(rows: Record<string, number>[], transitions: Record<string, number> = {}): { chain: ChainScores; emissions: Float64Array } {
  const emissions = new Float64Array(rows.length * L);
  rows.forEach((row, i) => {
    for (const [name, value] of Object.entries(row)) emissions[i * L + label(name)] = value;
  });
  const t = new Float64Array(L * L);
  for (const [pair, value] of Object.entries(transitions)) {
    const [from, to] = pair.split('>') as [string, string];
    t[label(from) * L + label(to)] = value;
  }
  return { chain: { labelCount: L, transitions: t, initial: new Float64Array(L) }, emissions };
}

function isValid(labels: ArrayLike<number>): boolean {
  for (let i = 0; i < labels.length; i++) if (!allowedTransition(i === 0 ? -1 : labels[i - 1]!, labels[i]!)) return false;
  return true;
}

describe('BIO labels', () => {
  it.each([
    ['O', 'B-PERSON', true],
    ['O', 'I-PERSON', false],
    ['B-PERSON', 'I-PERSON', true],
    ['I-PERSON', 'I-PERSON', true],
    ['B-PERSON', 'I-LOCATION', false],
    ['I-DATE', 'B-DATE', true],
    ['I-TIME', 'O', true],
  ])('%s → %s allowed: %s', (from, to, allowed) => {
    expect(allowedTransition(label(from), label(to))).toBe(allowed);
  });

  it('a sentence cannot open with an I- label', () => {
    for (let y = 0; y < L; y++) expect(allowedTransition(-1, y)).toBe(!labelName(y).startsWith('I-'));
  });

  it.each([
    [[{ start: 0, end: 2, typeIndex: 0 }, { start: 3, end: 4, typeIndex: 3 }], 5],
    [[{ start: 1, end: 5, typeIndex: 2 }], 5],
    [[], 3],
  ])('spans %j survive the round trip through labels', (spans, length) => {
    expect(labelsToSpans(spansToLabels(length, spans))).toEqual(spans);
  });

  it('two adjacent entities of one type stay two (B restarts)', () => {
    const labels = Uint8Array.from([beginLabel(0), insideLabel(0), beginLabel(0), OUTSIDE]);
    expect(labelsToSpans(labels)).toEqual([
      { start: 0, end: 2, typeIndex: 0 },
      { start: 2, end: 3, typeIndex: 0 },
    ]);
  });
});

describe('constrained Viterbi', () => {
  it.each([
    ['an I- first is read as its B-', [{ 'I-PERSON': 10, 'B-PERSON': 5 }, { 'I-PERSON': 10 }, { O: 10 }], {}, ['B-PERSON', 'I-PERSON', 'O']],
    ['an I- of another type starts a new entity', [{ 'B-PERSON': 10 }, { 'I-LOCATION': 10, 'I-PERSON': 3, 'B-LOCATION': 4 }], {}, ['B-PERSON', 'B-LOCATION']],
    ['an I- after O becomes a B-', [{ O: 10 }, { 'I-ORGANIZATION': 10, 'B-ORGANIZATION': 2 }], {}, ['O', 'B-ORGANIZATION']],
    ['a huge O→I- weight is never taken', [{ O: 1 }, { O: 1, 'B-DATE': 0.5 }], { 'O>I-DATE': 100 }, ['O', 'O']],
    ['valid scores decode as they are', [{ 'B-TIME': 2 }, { 'I-TIME': 2 }, { 'I-TIME': 2 }], {}, ['B-TIME', 'I-TIME', 'I-TIME']],
  ] as const)('%s', (_title, rows, transitions, expected) => {
    const { chain, emissions } = tiny(rows as unknown as Record<string, number>[], transitions as Record<string, number>);
    const labels = viterbi(emissions, rows.length, chain);
    expect(Array.from(labels, labelName)).toEqual(expected);
    expect(isValid(labels)).toBe(true);
  });

  it('random scores always decode to valid sequences', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 200; round++) {
      const n = 1 + Math.floor(random() * 12);
      const emissions = Float64Array.from({ length: n * L }, () => random() * 20 - 10);
      const transitions = Float64Array.from({ length: L * L }, () => random() * 20 - 10);
      const initial = Float64Array.from({ length: L }, () => random() * 20 - 10);
      expect(isValid(viterbi(emissions, n, { labelCount: L, transitions, initial }))).toBe(true);
    }
  });

  it('the constraint table has 2 allowed predecessors for each I- label', () => {
    const { allowed } = bioConstraints(L);
    for (let y = 1; y < L; y++) {
      const count = Array.from({ length: L }, (_, p) => allowed[p * L + y]!).reduce((a, b) => a + b, 0);
      expect(count).toBe(labelName(y).startsWith('I-') ? 2 : L);
    }
  });
});

describe('posterior span scores', () => {
  /** Every valid sequence of length n with its unnormalised weight exp(score / T). */
  function enumerate(n: number, chain: ChainScores, emissions: Float64Array, temperature: number): [number[], number][] {
    const out: [number[], number][] = [];
    const walk = (prefix: number[], s: number): void => {
      if (prefix.length === n) {
        out.push([prefix, Math.exp(s / temperature)]);
        return;
      }
      const i = prefix.length;
      for (let y = 0; y < L; y++) {
        const previous = i === 0 ? -1 : prefix[i - 1]!;
        if (!allowedTransition(previous, y)) continue;
        const t = i === 0 ? chain.initial[y]! : chain.transitions[previous * L + y]!;
        walk([...prefix, y], s + t + emissions[i * L + y]!);
      }
    };
    walk([], 0);
    return out;
  }

  it.each([1, 2, 3])('match brute force over all valid sequences of length %i', (n) => {
    const random = seededRandom(11 + n);
    const emissions = Float64Array.from({ length: n * L }, () => random() * 6 - 3);
    const transitions = Float64Array.from({ length: L * L }, () => random() * 4 - 2);
    const initial = Float64Array.from({ length: L }, () => random() * 2 - 1);
    const chain = { labelCount: L, transitions, initial };
    const temperature = 1.7;
    const paths = enumerate(n, chain, emissions, temperature);
    const z = paths.reduce((sum, [, w]) => sum + w, 0);
    const posterior = new Posterior(emissions, n, chain, temperature);
    for (let typeIndex = 0; typeIndex < 6; typeIndex++) {
      for (let start = 0; start < n; start++) {
        for (let end = start + 1; end <= n; end++) {
          const b = beginLabel(typeIndex);
          const inside = insideLabel(typeIndex);
          const exact =
            paths
              .filter(([p]) => p[start] === b && p.slice(start + 1, end).every((y) => y === inside) && (end === n || p[end] !== inside))
              .reduce((sum, [, w]) => sum + w, 0) / z;
          expect(posterior.spanProbability(start, end, b, inside)).toBeCloseTo(exact, 9);
        }
      }
      for (let i = 0; i < n; i++) {
        let total = 0;
        for (let y = 0; y < L; y++) total += posterior.marginal(i, y);
        expect(total).toBeCloseTo(1, 9);
      }
    }
  });
});
