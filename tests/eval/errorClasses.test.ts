import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSpans, type SpanComparison } from '../../src/eval/errorClasses.js';
import { score, type ScoredSpan } from '../../src/eval/score.js';

/** `'0-3 PS'`: a span from 0 to 3 of type PS. */
function span(text: string): ScoredSpan {
  const [range, type] = text.split(' ');
  const [start, end] = range!.split('-').map(Number);
  return { start: start!, end: end!, type: type! };
}

const name = (s: ScoredSpan | undefined): string => (s ? `${s.start}-${s.end} ${s.type}` : '∅');

/** Each error as `kind gold → predicted`, `∅` for no span. */
function described(comparison: SpanComparison<ScoredSpan, ScoredSpan>): string[] {
  return comparison.errors.map(
    (e) => `${e.kind} ${name(e.gold === undefined ? undefined : comparison.gold[e.gold])} → ${name(e.predicted === undefined ? undefined : comparison.predicted[e.predicted])}`,
  );
}

describe('error classes', () => {
  it.each([
    ['an exact match is no error', ['0-3 PS'], ['0-3 PS'], []],
    ['same type, longer span: boundary', ['0-2 LC'], ['0-4 LC'], ['boundary 0-2 LC → 0-4 LC']],
    ['same type, shorter span inside: boundary', ['2-8 OG'], ['4-8 OG'], ['boundary 2-8 OG → 4-8 OG']],
    ['same span, another type: type', ['0-4 LC'], ['0-4 OG'], ['type 0-4 LC → 0-4 OG']],
    ['overlap, another span and type: boundary+type', ['0-4 LC'], ['2-9 OG'], ['boundary+type 0-4 LC → 2-9 OG']],
    ['gold with no prediction over it: missed', ['5-8 QT'], [], ['missed 5-8 QT → ∅']],
    ['prediction over no gold: spurious', [], ['5-8 QT'], ['spurious ∅ → 5-8 QT']],
    ['spans that touch do not overlap: missed and spurious', ['0-2 PS'], ['2-4 PS'], ['missed 0-2 PS → ∅', 'spurious ∅ → 2-4 PS']],
    // 서울시청 predicted as 서울 (LC) and 시청 (OG): 서울 is its partner, 시청 overlaps it all the same.
    ['a gold entity split in two predictions: the other half is classed against it', ['0-4 LC'], ['0-2 LC', '2-4 OG'], ['boundary 0-4 LC → 0-2 LC', 'boundary+type 0-4 LC → 2-4 OG']],
    ['two gold entities joined in one prediction: both boundary', ['0-2 LC', '3-5 LC'], ['0-5 LC'], ['boundary 0-2 LC → 0-5 LC', 'boundary 3-5 LC → 0-5 LC']],
    ['the exact match wins a tie of overlap', ['0-3 PS'], ['0-5 PS', '0-3 PS'], ['boundary 0-3 PS → 0-5 PS']],
    ['two predictions over one gold entity: each classed against it', ['0-3 PS'], ['0-3 OG', '0-5 PS'], ['boundary 0-3 PS → 0-5 PS', 'type 0-3 PS → 0-3 OG']],
    ['the largest overlap pairs first', ['0-10 LC'], ['0-3 LC', '4-10 OG'], ['boundary 0-10 LC → 0-3 LC', 'boundary+type 0-10 LC → 4-10 OG']],
    ['duplicates count once', ['0-2 PS', '0-2 PS'], ['0-2 PS', '0-2 PS'], []],
    ['nested gold: the inner one matches, the outer is a boundary+type error', ['0-6 OG', '0-2 LC'], ['0-2 LC'], ['boundary+type 0-6 OG → 0-2 LC']],
    [
      'errors in order of position',
      ['10-12 DT', '0-3 PS', '20-23 QT'],
      ['21-23 QT', '5-7 LC', '0-3 PS', '10-12 TI'],
      ['spurious ∅ → 5-7 LC', 'type 10-12 DT → 10-12 TI', 'boundary 20-23 QT → 21-23 QT'],
    ],
  ])('%s', (_title, gold, predicted, expected) => {
    expect(described(compareSpans(gold.map(span), predicted.map(span)))).toEqual(expected);
  });

  it('pairs one to one for the confusion matrix, and leaves the rest unpaired', () => {
    const comparison = compareSpans(['0-4 LC', '6-8 PS', '10-12 DT'].map(span), ['0-2 LC', '2-4 OG', '6-8 PS', '20-22 QT'].map(span));
    const pairs = comparison.pairs.map((p) => `${name(comparison.gold[p.gold])} ~ ${name(comparison.predicted[p.predicted])}${p.exact ? ' exact' : ''}`);
    expect(pairs).toEqual(['0-4 LC ~ 0-2 LC', '6-8 PS ~ 6-8 PS exact']);
    expect(comparison.unpairedGold.map((g) => name(comparison.gold[g]))).toEqual(['10-12 DT']);
    expect(comparison.unpairedPredicted.map((p) => name(comparison.predicted[p]))).toEqual(['2-4 OG', '20-22 QT']);
  });

  it.each([
    ['the same span wins a tie of overlap over the same type', ['0-3 PS'], ['0-5 PS', '0-3 OG'], '0-3 PS ~ 0-3 OG'],
    ['the same type wins a tie over neither', ['2-6 PS'], ['0-4 OG', '4-8 PS'], '2-6 PS ~ 4-8 PS'],
    ['on a full tie, the earlier prediction', ['2-6 PS'], ['4-8 PS', '0-4 PS'], '2-6 PS ~ 0-4 PS'],
  ])('%s', (_title, gold, predicted, pair) => {
    const comparison = compareSpans(gold.map(span), predicted.map(span));
    expect(comparison.pairs.map((p) => `${name(comparison.gold[p.gold])} ~ ${name(comparison.predicted[p.predicted])}`)).toEqual([pair]);
  });
});

