import { describe, expect, it } from 'vitest';
import type { Entity, KornerDocument } from '../../src/document/types.js';
import { resolveAliases } from '../../src/resolve/aliases.js';

function at(text: string, mention: string, type: Entity['type'], from = 0, canonical?: string): Entity {
  const start = text.indexOf(mention, from);
  return { start, end: start + mention.length, text: mention, type, source: 'test', ...(canonical ? { canonical } : {}) };
}

describe('resolveAliases', () => {
  it('puts an acronym and its expansion under one canonical name', () => {
    const text = '전자통신연구원(ETRI)은';
    const expansion = at(text, '전자통신연구원', 'ORGANIZATION');
    const acronym = at(text, 'ETRI', 'ORGANIZATION');
    const doc: KornerDocument = {
      text,
      extra: {},
      entities: [expansion, acronym],
      links: [{ kind: 'abbreviation', source: acronym, target: expansion, hangul: '전자통신연구원', reading: 'abbreviation' }],
    };
    resolveAliases(doc);
    expect(doc.entities!.map((e) => e.canonical)).toEqual(['전자통신연구원', '전자통신연구원']);
  });

  it('gives a repeated mention the canonical name of its resolved twin', () => {
    const text = '기재부는 밝혔다. 기재부 관계자는';
    const doc: KornerDocument = {
      text,
      extra: {},
      entities: [at(text, '기재부', 'ORGANIZATION', 0, '기획재정부'), at(text, '기재부', 'ORGANIZATION', 5)],
    };
    resolveAliases(doc);
    expect(doc.entities!.map((e) => e.canonical)).toEqual(['기획재정부', '기획재정부']);
  });
});
