import { describe, expect, it } from 'vitest';
import { windowContext, windowEnds } from '../../src/pipeline/windows.js';

/** Best of three: the time to cut `text` into windows and take each window's context, in ms. */
function cutTime(text: string): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    let offset = 0;
    for (const end of windowEnds(text)) {
      windowContext({ offset, documentText: text, carry: {} }, end - offset, 256);
      offset = end;
    }
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/**
 * Cutting a long document into windows, and the context of each, take time linear in the document whatever it
 * holds: one endless word or run of white space once made each window's context reach back to the start of the
 * document. Both sizes are many windows long (a window is 64k to 128k units).
 */
describe('windows of a long document in linear time', () => {
  it.each([
    ['one letter without spaces', 'a'],
    ['white space', ' '],
    ['line breaks', '\n'],
    ['dots', '.'],
    ['sentence ends and spaces', '. '],
    ['opening brackets', '('],
    ['closing quotes and spaces', '") '],
    ['Hangul without spaces', '가'],
  ])('%s: 10 MB takes at most 20 times as long as 1 MB', (_name, unit) => {
    const small = cutTime(unit.repeat(1_000_000 / unit.length));
    const large = cutTime(unit.repeat(10_000_000 / unit.length));
    expect(large / Math.max(small, 2)).toBeLessThanOrEqual(20);
  });
});
