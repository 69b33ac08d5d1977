import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/document/types.js';
import { resolveOverlaps } from '../../src/resolve/overlap.js';

function entity(start: number, end: number, type: Entity['type'], source: string, score?: number): Entity {
  return { start, end, text: 'x'.repeat(end - start), type, source, ...(score === undefined ? {} : { score }) };
}

describe('resolveOverlaps', () => {
  it.each([
    ['the longer span wins', [entity(0, 2, 'LOCATION', 'place'), entity(0, 4, 'ORGANIZATION', 'organization')], [[0, 4, 'ORGANIZATION']]],
    ['on equal length the trusted source wins', [entity(0, 3, 'PERSON', 'tagger'), entity(0, 3, 'LOCATION', 'userDictionary')], [[0, 3, 'LOCATION']]],
    ['on equal source the higher score wins', [entity(0, 3, 'PERSON', 'tagger', 0.4), entity(1, 4, 'LOCATION', 'tagger', 0.9)], [[1, 4, 'LOCATION']]],
    ['disjoint spans are all kept, sorted', [entity(5, 6, 'DATE', 'dateTime'), entity(0, 2, 'PERSON', 'person')], [[0, 2, 'PERSON'], [5, 6, 'DATE']]],
    ['touching spans do not overlap', [entity(0, 2, 'PERSON', 'person'), entity(2, 4, 'PERSON', 'person')], [[0, 2, 'PERSON'], [2, 4, 'PERSON']]],
    ['empty spans are dropped', [entity(3, 3, 'PERSON', 'person')], []],
    ['a doubtful tagger span yields to a rule span over it', [entity(6, 7, 'PERSON', 'tagger', 0.36), entity(0, 7, 'ORGANIZATION', 'organization', 0.85)], [[0, 7, 'ORGANIZATION']]],
    ['a confident tagger span beats the rules', [entity(6, 7, 'PERSON', 'tagger', 0.9), entity(0, 7, 'ORGANIZATION', 'organization', 0.85)], [[6, 7, 'PERSON']]],
    ['a doubtful tagger span still fills a gap', [entity(0, 2, 'PERSON', 'tagger', 0.2), entity(3, 5, 'LOCATION', 'place', 0.8)], [[0, 2, 'PERSON'], [3, 5, 'LOCATION']]],
  ])('%s', (_title, candidates, expected) => {
    expect(resolveOverlaps(candidates).map((e) => [e.start, e.end, e.type])).toEqual(expected);
  });

  it('yields only where yieldBelow says', () => {
    const candidates = [entity(6, 7, 'PERSON', 'tagger', 0.36), entity(0, 7, 'ORGANIZATION', 'organization', 0.85)];
    expect(resolveOverlaps(candidates, { yieldBelow: {} }).map((e) => e.type)).toEqual(['PERSON']);
    expect(resolveOverlaps(candidates, { yieldBelow: { tagger: 0.3 } }).map((e) => e.type)).toEqual(['PERSON']);
    expect(resolveOverlaps(candidates, { yieldBelow: { organization: 0.9 } }).map((e) => e.type)).toEqual(['PERSON']);
  });

  it('takes a custom priority', () => {
    const chosen = resolveOverlaps([entity(0, 3, 'PERSON', 'a'), entity(0, 3, 'LOCATION', 'b')], { priority: { b: 1 } });
    expect(chosen.map((e) => e.type)).toEqual(['LOCATION']);
  });
});

describe('resolveOverlaps on many candidates', () => {
  it('chooses as with few candidates, whatever their number', () => {
    const sources = ['tagger', 'place', 'dateTime', 'userDictionary'];
    const candidate = fc
      .tuple(fc.nat(400), fc.integer({ min: 0, max: 12 }), fc.constantFrom(...sources), fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }))
      .map(([start, length, source, score]) => entity(start, start + length, 'PERSON', source, score));
    fc.assert(
      fc.property(fc.array(candidate, { minLength: 257, maxLength: 700 }), (candidates) => {
        // Cut into pieces of at most 256 candidates far apart (each resolved alone on the few-candidates path),
        // the choice must be the same as for all of them at once.
        const shifted = candidates.map((c, i) => ({ ...c, start: c.start + 1000 * Math.floor(i / 200), end: c.end + 1000 * Math.floor(i / 200) }));
        const pieces: Entity[] = [];
        for (let i = 0; i < shifted.length; i += 200) pieces.push(...resolveOverlaps(shifted.slice(i, i + 200)));
        expect(resolveOverlaps(shifted)).toEqual(pieces);
      }),
      { numRuns: 200 },
    );
  });

  it('resolves many overlapping candidates in n log n time', () => {
    const candidates: Entity[] = [];
    for (let i = 0; i < 200_000; i++) candidates.push(entity(i * 2, i * 2 + 3, 'DATE', i % 2 ? 'dateTime' : 'tagger', 0.9));
    const start = performance.now();
    expect(resolveOverlaps(candidates)).toHaveLength(100_000);
    // Inserting each chosen span into a sorted array took seconds here (the bound only catches that).
    expect(performance.now() - start).toBeLessThan(3_000);
  });
});
