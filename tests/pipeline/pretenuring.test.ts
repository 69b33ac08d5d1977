import { afterEach, describe, expect, it } from 'vitest';
import { DOCUMENT_BY_DOCUMENT_UNITS, documentByDocumentPrefix, setDocumentByDocumentUnits } from '../../src/pipeline/pretenuring.js';

describe('documentByDocumentPrefix', () => {
  afterEach(() => setDocumentByDocumentUnits(DOCUMENT_BY_DOCUMENT_UNITS));

  it.each([
    ['a budget of 0 leaves every text to the batch', 0, [2, 1], 0],
    ['each text counts its length plus one', 3, [2, 1], 1],
    ['a text that the budget reaches counts whole', 4, [2, 4, 1], 2],
    ['the budget can cover the whole batch', 100, [1, 1, 1], 3],
    ['an empty batch takes nothing', 100, [], 0],
  ])('%s', (_title, budget, lengths, expected) => {
    setDocumentByDocumentUnits(budget);
    expect(documentByDocumentPrefix(lengths)).toBe(expected);
  });

  it('spends the budget once per process, across calls', () => {
    setDocumentByDocumentUnits(5);
    expect(documentByDocumentPrefix([3])).toBe(1);
    expect(documentByDocumentPrefix([1, 1])).toBe(1);
    expect(documentByDocumentPrefix([1, 1])).toBe(0);
  });

  it('starts with 32K UTF-16 units of text', () => {
    expect(DOCUMENT_BY_DOCUMENT_UNITS).toBe(32768);
    expect(documentByDocumentPrefix([32766, 1, 1])).toBe(2);
  });
});
