#!/usr/bin/env node
// Times every stage of the built pipeline (dist/; build first with `npx tsup --silent`) on adversarial inputs of
// about 10 KB, 100 KB and 1 MB (runs of punctuation, digits, brackets, Hanja, numerals, dates, one syllable, a
// user-dictionary entry as long as the text …: see scripts/adversarial/families.mjs) and prints, per family, the
// slowest stages with their times and the ratio time(1 MB) / time(100 KB), which a linear stage keeps near 10.
// The person stage (of rulesOnlyStages) runs too, after the tagger. Builds nothing, writes nothing.
//
//   node scripts/adversarial.mjs [--only SUBSTRING] [--sizes 10000,100000,1000000] [--all-stages] [--json]
//
// The last line is the worst ratio over all families and stages (tests/performance/linearTime.test.ts asserts it
// is at most 20 for every family).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FAMILIES, MAX_RATIO, measureFamily, SIZES } from './adversarial/families.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args[i + 1];
};
const only = flag('--only');
const sizes = flag('--sizes')?.split(',').map(Number) ?? SIZES;
const allStages = args.includes('--all-stages');
const asJson = args.includes('--json');

const distIndex = join(root, 'dist', 'index.js');
if (!existsSync(distIndex)) {
  console.error('adversarial: build first (npx tsup --silent)');
  process.exit(2);
}
const korner = await import(pathToFileURL(distIndex).href);
const withPerson = (defaults) => korner.insertAfter(defaults, 'tagger', korner.createPersonStage());
const shared = await korner.createExtractor({ stages: withPerson });
const perText = new Map();
const extractorFor = async (text, family) => {
  if (!family.userDictionary) return shared;
  if (!perText.has(text)) perText.set(text, await korner.createExtractor({ stages: withPerson, userDictionary: family.userDictionary(text) }));
  return perText.get(text);
};

// Warm the JIT on ordinary text first, so that the first family's small sizes do not pay for compilation.
const warm = '유정복 인천시장은 2016년 5월 17일 오후 3시 인천시청에서 웨이하이(威海)시 대표단 30여명을 만났다. ';
await measureFamily({ name: 'warm-up', text: (bytes) => warm.repeat(Math.ceil(bytes / 200)) }, extractorFor, korner.createDocument, { sizes: [10_000, 100_000], retries: 0 });

const results = [];
const pad = (s, n) => String(s).padStart(n);
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
for (const family of FAMILIES) {
  if (only && !family.name.includes(only)) continue;
  let rows;
  try {
    rows = await measureFamily(family, extractorFor, korner.createDocument, { sizes });
  } catch (error) {
    results.push({ family: family.name, error: String(error?.message ?? error).slice(0, 200) });
    if (!asJson) console.log(`${family.name}: failed: ${results[results.length - 1].error}`);
    continue;
  }
  const worst = rows.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  results.push({ family: family.name, worst, rows });
  if (asJson) continue;
  const shown = allStages ? rows : [...rows].sort((a, b) => b.ms[b.ms.length - 1] - a.ms[a.ms.length - 1]).slice(0, 3);
  const flagged = worst.ratio > MAX_RATIO ? '  <-- over ' + MAX_RATIO : '';
  console.log(`${family.name}: worst ratio ${worst.ratio.toFixed(1)} (${worst.stage})${flagged}`);
  for (const row of shown) {
    console.log(`  ${row.stage.padEnd(16)}${row.ms.map((ms) => pad(fmt(ms), 9)).join('')} ms${pad(row.ratio.toFixed(1), 8)}`);
  }
}
const measured = results.filter((r) => r.worst);
const overall = measured.reduce((a, b) => (b.worst.ratio > a.worst.ratio ? b : a), measured[0]);
if (asJson) {
  console.log(JSON.stringify({ sizes, results }));
} else if (overall) {
  console.log(`\nworst ratio over all families: ${overall.worst.ratio.toFixed(1)} (${overall.family}, ${overall.worst.stage})`);
}
