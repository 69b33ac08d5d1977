import { beforeAll, describe, expect, it } from 'vitest';
import type { Token } from '../../src/document/types.js';
import { createAnalyzerStage, createExtractor, type Extractor } from '../../src/index.js';

/** Token lengths and tags, runs of equal ones counted: `1024:SY 1:SF` or `1:SSOx2500`. */
function lengths(tokens: readonly Token[]): string {
  const out: [string, number][] = [];
  for (const t of tokens) {
    const key = `${t.end - t.start}:${t.pos}`;
    const last = out[out.length - 1];
    if (last && last[0] === key) last[1]++;
    else out.push([key, 1]);
  }
  return out.map(([key, n]) => (n > 1 ? `${key}x${n}` : key)).join(' ');
}

describe('unknown-word groups', () => {
  let extractor: Extractor;
  beforeAll(async () => {
    extractor = await createExtractor({ stages: () => [createAnalyzerStage()] });
  });

  // The groups that reading each one from every unit gave (before a group was read once and shared by its units):
  // at most 1,024 units, one script (a unit of none goes with any; a group of none takes the first it meets).
  it.each([
    ["a run of opening brackets", '('.repeat(2500), "1:SSOx2500"],
    ["a run of dots", '.'.repeat(3000), "1024:SY 1:SF 1024:SY 1:SF 950:SY"],
    ["Latin letters with combining marks", `a${'\u0301'.repeat(1100)}${'b'.repeat(30)}`, "1024:SL 107:SL"],
    ["digits longer than a group", '7'.repeat(2100), "1024:SNx2 52:SN"],
    ["symbols of no script before letters", `${'_'.repeat(1500)}abc${'@'.repeat(600)}${'д'.repeat(500)}`, "1024:SY 476:SY 3:SL 600:SY 500:SL"],
    ["a mark of no script inside a script", `${'a'.repeat(700)}\u0301${'д'.repeat(700)}${'\u0300'.repeat(800)}`, "701:SL 1024:SL 476:SY"],
    ["Hanja longer than a group", '漢字'.repeat(700), "2:NNGx700"],
    ["mixed marks and letters", `${'.!?,'.repeat(600)}abc${'…'.repeat(1030)}`, "1024:SY 1:SF 1024:SY 1:SF 350:SY 3:SL 1:SEx1030"],
  ] as [string, string, string][])('%s', (_title, text, expected) => {
    expect(lengths(extractor.process(text).tokens!)).toBe(expected);
  });

  it('reads a long run of punctuation in a few steps a unit', () => {
    const text = '.'.repeat(1_000_000);
    const start = performance.now();
    expect(extractor.process(text).tokens!.length).toBeGreaterThan(900);
    // Reading each group from every unit (a thousand steps a unit) took over 5 seconds here; now about 0.2.
    expect(performance.now() - start).toBeLessThan(2_500);
  });
});
