/**
 * Development score of the first tokenizer and the PERSON/LOCATION/ORGANIZATION recognisers on KLUE-NER
 * (../shared/data/klue-ner-open.jsonl): exact span + type, per type, on a train/validation split by a hash of `id`,
 * after the same overlap resolution the pipeline uses.
 *
 * Run: npx esbuild scripts/dictionaries/eval-names.ts --bundle --platform=node --format=esm --outfile=/tmp/eval-names.mjs
 *      && node /tmp/eval-names.mjs [path.jsonl] [--errors TYPE]
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSimpleTokenizerStage } from '../../src/analyzer/simple/stage.js';
import { createDocument } from '../../src/document/createDocument.js';
import type { Entity } from '../../src/document/types.js';
import { createOrganizationStage } from '../../src/recognizers/organization.js';
import { createPersonStage } from '../../src/recognizers/person.js';
import { createPlaceStage } from '../../src/recognizers/place.js';
import { resolveOverlaps } from '../../src/resolve/overlap.js';
import { Resources } from '../../src/resources/resources.js';

const root = process.cwd();
const dictionaries = join(root, 'dictionaries');
const args = process.argv.slice(2);
const file = args.find((a) => a.endsWith('.jsonl')) ?? join(root, '..', 'shared', 'data', 'klue-ner-open.jsonl');
const errorsFor = args.includes('--errors') ? args[args.indexOf('--errors') + 1] : undefined;
void dirname;
void fileURLToPath;

interface Gold {
  id: string;
  text: string;
  entities: { start: number; end: number; type: string; text: string }[];
}

const TYPES = ['PERSON', 'LOCATION', 'ORGANIZATION'] as const;

function hash(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619) >>> 0;
  return h;
}

const resources = new Resources({ read: async (name) => readFileSync(join(dictionaries, name)) });
const stages = [createSimpleTokenizerStage(), createPersonStage(), createPlaceStage(), createOrganizationStage()];
for (const stage of stages) await stage.setup?.(resources);

const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Gold);
const counts: Record<string, Record<string, { tp: number; fp: number; fn: number }>> = {};
const errors: string[] = [];
let elapsed = 0;
for (const gold of lines) {
  const split = hash(gold.id) % 5 === 0 ? 'validation' : 'train';
  const doc = createDocument(gold.text);
  const t0 = performance.now();
  for (const stage of stages) stage.run(doc, {});
  const predicted: Entity[] = resolveOverlaps(doc.candidates ?? []).filter((e) => (TYPES as readonly string[]).includes(e.type));
  elapsed += performance.now() - t0;
  const goldSet = new Set(gold.entities.filter((e) => (TYPES as readonly string[]).includes(e.type)).map((e) => `${e.start}:${e.end}:${e.type}`));
  const predSet = new Set(predicted.map((e) => `${e.start}:${e.end}:${e.type}`));
  for (const s of [split, 'all']) {
    counts[s] ??= {};
    for (const type of TYPES) counts[s]![type] ??= { tp: 0, fp: 0, fn: 0 };
    for (const key of predSet) {
      const type = key.split(':')[2]!;
      if (goldSet.has(key)) counts[s]![type]!.tp++;
      else counts[s]![type]!.fp++;
    }
    for (const key of goldSet) if (!predSet.has(key)) counts[s]![key.split(':')[2]!]!.fn++;
  }
  if (errorsFor) {
    const show = (key: string) => {
      const [start, end] = key.split(':').map(Number);
      return gold.text.slice(start, end);
    };
    for (const key of predSet) if (!goldSet.has(key) && key.endsWith(errorsFor)) errors.push(`FP ${show(key)}\t| ${gold.text}`);
    for (const key of goldSet) if (!predSet.has(key) && key.endsWith(errorsFor)) errors.push(`FN ${show(key)}\t| ${gold.text}`);
  }
}
const f = (x: number) => x.toFixed(3);
for (const split of ['train', 'validation', 'all']) {
  for (const type of TYPES) {
    const { tp, fp, fn } = counts[split]![type]!;
    const p = tp / (tp + fp || 1);
    const r = tp / (tp + fn || 1);
    console.log(`${split.padEnd(10)} ${type.padEnd(12)} P=${f(p)} R=${f(r)} F1=${f((2 * p * r) / (p + r || 1))}  tp=${tp} fp=${fp} fn=${fn}`);
  }
}
console.log(`${lines.length} sentences in ${elapsed.toFixed(0)} ms`);
if (errorsFor) console.log(errors.join('\n'));
