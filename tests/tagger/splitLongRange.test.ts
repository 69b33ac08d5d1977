import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLongRange } from '../../src/tagger/stage.js';

describe('splitLongRange', () => {
  it.each([
    ['a short range stays whole', 'abc def', 0, 7, 10, [[0, 7]]],
    ['cuts after the last space in the second half', 'aaaa bbbb cccc', 0, 14, 8, [[0, 5], [5, 10], [10, 14]]],
    ['cuts hard where there is no space', 'aaaaaaaaaa', 0, 10, 4, [[0, 4], [4, 8], [8, 10]]],
    ['never between the halves of a surrogate pair', 'aaa𠀀bbb', 0, 8, 4, [[0, 3], [3, 7], [7, 8]]],
  ])('%s', (_title, text, start, end, max, expected) => {
    expect(splitLongRange(text, start, end, max).map((p) => [p.start, p.end])).toEqual(expected);
  });

  it('covers the range with contiguous pieces no longer than the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 2, max: 40 }), (text, max) => {
        const pieces = splitLongRange(text, 0, text.length, max);
        let at = 0;
        for (const piece of pieces) {
          expect(piece.start).toBe(at);
          expect(piece.end - piece.start).toBeLessThanOrEqual(max);
          if (text.length > 0) expect(piece.end).toBeGreaterThan(piece.start);
          at = piece.end;
        }
        expect(at).toBe(text.length);
      }),
    );
  });
});
