import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath, repoRoot, sharedFile } from '../helpers.js';
import { findRedisServer, startRedis, type RedisServer } from './redisServer.js';

/**
 * korner queue and korner worker against a real Redis (Debian's redis-server, started here on a free port), with
 * worker processes of the built CLI: one is killed with SIGKILL in the middle of a job, and the results must still
 * hold every document exactly once, in order, byte for byte what korner extract writes.
 */
const redisServer = findRedisServer();
const MISSING = 'redis-server is not installed: the queue tests against a real Redis are skipped (apt-get install redis-server; .ci/run installs it)';
if (!redisServer) console.warn(`tests/parallel/queue.test.ts: ${MISSING}`);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI to its end. */
function korner(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A `korner worker` process, its standard error read line by line. */
class WorkerProcess {
  readonly lines: string[] = [];
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  private waiting: { pattern: RegExp; resolve: (line: string) => void }[] = [];

  constructor(args: string[]) {
    this.child = spawn(process.execPath, [cliPath, 'worker', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let rest = '';
    this.child.stderr!.setEncoding('utf8').on('data', (text: string) => {
      const parts = (rest + text).split('\n');
      rest = parts.pop()!;
      for (const line of parts) this.line(line);
    });
    this.exited = new Promise((resolve) => this.child.on('close', (status) => resolve(status)));
  }

  /** Resolves with the first line (past or future) that matches. */
  next(pattern: RegExp): Promise<string> {
    const seen = this.lines.find((line) => pattern.test(line));
    return seen !== undefined ? Promise.resolve(seen) : new Promise((resolve) => this.waiting.push({ pattern, resolve }));
  }

  private line(line: string): void {
    this.lines.push(line);
    this.waiting = this.waiting.filter((w) => !(w.pattern.test(line) && (w.resolve(line), true)));
  }
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms / 1000} s`)), ms))]);
}

/** A few hundred KLUE-like lines: from ../shared/bench/klue-open-text.txt when it is there, else from the examples. */
function corpusLines(count: number): string[] {
  const klue = sharedFile('bench/klue-open-text.txt');
  if (klue) return readFileSync(klue, 'utf8').split('\n').slice(0, count);
  const news = readFileSync(join(repoRoot, 'examples', 'news.txt'), 'utf8').split('\n').filter((line) => line.trim() !== '');
  return Array.from({ length: count }, (_, i) => `${i + 1}. ${news[i % news.length]}`);
}

// Shown as skipped, under this name, where redis-server is missing: never a silent pass.
if (!redisServer) it.skip(MISSING, () => undefined);

describe.skipIf(!redisServer)('korner queue and korner worker on a real Redis', () => {
  let redis: RedisServer;
  let dir: string;
  let corpus: string;
  // Short locks, so that a killed worker's job comes back in seconds rather than the production 30.
  const workerArgs = (queue: string): string[] => ['--redis', redis.url, '--queue', queue, '--lock', '2', '--stalled-interval', '0.5', '--idle-exit', '1.5'];

  beforeAll(async () => {
    redis = await startRedis(redisServer!);
    dir = mkdtempSync(join(tmpdir(), 'korner-queue-'));
    corpus = join(dir, 'corpus.txt');
    writeFileSync(corpus, `${corpusLines(400).join('\n')}\n`);
  });

  afterAll(async () => {
    await redis?.stop();
  });

  it('gives every document exactly once, in order, byte for byte as korner extract, after a worker is killed in the middle of a job', async () => {
    const expected = await korner(['extract', '--workers', '1', corpus]);
    expect(expected.status).toBe(0);
    const queue = ['--redis', redis.url, '--queue', 'kill'];
    const added = await korner(['queue', 'add', ...queue, '--run', 'corpus', '--batch', '50', corpus]);
    expect(added).toMatchObject({ status: 0, stdout: 'corpus\n' });
    expect(added.stderr).toMatch(/run corpus: 400 documents in 8 jobs/);

    const workers = [new WorkerProcess(workerArgs('kill')), new WorkerProcess(workerArgs('kill'))];
    // The first worker to start a job is killed at once, before it can finish it (a job of 50 documents takes
    // a cold worker hundreds of milliseconds).
    const started = await within(Promise.race(workers.map((w, k) => w.next(/job \S+ started/).then((line) => ({ k, line })))), 60_000, 'a job starting');
    const victim = workers[started.k]!;
    const survivor = workers[1 - started.k]!;
    victim.child.kill('SIGKILL');
    const killedJob = /job (\S+) started/.exec(started.line)![1]!;
    expect(await victim.exited).toBeNull();

    expect(await within(survivor.exited, 90_000, 'the other worker finishing the queue')).toBe(0);
    expect(victim.lines.join('\n')).not.toContain(`job ${killedJob} done`);
    // The killed job came back to the queue (BullMQ's stalled-job check) and the other worker ran it again.
    expect(survivor.lines.join('\n')).toMatch(new RegExp(`job ${killedJob.replace('.', '\\.')} started \\(attempt 2, 50 documents\\)`));

    const results = await korner(['queue', 'results', ...queue, '--run', 'corpus']);
    expect(results.status).toBe(0);
    const ids = results.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as { id: string }).id);
    expect(ids).toEqual(Array.from({ length: 400 }, (_, i) => `${corpus}:${i + 1}`));
    expect(results.stdout).toBe(expected.stdout);

    const status = JSON.parse((await korner(['queue', 'status', ...queue, '--json'])).stdout) as {
      counts: Record<string, number>;
      runs: { run: string; jobs: number; done: number; failed: number[]; active: number; pending: number }[];
    };
    expect(status.runs).toEqual([{ run: 'corpus', jobs: 8, records: 400, done: 8, failed: [], active: 0, pending: 0 }]);

    // Adding the same run again queues nothing: its jobs are done.
    const again = await korner(['queue', 'add', ...queue, '--run', 'corpus', '--batch', '50', corpus]);
    expect(again.stderr).toMatch(/8 jobs \(8 of them already done\)/);
    const counts = JSON.parse((await korner(['queue', 'status', ...queue, '--json'])).stdout) as { counts: Record<string, number> };
    expect(counts.counts).toMatchObject({ waiting: 0, active: 0, failed: 0 });
    // Another input under the same name is refused rather than mixed into the run.
    const changed = await korner(['queue', 'add', ...queue, '--run', 'corpus', '--batch', '40', corpus]);
    expect(changed.status).toBe(2);
    expect(changed.stderr).toMatch(/run corpus was added before from another input or with another --batch.*KORNER_QUEUE/);
  });

  it('stops on SIGTERM after finishing the job it holds', async () => {
    const queue = ['--redis', redis.url, '--queue', 'term'];
    expect((await korner(['queue', 'add', ...queue, '--run', 'one', '--batch', '400', corpus])).status).toBe(0);
    const worker = new WorkerProcess(['--redis', redis.url, '--queue', 'term']);
    await within(worker.next(/job one\.0 started/), 60_000, 'the job starting');
    worker.child.kill('SIGTERM');
    expect(await within(worker.exited, 60_000, 'the worker stopping')).toBe(143);
    const log = worker.lines.join('\n');
    expect(log).toMatch(/job one\.0 done \(400 documents[^]*stopped by SIGTERM, 1 job\(s\) done/);
    const status = JSON.parse((await korner(['queue', 'status', ...queue, '--run', 'one', '--json'])).stdout) as { runs: { done: number }[] };
    expect(status.runs[0]!.done).toBe(1);
  });

  it('waits for no job it lacks, puts a failed job\'s documents in place as error records, and retries it', async () => {
    const input = join(dir, 'small.jsonl');
    const texts = [...corpusLines(29), '코너랩은 16일 서울에서 새 모델을 발표했다.'];
    writeFileSync(input, `${texts.map((text, i) => JSON.stringify({ id: `d${i}`, text })).join('\n')}\n`);
    const dictionary = join(dir, 'user.tsv');
    writeFileSync(dictionary, '# columns: surface\ttype\tcanonical\n코너랩\tORGANIZATION\t코너연구소\n');
    const options = ['--input', 'jsonl', '--user-dict', dictionary, '--reference-date', '2024-03-14'];
    const expected = await korner(['extract', '--workers', '1', ...options, input]);
    const queue = ['--redis', redis.url, '--queue', 'fail'];
    const added = await korner(['queue', 'add', ...queue, ...options, '--run', 'small', '--batch', '10', '--attempts', '1', input]);
    expect(added.status).toBe(0);

    const early = await korner(['queue', 'results', ...queue, '--run', 'small']);
    expect(early).toMatchObject({ status: 3, stdout: '' });
    expect(early.stderr).toMatch(/run small has 3 of 3 jobs still to come \(0 active, 3 pending\).*--wait/);

    // The run's user dictionary goes missing from Redis: every job fails (one attempt each).
    const client = new Redis(redis.url);
    const key = 'korner:fail:run:small';
    const stored = (await client.hget(key, 'dictionary'))!;
    await client.hset(key, 'dictionary', '[]');
    const failing = new WorkerProcess(workerArgs('fail'));
    expect(await within(failing.exited, 60_000, 'the worker')).toBe(0);
    expect(failing.lines.join('\n')).toMatch(/job small\.0 failed \(attempt 1 of 1, for good\): korner: the user dictionary of run small is missing/);

    const failed = await korner(['queue', 'results', ...queue, '--run', 'small']);
    expect(failed.status).toBe(1);
    const records = failed.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { id: string; error?: { code: string; message: string } });
    expect(records.map((r) => r.id)).toEqual(Array.from({ length: 30 }, (_, i) => `d${i}`));
    expect(records.every((r) => r.error?.code === 'KORNER_QUEUE')).toBe(true);
    expect(failed.stderr).toMatch(/3 job\(s\) of run small failed for good.*korner queue retry --run small/);

    // Put right, retried, and done.
    await client.hset(key, 'dictionary', stored);
    client.disconnect();
    const retried = await korner(['queue', 'retry', ...queue, '--run', 'small']);
    expect(retried.stderr).toMatch(/3 failed job\(s\) of run small queued again/);
    const worker = new WorkerProcess(workerArgs('fail'));
    const results = await korner(['queue', 'results', ...queue, '--run', 'small', '--wait', '60']);
    expect(results.status).toBe(0);
    expect(results.stdout).toBe(expected.stdout);
    expect(results.stdout).toContain('"canonical":"코너연구소"');
    expect(await within(worker.exited, 60_000, 'the worker')).toBe(0);

    await korner(['queue', 'remove', ...queue, '--run', 'small']);
    expect((await korner(['queue', 'status', ...queue])).stdout).toMatch(/^no runs\n/);
  });
});
