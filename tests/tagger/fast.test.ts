import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerStage } from '../../src/analyzer/stage.js';
import { createDocument } from '../../src/document/createDocument.js';
import type { Token } from '../../src/document/types.js';
import { createPipeline, type Pipeline } from '../../src/pipeline/pipeline.js';
import { nodeLoader } from '../../src/resources/nodeLoader.js';
import { Resources } from '../../src/resources/resources.js';
import { Posterior, SpanScorer, viterbi, viterbi13, type ChainScores } from '../../src/tagger/decode.js';
import { Emitter, weightTable } from '../../src/tagger/emit.js';
import { extractFeatures } from '../../src/tagger/features.js';
import { LABEL_COUNT, allowedTransition, beginLabel, insideLabel, labelsToSpans, type LabelledSpan } from '../../src/tagger/labels.js';
import { LEXICON_CLASSES, loadTaggerLexicon, TaggerLexicon, type LexiconMatch } from '../../src/tagger/lexicon.js';
import { computeEmissions, decodeModel, type TaggerModel } from '../../src/tagger/model.js';
import { seededRandom } from '../../src/tagger/train.js';
import { createSentenceStage } from '../../src/text/sentences.js';
import { repoRoot } from '../helpers.js';

/**
 * The tagger's fast inference paths (emit.ts, viterbi13, SpanScorer, the compiled lexicon trie) against the plain
 * ones that training uses: the same numbers, bit for bit.
 */
const TEXTS = [
  '김민준 교수는 2023년 3월 15일 서울대학교에서 강연했다.',
  '부산시는 지난해 관광객 1,200만 명을 유치했다고 밝혔다. 이순신 장군의 동상은 광화문광장에 있다.',
  'LG화학 대표이사는 15일 기자간담회에서 올해 매출 목표를 50조 원으로 제시했다.',
  '𠀀𠀁 김𠀂수 씨가 𡈼𡈽에 갔다.',
  '서울\u3000부산\t대구\n광주  \u00a0 대전',
  '\u1100\u1161\u11a8 NFD 한글과 e\u0301 결합 문자',
  'ABC Corp. CEO John Smith visited 대한민국 in 2020.',
  '1234567890'.repeat(20),
  '가나다라마바사아자차카타파하'.repeat(3),
  '미국 텍사스주 오스틴시 삼성전자 공장에서 윤서연 씨와 박씨를 만났다',
  ' ',
  '',
];

/** A random 13-label chain and the generator that made it (for more random inputs). */
function randomChain(seed: number) {
  const random = seededRandom(seed);
  const L = LABEL_COUNT;
  const transitions = Float32Array.from({ length: L * L }, () => random() * 4 - 2);
  const initial = Float32Array.from({ length: L }, () => random() * 2 - 1);
  return { random, L, transitions, initial, chain: { labelCount: L, transitions, initial } };
}

/**
 * A span score from integer emission sums the plain way (Posterior's loops, over every label pair): exp(-d · step)
 * and -d · step for d the distance of a sum to its row's largest, as SpanScorer's table holds them.
 */
