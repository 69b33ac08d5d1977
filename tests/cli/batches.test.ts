import { describe, expect, it } from 'vitest';
import { batchRecords } from '../../src/cli/batches.js';

async function* from<T>(items: readonly T[], delayMs = 0): AsyncGenerator<T> {
  for (const item of items) {
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    yield item;
  }
}

async function collect<T>(batches: AsyncIterable<T[]>): Promise<T[][]> {
  const out: T[][] = [];
  for await (const batch of batches) out.push(batch);
  return out;
}

const texts = (lengths: readonly number[]): { text: string }[] => lengths.map((n, i) => ({ text: String(i % 10).repeat(n) }));

describe('batchRecords', () => {
  it.each([
    ['by count', texts([1, 1, 1, 1, 1]), { records: 2, units: 100 }, [2, 2, 1]],
    ['by length', texts([4, 4, 4, 4]), { records: 10, units: 8 }, [2, 2]],
    ['one long record alone', texts([1, 50, 1]), { records: 10, units: 8 }, [1, 1, 1]],
    ['records without text', [{}, {}, { text: 'a' }], { records: 2, units: 8 }, [2, 1]],
    ['nothing', [], { records: 2, units: 8 }, []],
  ])('groups records in order, %s', async (_title, records, limits, sizes) => {
    const batches = await collect(batchRecords(from(records), limits));
    expect(batches.map((b) => b.length)).toEqual(sizes);
    expect(batches.flat()).toEqual(records);
  });

  it('hands over what it has when the input is idle (records typed one by one)', async () => {
    const records = texts([1, 1, 1]);
    const batches = await collect(batchRecords(from(records, 5), { records: 64, units: 1000 }));
    expect(batches).toEqual(records.map((r) => [r]));
  });

  it('keeps its batches full on an idle input when told not to flush (queue jobs must not depend on timing)', async () => {
    const records = texts([1, 1, 1]);
    const batches = await collect(batchRecords(from(records, 5), { records: 2, units: 1000 }, false));
    expect(batches.map((b) => b.length)).toEqual([2, 1]);
  });

  it('passes a failure of the input on after the records before it', async () => {
    async function* failing(): AsyncGenerator<{ text: string }> {
      yield { text: 'a' };
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw new Error('disk gone');
    }
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const batch of batchRecords(failing())) seen.push(...batch.map((r) => r.text));
      })(),
    ).rejects.toThrow('disk gone');
    expect(seen).toEqual(['a']);
  });
});
