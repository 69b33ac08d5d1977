import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnalysisChain } from '../../src/search/analysisChain.js';
import { realAnalyzer } from '../analyzer/helpers.js';
import { runCli } from '../cli/run.js';
import { repoRoot, sharedFile } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'korner-search-'));
const corpus = join(dir, 'corpus.txt');
writeFileSync(
  corpus,
  [
    '중국 웨이하이(威海)시와 협력을 확대하기 위해 회의 중에 만났다.',
    '한국전자통신연구원(ETRI)과 기재부가 발표했다.',
    "日 마이니치(每日)신문은 '클라이막스시리즈(CS)'를 보도했다.",
    '김무성 대표가 고(故) 노무현 전 대통령을 추모했다.',
  ].join('\n') + '\n',
);

describe('korner synonyms', () => {
  it('writes rules the chain accepts, without polluting terms, with aliases, and reports what it left out', async () => {
    const { status, stdout, stderr } = await runCli(['synonyms', corpus]);
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toContain('威海, 웨이하이');
    expect(lines).toContain('기재부, 기획재정부');
    expect(lines.some((l) => l.startsWith('ETRI, ') && l.includes('전자통신연구원'))).toBe(true);
    expect(stdout).not.toMatch(/위해|매일|故|, 고\b|클라이막스/);
    expect(stderr).toMatch(/dropped 클라이막스시리즈 from "CS, 클라이막스시리즈": .*position increment/);
    expect(stderr).toMatch(/left out 故/);
    expect([...lines].sort()).toEqual(lines);
  });

  it.each([
    ['elasticsearch', (out: string) => expect(JSON.parse(out)).toContain('威海, 웨이하이')],
    ['explicit', (out: string) => expect(out).toContain('威海, 웨이하이 => 威海, 웨이하이\n')],
    ['plain', (out: string) => expect(out).toContain('威海\t웨이하이\n')],
  ] as const)('--format %s', async (format, check) => {
    const { status, stdout } = await runCli(['synonyms', '--format', format, corpus]);
    expect(status).toBe(0);
    check(stdout);
  });

  it('--strict: a term the chain refuses is an error, nothing is written (exit 2)', async () => {
    const { status, stdout, stderr } = await runCli(['synonyms', '--strict', corpus]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/error: dropped 클라이막스시리즈/);
  });

  it('--strict passes where nothing is refused; the same output every run', async () => {
    const path = join(dir, 'clean.txt');
    writeFileSync(path, '중국 웨이하이(威海)시와 협력한다.\n');
    const first = await runCli(['synonyms', '--strict', '--analyzer', 'nori', path]);
    const second = await runCli(['synonyms', '--strict', '--analyzer', 'nori', path]);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe('威海, 웨이하이\n');
    expect(second.stdout).toBe(first.stdout);
  });

  it('refuses an unknown chain', async () => {
    const { status, stderr } = await runCli(['synonyms', '--analyzer', 'kuromoji', corpus]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/analyzer/);
  });
});

describe('korner nori-dictionary', () => {
  it('writes the names Nori would cut, sorted, and korner user words', async () => {
    const words = join(dir, 'words.tsv');
    writeFileSync(words, '경인아라뱃길\tNNP\n');
    const { status, stdout } = await runCli(['nori-dictionary', '--user-words', words, corpus]);
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toContain('클라이막스시리즈');
    expect(lines).toContain('경인아라뱃길');
    expect(lines).not.toContain('웨이하이');
    expect([...lines].sort()).toEqual(lines);
  });

  it('with --user-words alone reads no standard input', async () => {
    const words = join(dir, 'words2.tsv');
    writeFileSync(words, '갤럭시탭\tNNP\t\t갤럭시 탭\n');
    expect((await runCli(['nori-dictionary', '--user-words', words])).stdout).toBe('갤럭시탭 갤럭시 탭\n');
  });
});

// The corpora of the issue: every term of every rule passes the emulated chain (Lucene itself: tests/search/lucene/).
const analyzer = await realAnalyzer();
const klue = sharedFile('bench/klue-open-text.txt');
describe.each([
  ['examples/news.txt', join(repoRoot, 'examples', 'news.txt')],
  ['klue-open-text.txt', klue],
])('korner synonyms on %s', (_, path) => {
  it.skipIf(!path).each(['nori', 'nori-readingform'] as const)('every term passes the %s chain', async (name) => {
    const { status, stdout } = await runCli(['synonyms', '--analyzer', name, path!]);
    expect(status).toBe(0);
    const chain = new AnalysisChain(name, analyzer);
    const terms = stdout.trim().split('\n').flatMap((line) => line.split(/(?<!\\), /).map((t) => t.replace(/\\(.)/g, '$1')));
    expect(terms.length).toBeGreaterThan(0);
    expect(terms.filter((term) => chain.analyze(term).problem)).toEqual([]);
  });
});
