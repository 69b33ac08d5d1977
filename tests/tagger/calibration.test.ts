import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KornerError } from '../../src/errors.js';
import { parseTsv } from '../../src/resources/tsv.js';
import { createExtractor } from '../../src/extractor.js';
import { replaceStage } from '../../src/pipeline/pipeline.js';
import type { ResourceLoader } from '../../src/resources/loader.js';
import { nodeLoader } from '../../src/resources/nodeLoader.js';
import { createTaggerStage } from '../../src/tagger/stage.js';
import { repoRoot } from '../helpers.js';
import { calibrationFromTable, fitCalibration, formatCalibrationTable, ScoreCalibration } from '../../src/tagger/calibration.js';

describe('ScoreCalibration', () => {
  const calibration = new ScoreCalibration([
    { score: 0.2, probability: 0.1 },
    { score: 0.6, probability: 0.5 },
    { score: 0.9, probability: 0.8 },
  ]);

  it.each([
    [0, 0.1],
    [0.2, 0.1],
    [0.4, 0.3],
    [0.6, 0.5],
    [0.75, 0.65],
    [0.9, 0.8],
    [1, 0.8],
  ])('maps %f to %f (linear between knots, flat beyond them)', (score, probability) => {
    expect(calibration.apply(score)).toBeCloseTo(probability, 12);
  });

  it.each([
    [[], 'no knots'],
    [[{ score: 0.5, probability: 0.5 }, { score: 0.4, probability: 0.6 }], 'does not rise'],
    [[{ score: 0.4, probability: 0.6 }, { score: 0.5, probability: 0.5 }], 'does not rise'],
  ])('refuses knots %j', (knots, message) => {
    expect(() => new ScoreCalibration(knots)).toThrow(message);
  });
});

describe('fitCalibration', () => {
  it('pools groups whose share right falls, so the fit never falls', () => {
    // Scores 0..0.99; the right ones are frequent at low scores, then rare, then frequent: a violation to pool.
    const points = Array.from({ length: 100 }, (_, i) => ({ score: i / 100, right: i < 20 ? i % 2 === 0 : i < 40 ? i % 5 === 0 : i % 10 !== 0 }));
    const knots = fitCalibration(points, 10);
    for (let k = 1; k < knots.length; k++) {
      expect(knots[k]!.score).toBeGreaterThan(knots[k - 1]!.score);
      expect(knots[k]!.probability).toBeGreaterThanOrEqual(knots[k - 1]!.probability);
    }
    // Groups 0-1 (half right) and 2-3 (a fifth right) pool into one of 14 right out of 40.
    expect(knots[0]!.probability).toBeCloseTo(14 / 40, 12);
    expect(knots.at(-1)!.probability).toBeCloseTo(0.9, 12);
  });

  it('keeps the share right of every pooled group, weighted by size (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ score: fc.double({ min: 0, max: 1, noNaN: true }), right: fc.boolean() }), { minLength: 1, maxLength: 300 }), fc.integer({ min: 1, max: 30 }), (points, bins) => {
        const knots = fitCalibration(points, bins);
        for (let k = 1; k < knots.length; k++) expect(knots[k]!.probability).toBeGreaterThanOrEqual(knots[k - 1]!.probability);
        // The fit is a valid calibration, and it is right on average over the points it was fitted on.
        const calibration = new ScoreCalibration(knots);
        const right = points.filter((p) => p.right).length / points.length;
        if (knots.length === 1) expect(calibration.apply(0.5)).toBeCloseTo(right, 9);
      }),
    );
  });
});

describe('the calibration file', () => {
  it('round-trips through its TSV form', () => {
    const knots = [
      { score: 0.1234, probability: 0.05 },
      { score: 0.5, probability: 0.45 },
      { score: 0.97, probability: 0.93 },
    ];
    const table = parseTsv('tagger/calibration.tsv', formatCalibrationTable(knots, 'test.'));
    expect(calibrationFromTable(table).knots).toEqual(knots);
  });

  it('names the file and row of a value outside [0, 1]', () => {
    const table = parseTsv('tagger/calibration.tsv', '# columns: score\tprobability\n0.2\t0.1\n0.5\t1.5\n');
    expect(() => calibrationFromTable(table)).toThrow(KornerError);
    expect(() => calibrationFromTable(table)).toThrow('tagger/calibration.tsv: row 2');
  });
});

describe('the tagger stage with a calibration', () => {
  const dictionaries = join(repoRoot, 'dictionaries');
  const flat = new TextEncoder().encode('# columns: score\tprobability\n0.0000\t0.5000\n1.0000\t0.5000\n');
  const loader: ResourceLoader = {
    read: (name) => (name === 'tagger/flat.tsv' ? Promise.resolve(flat) : nodeLoader(dictionaries).read(name)),
  };
  const text = '유정복 인천시장은 27일 웨이하이시를 방문했다.';

  it.each([
    ['tagger/flat.tsv', (score: number) => expect(score).toBe(0.5)],
    [null, (score: number) => expect(score).not.toBe(0.5)],
  ] as const)('scores the tagger entities through %s', async (calibration, check) => {
    const extractor = await createExtractor({ loader, stages: (defaults) => replaceStage(defaults, 'tagger', createTaggerStage({ calibration })) });
    const tagged = extractor.extract(text, { minScore: 0 }).entities.filter((e) => e.source === 'tagger');
    expect(tagged.length).toBeGreaterThan(0);
    for (const entity of tagged) check(entity.score!);
  });

  it('calibrates the default model by default: each score is the shipped map of the raw posterior', async () => {
    const shipped = calibrationFromTable(parseTsv('tagger/calibration.tsv', readFileSync(join(dictionaries, 'tagger', 'calibration.tsv'), 'utf8')));
    const tagged = async (stages?: Parameters<typeof createExtractor>[0]['stages']) =>
      (await createExtractor({ loader: nodeLoader(dictionaries), ...(stages ? { stages } : {}) })).extract(text, { minScore: 0 }).entities.filter((e) => e.source === 'tagger');
    const calibrated = await tagged();
    const raw = await tagged((defaults) => replaceStage(defaults, 'tagger', createTaggerStage({ calibration: null })));
    expect(calibrated.map((e) => e.text)).toContain('유정복');
    expect(calibrated.map((e) => [e.start, e.end, e.type])).toEqual(raw.map((e) => [e.start, e.end, e.type]));
    calibrated.forEach((entity, k) => expect(entity.score).toBeCloseTo(shipped.apply(raw[k]!.score!), 12));
    expect(calibrated.some((entity, k) => entity.score !== raw[k]!.score)).toBe(true);
  });
});
