import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerStage } from '../../src/analyzer/stage.js';
import { createDocument } from '../../src/document/createDocument.js';
import type { KornerDocument } from '../../src/document/types.js';
import { KornerError } from '../../src/errors.js';
import { createExtractor } from '../../src/extractor.js';
import { createPipeline, type Pipeline } from '../../src/pipeline/pipeline.js';
import { nodeLoader } from '../../src/resources/nodeLoader.js';
import { Resources } from '../../src/resources/resources.js';
import { FEATURE_VERSION } from '../../src/tagger/features.js';
import { LABEL_COUNT, labelName } from '../../src/tagger/labels.js';
import { decodeModel, encodeModel, rowOf } from '../../src/tagger/model.js';
import { createTaggerStage } from '../../src/tagger/stage.js';
import { createSentenceStage } from '../../src/text/sentences.js';
import { seededRandom } from '../../src/tagger/train.js';
import { repoRoot } from '../helpers.js';

const MODEL = join(repoRoot, 'dictionaries', 'tagger', 'model.bin');
const GOLDEN = join(repoRoot, 'tests', 'tagger', 'golden.json');

describe('model file format', () => {
  it('round-trips weights through int8 and int16 quantisation', () => {
    const random = seededRandom(3);
    const bits = 4;
    const L = LABEL_COUNT;
    const weights = Float32Array.from({ length: (1 << bits) * L }, (_, k) => (Math.floor(k / L) % 3 === 0 ? 0 : random() * 8 - 4));
    const transitions = Float32Array.from({ length: L * L }, () => random());
    const initial = Float32Array.from({ length: L }, () => random());
    for (const weightBits of [8, 16] as const) {
      const bytes = encodeModel({
        bits,
        labels: Array.from({ length: L }, (_, y) => labelName(y)),
        featureVersion: FEATURE_VERSION,
        weights,
        transitions,
        initial,
        weightBits,
        prune: 0,
        temperature: 2,
        meta: { note: 'test' },
      });
      const model = decodeModel(bytes);
      expect(model.header.activeBuckets).toBe(10); // buckets 0, 3, 6, 9, 12, 15 are all zero
      expect(model.temperature).toBe(2);
      expect(Array.from(model.transitions)).toEqual(Array.from(transitions));
      for (let k = 0; k < weights.length; k++) {
        const row = rowOf(model.index!, Math.floor(k / L));
        const value = row < 0 ? 0 : model.weights[row * L + (k % L)]!;
        expect(Math.abs(value * model.scale - weights[k]!)).toBeLessThanOrEqual(model.scale / 2 + 1e-6);
      }
    }
  });

  it.each([
    ['not a model', new TextEncoder().encode('hello world, not a model')],
    ['too short', new Uint8Array(3)],
  ])('rejects %s with a KornerError', (_title, bytes) => {
    expect(() => decodeModel(bytes)).toThrow(KornerError);
  });
});

describe('the committed model', () => {
  it('loads, is small, and carries the KLUE-NER attribution', () => {
    expect(existsSync(MODEL)).toBe(true);
    expect(statSync(MODEL).size).toBeLessThan(15_000_000);
    const model = decodeModel(new Uint8Array(readFileSync(MODEL)));
    expect(model.header.featureVersion).toBe(FEATURE_VERSION);
    expect(model.header.labels).toEqual(Array.from({ length: LABEL_COUNT }, (_, y) => labelName(y)));
    expect(String(model.header.meta.trainedOn)).toContain('KLUE-NER v1.1 validation set, Park et al., 2021');
    expect(readFileSync(join(repoRoot, 'dictionaries', 'tagger', 'ATTRIBUTION.md'), 'utf8')).toContain('CC BY-SA 4.0');
  });
});

/** Sentences written for these tests (not from any corpus). */
const SENTENCES = [
  '김민준 교수는 2023년 3월 15일 서울대학교에서 강연했다.',
  '부산시는 지난해 관광객 1,200만 명을 유치했다고 밝혔다.',
  '박씨는 오후 3시께 경인아라뱃길 인근에서 발견됐다.',
  '삼성전자는 미국 텍사스주에 새 공장을 짓는다.',
  '이순신 장군의 동상은 광화문광장에 있다.',
  '한국은행은 기준금리를 연 3.5%로 동결했다.',
  '제주도 여행 사흘째, 우리는 한라산에 올랐다.',
  'LG화학 대표이사는 15일 기자간담회에서 올해 매출 목표를 50조 원으로 제시했다.',
  '윤서연 씨는 2019년부터 대전에서 빵집을 운영하고 있다. 손님은 하루 평균 300명이다.',
  '국토교통부는 내년 상반기까지 인천공항 제2터미널 확장을 마칠 계획이다.',
  '어제 저녁 7시 30분에 강남역 근처 카페에서 친구 두 명을 만났다.',
  '대한축구협회는 손흥민이 다음 달 A매치에 출전한다고 발표했다.',
];

