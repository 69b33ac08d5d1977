import { defineConfig } from 'tsup';

// The library ships as ESM + CommonJS with declarations; the CLI as one ESM file with a shebang; the worker thread
// module of createExtractorPool and `korner extract --workers` as ESM beside them (it shares the library's chunk).
// franc and its trigram data are ESM-only, so they are bundled to keep `require('korner')` working on Node 20.
const bundled = ['franc', 'trigram-utils', 'n-gram', 'collapse-white-space'];
const library = { index: 'src/index.ts', core: 'src/core.ts' };

export default defineConfig([
  {
    entry: { ...library, worker: 'src/parallel/worker.ts' },
    format: ['esm'],
    dts: { entry: library },
    clean: true,
    target: 'node20',
    noExternal: bundled,
  },
  {
    entry: library,
    format: ['cjs'],
    dts: { entry: library },
    shims: true,
    target: 'node20',
    noExternal: bundled,
  },
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    noExternal: bundled,
  },
]);