function tableReference(chain: ChainScores, T: number, step: number, sums: Int32Array, n: number, span: LabelledSpan): number {
  const L = LABEL_COUNT;
  const { transitions, initial } = chain;
  const b = beginLabel(span.typeIndex);
  const inside = insideLabel(span.typeIndex);
  const { start, end } = span;
  const allowed = (p: number, y: number) => allowedTransition(p, y, L);
  const shifted = new Float64Array(n * L);
  for (let i = 0; i < n; i++) {
    const max = Math.max(...sums.subarray(i * L, i * L + L));
    for (let y = 0; y < L; y++) shifted[i * L + y] = -(max - sums[i * L + y]!) * step;
  }
  const expShifted = shifted.map((s) => Math.exp(s));
  const expT = (p: number, y: number) => (allowed(p, y) ? Math.exp(transitions[p * L + y]! / T) : 0);
  const alpha = new Float64Array(n * L);
  const rowSum = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let y = 0; y < L; y++) {
      let v = 0;
      if (i === 0) v = allowed(-1, y) ? Math.exp(initial[y]! / T) * expShifted[y]! : 0;
      else {
        for (let p = 0; p < L; p++) if (allowed(p, y)) v += alpha[(i - 1) * L + p]! * expT(p, y);
        v *= expShifted[i * L + y]!;
      }
      alpha[i * L + y] = v;
      sum += v;
    }
    const inverse = 1 / sum;
    for (let y = 0; y < L; y++) alpha[i * L + y]! *= inverse;
    rowSum[i] = sum;
  }
  const beta = new Float64Array(n * L).fill(1, (n - 1) * L);
  for (let i = n - 2; i >= 0; i--) {
    const inverse = 1 / rowSum[i + 1]!;
    for (let p = 0; p < L; p++) {
      let v = 0;
      for (let y = 0; y < L; y++) if (allowed(p, y)) v += expT(p, y) * (expShifted[(i + 1) * L + y]! * beta[(i + 1) * L + y]!);
      beta[i * L + p] = v * inverse;
    }
  }
  let logP: number;
  if (start === 0) logP = initial[b]! / T;
  else {
    let into = 0;
    for (let p = 0; p < L; p++) into += alpha[(start - 1) * L + p]! * expT(p, b);
    if (into === 0) return 0;
    logP = Math.log(into);
  }
  logP += shifted[start * L + b]!;
  let last = b;
  for (let k = start + 1; k < end; k++) {
    logP += transitions[last * L + inside]! / T + shifted[k * L + inside]!;
    last = inside;
  }
  let scaleSum = 0;
  for (let k = start; k < Math.min(end + 1, n); k++) scaleSum += Math.log(rowSum[k]!);
  if (end < n) {
    let out = 0;
    for (let y = 0; y < L; y++) if (y !== inside) out += expT(last, y) * (expShifted[end * L + y]! * beta[end * L + y]!);
    if (out === 0) return 0;
    logP += Math.log(out);
  }
  return Math.min(1, Math.max(0, Math.exp(logP - scaleSum)));
}