const TYPES = ['PS', 'LC', 'OG'];
const spans = fc.array(
  fc.record({ start: fc.integer({ min: 0, max: 40 }), length: fc.integer({ min: 1, max: 8 }), type: fc.constantFrom(...TYPES) }).map(({ start, length, type }) => ({ start, end: start + length, type })),
  { maxLength: 12 },
);
const overlaps = (a: ScoredSpan, b: ScoredSpan) => a.start < b.end && b.start < a.end;

describe('error classes, on random spans', () => {
  it('agree with score(): the exact pairs are its true positives, every other span a false positive or negative', () => {
    fc.assert(
      fc.property(spans, spans, (gold, predicted) => {
        const c = compareSpans(gold, predicted);
        const micro = score([{ text: ' '.repeat(50), gold, predicted }]).entity.micro;
        const exact = c.pairs.filter((p) => p.exact).length;
        const inexact = c.pairs.length - exact;
        expect(exact).toBe(micro.truePositives);
        expect(inexact + c.unpairedPredicted.length).toBe(micro.falsePositives);
        expect(inexact + c.unpairedGold.length).toBe(micro.falseNegatives);
        expect(c.errors).toHaveLength(inexact + c.unpairedGold.length + c.unpairedPredicted.length);
      }),
    );
  });

  it('call missed and spurious exactly the spans that overlap nothing, and pair only overlapping spans, one to one', () => {
    fc.assert(
      fc.property(spans, spans, (gold, predicted) => {
        const c = compareSpans(gold, predicted);
        for (const e of c.errors) {
          if (e.kind === 'missed') expect(c.predicted.some((p) => overlaps(p, c.gold[e.gold!]!))).toBe(false);
          else if (e.kind === 'spurious') expect(c.gold.some((g) => overlaps(g, c.predicted[e.predicted!]!))).toBe(false);
          else expect(overlaps(c.gold[e.gold!]!, c.predicted[e.predicted!]!)).toBe(true);
        }
        for (const [g, span] of c.gold.entries()) {
          const missed = c.errors.some((e) => e.kind === 'missed' && e.gold === g);
          if (!missed && c.unpairedGold.includes(g)) expect(c.predicted.some((p) => overlaps(p, span))).toBe(true);
        }
        expect(new Set(c.pairs.map((p) => p.gold)).size).toBe(c.pairs.length);
        expect(new Set(c.pairs.map((p) => p.predicted)).size).toBe(c.pairs.length);
        for (const p of c.pairs) expect(overlaps(c.gold[p.gold]!, c.predicted[p.predicted]!)).toBe(true);
      }),
    );
  });
});

describe('error classes, time', () => {
  /** A sentence of n gold and n predicted spans, the predictions shifted so that each overlaps two gold spans. */
  function long(n: number): [ScoredSpan[], ScoredSpan[]] {
    const gold = Array.from({ length: n }, (_, i) => ({ start: i * 10, end: i * 10 + 6, type: TYPES[i % 3]! }));
    const predicted = Array.from({ length: n }, (_, i) => ({ start: i * 10 + 4, end: i * 10 + 12, type: TYPES[(i + 1) % 3]! }));
    return [gold, predicted];
  }
  const fastest = (n: number): number => {
    const [gold, predicted] = long(n);
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      compareSpans(gold, predicted);
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };

  it('grows about linearly with the spans of a sentence, not with their square', () => {
    fastest(5_000); // warm-up
    const ratio = fastest(150_000) / Math.max(fastest(5_000), 0.5);
    // 30 times the spans: linear is 30 (somewhat more as the larger input leaves the processor's caches), quadratic 900.
    expect(ratio).toBeLessThan(200);
  });
});
