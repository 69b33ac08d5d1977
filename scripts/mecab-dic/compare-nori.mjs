#!/usr/bin/env node
// Compares korner's analyzer with Lucene's Korean tokenizer (Nori, Debian's liblucene8-java, same dictionary,
// Elasticsearch's defaults: decompound discard, no user dictionary, discardPunctuation true).
//
//   node scripts/mecab-dic/compare-nori.mjs agree FILE [--examples N]   boundary F1 of non-punctuation tokens,
//        one sentence per line, and the differing sentences with a guess at the reason
//   node scripts/mecab-dic/compare-nori.mjs speed FILE [--mb 5]         whole-process time of both on FILE
//        repeated to at least N MB (JVM start + dictionary load + one pass, vs node start + load + one pass)
//   node scripts/mecab-dic/compare-nori.mjs golden IN OUT               Nori's tokens of each line of IN, as the
//        golden file of tests/analyzer/nori-regression.test.ts
//
// Needs java/javac and the jars (as build.mjs). korner's analyzer is bundled from src/ with esbuild first.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const cache = path.join(root, '.cache/mecab-dic');
const [command, ...rest] = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = rest.indexOf(name);
  return i >= 0 ? rest[i + 1] : fallback;
};

function classpath() {
  if (process.env.LUCENE_JARS) return process.env.LUCENE_JARS;
  const dir = '/usr/share/java';
  const find = (prefix) => path.join(dir, fs.readdirSync(dir).find((f) => f.startsWith(prefix) && /-\d[\d.]*\.jar$/.test(f)));
  return [find('lucene-core-'), find('lucene-analyzers-common-'), find('lucene-analyzers-nori-')].join(':');
}

function noriCommand() {
  const cls = path.join(cache, 'nori-classes');
  fs.mkdirSync(cls, { recursive: true });
  const cp = classpath();
  execFileSync('javac', ['-cp', cp, '-d', cls, path.join(here, 'NoriTokenize.java')], { stdio: 'inherit' });
  return ['java', ['-cp', `${cp}:${cls}`, 'NoriTokenize']];
}

/** Nori's tokens per line: arrays of {start, end, text, pos, type}. */
function runNori(lines, mode = 'discard') {
  const [java, args] = noriCommand();
  const out = execFileSync(java, [...args, 'tokens', mode], { input: lines.join('\n') + '\n', maxBuffer: 1 << 30 });
  return out
    .toString('utf8')
    .split('\n')
    .slice(0, lines.length)
    .map((line) =>
      line === ''
        ? []
        : line.split('\t').map((t) => {
            // surface may contain commas: start,end first, pos and type last
            const parts = t.split(',');
            const type = parts.pop();
            const pos = parts.pop();
            const [start, end, ...surface] = parts;
            return { start: +start, end: +end, text: surface.join(','), pos, type };
          }),
    );
}

/** Bundles src/analyzer with a small runner into one ESM file and returns its path. */
function bundleKorner() {
  fs.mkdirSync(cache, { recursive: true });
  const entry = path.join(cache, 'runner-entry.mjs');
  fs.writeFileSync(
    entry,
    `import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { loadAnalyzer } from ${JSON.stringify(path.join(root, 'src/analyzer/index.ts'))};
const dictionaries = ${JSON.stringify(path.join(root, 'dictionaries'))};
const [mode, file] = process.argv.slice(2);
const t0 = performance.now();
const analyzer = await loadAnalyzer({ read: async (name) => new Uint8Array(await readFile(dictionaries + '/' + name)) });
const loadMs = performance.now() - t0;
const lines = readFileSync(file, 'utf8').split('\\n');
if (lines.at(-1) === '') lines.pop();
if (mode === 'count') {
  const t1 = performance.now();
  let tokens = 0, chars = 0;
  for (const line of lines) { tokens += analyzer.tokenize(line, { discardPunctuation: true }).length; chars += line.length + 1; }
  const ms = performance.now() - t1;
  console.log(JSON.stringify({ tokens, chars, loadMs, tokenizeMs: ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
} else {
  const out = lines.map((line) => analyzer.tokenize(line, { discardPunctuation: true }).map((t) => [t.start, t.end, t.text, t.pos]));
  process.stdout.write(JSON.stringify(out));
}
`,
  );
  const bundle = path.join(cache, 'korner-runner.mjs');
  execFileSync(path.join(root, 'node_modules/.bin/esbuild'), [entry, '--bundle', '--platform=node', '--format=esm', `--outfile=${bundle}`, '--log-level=warning'], { stdio: 'inherit' });
  return bundle;
}

function runKorner(file) {
  const bundle = bundleKorner();
  const out = execFileSync(process.execPath, [bundle, 'tokens', file], { maxBuffer: 1 << 30 });
  return JSON.parse(out.toString('utf8')).map((tokens) => tokens.map(([start, end, text, pos]) => ({ start, end, text, pos })));
}

const spanSet = (tokens) => new Set(tokens.map((t) => `${t.start},${t.end}`));