describe('fast inference paths', () => {
  let pipeline: Pipeline;
  let lexicon: TaggerLexicon;
  let model: TaggerModel;

  beforeAll(async () => {
    const resources = new Resources(nodeLoader());
    pipeline = createPipeline([createSentenceStage(), createAnalyzerStage()]);
    await pipeline.setup(resources);
    lexicon = await loadTaggerLexicon(resources);
    model = decodeModel(new Uint8Array(readFileSync(join(repoRoot, 'dictionaries', 'tagger', 'model.bin'))));
  });

  it('Emitter gives the emissions of extractFeatures + computeEmissions, bit for bit', () => {
    const table = weightTable(model)!;
    expect(table).toBeDefined();
    const emitter = new Emitter(table, lexicon);
    for (const text of TEXTS) {
      const doc = pipeline.run(createDocument(text), {});
      const ranges = [{ start: 0, end: text.length }, ...(doc.sentences ?? [])];
      if (text.length > 6) ranges.push({ start: 2, end: text.length - 3 });
      for (const { start, end } of ranges) {
        for (const tokens of [undefined, [] as Token[], (doc.tokens ?? []).filter((t) => t.end > start && t.start < end)]) {
          const features = extractFeatures({ text, from: start, to: end, tokens }, lexicon, model.bits);
          const expected = computeEmissions(model, features);
          const actual = new Float64Array(Math.max(1, (end - start) * 13));
          const integers = new Int32Array(actual.length);
          const positions = new Int32Array(Math.max(1, end - start));
          const units = emitter.emissions(text, start, end, tokens, actual, positions, integers);
          expect(units).toBe(features.length);
          expect(Array.from(positions.subarray(0, units))).toEqual(Array.from(features.positions));
          expect(Array.from(actual.subarray(0, units * 13))).toEqual(Array.from(expected.subarray(0, units * 13)));
          expect(Array.from(integers.subarray(0, units * 13), (v) => v * model.scale)).toEqual(Array.from(actual.subarray(0, units * 13)));
        }
      }
    }
  });

  it('Emitter grows its WebAssembly memory for long texts and keeps each text apart', () => {
    const emitter = new Emitter(weightTable(model)!, lexicon);
    const long = TEXTS.slice(0, 10).join(' ').repeat(12);
    const short = TEXTS[2]!;
    const check = (text: string, start: number, end: number): void => {
      const features = extractFeatures({ text, from: start, to: end }, lexicon, model.bits);
      const expected = computeEmissions(model, features);
      const actual = new Float64Array((end - start) * 13);
      const positions = new Int32Array(end - start);
      const units = emitter.emissions(text, start, end, undefined, actual, positions);
      expect(units).toBe(features.length);
      expect(Array.from(positions.subarray(0, units))).toEqual(Array.from(features.positions));
      expect(Array.from(actual.subarray(0, units * 13))).toEqual(Array.from(expected.subarray(0, units * 13)));
    };
    expect(long.length).toBeGreaterThan(5000);
    check(short, 0, short.length);
    check(long, 0, long.length);
    check(short, 3, short.length - 2);
    check(long, 1000, 1400);
    check(`${short}!`, 0, short.length + 1);
  });

  it('Emitter and extractFeatures agree on long eojeol tagged in pieces, after the eojeol known from a piece before', () => {
    const emitter = new Emitter(weightTable(model)!, lexicon);
    const texts = [
      '가나다라'.repeat(1500),
      `${'서울'.repeat(1200)} ${'부산'.repeat(1200)}`,
      `${'인천시'.repeat(800)}${' '.repeat(3000)}김철수 기자`,
    ];
    for (const text of [...texts, texts[0]!]) {
      // Pieces in order (as the tagger stage cuts a long sentence) and then out of order.
      const cuts = [0, 1000, 2048, 2049, 4000, 5500, text.length].filter((c) => c <= text.length);
      const pieces = cuts.slice(1).map((end, k) => [cuts[k]!, end] as const);
      for (const [start, end] of [...pieces, ...pieces.reverse()]) {
        if (end <= start) continue;
        const features = extractFeatures({ text, from: start, to: end }, lexicon, model.bits);
        const expected = computeEmissions(model, features);
        const actual = new Float64Array((end - start) * 13);
        const units = emitter.emissions(text, start, end, undefined, actual, new Int32Array(end - start));
        expect(units).toBe(features.length);
        expect(Array.from(actual.subarray(0, units * 13))).toEqual(Array.from(expected.subarray(0, units * 13)));
      }
    }
  });

  it('Emitter handles units with more features than its 16-bit lanes hold at once', () => {
    const crowded = new TaggerLexicon();
    for (let length = 1; length <= 12; length++) for (const c of LEXICON_CLASSES) crowded.add('가'.repeat(length), c);
    const emitter = new Emitter(weightTable(model)!, crowded);
    const text = `${'가'.repeat(30)} 나`;
    const features = extractFeatures({ text, from: 0, to: text.length }, crowded, model.bits);
    let most = 0;
    for (let u = 0; u < features.length; u++) most = Math.max(most, features.offsets[u + 1]! - features.offsets[u]!);
    expect(most).toBeGreaterThan(300);
    const expected = computeEmissions(model, features);
    const actual = new Float64Array(text.length * 13);
    const units = emitter.emissions(text, 0, text.length, undefined, actual, new Int32Array(text.length));
    expect(units).toBe(text.length - 1); // the space is not a unit
    expect(Array.from(actual.subarray(0, units * 13))).toEqual(Array.from(expected.subarray(0, units * 13)));
  });

  it('the compiled trie finds what a plain scan of the surfaces finds', () => {
    const small = new TaggerLexicon();
    const surfaces: [string, 'placeKorea' | 'surname' | 'title'][] = [
      ['부산', 'placeKorea'],
      ['부산시', 'placeKorea'],
      ['김', 'surname'],
      ['교수', 'title'],
      ['부', 'surname'],
      ['산시', 'title'],
    ];
    for (const [s, c] of surfaces) small.add(s, c);
    const text = '부산시 김교수 부산시청 산시';
    const expected: LexiconMatch[] = [];
    const bit = (c: string): number => ({ surname: 1, title: 4, placeKorea: 8 })[c]!;
    for (let start = 0; start < text.length; start++) {
      for (let end = start + 1; end <= text.length; end++) {
        const mask = surfaces.filter(([s]) => s === text.slice(start, end)).reduce((m, [, c]) => m | bit(c), 0);
        if (mask) expected.push({ start, end, mask });
      }
    }
    expect(small.findAll(text)).toEqual(expected);
    expect(small.findAll(text, 4, 9)).toEqual(expected.filter((m) => m.start >= 4 && m.end <= 9));
  });

  it('SpanScorer on integer sums (its table of exponentials) matches Posterior to 1e-12, and the table computed plainly to the bit', () => {
    const { random, L, transitions, initial, chain } = randomChain(7);
    const weightScale = 0.37;
    const scorer = new SpanScorer(chain, 3.1, weightScale);
    let compared = 0;
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(random() * 40);
      // Mostly small differences (the table), some beyond it (Math.exp), ties included.
      const sums = Int32Array.from({ length: n * L }, () => Math.round((random() - 0.5) * (trial % 3 ? 60 : 5000)));
      const emissions = Float64Array.from(sums, (v) => v * weightScale);
      const spans = labelsToSpans(viterbi(emissions, n, chain));
      if (spans.length === 0) continue;
      const posterior = new Posterior(emissions, n, chain, 3.1);
      scorer.prepare(emissions, n, spans[0]!.end, sums);
      for (const span of spans) {
        const b = beginLabel(span.typeIndex);
        const inside = insideLabel(span.typeIndex);
        const score = scorer.spanProbability(span.start, span.end, b, inside);
        expect(score).toBeCloseTo(posterior.spanProbability(span.start, span.end, b, inside), 12);
        expect(score).toBe(tableReference(chain, 3.1, weightScale / 3.1, sums, n, span));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('viterbi13 and SpanScorer match viterbi and Posterior, bit for bit', () => {
    const { random, L, transitions, initial, chain } = randomChain(5);
    const scorer = new SpanScorer(chain, 3.1);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(random() * 40);
      // Integer-valued emissions give ties, which both must break alike; widely spread ones give units where one
      // label leads by more than the transitions' spread (viterbi13's shortcut), ties among the others included.
      const spread = [() => Math.round(random() * 4), () => random() * 12 - 6, () => Math.round(random() * 6) * 4][trial % 3]!;
      const emissions = Float64Array.from({ length: n * L }, spread);
      const expected = viterbi(emissions, n, chain);
      const actual = viterbi13(emissions, n, Float64Array.from(transitions), Float64Array.from(initial), new Uint8Array(n));
      expect(Array.from(actual)).toEqual(Array.from(expected));
      const spans = labelsToSpans(expected);
      if (spans.length === 0) continue;
      const posterior = new Posterior(emissions, n, chain, 3.1);
      scorer.prepare(emissions, n, spans[0]!.end);
      for (const span of spans) {
        const b = beginLabel(span.typeIndex);
        const inside = insideLabel(span.typeIndex);
        expect(scorer.spanProbability(span.start, span.end, b, inside)).toBe(posterior.spanProbability(span.start, span.end, b, inside));
      }
    }
  });
});
