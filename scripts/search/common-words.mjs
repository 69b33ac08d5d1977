#!/usr/bin/env node
/**
 * Generates dictionaries/search/common-words.tsv: the frequent Korean words that a synonym rule must not bring into a
 * search index (a Sino-Korean reading 위해 matches `협력 확대를 위해`, 매일 matches `매일 운동을 한다`, 중 matches `회의
 * 중에`). A word is listed when
 * - it is a Hangul entry of the analyzer's dictionary (mecab-ko-dic, dictionaries/mecab-ko-dic/) with a tag of
 *   common vocabulary: anything but a proper noun (NNP) alone, and the corpora do not tag it NNP most often (중국,
 *   서울 are names) — nouns, bound nouns, numerals, pronouns, adverbs,
 *   determiners, verb and adjective forms, endings, particles, affixes; and
 * - korner's analyzer finds it at least MIN_COUNT times as a token (a morpheme, or an inflected form as one token:
 *   위해 = 위하/VV+아/EC) in the shared corpora (../shared/bench/*.txt and the text of ../shared/data/*.jsonl,
 *   sentences repeated across files counted once).
 * Columns: the word; how often it was a token; how often Nori's chain (nori tokenizer in discard mode +
 * nori_part_of_speech, emulated by src/search/analysisChain.ts) indexes it as a term; its tags in the corpora, most
 * frequent first.
 *
 * Run: npx tsup --silent && node scripts/search/common-words.mjs            (writes the file)
 *      node scripts/search/common-words.mjs --check                         (exits 1 when the file is out of date)
 */
import { createReadStream, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUTPUT = join(root, 'dictionaries', 'search', 'common-words.tsv');
const SHARED = join(root, '..', 'shared');
/** Occurrences as a token in the corpora (about 1.3 million tokens): about 15 per million. */
const MIN_COUNT = 20;
const HANGUL = /^[\uAC00-\uD7A3]+$/;

const { loadAnalyzer, nodeLoader } = await import(pathToFileURL(join(root, 'dist', 'index.js')).href);
// The chain emulation is TypeScript: bundle it for this run.
const bundled = await build({
  entryPoints: [join(root, 'src', 'search', 'analysisChain.ts')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
});
const { AnalysisChain } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);

const analyzer = await loadAnalyzer(nodeLoader());
const chain = new AnalysisChain('nori', analyzer);

const files = [];
for (const dir of ['bench', 'data']) {
  const folder = join(SHARED, dir);
  if (!existsSync(folder)) continue;
  for (const name of readdirSync(folder).sort()) {
    if (name.endsWith('.txt') || name.endsWith('.jsonl')) files.push(join(folder, name));
  }
}
if (files.length === 0) {
  console.error(`common-words: no corpora under ${SHARED} (bench/*.txt, data/*.jsonl); nothing written.`);
  process.exit(2);
}

const seen = new Set();
const tokenCount = new Map();
const indexedCount = new Map();
const tagCount = new Map();
let sentences = 0;
let tokens = 0;
for (const file of files) {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    let text = line;
    if (file.endsWith('.jsonl')) {
      if (!line.trim()) continue;
      text = JSON.parse(line).text ?? '';
    }
    text = text.normalize('NFC').trim();
    if (!text || seen.has(text)) continue;
    seen.add(text);
    sentences++;
    for (const token of analyzer.tokenize(text, { decompound: 'discard', discardPunctuation: true })) {
      tokens++;
      if (!HANGUL.test(token.text)) continue;
      tokenCount.set(token.text, (tokenCount.get(token.text) ?? 0) + 1);
      const key = `${token.text}\t${token.pos}`;
      tagCount.set(key, (tagCount.get(key) ?? 0) + 1);
    }
    for (const term of chain.terms(text)) {
      if (HANGUL.test(term.text)) indexedCount.set(term.text, (indexedCount.get(term.text) ?? 0) + 1);
    }
  }
}

const tagsOf = new Map();
for (const [key, count] of tagCount) {
  const [word, tag] = key.split('\t');
  if (!tagsOf.has(word)) tagsOf.set(word, []);
  tagsOf.get(word).push([tag, count]);
}

const dictionary = analyzer.dictionary;
const rows = [];
for (const [word, count] of tokenCount) {
  if (count < MIN_COUNT) continue;
  const entryTags = dictionary.lookup(word).map((entry) => dictionary.tag(entry));
  if (!entryTags.some((tag) => tag !== 'NNP')) continue;
  const tags = tagsOf
    .get(word)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([tag]) => tag);
  // A name the corpora use mostly as a name (중국, 서울: NNP first) is not a common word.
  if (tags[0] === 'NNP') continue;
  rows.push([word, String(count), String(indexedCount.get(word) ?? 0), tags.join(',')]);
}
rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

const shared = files.map((file) => file.slice(SHARED.length + 1)).join(', ');
const header = [
  '# Frequent Korean words that korner synonyms leaves out of synonym rules (a reading or short form equal to one',
  '# of them would match it everywhere in an index). A word is listed when it is a Hangul entry of the analyzer\'s',
  '# dictionary with a tag of common vocabulary (not only NNP), NNP is not its most frequent tag in the corpora, and',
  `# korner's analyzer finds it at least ${MIN_COUNT} times as a token in the shared corpora (${sentences} distinct sentences, ${tokens} tokens).`,
  '# count: occurrences as a token (a morpheme, or an inflected form as one token); indexed: occurrences as a term',
  '# of Nori\'s chain (tokenizer in discard mode + nori_part_of_speech); tags: its tags there, most frequent first.',
  '# generated by scripts/search/common-words.mjs; do not edit by hand.',
  `# sources: mecab-ko-dic 2.0.3-20170922 (Apache-2.0, as compiled into Lucene's Nori) and word counts of ../shared/{${shared}}`,
  '# (KLUE-NER v1.1 sentences, CC BY-SA 4.0; NSMC, CC0 1.0): only words and counts are kept, no text.',
  '# licence: Apache-2.0 (korner); the counts are facts about the corpora named above',
  '# columns: word\tcount\tindexed\ttags',
];
const content = `${header.join('\n')}\n${rows.map((row) => row.join('\t')).join('\n')}\n`;
if (process.argv.includes('--check')) {
  const current = existsSync(OUTPUT) ? readFileSync(OUTPUT, 'utf8') : '';
  if (current !== content) {
    console.error('common-words: dictionaries/search/common-words.tsv is out of date; run node scripts/search/common-words.mjs');
    process.exit(1);
  }
  console.log(`common-words: up to date (${rows.length} words)`);
} else {
  writeFileSync(OUTPUT, content);
  console.log(`common-words: wrote ${rows.length} words to ${OUTPUT}`);
}
