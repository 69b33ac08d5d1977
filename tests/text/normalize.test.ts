import { describe, expect, it } from 'vitest';
import { normalizeText, toOriginalSpan } from '../../src/text/normalize.js';

describe('normalizeText', () => {
  it.each([
    ['5천㎡ 규모', '5천m2 규모'],
    ['１２３％', '123%'],
    ['ＡＢＣ 기업', 'ABC 기업'],
    ['\u1112\u1161\u11AB\u1100\u1173\u11AF', '한글'],
    ['이미 NFC인 글', '이미 NFC인 글'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input).text).toBe(expected);
  });

  it('maps every normalised unit back to its original cluster', () => {
    const input = '규모 5천㎡ 물류';
    const normalized = normalizeText(input);
    const start = normalized.text.indexOf('5천m2');
    const [s, e] = toOriginalSpan(normalized, start, start + '5천m2'.length);
    expect(input.slice(s, e)).toBe('5천㎡');
  });

  it('never cuts a folded character in two', () => {
    const input = 'a㎡b';
    const normalized = normalizeText(input); // am2b
    expect(toOriginalSpan(normalized, 1, 2)).toEqual([1, 2]);
    expect(toOriginalSpan(normalized, 0, 2)).toEqual([0, 2]);
  });

  it('maps NFD Hangul syllables to their jamo in the original', () => {
    const input = 'x \u1112\u1161\u11AB y';
    const normalized = normalizeText(input);
    expect(normalized.text).toBe('x 한 y');
    const [s, e] = toOriginalSpan(normalized, 2, 3);
    expect(input.slice(s, e)).toBe('\u1112\u1161\u11AB');
  });

  it('keeps astral characters and lone surrogates whole', () => {
    const input = '𠀀\uD800가';
    const normalized = normalizeText(input);
    expect(normalized.toOriginal.length).toBe(normalized.text.length + 1);
    expect(toOriginalSpan(normalized, 0, normalized.text.length)).toEqual([0, input.length]);
  });
});
