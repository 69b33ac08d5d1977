import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../src/cli/records.js';
import { KornerError } from '../../src/errors.js';
import {
  checkName,
  dictionaryDigest,
  digestOf,
  jobId,
  newRunName,
  parseJobId,
  runJobs,
  runKeys,
  type QueueJobData,
} from '../../src/parallel/queueJobs.js';
import type { JobSettings } from '../../src/parallel/recordJob.js';

const settings: JobSettings = { mode: 'text', format: 'jsonl', runOptions: {} };

function records(texts: readonly string[]): DocumentRecord[] {
  return texts.map((text, i) => ({ source: 'in.txt', line: i + 1, id: `in.txt:${i + 1}`, text, bytes: text.length + 1 }));
}

async function* slowly<T>(items: readonly T[], delayMs: number): AsyncGenerator<T> {
  for (const item of items) {
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    yield item;
  }
}

async function jobsOf(input: DocumentRecord[], limits = { records: 2, units: 100 }, delayMs = 0): Promise<QueueJobData[]> {
  const jobs: QueueJobData[] = [];
  for await (const job of runJobs('r1', settings, '', slowly(input, delayMs), limits)) jobs.push(job);
  return jobs;
}

describe('queue job names', () => {
  it.each(['a', 'news-2024', 'run_1', '7days', 'x'.repeat(64)])('accepts the name %s', (name) => {
    expect(checkName('run', name)).toBe(name);
  });

  it.each([
    ['empty', ''],
    ['with a colon (BullMQ ids and Redis keys)', 'a:b'],
    ['with a dot (the sequence separator)', 'a.b'],
    ['starting with a dash', '-a'],
    ['with a space', 'a b'],
    ['too long', 'x'.repeat(65)],
  ])('refuses a name %s', (_title, name) => {
    expect(() => checkName('queue', name)).toThrow(/--queue must be 1 to 64 letters/);
  });

  it('makes run names from the time and random digits, valid as names', () => {
    const name = newRunName(new Date('2026-12-01T09:30:15.123Z'), '3fa2');
    expect(name).toBe('run-20261201-093015-3fa2');
    expect(checkName('run', name)).toBe(name);
    expect(newRunName()).not.toBe(newRunName());
  });

  it.each([
    ['r1', 0],
    ['news-2024', 17],
    ['7', 3],
  ])('reads back the run and sequence of job %s.%i', (run, seq) => {
    const id = jobId(run, seq);
    expect(parseJobId(id)).toEqual({ run, seq });
    // BullMQ refuses integer ids and ids with a colon.
    expect(`${parseInt(id, 10)}`).not.toBe(id);
    expect(id).not.toContain(':');
  });

  it.each(['1', 'abc', 'r1.', 'r1.x', 'r1.-1', 'r1.01', '.3'])('is not fooled by the id %s', (id) => {
    expect(parseJobId(id)).toBeUndefined();
  });

  it('keeps the keys of runs and queues apart', () => {
    const keys = [runKeys('q', 'a'), runKeys('q', 'b'), runKeys('p', 'a')].flatMap((k) => [k.meta, k.results, k.digests]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(runKeys('q', 'a').runs).toBe(runKeys('q', 'b').runs);
  });
});

describe('digests', () => {
  it('are equal for equal values and differ for different ones', () => {
    expect(digestOf({ a: [1, 'b'] })).toBe(digestOf({ a: [1, 'b'] }));
    expect(digestOf({ a: [1, 'b'] })).not.toBe(digestOf({ a: [1, 'c'] }));
  });

  it('name no dictionary with the empty string, every other by its entries', () => {
    expect(dictionaryDigest([])).toBe('');
    const entries = [{ surface: '코너', type: 'ORGANIZATION' as const }];
    expect(dictionaryDigest(entries)).toMatch(/^[0-9a-f]{64}$/);
    expect(dictionaryDigest(entries)).not.toBe(dictionaryDigest([{ surface: '코너', type: 'PERSON' as const }]));
  });
});

describe('runJobs', () => {
  it.each([
    ['by count', ['a', 'b', 'c', 'd', 'e'], { records: 2, units: 100 }, [2, 2, 1]],
    ['by length', ['aaaa', 'bbbb', 'cccc'], { records: 10, units: 8 }, [2, 1]],
    ['one long document alone', ['a', 'b'.repeat(50), 'c'], { records: 10, units: 8 }, [1, 1, 1]],
    ['nothing', [], { records: 2, units: 8 }, []],
  ])('splits the records in input order, %s, numbering the jobs from 0', async (_title, texts, limits, sizes) => {
    const input = records(texts);
    const jobs = await jobsOf(input, limits);
    expect(jobs.map((job) => job.records.length)).toEqual(sizes);
    expect(jobs.map((job) => job.seq)).toEqual(sizes.map((_, k) => k));
    expect(jobs.flatMap((job) => job.records.map((r) => r.text))).toEqual(texts);
  });

  it('makes the same jobs however fast the input comes (a run added again must match)', async () => {
    const input = records(['가', '나', '다', '라', '마']);
    const fast = await jobsOf(input);
    const slow = await jobsOf(input, { records: 2, units: 100 }, 3);
    expect(slow.map(digestOf)).toEqual(fast.map(digestOf));
  });

  it('carries serialisable records only (no reader fields), and error records in their places', async () => {
    const input: DocumentRecord[] = [
      ...records(['좋은 줄']),
      { source: 'in.txt', line: 2, id: 'in.txt:2', bytes: 9, error: { code: 'KORNER_INPUT_JSON', message: 'in.txt:2: malformed JSON' } },
    ];
    const [job] = await jobsOf(input);
    expect(job!.records).toEqual([
      { id: 'in.txt:1', line: 1, text: '좋은 줄' },
      { id: 'in.txt:2', line: 2, error: { code: 'KORNER_INPUT_JSON', message: 'in.txt:2: malformed JSON' } },
    ]);
    expect(JSON.parse(JSON.stringify(job))).toEqual(job);
    expect(job).toMatchObject({ run: 'r1', settings, dictionary: '', version: 1 });
  });
});

it('names its option in the error', () => {
  expect(() => checkName('run', 'a:b')).toThrow(KornerError);
  expect(() => checkName('run', 'a:b')).toThrow(/--run/);
});
