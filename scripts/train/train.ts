/**
 * npm run train: trains the entity tagger on every sentence of ../shared/data/klue-ner-open.jsonl (--part train: on
 * the training part of src/eval/split.ts only) and writes dictionaries/tagger/model.bin.
 *
 *   npm run train        (= node scripts/train/run.mjs train; the integrator adds the script to package.json)
 *   node scripts/train/run.mjs train [--gold ../shared/data/klue-ner-open.jsonl] [--bits 20] [--max-epochs 25]
 *     [--patience 4] [--seeds 1,2,3,4,5] [--min-count 1] [--weight-bits 8] [--prune 3 (quantisation steps)] [--no-tokens] [--no-refit]
 *     [--part all|train] [--no-validation] [--out dictionaries/tagger/model.bin]
 *
 * The defaults make the committed model: five averaged perceptrons (seeds 1-5), each early-stopped on the dev
 * slice, then refit on all the sentences for its number of epochs, and averaged. All 3,990 sentences, because
 * cross-validation (npm run eval:cv, docs/ACCURACY.md) measures what the settings are worth on unseen text and more
 * gold is worth more than a held-out score of the shipped file; `--part train` leaves the validation part out, to
 * score the shipped model on it.
 *
 * Deterministic: the split is a hash of the ids, the shuffle a seeded PRNG. Model selection (epochs) and score
 * calibration use the dev slice only; with --part train the validation part is scored at the end, for the report.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createDocument } from '../../src/document/createDocument.js';
import type { Token } from '../../src/document/types.js';
import { createAnalyzerStage } from '../../src/analyzer/stage.js';
import { score } from '../../src/eval/score.js';
import { selectSplit } from '../../src/eval/split.js';
import { createPipeline } from '../../src/pipeline/pipeline.js';
import { nodeLoader } from '../../src/resources/nodeLoader.js';
import { Resources } from '../../src/resources/resources.js';
import { LABEL_TYPES } from '../../src/tagger/labels.js';
import { loadTaggerLexicon } from '../../src/tagger/lexicon.js';
import { decodeModel } from '../../src/tagger/model.js';
import { Tagger } from '../../src/tagger/tagger.js';
import type { TrainingSentence } from '../../src/tagger/train.js';
import { args, formatReport, isDevSlice, readGold, repoRoot } from './common.js';
import { trainModel, type ModelSettings } from './model.js';

export const ATTRIBUTION =
  'KLUE-NER v1.1 validation set, Park et al., 2021, KLUE: Korean Language Understanding Evaluation, CC BY-SA 4.0';

async function main(): Promise<void> {
  const started = Date.now();
  const opts = args(process.argv.slice(2));
  const root = repoRoot();
  const goldPath = opts.get('gold') ?? join(root, '../shared/data/klue-ner-open.jsonl');
  const out = opts.get('out') ?? join(root, 'dictionaries/tagger/model.bin');
  const bits = Number(opts.get('bits') ?? 20);
  const seed = Number(opts.get('seed') ?? 1);
  const refit = !opts.has('no-refit');
  const useTokens = !opts.has('no-tokens');
  const weightBits = Number(opts.get('weight-bits') ?? 8) as 8 | 16;
  // Rows whose largest weight is at most 3 quantisation steps go: 60% fewer rows (a table that stays in cache) for
  // about -0.001 validation F1 (2026-11-27: 0 → 0.8267, 1 → 0.8256, 2 → 0.8256, 3 → 0.8261).
  const prune = Number(opts.get('prune') ?? 3);
  const log = (line: string): void => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`);

  const records = readGold(goldPath);
  const part = opts.get('part') ?? 'all';
  if (part !== 'all' && part !== 'train') throw new Error(`--part ${part}: give all or train`);
  const trainPart = part === 'all' ? records : selectSplit(records, 'train');
  const validation = part === 'all' ? [] : selectSplit(records, 'validation');
  log(`${records.length} records: ${trainPart.length} train (${trainPart.filter((r) => isDevSlice(r.id)).length} of them dev slice), ${validation.length} validation`);

  const resources = new Resources(nodeLoader(join(root, 'dictionaries')));
  const lexicon = await loadTaggerLexicon(resources);
  const pipeline = createPipeline(useTokens ? [createAnalyzerStage()] : []);
  await pipeline.setup(resources);
  log(`lexicon: ${lexicon.size} surfaces; analyzer ${useTokens ? 'on' : 'off'}`);

  const toSentence = (record: (typeof records)[number]): TrainingSentence => {
    const doc = pipeline.run(createDocument(record.text), {});
    return {
      id: record.id,
      text: record.text,
      tokens: doc.tokens as Token[] | undefined,
      spans: record.entities.map((e) => ({ start: e.start, end: e.end, typeIndex: LABEL_TYPES.indexOf(e.type) })),
    };
  };
  const fit = trainPart.filter((r) => !isDevSlice(r.id)).map(toSentence);
  const dev = trainPart.filter((r) => isDevSlice(r.id)).map(toSentence);
  log(`analysed ${fit.length + dev.length} training sentences`);

  const seeds = (opts.get('seeds') ?? (opts.has('seed') ? String(seed) : '1,2,3,4,5')).split(',').map(Number);
  const settings: ModelSettings = {
    bits,
    maxEpochs: Number(opts.get('max-epochs') ?? 25),
    patience: Number(opts.get('patience') ?? 4),
    minCount: Number(opts.get('min-count') ?? 1),
    margin: Number(opts.get('margin') ?? 0),
    seeds,
    refit,
    weightBits,
    prune,
    log,
  };
  const { bytes, usedBuckets } = trainModel(fit, dev, lexicon, settings, (trained) => ({
    generated: 'by scripts/train/train.ts (npm run train): do not edit',
    trainedOn: ATTRIBUTION,
    licence: 'CC BY-SA 4.0 (weights derived from KLUE-NER); see ATTRIBUTION.md',
    split: `${part === 'all' ? 'all sentences' : 'src/eval/split.ts train part'}; dev slice = fnv1a32("dev:" + id) % 10 == 0`,
    seeds,
    epochs: trained.epochs.join(','),
    minCount: settings.minCount,
    analyzer: useTokens,
    refit: refit,
    devEntityF1: Number(trained.devReport.entity.micro.f1.toFixed(4)),
  }));

  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  log(`wrote ${out}: ${(bytes.length / 1e6).toFixed(2)} MB, ${usedBuckets} used buckets`);

  // Report: the written (quantised) model through the Tagger, on dev and on validation.
  const tagger = new Tagger(decodeModel(bytes), lexicon);
  const evaluate = (sentences: TrainingSentence[]) =>
    score(
      sentences.map((s) => ({
        text: s.text,
        gold: s.spans.map((span) => ({ start: span.start, end: span.end, type: LABEL_TYPES[span.typeIndex]! })),
        predicted: tagger.tag(s.text, 0, s.text.length, s.tokens, { scores: false }),
      })),
    );
  console.log(formatReport(`dev slice (tagger alone, quantised${refit ? '; trained on it by the refit' : ''})`, evaluate(dev)));
  if (validation.length > 0 && !opts.has('no-validation')) {
    console.log(formatReport('validation (tagger alone, quantised)', evaluate(validation.map(toSentence))));
  }
  log('done');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
