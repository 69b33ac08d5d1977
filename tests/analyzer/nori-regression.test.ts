import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analyzer } from '../../src/analyzer/index.js';
import { realAnalyzer, repoRoot } from './helpers.js';

// Nori's output (Lucene 8, same dictionary, Elasticsearch defaults) on sentences we wrote, recorded by
// `node scripts/mecab-dic/compare-nori.mjs golden tests/fixtures/analyzer/sentences.txt tests/fixtures/analyzer/nori-golden.tsv`.
const golden = readFileSync(join(repoRoot, 'tests/fixtures/analyzer/nori-golden.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => {
    const [sentence = '', tokens = ''] = line.split('\t');
    return { sentence, spans: tokens ? tokens.split(' ').map((t) => t.split(',').slice(0, 2).join(',')) : [] };
  });

let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = await realAnalyzer();
});

const spansOf = (text: string) => [
  ...new Set(analyzer.tokenize(text, { decompound: 'discard', discardPunctuation: true }).map((t) => `${t.start},${t.end}`)),
];

describe('agreement with Lucene Nori on our sentences', () => {
  it('has a few hundred sentences', () => {
    expect(golden.length).toBeGreaterThanOrEqual(300);
  });

  it.each(golden.map((g) => [g.sentence, g.spans] as const))('%s', (sentence, spans) => {
    expect(spansOf(sentence)).toEqual(spans);
  });
});
