import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDocument } from '../../src/document/createDocument.js';
import type { Entity } from '../../src/document/types.js';
import { createUserDictionaryStage } from '../../src/recognizers/userDictionary.js';
import type { Resources } from '../../src/resources/resources.js';
import type { UserEntry } from '../../src/resources/userDictionary.js';

async function finder(entries: UserEntry[]): Promise<(text: string) => Entity[]> {
  const stage = createUserDictionaryStage();
  await stage.setup!({ userEntries: entries } as unknown as Resources);
  return (text) => {
    const doc = createDocument(text);
    stage.run(doc, {});
    return doc.candidates ?? [];
  };
}

/** The matcher the automaton replaced (every entry compared at every word start), as the reference. */
function findByComparing(entries: readonly UserEntry[], text: string): [number, number, string][] {
  const byLength = [...entries].sort((a, b) => b.surface.length - a.surface.length);
  const out: [number, number, string][] = [];
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]!)) continue;
    for (const entry of byLength) {
      const end = i + entry.surface.length;
      if (!text.startsWith(entry.surface, i)) continue;
      if (/[A-Za-z0-9]/.test(text[end - 1]!) && end < text.length && /[A-Za-z0-9]/.test(text[end]!)) continue;
      out.push([i, end, entry.type]);
      break;
    }
  }
  return out;
}

const spans = (found: Entity[]) => found.map((e) => [e.text, e.type, e.canonical]);

describe('user dictionary stage', () => {
  it.each([
    ['an entry with a particle after it', [['아라뱃길', 'LOCATION']], '아라뱃길에서 만났다', [['아라뱃길', 'LOCATION', undefined]]],
    ['no entry inside a word', [['뱃길', 'LOCATION']], '아라뱃길에서', []],
    ['an entry after punctuation starts a word', [['뱃길', 'LOCATION']], '(뱃길)', [['뱃길', 'LOCATION', undefined]]],
    ['a Latin entry does not run into more Latin letters', [['ETRI', 'ORGANIZATION']], 'ETRIX ETRI는 METRIC', [['ETRI', 'ORGANIZATION', undefined]]],
    ['a digit entry does not run into more digits', [['G20', 'ORGANIZATION']], 'G200 G20 회의', [['G20', 'ORGANIZATION', undefined]]],
    ['the longest entry at a start wins', [['한국', 'LOCATION'], ['한국전력', 'ORGANIZATION']], '한국전력은', [['한국전력', 'ORGANIZATION', undefined]]],
    [
      'a shorter entry at the same start when the longer one runs into Latin letters',
      [['KT', 'ORGANIZATION'], ['KT&G', 'ORGANIZATION']],
      'KT&GX KT&G',
      [['KT', 'ORGANIZATION', undefined], ['KT&G', 'ORGANIZATION', undefined]],
    ],
    ['the first of two entries with one surface', [['서울', 'LOCATION'], ['서울', 'ORGANIZATION']], '서울에', [['서울', 'LOCATION', undefined]]],
    ['entries with spaces, at every word start', [['한국 전력', 'ORGANIZATION'], ['전력', 'ORGANIZATION']], '한국 전력', [['한국 전력', 'ORGANIZATION', undefined], ['전력', 'ORGANIZATION', undefined]]],
  ] as [string, [string, string][], string, unknown[]][])('%s', async (_title, list, text, expected) => {
    const find = await finder(list.map(([surface, type]) => ({ surface, type }) as UserEntry));
    expect(spans(find(text))).toEqual(expected);
  });

  it('keeps the canonical name', async () => {
    const find = await finder([{ surface: '기재부', type: 'ORGANIZATION', canonical: '기획재정부' }]);
    expect(spans(find('기재부는'))).toEqual([['기재부', 'ORGANIZATION', '기획재정부']]);
  });

  it('finds what comparing every entry at every word start finds', async () => {
    const letters = ['가', '나', ' ', 'A', 'B', '1', '.', '&'];
    const word = fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 5 }).map((p) => p.join('').trim()).filter((s) => s.length > 0);
    const types = ['PERSON', 'LOCATION', 'ORGANIZATION'] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(word, fc.constantFrom(...types)), { minLength: 1, maxLength: 6 }),
        fc.array(fc.constantFrom(...letters), { maxLength: 30 }),
        async (list, parts) => {
          const entries = list.map(([surface, type]) => ({ surface, type }) as UserEntry);
          const text = parts.join('');
          const find = await finder(entries);
          expect(find(text).map((e) => [e.start, e.end, e.type])).toEqual(findByComparing(entries, text));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('reads an entry as long as the text in linear time', async () => {
    const text = '가 '.repeat(100_000);
    const find = await finder([{ surface: text.trim(), type: 'ORGANIZATION' }]);
    const start = performance.now();
    expect(find(text).map((e) => [e.start, e.end])).toEqual([[0, text.length - 1]]);
    // Comparing at every word start took minutes here (the bound only catches that).
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});