interface GoldenEntity {
  start: number;
  end: number;
  type: string;
  text: string;
  score: number;
}

describe('extraction with the committed model', () => {
  let pipeline: Pipeline;
  let docs: KornerDocument[];

  beforeAll(async () => {
    pipeline = createPipeline([createSentenceStage(), createAnalyzerStage(), createTaggerStage()]);
    await pipeline.setup(new Resources(nodeLoader()));
    docs = SENTENCES.map((text) => pipeline.run(createDocument(text), {}));
  });

  it('keeps the offset rule and scores in [0, 1]', () => {
    for (const doc of docs) {
      for (const entity of doc.candidates ?? []) {
        expect(doc.text.slice(entity.start, entity.end)).toBe(entity.text);
        expect(entity.source).toBe('tagger');
        expect(entity.score).toBeGreaterThanOrEqual(0);
        expect(entity.score).toBeLessThanOrEqual(1);
      }
    }
  });

  // The golden file is regenerated with UPDATE_GOLDEN=1 after retraining (or after a change to the analyzer or the
  // gazetteers the features read): review the diff before committing it.
  it('reproduces the golden output on our own sentences', () => {
    const actual: GoldenEntity[][] = docs.map((doc) =>
      (doc.candidates ?? []).map((e) => ({ start: e.start, end: e.end, type: e.type, text: e.text, score: Number(e.score!.toFixed(3)) })),
    );
    if (process.env.UPDATE_GOLDEN || !existsSync(GOLDEN)) {
      writeFileSync(GOLDEN, `${JSON.stringify(SENTENCES.map((text, i) => ({ text, entities: actual[i] })), null, 1)}\n`);
    }
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as { text: string; entities: GoldenEntity[] }[];
    expect(golden.map((g) => g.text)).toEqual(SENTENCES);
    golden.forEach((g, i) => {
      const strip = (list: GoldenEntity[]) => list.map(({ score: _score, ...rest }) => rest);
      expect(strip(actual[i]!)).toEqual(strip(g.entities));
      g.entities.forEach((e, k) => expect(Math.abs(actual[i]![k]!.score - e.score)).toBeLessThan(0.02));
    });
  });

  it('finds the people, places and organisations of a plain news sentence', () => {
    const found = (docs[0]!.candidates ?? []).map((e) => `${e.text}/${e.type}`);
    expect(found).toEqual(expect.arrayContaining(['김민준/PERSON', '서울대학교/ORGANIZATION']));
  });
});

describe('offsets on awkward input', () => {
  let pipeline: Pipeline;
  beforeAll(async () => {
    pipeline = createPipeline([createSentenceStage(), createAnalyzerStage(), createTaggerStage()]);
    await pipeline.setup(new Resources(nodeLoader()));
  });

  it.each([
    ['', 0],
    ['   ', 0],
    ['𠀀𠀁 김𠀂수 씨가 𡈼𡈽에 갔다.', -1],
    ['서울\u3000부산\t대구\n광주', -1],
    ['\u1100\u1161\u11a8 NFD 한글과 e\u0301 결합 문자', -1],
    ['ABC Corp. CEO John Smith visited 대한민국 in 2020.', -1],
    ['1234567890'.repeat(50), -1],
  ])('%j: entities keep the offset rule and whole characters', (text, count) => {
    const doc = pipeline.run(createDocument(text), {});
    const candidates = doc.candidates ?? [];
    if (count >= 0) expect(candidates).toHaveLength(count);
    for (const e of candidates) {
      expect(text.slice(e.start, e.end)).toBe(e.text);
      expect(e.end).toBeGreaterThan(e.start);
      expect(/^[\udc00-\udfff]/.test(e.text)).toBe(false);
      expect(/[\ud800-\udbff]$/.test(e.text)).toBe(false);
    }
  });
});

describe('minScore with the tagger in an extractor', () => {
  it('a higher minScore keeps a subset of the tagger entities', async () => {
    const extractor = await createExtractor({ loader: nodeLoader() });
    expect(extractor.pipeline.names).toContain('tagger');
    const text = SENTENCES.join(' ');
    const all = extractor.extract(text, { minScore: 0 }).entities.filter((e) => e.source === 'tagger');
    const sure = extractor.extract(text, { minScore: 0.9 }).entities.filter((e) => e.source === 'tagger');
    expect(all.length).toBeGreaterThan(0);
    expect(sure.length).toBeLessThan(all.length);
    for (const e of sure) expect(all).toContainEqual(e);
  });
});
