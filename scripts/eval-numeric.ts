/**
 * Development score of the figure, date and time rules on KLUE-NER (../shared/data/klue-ner-open.jsonl):
 * entity P/R/F1 for DATE, TIME and QUANTITY on the train and validation splits and on the whole file
 * (PERSON, LOCATION and ORGANIZATION are ignored in gold and prediction).
 *
 *   npx esbuild scripts/eval-numeric.ts --bundle --platform=node --format=esm --outfile=/tmp/eval-numeric.mjs \
 *     && node /tmp/eval-numeric.mjs [gold.jsonl] [--errors TYPE] [--split train|validation|all]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDocument } from '../src/document/createDocument.js';
import type { Entity } from '../src/document/types.js';
import { parseGold, type GoldRecord } from '../src/eval/gold.js';
import { score, type ScoreReport } from '../src/eval/score.js';
import { selectSplit, type SplitName } from '../src/eval/split.js';
import { createDateTimeStage } from '../src/recognizers/date.js';
import { createQuantityStage } from '../src/recognizers/quantity.js';
import { memoryLoader } from '../src/resources/loader.js';
import { Resources } from '../src/resources/resources.js';
import { normalizeText } from '../src/text/normalize.js';

const TYPES = ['DATE', 'TIME', 'QUANTITY'] as const;
const args = process.argv.slice(2);
const goldPath = args.find((a) => !a.startsWith('--') && a.endsWith('.jsonl')) ?? '../shared/data/klue-ner-open.jsonl';
const errorsIndex = args.indexOf('--errors');
const errorType = errorsIndex >= 0 ? args[errorsIndex + 1] : undefined;
const splitIndex = args.indexOf('--split');
const errorSplit = (splitIndex >= 0 ? args[splitIndex + 1] : 'all') as SplitName | 'all';

const dictionaries = 'dictionaries';
const files: Record<string, string> = {};
for (const name of readdirSync(dictionaries)) if (name.endsWith('.tsv')) files[name] = readFileSync(join(dictionaries, name), 'utf8');
const resources = new Resources(memoryLoader(files));
const stages = [createDateTimeStage(), createQuantityStage()];
for (const stage of stages) await stage.setup?.(resources);

function predict(record: GoldRecord): Entity[] {
  const doc = createDocument(record.text);
  doc.normalized = normalizeText(record.text);
  for (const stage of stages) stage.run(doc, {});
  // Overlap resolution as the integrator will do it: longest span first.
  const candidates = (doc.candidates ?? []).slice().sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Entity[] = [];
  for (const c of candidates) if (kept.every((k) => k.end <= c.start || k.start >= c.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

const records = parseGold(readFileSync(goldPath, 'utf8'));
const predictions = new Map(records.map((r) => [r.id, predict(r)]));

function run(split: SplitName | 'all'): ScoreReport {
  return score(
    selectSplit(records, split).map((r) => ({ text: r.text, gold: r.entities, predicted: predictions.get(r.id)! })),
    { types: TYPES },
  );
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
for (const split of ['train', 'validation', 'all'] as const) {
  const report = run(split);
  console.log(`${split} (${report.sentences} sentences)`);
  for (const type of TYPES) {
    const r = report.entity.byType[type];
    if (r) console.log(`  ${type.padEnd(9)} P ${pct(r.precision)}  R ${pct(r.recall)}  F1 ${pct(r.f1)}  (tp ${r.truePositives} fp ${r.falsePositives} fn ${r.falseNegatives})`);
  }
  const m = report.entity.micro;
  console.log(`  micro     P ${pct(m.precision)}  R ${pct(m.recall)}  F1 ${pct(m.f1)}   char micro F1 ${pct(report.character.micro.f1)}  char macro F1 ${pct(report.character.macroF1)}`);
}

if (errorType) {
  for (const r of selectSplit(records, errorSplit)) {
    const gold = r.entities.filter((e) => e.type === errorType);
    const pred = predictions.get(r.id)!.filter((e) => e.type === errorType);
    const key = (e: { start: number; end: number }) => `${e.start}:${e.end}`;
    const g = new Set(gold.map(key));
    const p = new Set(pred.map(key));
    for (const e of pred) if (!g.has(key(e))) console.log(`FP ${JSON.stringify(e.text)}\t${JSON.stringify(e.value ?? null)}\t| ${r.text.slice(Math.max(0, e.start - 15), e.start)}[${e.text}]${r.text.slice(e.end, e.end + 10)}`);
    for (const e of gold) if (!p.has(key(e))) console.log(`FN ${JSON.stringify(e.text)}\t| ${r.text.slice(Math.max(0, e.start - 15), e.start)}[${e.text}]${r.text.slice(e.end, e.end + 10)}`);
  }
}
