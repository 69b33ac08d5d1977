import { describe, expect, it } from 'vitest';
import { corpusLines } from '../cli/corpus.js';
import { createExtractor } from '../../src/index.js';
import type { JobRecord, JobSettings } from '../../src/parallel/recordJob.js';
import { adaptiveRunner, inThreadRunner } from '../../src/parallel/recordRunner.js';

const settings: JobSettings = { mode: 'text', format: 'jsonl', runOptions: { referenceDate: '2016-05-17' } };

/** `count` records of `size` lines each. */
function jobs(count: number, size: number): JobRecord[][] {
  const lines = corpusLines(count * size);
  return Array.from({ length: count }, (_, j) => lines.slice(j * size, (j + 1) * size).map((text, i) => ({ id: `x:${j * size + i + 1}`, line: j * size + i + 1, text })));
}

const bodies = async (outcomes: Promise<{ body: string | Iterable<string> }[]>) =>
  (await outcomes).map((o) => (typeof o.body === 'string' ? o.body : [...o.body].join('')));

describe('adaptiveRunner', () => {
  it('starts in this thread, moves to worker threads once the input passes its threshold, and gives the same outcomes', async () => {
    const extractor = await createExtractor(settings.runOptions);
    const local = inThreadRunner({ extractor }, settings);
    const runner = adaptiveRunner({ extractor }, { workers: 2, extractor: settings.runOptions }, settings, 5_000, (m) => {
      throw new Error(m);
    });
    expect(runner.parallelism).toBe(1);
    const batches = jobs(12, 50);
    for (const batch of batches) {
      expect(await bodies(runner.run(batch))).toEqual(await bodies(local.run(batch)));
      // Let the pool's start-up, which runs beside the jobs, come to an end.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(runner.parallelism).toBe(4);
    await runner.close();
  });
});
