#!/usr/bin/env node
// Per-stage profile of the default pipeline: imports the built package (dist/index.js; build first with
// `npx tsup --silent`), wraps every stage's `run` with a timer, extracts every line of a corpus (one document per
// line) and prints, per stage, the milliseconds spent and the throughput (MB of UTF-8 input per second of that
// stage alone), then the whole pipeline. Builds nothing, writes nothing.
//
//   node scripts/profile.mjs [corpus.txt] [--repeat N] [--warmup N] [--lines N] [--batch N] [--json]
//
// The corpus defaults to ../shared/bench/klue-open-text.txt. --repeat runs the corpus N times and keeps each
// stage's best (smallest) time; --warmup extracts the first N lines before timing (default 200) so that the JIT
// has compiled the hot paths. --batch N (default 512, as npm run bench and korner extract) passes N lines at a time
// to extractAll, which runs each stage over the batch before the next stage; --batch 1 extracts line by line.
// Cold start (createExtractor + first extract) is measured once, at the start.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadavg } from 'node:os';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const repeat = Math.max(1, Number(flag('--repeat', '1')));
const warmup = Math.max(0, Number(flag('--warmup', '200')));
const maxLines = Number(flag('--lines', 'Infinity'));
const batch = Math.max(1, Number(flag('--batch', '512')));
const asJson = args.includes('--json');
const positional = args.filter((a) => !a.startsWith('--'));
const corpus = resolve(positional[0] ?? join(root, '..', 'shared', 'bench', 'klue-open-text.txt'));

const distIndex = join(root, 'dist', 'index.js');
if (!existsSync(distIndex)) {
  console.error('profile: build first (npx tsup --silent)');
  process.exit(2);
}
if (!existsSync(corpus)) {
  console.error(`profile: ${corpus} does not exist`);
  process.exit(2);
}

const t0 = performance.now();
const { createExtractor } = await import(pathToFileURL(distIndex).href);
const tImport = performance.now();
const extractor = await createExtractor({ referenceDate: '2016-05-17' });
const tCreate = performance.now();
extractor.extract('유정복 인천시장은 16일 인천시청에서 만났다.');
const tFirst = performance.now();

let lines = readFileSync(corpus, 'utf8').split('\n');
if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
if (Number.isFinite(maxLines)) lines = lines.slice(0, maxLines);
const bytes = lines.reduce((sum, line) => sum + Buffer.byteLength(line, 'utf8'), 0);

// Wrap each stage's run with a timer (the stage objects are the pipeline's own; this changes no behaviour).
const stages = extractor.pipeline.stages;
const times = new Float64Array(stages.length);
stages.forEach((stage, i) => {
  const run = stage.run.bind(stage);
  stage.run = (doc, options) => {
    const start = performance.now();
    try {
      run(doc, options);
    } finally {
      times[i] += performance.now() - start;
    }
  };
});

for (let i = 0; i < Math.min(warmup, lines.length); i++) extractor.extract(lines[i]);

const best = new Float64Array(stages.length).fill(Infinity);
let bestTotal = Infinity;
let entities = 0;
for (let r = 0; r < repeat; r++) {
  times.fill(0);
  entities = 0;
  const start = performance.now();
  if (batch === 1) {
    for (const line of lines) entities += extractor.extract(line).entities.length;
  } else {
    for (let i = 0; i < lines.length; i += batch) {
      for (const result of extractor.extractAll(lines.slice(i, i + batch))) entities += result.entities.length;
    }
  }
  const total = performance.now() - start;
  bestTotal = Math.min(bestTotal, total);
  for (let i = 0; i < stages.length; i++) best[i] = Math.min(best[i], times[i]);
}

const mb = bytes / 1e6;
const rows = stages.map((stage, i) => ({ stage: stage.name, ms: best[i], 'MB/s': mb / (best[i] / 1000) }));
const stageSum = rows.reduce((sum, row) => sum + row.ms, 0);
const result = {
  corpus,
  lines: lines.length,
  MB: mb,
  repeat,
  batch,
  load: loadavg().map((x) => x.toFixed(2)).join(' '),
  node: process.version,
  coldStart: { importMs: tImport - t0, createMs: tCreate - tImport, firstExtractMs: tFirst - tCreate, totalMs: tFirst - t0 },
  stages: rows,
  stageSumMs: stageSum,
  totalMs: bestTotal,
  'MB/s': mb / (bestTotal / 1000),
  entities,
};

if (asJson) {
  console.log(JSON.stringify(result));
} else {
  const pad = (s, n) => String(s).padStart(n);
  console.log(`korner profile: ${corpus} (${lines.length} lines, ${mb.toFixed(3)} MB), node ${process.version}, load ${result.load}`);
  console.log(
    `cold start ${result.coldStart.totalMs.toFixed(0)} ms (import ${result.coldStart.importMs.toFixed(0)}, ` +
      `createExtractor ${result.coldStart.createMs.toFixed(0)}, first extract ${result.coldStart.firstExtractMs.toFixed(0)})`,
  );
  console.log(`${'stage'.padEnd(18)}${pad('ms', 10)}${pad('MB/s', 10)}${pad('%', 7)}`);
  for (const row of rows) {
    console.log(
      `${row.stage.padEnd(18)}${pad(row.ms.toFixed(1), 10)}${pad(row['MB/s'].toFixed(2), 10)}${pad(((100 * row.ms) / stageSum).toFixed(1), 7)}`,
    );
  }
  console.log(`${'sum of stages'.padEnd(18)}${pad(stageSum.toFixed(1), 10)}${pad((mb / (stageSum / 1000)).toFixed(2), 10)}`);
  console.log(`${'whole extract'.padEnd(18)}${pad(bestTotal.toFixed(1), 10)}${pad(result['MB/s'].toFixed(2), 10)}   (${entities} entities, batches of ${batch}${repeat > 1 ? `, best of ${repeat}` : ''})`);
}
