import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkGlosses } from '../../src/hanja/index.js';
import { createExtractor } from '../../src/index.js';
import { realReader, root } from './helpers.js';

const bench = join(root, '..', 'shared', 'bench', 'klue-open-text.txt');

describe.skipIf(!existsSync(bench))('gloss-link cost', () => {
  it('reading glosses costs at most 10% of extraction time on klue-open-text.txt', async () => {
    const lines = readFileSync(bench, 'utf8').split('\n').filter(Boolean);
    const withoutGlosses = await createExtractor({ stages: (d) => d.filter((s) => s.name !== 'glossLinks') });
    const reader = realReader();
    const best = (runs: number, f: () => void) => {
      let min = Infinity;
      for (let k = 0; k < runs; k++) {
        const t = performance.now();
        f();
        min = Math.min(min, performance.now() - t);
      }
      return min;
    };
    const docs = lines.map((l) => withoutGlosses.process(l)); // also warms the pipeline up
    const extraction = best(2, () => {
      for (const l of lines) withoutGlosses.extract(l);
    });
    const glosses = best(5, () => {
      for (const d of docs) {
        d.links = [];
        linkGlosses(d, reader);
      }
    });
    console.log(`klue-open-text (${lines.length} lines): extraction ${extraction.toFixed(0)} ms, gloss links ${glosses.toFixed(1)} ms (${((glosses / extraction) * 100).toFixed(1)}%)`);
    expect(glosses).toBeLessThanOrEqual(0.1 * extraction);
  });
});
