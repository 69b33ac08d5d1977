/**
 * Throughput of the tagger: alone (tokens computed beforehand) and in the whole pipeline of scripts/train/eval.ts,
 * on ../shared/bench/klue-open-text.txt, with peak RSS. Not a test.
 *
 *   npx esbuild scripts/train/bench.ts --bundle --platform=node --format=esm --outfile=/tmp/bench-tagger.mjs
 *   node /tmp/bench-tagger.mjs [--file ../shared/bench/klue-open-text.txt] [--no-scores]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDocument } from '../../src/document/createDocument.js';
import type { KornerDocument } from '../../src/document/types.js';
import { createPipeline } from '../../src/pipeline/pipeline.js';
import { nodeLoader } from '../../src/resources/nodeLoader.js';
import { Resources } from '../../src/resources/resources.js';
import { resolveOverlaps } from '../../src/resolve/overlap.js';
import { loadTagger } from '../../src/tagger/stage.js';
import { args, repoRoot } from './common.js';
import { candidateStages } from './pipeline.js';

async function main(): Promise<void> {
  const opts = args(process.argv.slice(2));
  const root = repoRoot();
  const file = opts.get('file') ?? join(root, '../shared/bench/klue-open-text.txt');
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0);
  const bytes = lines.reduce((sum, l) => sum + Buffer.byteLength(l) + 1, 0);
  const resources = new Resources(nodeLoader(join(root, 'dictionaries')));
  const stages = candidateStages();
  const pipeline = createPipeline(stages);
  await pipeline.setup(resources);
  const tagger = await loadTagger(resources);

  // Whole pipeline (tagger included), as extract() would run it, resolution included; the second pass is warm.
  let docs: KornerDocument[] = [];
  let whole = 0;
  let coldWhole = 0;
  for (let round = 0; round < 2; round++) {
    const t0 = performance.now();
    docs = [];
    for (const line of lines) {
      const doc = pipeline.run(createDocument(line), {});
      doc.entities = resolveOverlaps(doc.candidates ?? []);
      docs.push(doc);
    }
    whole = (performance.now() - t0) / 1000;
    if (round === 0) coldWhole = whole;
  }
  // The same without the tagger, for comparison.
  const withoutTagger = createPipeline(stages.filter((s) => s.name !== 'tagger'));
  let rulesOnly = 0;
  for (let round = 0; round < 2; round++) {
    const t0 = performance.now();
    for (const line of lines) withoutTagger.run(createDocument(line), {});
    rulesOnly = (performance.now() - t0) / 1000;
  }
  // Per stage.
  const perStage = new Map<string, number>();
  for (const line of lines.slice(0, 1000)) {
    const doc = createDocument(line);
    for (const stage of stages) {
      const t = performance.now();
      stage.run(doc, {});
      perStage.set(stage.name, (perStage.get(stage.name) ?? 0) + performance.now() - t);
    }
  }
  // Tagger alone, on the tokens of the pipeline; twice, the second run warm.
  const scores = !opts.has('no-scores');
  let alone = 0;
  let entities = 0;
  for (let round = 0; round < 2; round++) {
    const t = performance.now();
    entities = 0;
    for (const doc of docs) {
      // The tokens of each sentence, as the stage passes them.
      const tokens = doc.tokens ?? [];
      let first = 0;
      for (const s of doc.sentences ?? []) {
        while (first < tokens.length && tokens[first]!.end <= s.start) first++;
        let last = first;
        while (last < tokens.length && tokens[last]!.start < s.end) last++;
        entities += tagger.tag(doc.text, s.start, s.end, tokens.slice(first, last), { scores }).length;
      }
    }
    alone = (performance.now() - t) / 1000;
  }
  const mb = bytes / 1e6;
  console.log(
    JSON.stringify(
      {
        file,
        MB: Number(mb.toFixed(3)),
        lines: lines.length,
        wholePipelineMBps: Number((mb / whole).toFixed(3)),
        wholePipelineColdMBps: Number((mb / coldWhole).toFixed(3)),
        pipelineWithoutTaggerMBps: Number((mb / rulesOnly).toFixed(3)),
        taggerAloneMBps: Number((mb / alone).toFixed(3)),
        taggerSentencesPerSecond: Math.round(lines.length / alone),
        taggerEntities: entities,
        scores,
        stageMsPer1000Lines: Object.fromEntries([...perStage].map(([k, v]) => [k, Math.round(v)])),
        peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      },
      null,
      2,
    ),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
