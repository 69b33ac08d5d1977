import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ErrorAnalysis } from '../../src/eval/analysis.js';
import { runCli } from '../cli/run.js';
import { repoRoot } from '../helpers.js';

/**
 * korner eval --predictions and --format html on a small gold file and its predictions (tests/eval/fixtures/): five
 * sentences with every class of error, a sentence holding <script> and &, predictions in another order than the
 * gold with a fold number each, as `npm run eval:cv -- --predictions FILE` writes them. The page is a golden file:
 * look at the diff, then write it again with `UPDATE_GOLDEN=1 npx vitest run tests/eval`.
 */
const fixtures = join(repoRoot, 'tests', 'eval', 'fixtures');
const gold = join(fixtures, 'gold.jsonl');
const predictions = join(fixtures, 'predictions.jsonl');
const dir = mkdtempSync(join(tmpdir(), 'korner-eval-report-'));

function file(name: string, lines: readonly (string | object)[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`);
  return path;
}

interface PredictionLine {
  id: string;
  text: string;
  fold?: number;
  entities: { start: number; end: number; type: string; text: string; source?: string }[];
}
const fixtureLines = (path: string): PredictionLine[] =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as PredictionLine);

type PageData = ErrorAnalysis & { gold: string; predictions: string; split: string };
const dataOf = (html: string): PageData => JSON.parse(/<script type="application\/json" id="korner-eval-data">([\s\S]*?)<\/script>/.exec(html)![1]!) as PageData;

describe('korner eval --predictions --format html', () => {
  it('writes one page whose data holds the scores, the matrix and every error of the fixture', async () => {
    const { status, stdout, stderr } = await runCli(['eval', '--predictions', predictions, '--format', 'html', gold]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout.startsWith('<!DOCTYPE html>\n')).toBe(true);
    const data = dataOf(stdout);
    expect(data).toMatchObject({ gold: 'gold.jsonl', predictions: 'predictions.jsonl', split: 'all', sentences: 5 });
    const micro = data.scores.find((row) => row.key === 'micro')!;
    expect(micro.counts).toEqual({ tp: 6, fp: 7, fn: 7 });
    expect(micro.interval!.f1[0]).toBeLessThan(micro.f1);
    expect(data.classes.total).toEqual({ boundary: 3, type: 1, 'boundary+type': 2, missed: 2, spurious: 1 });
    expect(data.classes.bySource.rows).toEqual(['tagger', 'place', 'dateTime', 'organization', 'none']);
    expect(data.classes.bySource.counts.tagger).toEqual({ boundary: 0, type: 0, 'boundary+type': 2, missed: 0, spurious: 1 });
    const { gold: rows, predicted: columns, counts } = data.matrix;
    const cell = (g: string, p: string) => counts[rows.indexOf(g)]![columns.indexOf(p)];
    expect([cell('LOCATION', 'LOCATION'), cell('LOCATION', 'ORGANIZATION'), cell('LOCATION', 'none'), cell('none', 'ORGANIZATION'), cell('DATE', 'DATE')]).toEqual([2, 2, 1, 2, 2]);
    expect(data.examples.errors).toHaveLength(9);
    expect(data.examples.sentences.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's5']);
    // The same numbers in the page's tables as in its data.
    expect(stdout).toContain('<tr class="micro" data-row="all"><th>all</th>');
    expect(stdout).toMatch(/<td data-kind="boundary"><button class="count" data-filter="[^"]*">3<\/button><\/td>/);
  });

  it('is the golden page, byte for byte', async () => {
    const { stdout } = await runCli(['eval', '--predictions', predictions, '--format', 'html', gold]);
    const golden = join(fixtures, 'gold.report.html');
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, stdout);
    expect(existsSync(golden), 'missing golden file: run UPDATE_GOLDEN=1 npx vitest run tests/eval').toBe(true);
    expect(stdout).toBe(readFileSync(golden, 'utf8'));
  });

  it('scores the same predictions as text and JSON (--json is --format json), and writes to --output', async () => {
    const json = await runCli(['eval', '--predictions', predictions, '--format', 'json', gold]);
    expect(json.status).toBe(0);
    expect((await runCli(['eval', '--predictions', predictions, '--json', gold])).stdout).toBe(json.stdout);
    const report = JSON.parse(json.stdout) as { sentences: number; entity: { micro: { truePositives: number; falsePositives: number; falseNegatives: number } } };
    expect(report.sentences).toBe(5);
    expect(report.entity.micro).toMatchObject({ truePositives: 6, falsePositives: 7, falseNegatives: 7 });
    const text = await runCli(['eval', '--predictions', predictions, '--errors', gold]);
    expect(text.stdout).toMatch(/micro\s+46\.2\s+46\.2\s+46\.2\s+13/);
    expect(text.stdout).toContain('FN QUANTITY     5천㎡');
    const out = join(dir, 'report.html');
    const written = await runCli(['eval', '--predictions', predictions, '--format', 'html', '--bootstrap', '0', '-o', out, gold]);
    expect(written.stdout).toBe('');
    const data = dataOf(readFileSync(out, 'utf8'));
    expect(data.bootstrap.rounds).toBe(0);
    expect(data.scores.every((row) => row.interval === undefined)).toBe(true);
  });

  it.each<[string, (r: PredictionLine) => object]>([
    ['without ids, by order', (r) => ({ text: r.text, entities: r.entities })],
    ["as korner extract writes them (no text: the spans are checked against the gold's)", (r) => ({ id: r.id, entities: r.entities, links: [] })],
  ])('reads predictions %s', async (_title, shape) => {
    const lines = fixtureLines(predictions)
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((line) => shape(line));
    const { status, stdout } = await runCli(['eval', '--predictions', file('other.jsonl', lines), '--json', gold]);
    expect(status).toBe(0);
    expect((JSON.parse(stdout) as { entity: { micro: { truePositives: number } } }).entity.micro.truePositives).toBe(6);
  });

  it('scores one part of the gold with --split, leaving out the predictions of the others', async () => {
    // FNV-1a of the ids modulo 5: s2 and s4 fall in the validation part (0)... whichever they are, the parts add up.
    const parts = await Promise.all(
      ['train', 'validation'].map(async (split) => JSON.parse((await runCli(['eval', '--predictions', predictions, '--json', '--split', split, gold])).stdout) as { sentences: number }),
    );
    expect(parts[0]!.sentences + parts[1]!.sentences).toBe(5);
  });
});

describe('korner eval --predictions: bad input', () => {
  const records = fixtureLines(predictions);

  it.each([
    ['a malformed line', () => [records[0], '{"id": "s4", "text": <script>', ...records.slice(2)], /bad\.jsonl:2: not valid JSON/, 'KORNER_INPUT_JSON'],
    ['a text that is not the gold text', () => [records[0], { ...records[1], text: '김민수 씨는 3명과 함께 갔다.' }, ...records.slice(2)], /bad\.jsonl:2: the text of prediction "s4" is not that of gold record "s4" \(.*gold\.jsonl:4\), from offset 14: gold "씨는 3명과 함께 왔다\.", prediction "씨는 3명과 함께 갔다\."/, 'KORNER_INPUT_FORMAT'],
    ['a gold record without prediction', () => records.slice(1), /no prediction of gold record "s5" \(.*gold\.jsonl:5\)/, 'KORNER_INPUT_FORMAT'],
    ['a prediction of an unknown id', () => [...records, { ...records[0], id: 's9' }], /bad\.jsonl:6: prediction "s9" has no gold record of that id/, 'KORNER_INPUT_FORMAT'],
    ['an entity off its text', () => [{ ...records[0], entities: [{ start: 2, end: 99, type: 'LOCATION' }] }, ...records.slice(1)], /bad\.jsonl:1: entity 0 has offsets \[2, 99\) outside the text/, 'KORNER_INPUT_JSON'],
  ])('stops at %s with exit status 2, naming the file and line', async (_title, lines, message, code) => {
    const { status, stdout, stderr } = await runCli(['eval', '--predictions', file('bad.jsonl', lines() as object[]), '--format', 'html', gold]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toContain(`[${code}]`);
  });

  it.each([
    [['--json', '--format', 'html'], /--json is --format json/],
    [['--format', 'html', '--errors'], /the html page lists the errors itself/],
    [['--reference-date', '2016-05-17'], /--reference-date is for the extraction korner runs/],
    [['--format', 'pdf'], /--format must be one of text, json, html/],
    [['--bootstrap', 'many'], /--bootstrap must be a positive integer, got "many"/],
    [['--predictions', '-', '-'], /cannot both come from standard input/],
  ])('refuses %j, saying what to do', async (args, message) => {
    const { status, stderr } = await runCli(['eval', '--predictions', predictions, ...args, ...(args.includes('-') ? [] : [gold])]);
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
  });
});
