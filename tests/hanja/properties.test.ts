import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entity, KornerDocument } from '../../src/document/types.js';
import { linkGlosses } from '../../src/hanja/index.js';
import { realReader } from './helpers.js';

const reader = realReader();
const pieces = ['웨이하이', '시', '장후이', '중국', ' ', '(', ')', '·', ',', '威海', '張惠', '韓中', '北', '𠃗', '𠀀', 'ETRI', 'MOU', '양해각서', '李', '舜臣', '이순신', '\u{F9E1}', '.', '\n'];

describe('gloss links on arbitrary text', () => {
  it('keep every span true to the original text, entities sorted and disjoint', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.integer({ min: 0, max: 3 }), (parts, n) => {
        const text = parts.join('');
        // Some existing entities: the first n occurrences of 웨이하이 / 장후이 / 전자 forms.
        const entities: Entity[] = [];
        for (const m of text.matchAll(/웨이하이|장후이|양해각서/g)) {
          if (entities.length >= n) break;
          entities.push({ start: m.index, end: m.index + m[0].length, text: m[0], type: 'LOCATION', source: 'test' });
        }
        const doc: KornerDocument = { text, entities, extra: {} };
        linkGlosses(doc, reader);
        for (const l of doc.links ?? []) {
          expect(text.slice(l.source.start, l.source.end)).toBe(l.source.text);
          if (l.target) expect(text.slice(l.target.start, l.target.end)).toBe(l.target.text);
          // no surrogate pair is ever cut
          expect(/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(l.source.text)).toBe(false);
        }
        const list = doc.entities ?? [];
        for (let i = 0; i < list.length; i++) {
          expect(text.slice(list[i]!.start, list[i]!.end)).toBe(list[i]!.text);
          if (i > 0) expect(list[i - 1]!.end).toBeLessThanOrEqual(list[i]!.start);
        }
      }),
      { numRuns: 300 },
    );
  });
});
