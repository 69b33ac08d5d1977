import { defineConfig } from 'tsup';

// The library ships as ESM + CommonJS with declarations; the CLI as one ESM file with a shebang.
// franc and its trigram data are ESM-only, so they are bundled to keep `require('korner')` working on Node 20.
export default defineConfig([
  {
    entry: { index: 'src/index.ts', core: 'src/core.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    shims: true,
    clean: true,
    target: 'node20',
    noExternal: ['franc', 'trigram-utils', 'n-gram', 'collapse-white-space'],
  },
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    noExternal: ['franc', 'trigram-utils', 'n-gram', 'collapse-white-space'],
  },
]);
