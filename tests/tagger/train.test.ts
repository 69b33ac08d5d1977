import { describe, expect, it } from 'vitest';
import { labelName } from '../../src/tagger/labels.js';
import { TaggerLexicon } from '../../src/tagger/lexicon.js';
import { prepare } from '../../src/tagger/train.js';

const LOCATION = 1;

function goldLabels(text: string, spans: { start: number; end: number }[]): string[] {
  const [prepared] = prepare([{ id: 'x', text, spans: spans.map((s) => ({ ...s, typeIndex: LOCATION })) }], new TaggerLexicon(), 16);
  return Array.from(prepared!.gold, labelName);
}

describe('training labels over units (white space is not a unit)', () => {
  it.each([
    ['경기 용인시', [{ start: 0, end: 6 }], ['B-LOCATION', 'I-LOCATION', 'I-LOCATION', 'I-LOCATION', 'I-LOCATION']],
    ['서울 부산', [{ start: 0, end: 2 }, { start: 3, end: 5 }], ['B-LOCATION', 'I-LOCATION', 'B-LOCATION', 'I-LOCATION']],
    // A gold span that starts at a space begins at its first unit.
    ['가 서울', [{ start: 1, end: 4 }], ['O', 'B-LOCATION', 'I-LOCATION']],
  ])('%j', (text, spans, expected) => {
    expect(goldLabels(text, spans)).toEqual(expected);
  });
});
