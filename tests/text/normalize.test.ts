import { describe, expect, it } from 'vitest';
import { isNfkcStable } from '../../src/text/normalize.js';
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

  it('skips NFKC only for characters NFKC leaves alone, alone and after any of them', () => {
    const stable: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (c >= 0xd800 && c <= 0xdfff) continue;
      if (!isNfkcStable(ch)) continue;
      stable.push(ch);
      expect(ch.normalize('NFKC')).toBe(ch);
    }
    // Nothing in the set composes with what precedes it: no canonical decomposition (of any code point) ends in
    // one of them, and Hangul syllables compose only with conjoining jamo.
    const seconds = new Set<string>();
    for (let cp = 0; cp < 0x20000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const parts = Array.from(String.fromCodePoint(cp).normalize('NFD'));
      if (parts.length >= 2) seconds.add(parts[parts.length - 1]!);
    }
    expect(seconds.size).toBeGreaterThan(50);
    for (const ch of stable) expect(seconds.has(ch), `U+${ch.charCodeAt(0).toString(16)}`).toBe(false);
    expect(stable.length).toBeGreaterThan(11172 + 20902);
    expect(isNfkcStable('ｆｕｌｌ')).toBe(false);
    expect(isNfkcStable('유정복 인천시장은 16일 “만났다”')).toBe(true);
  });
});
