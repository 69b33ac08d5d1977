import { describe, expect, it } from 'vitest';
import type { Token } from '../../src/document/types.js';
import { groupEojeols } from '../../src/recognizers/lexiconTokens.js';

const text = '인천시청에서 유정복 시장이';
const tokens = (): Token[] => [
  { start: 0, end: 4, text: '인천시청', pos: 'NNP', eojeol: 0 },
  { start: 4, end: 6, text: '에서', pos: 'JKB', eojeol: 0 },
  { start: 7, end: 10, text: '유정복', pos: 'NNP', eojeol: 1 },
  { start: 11, end: 13, text: '시장', pos: 'NNG', eojeol: 2 },
  { start: 13, end: 14, text: '이', pos: 'JKS', eojeol: 2 },
];

describe('groupEojeols', () => {
  it('groups tokens by eojeol with the noun core of each', () => {
    const eojeols = groupEojeols(text, tokens());
    expect(eojeols.map((e) => [e.start, e.end, e.core?.text, e.bare])).toEqual([
      [0, 6, '인천시청', false],
      [7, 10, '유정복', true],
      [11, 14, '시장', false],
    ]);
  });

  it('works the grouping out once per token array, and again when the array or the text changes', () => {
    const list = tokens();
    const first = groupEojeols(text, list);
    expect(groupEojeols(text, list)).toBe(first);
    expect(groupEojeols(text, tokens())).not.toBe(first);
    list.pop();
    expect(groupEojeols(text, list)).not.toBe(first);
    expect(Object.keys(list)).toEqual(['0', '1', '2', '3']); // the memo is not an enumerable property
  });

  it('groups a frozen token array too', () => {
    const frozen = Object.freeze(tokens());
    expect(groupEojeols(text, frozen).map((e) => e.index)).toEqual([0, 1, 2]);
  });
});
