/**
 * npm run eval:cv: k-fold cross-validation of the whole pipeline over every open KLUE sentence. Fold k holds the
 * sentences with fnv1a32(id) % k == fold (fold 0 of 5 is the fixed validation part of src/eval/split.ts). For each
 * fold, a tagger is trained on the other folds exactly as `npm run train` trains the shipped model (seeds, early
 * stopping and calibration on their dev slice, refit, quantisation), and the default pipeline with that tagger
 * extracts the fold. Every sentence is thus scored by a model that never saw it. The scores of all folds together
 * are reported with a bootstrap 95% interval (sentences resampled with replacement), and per fold.
 *
 *   node scripts/train/run.mjs cv [--gold ../shared/data/klue-ner-open.jsonl] [--folds 5] [--seeds 1,2,3,4,5]
 *     [--max-epochs 25] [--patience 4] [--bootstrap 1000] [--json FILE] [--only-folds 0,1]
 *     [--without place,organization] [--min-score 0.4] [--compare OTHER.json] [--predictions FILE] [--weight-bits 8|16]
 *     [--also-without place,organization] [--no-calibration] [--calibration-out dictionaries/tagger/calibration.tsv]
 *
 * --without removes stages of the default pipeline and --min-score (default: DEFAULT_MIN_SCORE) drops entities scored below it, to compare a
 * choice against the default on the same folds and models (training does not depend on either). --json keeps each
 * sentence's counts, and --compare OTHER.json (another run's --json) prints the paired bootstrap interval of the
 * difference in entity F1, this run minus the other, resampling the same sentences in both. --predictions FILE writes
 * every sentence's predicted entities as korner JSONL (id, text, entities with type, score and source), in the order
 * of the gold file: `korner eval GOLD --predictions FILE` scores them again and can draw the error report.
 * --also-without STAGES extracts every fold a second time with the same model and without those stages, and prints
 * that pipeline's F1 and the paired difference (it minus the pipeline above): a stage's worth, measured on one run.
 * The tagger's scores are calibrated across folds (each fold by an isotonic fit on the others' predictions; see
 * src/tagger/calibration.ts) before --min-score applies, as the shipped pipeline calibrates the shipped model's;
 * --no-calibration keeps the raw posteriors. --calibration-out FILE writes the fit on all folds.
 * --weight-bits 16 stores the fold models' weights as int16: the tagger then computes its emissions in JavaScript
 * from extractFeatures instead of the WebAssembly kernel (assembly/emissions.ts), which is how a feature can be
 * tried before the kernel computes it too (compare such runs with each other, not with int8 runs).
 *
 * Deterministic: folds by hash of id, seeded shuffles in training, a seeded generator for the bootstrap.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnalyzerStage } from '../../src/analyzer/stage.js';
import { createDocument } from '../../src/document/createDocument.js';
import type { Entity, EntityType, Token } from '../../src/document/types.js';
import type { GoldRecord } from '../../src/eval/gold.js';
import { bootstrapIntervals, pairedDifference, type EntityCounts } from '../../src/eval/bootstrap.js';
import { score, type ScoreReport } from '../../src/eval/score.js';
import { fnv1a32 } from '../../src/eval/split.js';
import { createExtractor } from '../../src/extractor.js';
import { createPipeline, removeStage, replaceStage } from '../../src/pipeline/pipeline.js';
import { DEFAULT_MIN_SCORE } from '../../src/pipeline/stage.js';
import { nodeLoader } from '../../src/resources/nodeLoader.js';
import { Resources } from '../../src/resources/resources.js';
import type { ResourceLoader } from '../../src/resources/loader.js';
import { fitCalibration, formatCalibrationTable, ScoreCalibration } from '../../src/tagger/calibration.js';
import { createTaggerStage } from '../../src/tagger/index.js';
import { LABEL_TYPES } from '../../src/tagger/labels.js';
import { loadTaggerLexicon } from '../../src/tagger/lexicon.js';
import type { TrainingSentence } from '../../src/tagger/train.js';
import { args, formatReport, isDevSlice, readGold, repoRoot } from './common.js';
import { formatCalibration, type PredictedSentence } from './calibration.js';
import { trainModel, type ModelSettings } from './model.js';

const FOLD_MODEL = 'tagger/cv-fold.bin';

/** Counts of one sentence, per type and in all: what the bootstrap adds up. */
function countsOf(report: ScoreReport): Record<string, EntityCounts> {
  const counts: Record<string, EntityCounts> = {
    micro: { tp: report.entity.micro.truePositives, fp: report.entity.micro.falsePositives, fn: report.entity.micro.falseNegatives },
  };
  for (const [type, p] of Object.entries(report.entity.byType)) counts[type] = { tp: p.truePositives, fp: p.falsePositives, fn: p.falseNegatives };
  return counts;
}

