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
import { createDocument } from '../../src/document/createDocument.js';
import type { Entity, KornerDocument } from '../../src/document/types.js';
import { createAnalyzerStage } from '../../src/analyzer/stage.js';
import { score, type ScoredSpan } from '../../src/eval/score.js';
import { selectSplit } from '../../src/eval/split.js';
import { defaultStages } from '../../src/pipeline/defaultStages.js';
import { createPipeline } from '../../src/pipeline/pipeline.js';
import type { Stage } from '../../src/pipeline/stage.js';
import { createDateTimeStage } from '../../src/recognizers/date.js';
import { createOrganizationStage } from '../../src/recognizers/organization.js';
import { createPersonStage } from '../../src/recognizers/person.js';
import { createPlaceStage } from '../../src/recognizers/place.js';
import { createQuantityStage } from '../../src/recognizers/quantity.js';
import { DEFAULT_SOURCE_PRIORITY, resolveOverlaps } from '../../src/resolve/overlap.js';
import { nodeLoader } from '../../src/resources/nodeLoader.js';
import { Resources } from '../../src/resources/resources.js';
import { createTaggerStage } from '../../src/tagger/stage.js';
import { args, formatReport, isDevSlice, readGold, repoRoot } from './common.js';
import { join } from 'node:path';

const RESOLVERS = new Set(['resolveOverlaps', 'aliases', 'links', 'hanja']);

/** Default stages up to the candidates, completed with the stages the integrator has not wired yet, then the tagger. */
export function candidateStages(model?: string, keepDefaultTokens = false): Stage[] {
  // The tagger was trained on the mecab-ko-dic analyzer's tokens: put it in place of any other 'tokens' stage.
  const defaults = defaultStages().map((stage) =>
    stage.provides.includes('tokens') && !keepDefaultTokens ? createAnalyzerStage() : stage,
  );
  const stages: Stage[] = [];
  const names = new Set(defaults.map((s) => s.name));
  const provided = new Set(defaults.flatMap((s) => s.provides));
  for (const stage of defaults) {
    if (RESOLVERS.has(stage.name) || stage.requires.includes('entities')) continue;
    stages.push(stage);
    if (stage.name === 'sentences' && !provided.has('tokens')) stages.push(createAnalyzerStage());
  }
  if (!stages.some((s) => s.provides.includes('tokens'))) stages.splice(1, 0, createAnalyzerStage());
  const extra: [string, () => Stage][] = [
    ['dateTime', createDateTimeStage],
    ['quantity', createQuantityStage],
    ['person', createPersonStage],
    ['place', createPlaceStage],
    ['organization', createOrganizationStage],
  ];
  for (const [name, create] of extra) if (!names.has(name)) stages.push(create());
  if (!names.has('tagger')) stages.push(createTaggerStage(model ? { model } : {}));
  return stages;
}

type Policy = (candidates: readonly Entity[]) => Entity[];

const overlaps = (a: Entity, b: Entity): boolean => a.start < b.end && b.start < a.end;

/** Greedy over groups in order: each group resolved by length and priority, kept where nothing earlier overlaps. */
function byGroups(groups: ((e: Entity) => boolean)[]): Policy {
  return (candidates) => {
    const chosen: Entity[] = [];
    for (const group of groups) {
      for (const entity of resolveOverlaps(candidates.filter(group))) {
        if (!chosen.some((kept) => overlaps(kept, entity))) chosen.push(entity);
      }
    }
    return chosen.sort((a, b) => a.start - b.start);
  };
}

const isTagger = (e: Entity): boolean => e.source === 'tagger';
const isUser = (e: Entity): boolean => e.source === 'userDictionary';
const isRule = (e: Entity): boolean => !isTagger(e) && !isUser(e);
const FIGURES = new Set(['DATE', 'TIME', 'QUANTITY']);

/**
 * Resolution by source priority first, then length (the reverse of resolveOverlaps' order), then score: the
 * policy proposed for src/resolve/overlap.ts.
 */
export function priorityFirst(priority: Readonly<Record<string, number>>): Policy {
  return (candidates) => {
    const ranked = [...candidates].sort(
      (a, b) =>
        (priority[b.source] ?? 0) - (priority[a.source] ?? 0) ||
        b.end - b.start - (a.end - a.start) ||
        (b.score ?? 1) - (a.score ?? 1) ||
        a.start - b.start,
    );
    const chosen: Entity[] = [];
    for (const c of ranked) if (c.end > c.start && !chosen.some((k) => overlaps(k, c))) chosen.push(c);
    return chosen.sort((a, b) => a.start - b.start);
  };
}

/** The priorities recommended to the integrator (figures, then the tagger, then the name rules). */
export const PROPOSED_PRIORITY: Readonly<Record<string, number>> = {
  userDictionary: 100,
  dateTime: 60,
  quantity: 60,
  tagger: 45,
  organization: 40,
  person: 35,
  place: 30,
  english: 10,
};

export const POLICIES: Record<string, Policy> = {
  'priority first (proposed)': priorityFirst(PROPOSED_PRIORITY),
  'figure rules, then tagger (no name rules)': byGroups([isUser, (e) => isRule(e) && FIGURES.has(e.type), isTagger]),
  'rules only': (c) => resolveOverlaps(c.filter((e) => !isTagger(e))),
  'tagger only': (c) => resolveOverlaps(c.filter((e) => isTagger(e) || isUser(e))),
  'longest first, tagger 20 (current)': (c) => resolveOverlaps(c),
  'longest first, tagger 70': (c) => resolveOverlaps(c, { priority: { ...DEFAULT_SOURCE_PRIORITY, tagger: 70 } }),
  'tagger first, rules fill gaps': byGroups([isUser, isTagger, isRule]),
  'rules first, tagger fills gaps': byGroups([isUser, isRule, isTagger]),
  'figure rules, then tagger, then name rules': byGroups([
    isUser,
    (e) => isRule(e) && FIGURES.has(e.type),
    isTagger,
    isRule,
  ]),
  'tagger>=0.5, rules, tagger<0.5': byGroups([isUser, (e) => isTagger(e) && (e.score ?? 1) >= 0.5, isRule, isTagger]),
  'tagger>=0.3, rules, tagger<0.3': byGroups([isUser, (e) => isTagger(e) && (e.score ?? 1) >= 0.3, isRule, isTagger]),
  'tagger>=0.7, rules, tagger<0.7': byGroups([isUser, (e) => isTagger(e) && (e.score ?? 1) >= 0.7, isRule, isTagger]),
};

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
    if (opts.has('verbose') || name === (opts.get('policy') ?? 'priority first (proposed)')) {
      console.log(formatReport(`${name}`, report));
    }
  }
  console.log(`policies on ${split}:`);
  console.log(summary.join('\n'));

  // minScore after resolution (as the extractor applies it): precision against recall.
  const proposed = POLICIES['priority first (proposed)']!;
  console.log('minScore on the proposed policy (tagger entities below it dropped after resolution):');
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

if (!process.env.NO_MAIN) main().catch((error) => {
  console.error(error);
  process.exit(1);
});
