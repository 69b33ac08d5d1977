import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createExtractor, type Extractor } from '../src/index.js';

let extractor: Extractor;
beforeAll(async () => {
  extractor = await createExtractor({ referenceDate: '2016-05-17' });
});

/** Pieces that stress offsets and normalisation: astral Hanja, NFD Hangul, emoji, lone surrogates, units. */
const pieces = fc.constantFrom(
  '𠀀', '𡈽', '威海', '張惠', '韓中', '北', '\u1112\u1161\u11AB\u1100\u1173\u11AF', '😀', '👩‍👩‍👧', '\uD800', '\uDC00',
  '㎡', '５천', '1천780㎡', '오는 27일', '지난해 7월', '오후 3시 반', '13:28', '유정복', '인천시청에서', '(', ')',
  'ETRI', '전자통신연구원(ETRI)', ' ', '\n', '\t', '.', '·', '\0', '', 'ﾃｽﾄ', 'Ⅻ', '①',
);
const texts = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(pieces, { maxLength: 25 }).map((parts) => parts.join('')),
  fc.array(fc.oneof(pieces, fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 20 }).map((p) => p.join('')),
);

describe('extraction on any string', () => {
  it('never throws, and every entity and link obeys the offset rule', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const result = extractor.extract(text);
        let previousEnd = 0;
        for (const entity of result.entities) {
          expect(entity.start).toBeGreaterThanOrEqual(previousEnd);
          expect(entity.end).toBeGreaterThan(entity.start);
          expect(text.slice(entity.start, entity.end)).toBe(entity.text);
          previousEnd = entity.end;
        }
        for (const link of result.links) {
          expect(text.slice(link.source.start, link.source.end)).toBe(link.source.text);
          if (link.target) expect(text.slice(link.target.start, link.target.end)).toBe(link.target.text);
        }
        const doc = extractor.process(text);
        for (const token of doc.tokens ?? []) expect(text.slice(token.start, token.end)).toBe(token.text);
      }),
      { numRuns: 400, seed: 20160517 },
    );
  });

  it('handles the empty string', () => {
    expect(extractor.extract('')).toMatchObject({ entities: [], links: [] });
  });
});
