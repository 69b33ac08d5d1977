/**
 * Exactness and speed check of the tagger alone, on fixed inputs (so that changes elsewhere, e.g. in the analyzer,
 * do not move the reference). Not a test.
 *
 *   node scripts/train/run.mjs check --make-input /tmp/tagger-input.json     (sentences and analyzer tokens; made
 *                                                                             on the first check when missing)
 *   node scripts/train/run.mjs check --input /tmp/tagger-input.json --out /tmp/out.json [--ref /tmp/ref.json]
 *     [--rounds 5] [--no-scores]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnalyzerStage } from '../../src/analyzer/stage.js';
import { createDocument } from '../../src/document/createDocument.js';
import type { Token } from '../../src/document/types.js';
import { selectSplit } from '../../src/eval/split.js';
import { createPipeline } from '../../src/pipeline/pipeline.js';
import { nodeLoader } from '../../src/resources/nodeLoader.js';
import { Resources } from '../../src/resources/resources.js';
import { loadTagger } from '../../src/tagger/stage.js';
import { createSentenceStage } from '../../src/text/sentences.js';
import { args, readGold, repoRoot } from './common.js';

interface InputDoc {
  text: string;
  sentences: { start: number; end: number }[];
  tokens: Token[];
}

function tokensIn(tokens: readonly Token[], from: number, to: number, cursor: { at: number }): Token[] {
  while (cursor.at < tokens.length && tokens[cursor.at]!.end <= from) cursor.at++;
  const out: Token[] = [];
  for (let k = cursor.at; k < tokens.length && tokens[k]!.start < to; k++) out.push(tokens[k]!);
  return out;
}

async function main(): Promise<void> {
  const opts = args(process.argv.slice(2));
  const root = repoRoot();
  const resources = new Resources(nodeLoader(join(root, 'dictionaries')));
  const inputPath = opts.get('input') ?? '/tmp/tagger-input.json';
  const makeInput = opts.get('make-input') ?? (existsSync(inputPath) ? undefined : inputPath);
  if (makeInput) {
    const pipeline = createPipeline([createSentenceStage(), createAnalyzerStage()]);
    await pipeline.setup(resources);
    const bench = readFileSync(join(root, '../shared/bench/klue-open-text.txt'), 'utf8').split('\n').filter((l) => l.length > 0);
    const validation = selectSplit(readGold(join(root, '../shared/data/klue-ner-open.jsonl')), 'validation').map((r) => r.text);
    const docs: InputDoc[] = [...bench, ...validation].map((text) => {
      const doc = pipeline.run(createDocument(text), {});
      return {
        text,
        sentences: (doc.sentences ?? []).map((s) => ({ start: s.start, end: s.end })),
        tokens: (doc.tokens ?? []).map((t) => {
          const out: Token = { start: t.start, end: t.end, text: t.text, pos: t.pos, eojeol: t.eojeol };
          if (t.nameClass) out.nameClass = t.nameClass;
          return out;
        }),
      };
    });
    writeFileSync(makeInput, JSON.stringify({ benchLines: bench.length, docs }));
    console.log(`${makeInput}: ${docs.length} documents (${bench.length} bench lines)`);
    if (opts.has('make-input')) return;
  }
  const input = JSON.parse(readFileSync(inputPath, 'utf8')) as { benchLines: number; docs: InputDoc[] };
  const tagger = await loadTagger(resources);
  const scores = !opts.has('no-scores');
  const rounds = Number(opts.get('rounds') ?? 5);
  const bench = input.docs.slice(0, input.benchLines);
  const bytes = bench.reduce((sum, d) => sum + Buffer.byteLength(d.text) + 1, 0);
  const prepared = input.docs.map((d) => {
    const cursor = { at: 0 };
    const ranges = d.sentences.length > 0 ? d.sentences : [{ start: 0, end: d.text.length }];
    return { text: d.text, ranges: ranges.map((r) => ({ ...r, tokens: d.tokens.length > 0 ? tokensIn(d.tokens, r.start, r.end, cursor) : undefined })) };
  });
  const run = (docs: typeof prepared): { start: number; end: number; type: string; score: number }[][] =>
    docs.map((d) => d.ranges.flatMap((r) => tagger.tag(d.text, r.start, r.end, r.tokens, { scores })));
  let best = Infinity;
  let bestCpu = Infinity;
  for (let round = 0; round < rounds; round++) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    run(prepared.slice(0, input.benchLines));
    const used = process.cpuUsage(cpu);
    best = Math.min(best, (performance.now() - t) / 1000);
    bestCpu = Math.min(bestCpu, (used.user + used.system) / 1e6);
  }
  const output = run(prepared);
  console.log(`tagger alone: best of ${rounds}: ${(bytes / 1e6 / best).toFixed(3)} MB/s wall, ${(bytes / 1e6 / bestCpu).toFixed(3)} MB/s CPU time (${(best * 1000).toFixed(0)} ms for ${(bytes / 1e6).toFixed(3)} MB), ${output.flat().length} entities; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  if (opts.has('out')) writeFileSync(opts.get('out')!, JSON.stringify(output));
  if (opts.has('ref')) {
    const ref = JSON.parse(readFileSync(opts.get('ref')!, 'utf8')) as typeof output;
    let differ = 0;
    let maxDiff = 0;
    let scoreDiffs = 0;
    for (let d = 0; d < ref.length; d++) {
      const a = ref[d]!;
      const b = output[d]!;
      const same = a.length === b.length && a.every((e, k) => e.start === b[k]!.start && e.end === b[k]!.end && e.type === b[k]!.type);
      if (!same) {
        if (differ < 5) console.log('DIFF', d, JSON.stringify(a), JSON.stringify(b));
        differ++;
        continue;
      }
      a.forEach((e, k) => {
        const diff = Math.abs(e.score - b[k]!.score);
        if (diff !== 0) scoreDiffs++;
        maxDiff = Math.max(maxDiff, diff);
      });
    }
    console.log(`vs reference: ${differ} documents with different spans; ${scoreDiffs} scores differ, max |diff| ${maxDiff}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
