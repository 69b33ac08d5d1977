// The large-input part of `npm run bench` (issue 14): whole `korner extract` processes on 5 MB of KLUE text with one
// and two worker threads, a 20 MB single document against the same text as lines, the memory a second extractor
// costs, and cold starts. Each figure comes from fresh processes; times are wall-clock seconds, memory the peak
// resident set of the whole process (all its threads), read by a preloaded module at exit (rss.mjs).
// Not a test: numbers go into issue notes and docs/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const RSS_MARK = 'KORNER_BENCH_MAXRSS_KB=';

/** Runs node with `args` (rss.mjs preloaded), input from `stdin` if given; returns seconds, peak RSS (MB), status. */
export function nodeRun(root, args, { stdin } = {}) {
  const preload = pathToFileURL(join(root, 'scripts', 'bench', 'rss.mjs')).href;
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ['--import', preload, ...args], {
    input: stdin,
    stdio: [stdin === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const seconds = (performance.now() - t0) / 1000;
  const mark = run.stderr.lastIndexOf(RSS_MARK);
  const rssMb = mark >= 0 ? Number.parseInt(run.stderr.slice(mark + RSS_MARK.length), 10) / 1024 : NaN;
  return { seconds, rssMb, status: run.status, stderr: run.stderr };
}

/** `file` repeated into `dir` until it has at least `megabytes` MB (a line break between copies). */
export function repeated(file, megabytes, dir) {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, `${megabytes}mb-${file.split('/').pop()}`);
  if (existsSync(target)) return target;
  const text = readFileSync(file, 'utf8');
  const copy = text.endsWith('\n') ? text : `${text}\n`;
  const copies = Math.ceil((megabytes * 1e6) / Buffer.byteLength(copy));
  writeFileSync(target, copy.repeat(copies));
  return target;
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

/** The rows of the large-input bench over `klue` (the KLUE sample as text), with scratch files in `dir`. */
export function largeBench(root, klue, dir, repeats = 3) {
  const cli = join(root, 'dist', 'cli.js');
  const rows = [];
  const extract = (args, label, extra = {}) => {
    const runs = Array.from({ length: repeats }, () => nodeRun(root, [cli, 'extract', '--reference-date', '2016-05-17', '--quiet', ...args]));
    const failed = runs.find((run) => run.status !== 0);
    if (failed) throw new Error(`${label} failed: ${failed.stderr.split('\n')[0]}`);
    const seconds = median(runs.map((run) => run.seconds));
    rows.push({ run: label, seconds: seconds.toFixed(2), 'peak RSS MB': Math.round(Math.max(...runs.map((run) => run.rssMb))), ...extra(seconds) });
    return seconds;
  };
  const five = repeated(klue, 5, dir);
  const bytes5 = readFileSync(five).length;
  const mbs = (bytes) => (seconds) => ({ 'MB/s': (bytes / 1e6 / seconds).toFixed(2) });
  const one = extract(['--workers', '1', five], 'extract 5 MB, --workers 1', mbs(bytes5));
  const two = extract(['--workers', '2', five], 'extract 5 MB, --workers 2', (s) => ({ ...mbs(bytes5)(s), speed: `${(one / s).toFixed(2)}x` }));
  void two;
  const twenty = repeated(klue, 20, dir);
  const bytes20 = readFileSync(twenty).length;
  const lines = extract(['--workers', '1', twenty], 'extract 20 MB as lines, --workers 1', mbs(bytes20));
  extract(['--input', 'document', '--max-bytes', '64000000', '--workers', '1', twenty], 'extract 20 MB as one document', (s) => ({
    ...mbs(bytes20)(s),
    speed: `${(s / lines).toFixed(2)}x the lines' time`,
  }));
  extract(['--workers', '2', twenty], 'extract 20 MB as lines, --workers 2', mbs(bytes20));
  return rows;
}

/** Cold starts (median of `repeats` fresh processes) and the memory of one and two extractors in a process. */
export function startBench(root, repeats = 5) {
  const cli = join(root, 'dist', 'cli.js');
  const cliRuns = Array.from({ length: repeats }, () => nodeRun(root, [cli, 'extract', '--quiet'], { stdin: '유정복 인천시장은 16일 웨이하이(威海)를 찾았다.\n' }));
  const library = pathToFileURL(join(root, 'dist', 'index.js')).href;
  const child = `
    const t0 = performance.now();
    const { createExtractor } = await import(${JSON.stringify(library)});
    const first = await createExtractor();
    first.extract('유정복 인천시장은 16일 웨이하이(威海)를 찾았다.');
    const cold = performance.now() - t0;
    globalThis.gc?.();
    const one = process.memoryUsage().rss;
    const second = await createExtractor();
    second.extract('기획재정부는 오는 27일 MOU를 교환한다.');
    globalThis.gc?.();
    console.error(JSON.stringify({ cold, one: one / 1048576, two: process.memoryUsage().rss / 1048576 }));`;
  const libRuns = Array.from({ length: repeats }, () => {
    const run = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', child], { encoding: 'utf8' });
    return JSON.parse(run.stderr.trim().split('\n').pop());
  });
  return [
    { run: 'cold start: korner extract, one short line (whole process)', ms: Math.round(median(cliRuns.map((r) => r.seconds)) * 1000), 'peak RSS MB': Math.round(median(cliRuns.map((r) => r.rssMb))) },
    { run: 'cold start: import + createExtractor + first extract', ms: Math.round(median(libRuns.map((r) => r.cold))) },
    { run: 'RSS after one extractor / after a second one', 'MB': `${Math.round(median(libRuns.map((r) => r.one)))} / ${Math.round(median(libRuns.map((r) => r.two)))}` },
  ];
}