function agree(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const nori = runNori(lines);
  const korner = runKorner(file);
  let tp = 0;
  let np = 0;
  let kp = 0;
  let identical = 0;
  const diffs = [];
  const reasons = new Map();
  for (let i = 0; i < lines.length; i++) {
    const a = spanSet(nori[i]);
    const b = spanSet(korner[i]);
    let common = 0;
    for (const s of b) if (a.has(s)) common++;
    tp += common;
    np += a.size;
    kp += b.size;
    if (common === a.size && common === b.size) {
      identical++;
      continue;
    }
    const onlyNori = nori[i].filter((t) => !b.has(`${t.start},${t.end}`));
    const onlyKorner = korner[i].filter((t) => !a.has(`${t.start},${t.end}`));
    const reason = explain(lines[i], onlyNori, onlyKorner);
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    diffs.push({
      line: i + 1,
      reason,
      nori: onlyNori.map((t) => `${t.text}/${t.pos}@${t.start}`).join(' '),
      korner: onlyKorner.map((t) => `${t.text}/${t.pos}@${t.start}`).join(' '),
    });
  }
  const precision = tp / kp;
  const recall = tp / np;
  const f1 = (2 * precision * recall) / (precision + recall);
  const report = {
    file: path.basename(file),
    sentences: lines.length,
    identicalSentences: identical,
    noriSpans: np,
    kornerSpans: kp,
    commonSpans: tp,
    precision: +precision.toFixed(5),
    recall: +recall.toFixed(5),
    f1: +f1.toFixed(5),
    differencesByReason: Object.fromEntries([...reasons.entries()].sort((x, y) => y[1] - x[1])),
  };
  console.log(JSON.stringify(report, null, 2));
  const n = Number(flag('--examples', 15));
  // Differences are printed without the sentence, only the differing tokens (the text is not ours to copy).
  for (const d of diffs.slice(0, n)) console.log(`line ${d.line} [${d.reason}] nori: ${d.nori} | korner: ${d.korner}`);
}

/** A rough reason for a difference, from the tokens only one side has. */
function explain(line, onlyNori, onlyKorner) {
  const all = [...onlyNori, ...onlyKorner];
  const noSpaceBetween = all.every((t) => !/\s/.test(t.text));
  if (onlyKorner.length === 0 && onlyNori.length > 0) return 'nori has extra tokens';
  if (onlyNori.length === 0 && onlyKorner.length > 0) return 'korner has extra tokens';
  const spanOf = (ts) => [Math.min(...ts.map((t) => t.start)), Math.max(...ts.map((t) => t.end))];
  const [a0, a1] = spanOf(onlyNori);
  const [b0, b1] = spanOf(onlyKorner);
  if (a0 === b0 && a1 === b1) return 'same span, segmented differently';
  if (onlyNori.some((t) => /[\s\u00a0]/.test(line.slice(t.start, t.end))) || !noSpaceBetween) return 'token contains a space';
  return 'different spans';
}

function speed(file) {
  const mb = Number(flag('--mb', 5));
  const big = path.join(cache, `speed-${mb}mb.txt`);
  fs.mkdirSync(cache, { recursive: true });
  const text = fs.readFileSync(file, 'utf8');
  let out = '';
  while (Buffer.byteLength(out) < mb * 1024 * 1024) out += text.endsWith('\n') ? text : `${text}\n`;
  fs.writeFileSync(big, out);
  const bytes = fs.statSync(big).size;
  const timeCmd = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const run = (cmd, args) => {
    const t0 = process.hrtime.bigint();
    const r = timeCmd
      ? spawnSync(timeCmd, ['-f', 'maxrss_kb=%M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 })
      : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
    const rss = /maxrss_kb=(\d+)/.exec(r.stderr ?? '');
    return { seconds, stdout: r.stdout.trim(), peakRssMB: rss ? Math.round(Number(rss[1]) / 1024) : undefined };
  };
  const [java, args] = noriCommand();
  const bundle = bundleKorner();
  const nori = run(java, [...args, 'count', big]);
  const korner = run(process.execPath, [bundle, 'count', big]);
  const inner = JSON.parse(korner.stdout);
  const mbs = (s) => +(bytes / 1024 / 1024 / s).toFixed(2);
  console.log(
    JSON.stringify(
      {
        file: path.basename(file),
        bytes,
        nori: { wallSeconds: +nori.seconds.toFixed(2), mbPerSecond: mbs(nori.seconds), peakRssMB: nori.peakRssMB, output: nori.stdout },
        korner: {
          wallSeconds: +korner.seconds.toFixed(2),
          mbPerSecond: mbs(korner.seconds),
          peakRssMB: korner.peakRssMB ?? Math.round(inner.maxRssMB),
          dictionaryLoadMs: Math.round(inner.loadMs),
          tokenizeSeconds: +(inner.tokenizeMs / 1000).toFixed(2),
          tokens: inner.tokens,
        },
        speedup: +(nori.seconds / korner.seconds).toFixed(2),
      },
      null,
      2,
    ),
  );
}

function golden(input, output) {
  const lines = fs.readFileSync(input, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  const nori = runNori(lines);
  const header = [
    '# generated by scripts/mecab-dic/compare-nori.mjs golden: do not edit',
    '# Lucene Nori (Debian liblucene8-java 8.8.1), decompound discard, discardPunctuation true, no user dictionary',
    '# columns: sentence<TAB>tokens (start,end,surface,leftPOS joined by spaces; one entry per distinct span)',
  ];
  const body = lines.map((line, i) => {
    const seen = new Set();
    const toks = [];
    for (const t of nori[i]) {
      const key = `${t.start},${t.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      toks.push(`${t.start},${t.end},${t.text},${t.pos}`);
    }
    return `${line}\t${toks.join(' ')}`;
  });
  fs.writeFileSync(output, `${[...header, ...body].join('\n')}\n`);
  console.error(`wrote ${body.length} sentences to ${output}`);
}

if (command === 'agree') agree(rest[0]);
else if (command === 'speed') speed(rest[0]);
else if (command === 'golden') golden(rest[0], rest[1]);
else {
  console.error('usage: compare-nori.mjs agree FILE | speed FILE [--mb 5] | golden IN OUT');
  process.exit(2);
}
