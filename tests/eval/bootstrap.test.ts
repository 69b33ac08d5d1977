import { describe, expect, it } from 'vitest';
import { bootstrapIntervals, f1Of, pairedDifference, seededRandom, type EntityCounts, type SentenceCounts } from '../../src/eval/bootstrap.js';
import { KornerError } from '../../src/errors.js';

const counts = (tp: number, fp: number, fn: number): EntityCounts => ({ tp, fp, fn });

/** `n` sentences whose counts are drawn from a seeded generator: some right, some wrong, of two types. */
function sentences(n: number, seed: number, skill = 0.7): SentenceCounts[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const person = counts(0, 0, 0);
    const place = counts(0, 0, 0);
    for (let e = 0; e < 3; e++) {
      const c = random() < 0.5 ? person : place;
      if (random() < skill) c.tp++;
      else if (random() < 0.5) c.fp++;
      else c.fn++;
    }
    const micro = counts(person.tp + place.tp, person.fp + place.fp, person.fn + place.fn);
    return { PERSON: person, LOCATION: place, micro };
  });
}

describe('seededRandom', () => {
  it('gives the same floats in [0, 1) for the same seed, others for another', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    // Spread over the interval: each tenth holds about a tenth of the draws.
    const tenths = new Array<number>(10).fill(0);
    for (const x of first) tenths[Math.floor(x * 10)]!++;
    expect(Math.min(...tenths)).toBeGreaterThan(60);
  });
});

describe('bootstrapIntervals', () => {
  it('is deterministic for a seed, and brackets the score of the whole sample', () => {
    const sample = sentences(400, 1);
    const keys = ['PERSON', 'LOCATION', 'micro'];
    const intervals = bootstrapIntervals(sample, keys, 500, 3);
    expect(bootstrapIntervals(sample, keys, 500, 3)).toEqual(intervals);
    expect(bootstrapIntervals(sample, keys, 500, 4)).not.toEqual(intervals);
    for (const key of keys) {
      const total = sample.reduce((sum, s) => counts(sum.tp + s[key]!.tp, sum.fp + s[key]!.fp, sum.fn + s[key]!.fn), counts(0, 0, 0));
      const [low, high] = intervals[key]!.f1;
      expect(low).toBeLessThan(f1Of(total));
      expect(high).toBeGreaterThan(f1Of(total));
      expect(high - low).toBeLessThan(0.15);
    }
  });

  it('narrows as the sample grows', () => {
    const width = (n: number) => {
      const [low, high] = bootstrapIntervals(sentences(n, 2), ['micro'], 400, 1).micro!.f1;
      return high - low;
    };
    expect(width(1600)).toBeLessThan(width(100) / 2);
  });

  it.each([
    ['every sentence alike: every resample is the sample', [{ micro: counts(2, 1, 1) }, { micro: counts(2, 1, 1) }], { precision: [2 / 3, 2 / 3], recall: [2 / 3, 2 / 3], f1: [2 / 3, 2 / 3] }],
    // Two sentences, one right and one wrong: resamples are both right (F1 1), both wrong (0) or one of each.
    ['one right and one wrong sentence: the interval spans 0 to 1', [{ micro: counts(1, 0, 0) }, { micro: counts(0, 1, 0) }], { precision: [0, 1], recall: [0, 1], f1: [0, 1] }],
    ['a sentence without the key adds nothing to it', [...Array.from({ length: 4 }, () => ({ micro: counts(1, 0, 0) })), {}], { precision: [1, 1], recall: [1, 1], f1: [1, 1] }],
    ['no sentence', [], { precision: [0, 0], recall: [0, 0], f1: [0, 0] }],
  ])('%s', (_title, sample: SentenceCounts[], expected) => {
    const interval = bootstrapIntervals(sample, ['micro'], 1000, 1).micro!;
    for (const metric of ['precision', 'recall', 'f1'] as const) {
      expect(interval[metric], metric).toEqual(expected[metric].map((x) => expect.closeTo(x, 12)));
    }
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %s rounds', (rounds) => {
    expect(() => bootstrapIntervals([], ['micro'], rounds, 1)).toThrow(KornerError);
  });
});

describe('pairedDifference', () => {
  const micro = (sample: SentenceCounts[]) => sample.map((s) => s.micro!);

  it('is 0 with a 0-wide interval for a run against itself', () => {
    const run = micro(sentences(200, 5));
    expect(pairedDifference(run, run, 300, 2)).toEqual({ observed: 0, interval: [0, 0] });
  });

  it('finds a small but sure gain that the unpaired intervals cannot tell apart', () => {
    const theirs = micro(sentences(300, 6));
    // Ours: one more entity right in every tenth sentence, the same elsewhere.
    const ours = theirs.map((c, i) => (i % 10 === 0 && c.fn > 0 ? counts(c.tp + 1, c.fp, c.fn - 1) : c));
    const difference = pairedDifference(ours, theirs, 1000, 2);
    expect(difference.observed).toBeGreaterThan(0);
    expect(difference.interval[0]).toBeGreaterThan(0);
    expect(difference.interval[0]).toBeLessThanOrEqual(difference.observed);
    expect(difference.interval[1]).toBeGreaterThanOrEqual(difference.observed);
    // Each run's own interval is wider than the gain: only pairing shows it.
    const own = (run: EntityCounts[]) => bootstrapIntervals(run.map((c) => ({ micro: c })), ['micro'], 1000, 2).micro!.f1;
    expect(own(ours)[0]).toBeLessThan(f1Of(theirs.reduce((s, c) => counts(s.tp + c.tp, s.fp + c.fp, s.fn + c.fn), counts(0, 0, 0))));
    expect(pairedDifference(theirs, ours, 1000, 2).interval[1]).toBeLessThan(0);
  });

  it('refuses runs of different lengths, saying to pair the same sentences', () => {
    expect(() => pairedDifference([counts(1, 0, 0)], [], 10, 1)).toThrow(/same sentences, in the same order/);
  });
});