interface IdCounts extends EntityCounts {
  id: string;
}

/**
 * The paired bootstrap of F1(this) − F1(other) as a line of the report: the same resampled sentences in both runs.
 * Sentences missing from either run are an error (the runs must cover the same folds).
 */
function pairedLine(ours: readonly IdCounts[], other: { sentences: IdCounts[] }, rounds: number, what = 'this run minus the other'): string {
  const theirs = new Map(other.sentences.map((c) => [c.id, c]));
  const paired = ours.map((c) => {
    const t = theirs.get(c.id);
    if (!t) throw new Error(`--compare: sentence ${c.id} is not in the other run; compare runs over the same folds.`);
    return t;
  });
  const { observed, interval } = pairedDifference(ours, paired, rounds, 2);
  const sign = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(4)}`;
  return `\npaired difference in entity F1, ${what}: ${sign(observed)} [${sign(interval[0])}, ${sign(interval[1])}] (${rounds} paired resamples of ${ours.length} sentences)`;
}

async function main(): Promise<void> {
  const started = Date.now();
  const opts = args(process.argv.slice(2));
  const root = repoRoot();
  const log = (line: string): void => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`);
  const records = readGold(opts.get('gold') ?? join(root, '../shared/data/klue-ner-open.jsonl'));
  const folds = Number(opts.get('folds') ?? 5);
  const only = opts.get('only-folds')?.split(',').map(Number);
  const settings: ModelSettings = {
    bits: Number(opts.get('bits') ?? 20),
    maxEpochs: Number(opts.get('max-epochs') ?? 25),
    patience: Number(opts.get('patience') ?? 4),
    minCount: Number(opts.get('min-count') ?? 1),
    margin: Number(opts.get('margin') ?? 0),
    seeds: (opts.get('seeds') ?? '1,2,3,4,5').split(',').map(Number),
    refit: !opts.has('no-refit'),
    weightBits: opts.get('weight-bits') === '16' ? 16 : 8,
    prune: Number(opts.get('prune') ?? 3),
    log: () => undefined,
  };
  const foldOf = (record: GoldRecord): number => fnv1a32(record.id) % folds;
  const without = opts.get('without')?.split(',').filter(Boolean) ?? [];
  const alsoWithout = opts.get('also-without')?.split(',').filter(Boolean);
  // Extraction keeps every entity (minScore 0), so that the sweep below sees them all; the report applies this one.
  const minScore = opts.has('min-score') ? Number(opts.get('min-score')) : DEFAULT_MIN_SCORE;
  const kept = (entities: readonly Entity[]): Entity[] => entities.filter((e) => e.score === undefined || e.score >= minScore);

  // The analyzer's tokens of every sentence, once (the tagger trains on them).
  const dictionaries = join(root, 'dictionaries');
  const resources = new Resources(nodeLoader(dictionaries));
  const lexicon = await loadTaggerLexicon(resources);
  const analyzer = createPipeline([createAnalyzerStage()]);
  await analyzer.setup(resources);
  const toSentence = (record: GoldRecord): TrainingSentence => ({
    id: record.id,
    text: record.text,
    tokens: analyzer.run(createDocument(record.text), {}).tokens as Token[] | undefined,
    spans: record.entities.map((e) => ({ start: e.start, end: e.end, typeIndex: LABEL_TYPES.indexOf(e.type) })),
  });
  const sentences = new Map(records.map((r) => [r.id, toSentence(r)]));
  log(`pipeline: default${without.map((name) => ` without ${name}`).join('')}, minScore ${minScore}`);
  log(`${records.length} sentences in ${folds} folds (${Array.from({ length: folds }, (_, k) => records.filter((r) => foldOf(r) === k).length).join(', ')}); seeds ${settings.seeds.join(',')}`);

  /** Each fold's sentences with every entity, whatever its score, as the fold's model scored them. */
  const raw: (PredictedSentence & { id: string; fold: number })[] = [];
  const rawVariant: PredictedSentence[] = [];
  const perFold: { fold: number; sentences: number; f1: number; seconds: number }[] = [];
  for (let fold = 0; fold < folds; fold++) {
    if (only && !only.includes(fold)) continue;
    const foldStarted = Date.now();
    const train = records.filter((r) => foldOf(r) !== fold);
    const test = records.filter((r) => foldOf(r) === fold);
    const fit = train.filter((r) => !isDevSlice(r.id)).map((r) => sentences.get(r.id)!);
    const dev = train.filter((r) => isDevSlice(r.id)).map((r) => sentences.get(r.id)!);
    const model = trainModel(fit, dev, lexicon, settings, (trained) => ({ fold, folds, epochs: trained.epochs.join(',') }));
    // The default pipeline, with this fold's model in place of the shipped one (and its raw scores: the
    // calibration is fitted below, across folds).
    const base = nodeLoader(dictionaries);
    const loader: ResourceLoader = { read: (name) => (name === FOLD_MODEL ? Promise.resolve(model.bytes) : base.read(name)) };
    const pipelineWithout = async (names: readonly string[]) =>
      createExtractor({
        loader,
        stages: (defaults) => names.reduce((stages, name) => removeStage(stages, name), replaceStage(defaults, 'tagger', createTaggerStage({ model: FOLD_MODEL }))),
      });
    const extractor = await pipelineWithout(without);
    const runOptions = { minScore: 0 };
    const predicted = extractor.extractAll(test.map((r) => r.text), runOptions);
    if (alsoWithout) {
      const variant = (await pipelineWithout([...without, ...alsoWithout])).extractAll(test.map((r) => r.text), runOptions);
      rawVariant.push(...test.map((r, i): PredictedSentence => ({ text: r.text, gold: r.entities, predicted: variant[i]!.entities })));
    }
    raw.push(...test.map((r, i) => ({ id: r.id, fold, text: r.text, gold: r.entities, predicted: predicted[i]!.entities })));
    const seconds = (Date.now() - foldStarted) / 1000;
    perFold.push({ fold, sentences: test.length, f1: 0, seconds });
    log(`fold ${fold}: ${test.length} sentences (epochs ${model.epochs.join(',')}; ${seconds.toFixed(0)} s)`);
  }

  // Calibration, cross-fitted: the tagger's scores in fold k are mapped by an isotonic fit on the other folds'
  // out-of-fold entities, so that no score is calibrated on its own sentence. --calibration-out writes the fit on
  // all folds, for the shipped model.
  const calibrate = !opts.has('no-calibration');
  const points = (sentencesOf: readonly (PredictedSentence & { fold?: number })[], keep: (fold: number | undefined) => boolean) =>
    sentencesOf.flatMap((s) => {
      if (!keep(s.fold)) return [];
      const gold = new Set(s.gold.map((e) => `${e.start}:${e.end}:${e.type}`));
      return s.predicted.filter((e) => e.source === 'tagger' && e.score !== undefined).map((e) => ({ score: e.score!, right: gold.has(`${e.start}:${e.end}:${e.type}`) }));
    });
  const byFold = new Map(perFold.map((f) => [f.fold, calibrate ? new ScoreCalibration(fitCalibration(points(raw, (k) => k !== f.fold))) : undefined]));
  const mapped = (fold: number, entities: readonly Entity[]): Entity[] => {
    const calibration = byFold.get(fold);
    return calibration ? entities.map((e) => (e.source === 'tagger' && e.score !== undefined ? { ...e, score: calibration.apply(e.score) } : e)) : [...entities];
  };
  const allScored: PredictedSentence[] = raw.map((s) => ({ text: s.text, gold: s.gold, predicted: mapped(s.fold, s.predicted) }));
  const scored: PredictedSentence[] = allScored.map((s) => ({ ...s, predicted: kept(s.predicted) }));
  const variantScored: PredictedSentence[] = rawVariant.map((s, i) => ({ ...s, predicted: kept(mapped(raw[i]!.fold, s.predicted)) }));
  const ids = raw.map((s) => s.id);
  for (const f of perFold) f.f1 = score(scored.filter((_, i) => raw[i]!.fold === f.fold)).entity.micro.f1;
  const calibrationOut = opts.get('calibration-out');
  if (calibrationOut) {
    const knots = fitCalibration(points(raw, () => true));
    writeFileSync(calibrationOut, formatCalibrationTable(knots, `${raw.length} sentences, seeds ${settings.seeds.join(',')}.`));
  }

  const report = score(scored);
  const rounds = Number(opts.get('bootstrap') ?? 1000);
  console.log(formatReport(`${folds}-fold cross-validation, every sentence scored by a model that did not see it`, report));
  const types = ['micro', ...Object.keys(report.entity.byType)] as ('micro' | EntityType)[];
  const intervals = bootstrapIntervals(scored.map((s) => countsOf(score([s]))), types, rounds, 1);
  const interval = Object.fromEntries(types.map((type) => [type, intervals[type]!.f1]));
  console.log(`\nentity F1 with a bootstrap 95% interval (${rounds} resamples of the ${scored.length} sentences):`);
  for (const type of types) {
    const p = type === 'micro' ? report.entity.micro : report.entity.byType[type]!;
    const [lo, hi] = interval[type]!;
    console.log(`  ${type.padEnd(13)} ${p.f1.toFixed(4)}  [${lo.toFixed(4)}, ${hi.toFixed(4)}]`);
  }
  if (calibrate) {
    console.log('\nbefore calibration (raw posterior probabilities):');
    console.log(formatCalibration(raw, false));
    console.log('\nafter calibration (cross-fitted isotonic map):');
  }
  console.log(formatCalibration(allScored, true));
  console.log(`per fold: ${perFold.map((f) => `${f.fold}: ${f.f1.toFixed(4)} (${f.sentences})`).join(', ')}`);
  log('done');
  const counts = scored.map((s, i) => ({ id: ids[i]!, ...countsOf(score([s])).micro! }));
  if (alsoWithout) {
    const variantReport = score(variantScored);
    console.log(`\nwithout ${alsoWithout.join(', ')} as well: entity F1 ${variantReport.entity.micro.f1.toFixed(4)}, char F1 ${variantReport.character.micro.f1.toFixed(4)}`);
    for (const [type, p] of Object.entries(variantReport.entity.byType)) console.log(`  ${type.padEnd(13)} ${p.f1.toFixed(4)}`);
    const variantCounts = variantScored.map((s, i) => ({ id: ids[i]!, ...countsOf(score([s])).micro! }));
    console.log(pairedLine(variantCounts, { sentences: counts }, rounds, `without ${alsoWithout.join(', ')} minus with`));
  }
  const compare = opts.get('compare');
  if (compare) console.log(pairedLine(counts, JSON.parse(readFileSync(compare, 'utf8')) as { sentences: IdCounts[] }, rounds));
  const predictionsFile = opts.get('predictions');
  if (predictionsFile) {
    const lines = raw.map((s, i) => JSON.stringify({ id: s.id, text: s.text, fold: s.fold, entities: scored[i]!.predicted }));
    writeFileSync(predictionsFile, lines.length === 0 ? '' : `${lines.join('\n')}\n`);
  }
  const json = opts.get('json');
  if (json) writeFileSync(json, `${JSON.stringify({ folds, seeds: settings.seeds, without, minScore, report, interval, perFold, sentences: counts })}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
