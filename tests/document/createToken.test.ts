import { describe, expect, it } from 'vitest';
import { createToken } from '../../src/document/createToken.js';
import { createExtractor } from '../../src/index.js';

describe('createToken', () => {
  it('has every optional field, undefined, so that JSON leaves them out', () => {
    const token = createToken(3, 6, '인천시', 'NNP', 1);
    expect(Object.keys(token)).toEqual(['start', 'end', 'text', 'pos', 'eojeol', 'nameClass', 'reading', 'morphemes']);
    expect(JSON.parse(JSON.stringify(token))).toStrictEqual({ start: 3, end: 6, text: '인천시', pos: 'NNP', eojeol: 1 });
  });

  it('gives every token of the analyzer the same fields in the same order, whichever it sets', async () => {
    const extractor = await createExtractor();
    // Proper nouns with a name class, a compound split into parts, an inflected form with morphemes, Hanja with a
    // reading, unknown words, punctuation.
    const doc = extractor.process('유정복 인천시장은 했다. 大韓民國 서울대학교 ETRI (주)');
    const shapes = new Set(doc.tokens!.map((token) => Object.keys(token).join(',')));
    expect([...shapes]).toEqual(['start,end,text,pos,eojeol,nameClass,reading,morphemes']);
    expect(doc.tokens!.some((token) => token.nameClass !== undefined)).toBe(true);
    expect(doc.tokens!.some((token) => token.morphemes !== undefined)).toBe(true);
  });
});
