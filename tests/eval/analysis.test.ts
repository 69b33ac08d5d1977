import { describe, expect, it } from 'vitest';
import { analyzeErrors, type AnalyzedSentence } from '../../src/eval/analysis.js';
import { score } from '../../src/eval/score.js';

const s = (start: number, end: number, type: string, source?: string) => ({ start, end, type, ...(source ? { source } : {}) });

/** 서울시청 split in two, a missed quantity, a spurious organisation, a date one word too long; one sentence right. */
const sentences: AnalyzedSentence[] = [
  { id: 'a', text: '서울시청 발표', gold: [s(0, 4, 'LOCATION')], predicted: [s(0, 2, 'LOCATION', 'place'), s(2, 4, 'ORGANIZATION', 'tagger')] },
  { id: 'b', text: '오는 27일 5천㎡ MOU', gold: [s(3, 6, 'DATE'), s(7, 10, 'QUANTITY')], predicted: [s(0, 6, 'DATE', 'dateTime'), s(11, 14, 'ORGANIZATION', 'tagger')] },
  { id: 'c', text: '김민수 씨', gold: [s(0, 3, 'PERSON')], predicted: [s(0, 3, 'PERSON', 'tagger')] },
  { id: 'd', text: '부산', gold: [], predicted: [s(0, 2, 'LOCATION')] },
];

describe('analyzeErrors', () => {
  const analysis = analyzeErrors(sentences, { rounds: 200, seed: 1 });

  it('scores as score() does, per type and micro', () => {
    const report = score(sentences);
    for (const row of analysis.scores) {
      const expected = row.key === 'micro' ? report.entity.micro : report.entity.byType[row.key]!;
      expect([row.counts.tp, row.counts.fp, row.counts.fn], row.key).toEqual([expected.truePositives, expected.falsePositives, expected.falseNegatives]);
      expect(row.f1).toBeCloseTo(expected.f1, 12);
      expect(row.interval!.f1[0]).toBeLessThanOrEqual(row.interval!.f1[1]);
    }
    expect(analysis.scores.map((row) => row.key)).toEqual(['PERSON', 'LOCATION', 'ORGANIZATION', 'DATE', 'QUANTITY', 'micro']);
  });

  it('counts the classes by type and by source; a prediction without source is "unknown", a missed entity "none"', () => {
    expect(analysis.classes.total).toEqual({ boundary: 2, type: 0, 'boundary+type': 1, missed: 1, spurious: 2 });
    expect(analysis.classes.byType.counts.LOCATION).toEqual({ boundary: 1, type: 0, 'boundary+type': 1, missed: 0, spurious: 1 });
    expect(analysis.classes.bySource.rows).toEqual(['tagger', 'dateTime', 'place', 'unknown', 'none']);
    expect(analysis.classes.bySource.counts.tagger).toEqual({ boundary: 0, type: 0, 'boundary+type': 1, missed: 0, spurious: 1 });
    expect(analysis.classes.bySource.counts.none).toEqual({ boundary: 0, type: 0, 'boundary+type': 0, missed: 1, spurious: 0 });
  });

  it('fills the confusion matrix from the one-to-one pairs, the rest against none', () => {
    const { gold, predicted, counts } = analysis.matrix;
    const cell = (g: string, p: string) => counts[gold.indexOf(g)]![predicted.indexOf(p)];
    expect(gold).toEqual(['PERSON', 'LOCATION', 'ORGANIZATION', 'DATE', 'QUANTITY', 'none']);
    expect(cell('LOCATION', 'LOCATION')).toBe(1);
    expect(cell('none', 'ORGANIZATION')).toBe(2);
    expect(cell('none', 'LOCATION')).toBe(1);
    expect(cell('QUANTITY', 'none')).toBe(1);
    expect(cell('PERSON', 'PERSON')).toBe(1);
    expect(counts.flat().reduce((a, b) => a + b, 0)).toBe(7);
  });

  it('keeps the sentences with errors only, with their spans, and the errors in order', () => {
    expect(analysis.examples.sentences.map((x) => x.id)).toEqual(['a', 'b', 'd']);
    expect(analysis.examples.errors.map((e) => `${analysis.examples.sentences[e.sentence]!.id} ${e.kind}`)).toEqual([
      'a boundary',
      'a boundary+type',
      'b boundary',
      'b missed',
      'b spurious',
      'd spurious',
    ]);
    expect(analysis.examples.sentences[0]!.predicted).toEqual([s(0, 2, 'LOCATION', 'place'), s(2, 4, 'ORGANIZATION', 'tagger')]);
  });

  it('gives no intervals for 0 rounds, and the same analysis for the same input', () => {
    expect(analyzeErrors(sentences, { rounds: 0, seed: 1 }).scores.every((row) => row.interval === undefined)).toBe(true);
    expect(analyzeErrors(sentences, { rounds: 200, seed: 1 })).toEqual(analysis);
  });
});
