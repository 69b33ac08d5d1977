import { describe, expect, it } from 'vitest';
import { codeSet, inCodeSet } from '../../src/text/codeSet.js';

describe('codeSet', () => {
  const set = codeSet(['오후새벽', 0x41]);

  it.each([
    ['오', true],
    ['벽', true],
    ['A', true],
    ['B', false],
    ['가', false],
    ['힣', false],
  ])('%s is in it: %s', (letter, expected) => {
    expect(inCodeSet(set, letter.charCodeAt(0))).toBe(expected);
  });

  it('answers false below its smallest unit, above its largest and for NaN (past the end of a text)', () => {
    expect(inCodeSet(set, 0)).toBe(false);
    expect(inCodeSet(set, 0xffff)).toBe(false);
    expect(inCodeSet(set, ''.charCodeAt(0))).toBe(false);
  });

  it('may be empty', () => {
    expect(inCodeSet(codeSet([]), 0)).toBe(false);
  });
});
