import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKoreanNumber } from '../../src/normalize/numbers.js';
import { extractNumeric } from './extract.js';

/** The case table: every form of figure, date and time the recognisers promise, with its value. */
const TABLE = readFileSync(join(__dirname, 'fixtures', 'cases.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => {
    const [input, text, type, value] = line.split('\t') as [string, string, string, string];
    return { input, text, type, value: value ? (JSON.parse(value) as unknown) : undefined };
  });
const REFERENCE = '2016-05-17';

describe('case table', () => {
  it('has at least 300 cases', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(300);
  });

  it.each(TABLE.filter((c) => c.type === 'NUMBER').map((c) => [c.input, c.value] as const))('수 %s', (input, value) => {
    const parsed = parseKoreanNumber(input);
    const expected = value as { value: number | string; approximate?: boolean; upper?: number | string };
    expect(parsed).not.toBeNull();
    expect(parsed!.value).toEqual(expected.value);
    expect(parsed!.approximate).toBe(expected.approximate ?? false);
    expect(parsed!.upper).toEqual(expected.upper);
  });

  it.each(TABLE.filter((c) => c.type !== 'NUMBER').map((c) => [c.input, c.text, c.type, c.value] as const))(
    '%s → %s (%s)',
    async (input, text, type, value) => {
      const { entities } = await extractNumeric(input, REFERENCE);
      const found = entities.find((e) => e.text === text && e.type === type);
      expect(found, JSON.stringify(entities.map((e) => [e.type, e.text, e.value]))).toBeDefined();
      expect(found!.value).toEqual(value);
    },
  );
});
