/**
 * Development evaluation of the tagger inside the full pipeline, and of how its candidates should be combined with
 * the rule-based recognisers'.
 *
 *   npx esbuild scripts/train/eval.ts --bundle --platform=node --format=esm --outfile=/tmp/eval-tagger.mjs
 *   node /tmp/eval-tagger.mjs [--gold ../shared/data/klue-ner-open.jsonl] [--split validation|train|dev|all]
 *     [--model tagger/model.bin] [--min-score 0.5] [--tokens default] [--policy NAME] [--verbose]
 *
 * It runs the default stages plus whatever the default list still lacks (the mecab-ko-dic analyzer, the date, time,
 * figure and name recognisers), then the tagger, keeps every candidate, and scores several resolution policies.
 */
import { join } from 'node:path';
import { createDocument } from '../../src/document/createDocument.js';
import type { Entity, KornerDocument } from '../../src/document/types.js';
import { score, type ScoredSpan } from '../../src/eval/score.js';
import { selectSplit } from '../../src/eval/split.js';
import { createPipeline } from '../../src/pipeline/pipeline.js';
import { resolveOverlaps } from '../../src/resolve/overlap.js';
import { nodeLoader } from '../../src/resources/nodeLoader.js';
import { Resources } from '../../src/resources/resources.js';
import { args, formatReport, isDevSlice, readGold, repoRoot } from './common.js';
import { candidateStages, isRule, isTagger, overlaps, POLICIES } from './pipeline.js';

async function main(): Promise<void> {
  const opts = args(process.argv.slice(2));
  const root = repoRoot();
  const records = readGold(opts.get('gold') ?? join(root, '../shared/data/klue-ner-open.jsonl'));
  const split = opts.get('split') ?? 'validation';
  const chosen =
    split === 'dev'
      ? selectSplit(records, 'train').filter((r) => isDevSlice(r.id))
      : selectSplit(records, split as 'train' | 'validation' | 'all');
  const resources = new Resources(nodeLoader(join(root, 'dictionaries')));
  const pipeline = createPipeline(candidateStages(opts.get('model'), opts.get('tokens') === 'default'));
  await pipeline.setup(resources);
  console.log(`stages: ${pipeline.names.join(' → ')}`);
  const minScore = opts.has('min-score') ? Number(opts.get('min-score')) : undefined;

  const started = performance.now();
  const docs: KornerDocument[] = chosen.map((r) => pipeline.run(createDocument(r.text), {}));
  const seconds = (performance.now() - started) / 1000;
  const bytes = chosen.reduce((sum, r) => sum + Buffer.byteLength(r.text), 0);
  console.log(`${chosen.length} sentences (${split}) in ${seconds.toFixed(2)} s: ${(bytes / 1e6 / seconds).toFixed(2)} MB/s`);

  const gold = (i: number): ScoredSpan[] => chosen[i]!.entities;
  const keep = (e: Entity): boolean => minScore === undefined || e.score === undefined || e.score >= minScore || !isTagger(e);
  const summary: string[] = [];
  for (const [name, policy] of Object.entries(POLICIES)) {
    const report = score(docs.map((doc, i) => ({ text: doc.text, gold: gold(i), predicted: policy((doc.candidates ?? []).filter(keep)) })));
    summary.push(
      `  ${name.padEnd(44)} entity F1 ${report.entity.micro.f1.toFixed(4)} (P ${report.entity.micro.precision.toFixed(4)} R ${report.entity.micro.recall.toFixed(4)})  char F1 ${report.character.micro.f1.toFixed(4)}  ` +
        Object.entries(report.entity.byType)
          .map(([t, p]) => `${t.slice(0, 3)} ${p.f1.toFixed(3)}`)
          .join(' '),
    );
    if (opts.has('verbose') || name === (opts.get('policy') ?? 'default')) {
      console.log(formatReport(`${name}`, report));
    }
  }
  console.log(`policies on ${split}:`);
  console.log(summary.join('\n'));

  // minScore after resolution (as the extractor applies it): precision against recall.
  const proposed = POLICIES.default!;
  console.log('minScore on the default policy (tagger entities below it dropped after resolution):');
  for (const threshold of [0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]) {
    const report = score(
      docs.map((doc, i) => ({
        text: doc.text,
        gold: gold(i),
        predicted: proposed(doc.candidates ?? []).filter((e) => e.score === undefined || e.score >= threshold),
      })),
    );
    const m = report.entity.micro;
    console.log(`  minScore ${threshold.toFixed(2)}  P ${m.precision.toFixed(4)}  R ${m.recall.toFixed(4)}  F1 ${m.f1.toFixed(4)}`);
  }

  // Disagreements: a tagger entity and a rule entity (after each side's own resolution) that overlap but differ.
  const table = new Map<string, { tagger: number; rule: number; neither: number; both: number }>();
  for (let i = 0; i < docs.length; i++) {
    const candidates = docs[i]!.candidates ?? [];
    const goldKeys = new Set(gold(i).map((g) => `${g.start}:${g.end}:${g.type}`));
    const correct = (e: Entity): boolean => goldKeys.has(`${e.start}:${e.end}:${e.type}`);
    const tagged = resolveOverlaps(candidates.filter(isTagger));
    const ruled = resolveOverlaps(candidates.filter(isRule));
    for (const r of ruled) {
      for (const t of tagged) {
        if (!overlaps(r, t) || (r.start === t.start && r.end === t.end && r.type === t.type)) continue;
        const key = `${r.source}:${r.type}`;
        let row = table.get(key);
        if (!row) table.set(key, (row = { tagger: 0, rule: 0, neither: 0, both: 0 }));
        const tc = correct(t);
        const rc = correct(r);
        if (tc && rc) row.both++;
        else if (tc) row.tagger++;
        else if (rc) row.rule++;
        else row.neither++;
      }
    }
  }
  console.log('disagreements (overlapping, different span or type): who matches gold');
  for (const [key, row] of [...table.entries()].sort()) {
    console.log(`  ${key.padEnd(26)} tagger ${row.tagger}  rule ${row.rule}  neither ${row.neither}  both ${row.both}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
