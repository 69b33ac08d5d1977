import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lengthIn, OffsetConverter, type OffsetUnit } from '../../src/formats/offsets.js';

/** The reference: the units of `text.slice(0, index)` counted the slow way. */
function reference(text: string, index: number, unit: OffsetUnit): number {
  const prefix = text.slice(0, index);
  if (unit === 'utf16') return prefix.length;
  if (unit === 'codepoint') return Array.from(prefix).length;
  return Buffer.byteLength(prefix, 'utf8');
}

describe('OffsetConverter', () => {
  it.each([
    ['ascii', 'abc', 2, 2, 2],
    ['Hangul', '유정복 시장', 3, 3, 9],
    ['an emoji before', '😀유정복', 3, 2, 7],
    ['two emoji before', '😀😀 유정복', 5, 3, 9],
    ['Latin-1', 'é유', 1, 1, 2],
    ['astral Hanja', '𠀀威海', 3, 2, 7],
  ])('%s: UTF-16 offset → code points and UTF-8 bytes', (_title, text, index, codepoints, bytes) => {
    expect(new OffsetConverter(text, 'codepoint').fromUtf16(index)).toBe(codepoints);
    expect(new OffsetConverter(text, 'utf8').fromUtf16(index)).toBe(bytes);
    expect(new OffsetConverter(text, 'codepoint').toUtf16(codepoints)).toBe(index);
    expect(new OffsetConverter(text, 'utf8').toUtf16(bytes)).toBe(index);
  });

  it.each([
    ['past the end', 'abc', 'codepoint', 4],
    ['inside a UTF-8 sequence', '유', 'utf8', 1],
  ] as const)('toUtf16 answers -1 for an offset %s', (_title, text, unit, offset) => {
    expect(new OffsetConverter(text, unit).toUtf16(offset)).toBe(-1);
  });

  it('counts a lone surrogate as one code point and three UTF-8 bytes (U+FFFD)', () => {
    expect(lengthIn('a\uD800b', 'codepoint')).toBe(3);
    expect(lengthIn('a\uD800b', 'utf8')).toBe(5);
  });

  const astral = fc.array(fc.constantFrom('a', ' ', '유', '😀', '𠀀', 'é', '\n', '威'), { maxLength: 40 }).map((p) => p.join(''));

  it.each(['codepoint', 'utf8', 'utf16'] as const)('agrees with the slow count in %s for offsets in any order, and back', (unit) => {
    fc.assert(
      fc.property(astral, fc.array(fc.nat(), { maxLength: 12 }), (text, picks) => {
        const converter = new OffsetConverter(text, unit);
        const back = new OffsetConverter(text, unit);
        for (const pick of picks) {
          let index = pick % (text.length + 1);
          // Offsets korner makes never split a surrogate pair.
          if (index > 0 && index < text.length && /[\uDC00-\uDFFF]/.test(text[index]!)) index--;
          const converted = converter.fromUtf16(index);
          expect(converted).toBe(reference(text, index, unit));
          expect(back.toUtf16(converted)).toBe(index);
        }
      }),
    );
  });
});
