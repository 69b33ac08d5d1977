#!/usr/bin/env node
// Runs one of the TypeScript scripts of scripts/train/ (train, eval, bench): bundles it with esbuild into
// node_modules/.cache/korner-train/ and runs the bundle in a child process with the remaining arguments.
//   node scripts/train/run.mjs train --seeds 1,2,3,4,5 --refit      (npm run train)
//   node scripts/train/run.mjs eval --split validation               (tagger in the full pipeline, policies)
//   node scripts/train/run.mjs bench                                 (throughput, peak RSS)
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [name, ...rest] = process.argv.slice(2);
if (!['train', 'eval', 'bench', 'check', 'cv'].includes(name ?? '')) {
  console.error('usage: node scripts/train/run.mjs train|eval|bench|check|cv [options]');
  process.exit(2);
}
const outdir = join(root, 'node_modules', '.cache', 'korner-train');
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, `${name}.mjs`);
await build({
  entryPoints: [join(root, 'scripts', 'train', `${name}.ts`)],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile,
  logLevel: 'warning',
});
try {
  execFileSync(process.execPath, [outfile, ...rest], { stdio: 'inherit', cwd: root });
} catch (error) {
  process.exit(error.status ?? 1);
}
