#!/usr/bin/env node
// node scripts/instructions.mjs [corpus] [--cli]: instructions that a warm pass of extractAll (batches of 512
// lines) executes over a corpus (default ../shared/bench/klue-open-text.txt), counted by valgrind
// (`valgrind --tool=cachegrind --cache-sim=no`) under `node --single-threaded --predictable`. Wall-clock figures on
// shared machines drift by up to a third within minutes; these counts repeat within about 2% (GC and JIT timing
// still vary a little from run to run), so they compare two builds where `npm run bench` cannot, for differences
// above that. They miss cache misses, which is where most of the
// analyzer's and tagger's time goes: confirm a gain with the bench too.
// The warm pass is the difference between a run of 5 passes and a run of 3, halved (both run at once, on two
// cores); the 3-pass run is printed too (start-up and first pass included). With --cli, instead: one whole
// `korner extract` run over the corpus (the CLI sets its own V8 flags). Runs the built package (dist/). Needs
// valgrind (Debian: apt-get install valgrind). Takes two to four minutes.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BATCH = 512;

if (process.argv[2] === '--child') {
  const [, , , file, passes] = process.argv;
  const { createExtractor } = await import(pathToFileURL(join(root, 'dist', 'index.js')).href);
  const extractor = await createExtractor({ referenceDate: '2016-05-17' });
  const lines = readFileSync(file, 'utf8').split('\n');
  let entities = 0;
  for (let pass = 0; pass < Number(passes); pass++) {
    for (let i = 0; i < lines.length; i += BATCH) {
      for (const result of extractor.extractAll(lines.slice(i, i + BATCH))) entities += result.entities.length;
    }
  }
  console.log(entities);
  process.exit(0);
}

const args = process.argv.slice(2);
const cli = args.includes('--cli');
const file = resolve(args.find((a) => !a.startsWith('--')) ?? join(root, '..', 'shared', 'bench', 'klue-open-text.txt'));
if (!existsSync(file)) {
  console.error(`instructions: ${file} is missing; pass a corpus file`);
  process.exit(2);
}
if (!existsSync(join(root, 'dist', 'index.js'))) {
  console.error('instructions: build first (npm run build)');
  process.exit(2);
}
if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.error('instructions: valgrind is not installed (Debian: apt-get install valgrind)');
  process.exit(2);
}

/** Instructions executed by node with these arguments, under valgrind. */
function count(nodeArgs) {
  const valgrind = ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null'];
  const child = spawn('valgrind', [...valgrind, process.execPath, '--single-threaded', '--predictable', ...nodeArgs], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((done, fail) => {
    child.on('close', (status) => {
      const refs = /I\s+refs:\s+([\d,]+)/.exec(stderr);
      if (status !== 0 || !refs) fail(new Error(`valgrind run failed (exit ${status}): ${stderr.split('\n').slice(-5).join(' ')}`));
      else done(Number(refs[1].replaceAll(',', '')));
    });
  });
}

const giga = (n) => `${(n / 1e9).toFixed(3)} G`;
const self = fileURLToPath(import.meta.url);
try {
  if (cli) {
    const total = await count([join(root, 'dist', 'cli.js'), 'extract', '--reference-date', '2016-05-17', file]);
    console.log(`korner extract ${file}: ${giga(total)} instructions`);
  } else {
    const [three, five] = await Promise.all([count([self, '--child', file, '3']), count([self, '--child', file, '5'])]);
    console.log(`${file}: warm pass ${giga((five - three) / 2)} instructions; 3 passes from start-up ${giga(three)}`);
  }
} catch (error) {
  console.error(`instructions: ${error.message}`);
  process.exit(1);
}
