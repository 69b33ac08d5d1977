import { describe, expect, it } from 'vitest';
import type { Token } from '../../src/document/types.js';
import { extractFeatures, FEATURE_VERSION, shapeOf } from '../../src/tagger/features.js';
import { blockOf, bucketOf, hashAdd, hashStart, hashString } from '../../src/tagger/hash.js';
import { TaggerLexicon } from '../../src/tagger/lexicon.js';

const BITS = 20;

function features(text: string, lexicon = new TaggerLexicon(), tokens?: Token[], from = 0, to = text.length) {
  return extractFeatures({ text, from, to, tokens }, lexicon, BITS);
}

function bucketsAt(f: ReturnType<typeof features>, i: number): number[] {
  return Array.from(f.buckets.subarray(f.offsets[i]!, f.offsets[i + 1]!));
}

describe('feature extraction', () => {
  it.each(['유정복 인천시장은 16일 만났다.', 'A 씨는', '張', '𠀀漢字 abc', '', ' \t ', '  가  나 '])('gives every unit of %j its features', (text) => {
    const f = features(text);
    const expected: number[] = [];
    for (let i = 0; i < text.length; i++) if (!/\s/.test(text[i]!)) expected.push(i);
    expect(Array.from(f.positions)).toEqual(expected);
    expect(f.length).toBe(expected.length);
    for (let i = 0; i < f.length; i++) {
      expect(f.offsets[i + 1]!).toBeGreaterThan(f.offsets[i]!);
      for (const b of bucketsAt(f, i)) expect(b >= 0 && b < 1 << BITS).toBe(true);
    }
  });

  it('has no unit for white space, but the units beside it see it in their n-grams', () => {
    const apart = features('서울 부산');
    const together = features('서울부산');
    expect(apart.length).toBe(4);
    expect(Array.from(apart.positions)).toEqual([0, 1, 3, 4]);
    expect(bucketsAt(apart, 1)).not.toEqual(bucketsAt(together, 1));
  });

  it('is deterministic', () => {
    const a = features('김민준 교수는 서울대학교에서 강연했다.');
    const b = features('김민준 교수는 서울대학교에서 강연했다.');
    expect(Array.from(a.buckets)).toEqual(Array.from(b.buckets));
  });

  it('adds dictionary features where a surface matches, and only there', () => {
    const text = '부산시청 앞';
    const lexicon = new TaggerLexicon();
    lexicon.add('부산', 'placeKorea');
    const plain = features(text);
    const withLexicon = features(text, lexicon);
    // 부, 산: covered by the match; 시: right after it (a match ends before it).
    for (const i of [0, 1, 2]) expect(bucketsAt(withLexicon, i).length).toBeGreaterThan(bucketsAt(plain, i).length);
    // 청 and 앞 (units 3 and 4: the space is not a unit).
    for (const i of [3, 4]) expect(bucketsAt(withLexicon, i)).toEqual(bucketsAt(plain, i));
  });

  it('a person cue in the next eojeol reaches the last unit of a name', () => {
    const lexicon = new TaggerLexicon();
    lexicon.add('기자', 'title');
    const withCue = features('이현준 기자', lexicon);
    const without = features('이현준 기자');
    expect(bucketsAt(withCue, 2).length).toBe(bucketsAt(without, 2).length + 1);
  });

  it('uses the analyzer tokens: part of speech and name class change the features', () => {
    const text = '인천에서';
    const token = (pos: string, nameClass?: Token['nameClass']): Token[] => [
      { start: 0, end: 2, text: '인천', pos, eojeol: 0, ...(nameClass ? { nameClass } : {}) },
      { start: 2, end: 4, text: '에서', pos: 'JKB', eojeol: 0 },
    ];
    const place = features(text, undefined, token('NNP', 'place'));
    const common = features(text, undefined, token('NNG'));
    const none = features(text);
    expect(bucketsAt(place, 0)).not.toEqual(bucketsAt(common, 0));
    expect(bucketsAt(place, 0).length).toBeGreaterThan(bucketsAt(none, 0).length);
  });

  it('tags a range but reads the text around it', () => {
    const text = '서울 부산 대구';
    const inner = features(text, undefined, undefined, 3, 5);
    expect(inner.length).toBe(2);
    const alone = features('부산');
    // The previous and next eojeol (서울, 대구) are context features of the range, absent when tagged alone.
    expect(bucketsAt(inner, 0)).not.toEqual(bucketsAt(alone, 0));
  });

  it.each([
    [0x20, 0],
    ['가'.charCodeAt(0), 1],
    ['漢'.charCodeAt(0), 3],
    ['A'.charCodeAt(0), 4],
    ['a'.charCodeAt(0), 5],
    ['7'.charCodeAt(0), 6],
  ])('shape of U+%s is %i', (code, shape) => {
    expect(shapeOf(code)).toBe(shape);
  });

  // The committed model's weights sit at these buckets: if this fails, the hashing changed and
  // dictionaries/tagger/model.bin must be retrained (npm run train) and FEATURE_VERSION raised.
  it('hashing is stable (the committed model depends on it)', () => {
    expect(FEATURE_VERSION).toBe(6);
    expect(bucketOf(hashAdd(hashStart(1), 0xac00), 20)).toBe(1038247);
    // Blocks of adjacent buckets: the top bits pick the block, the slot the bucket in it.
    expect(blockOf(hashAdd(hashStart(1), 0xac00), 20, 2, 0)).toBe(1038244);
    expect(blockOf(hashString(hashStart(18), '서울'), 20, 3, 1)).toBe(1038209);
    expect(bucketOf(hashString(hashStart(40), 'NNP'), 20)).toBe(819268);
    expect(bucketOf(hashStart(0), 18)).toBe(139645);
  });
});
