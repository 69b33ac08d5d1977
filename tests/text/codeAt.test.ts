import { describe, expect, it } from 'vitest';
import { codeAt } from '../../src/text/codeAt.js';

describe('codeAt', () => {
  it.each([
    ['인천', 0, 0xc778],
    ['인천', 1, 0xcc9c],
    ['인천', -1, -1],
    ['인천', 2, -1],
    ['', 0, -1],
    ['😀', 1, 0xde00],
  ])('codeAt(%j, %i) is %i', (text, index, expected) => {
    expect(codeAt(text, index)).toBe(expected);
  });

  it('agrees with charCodeAt inside the string', () => {
    const text = '유정복 인천시장은 16일 만났다.';
    for (let i = 0; i < text.length; i++) expect(codeAt(text, i)).toBe(text.charCodeAt(i));
  });
});
