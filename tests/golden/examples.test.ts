import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import { cliPath, repoRoot } from '../helpers.js';

/**
 * End-to-end golden files: the CLI's output on the example article, exactly. A change that alters it is either a
 * regression or an improvement: look at the diff, then regenerate with `UPDATE_GOLDEN=1 npx vitest run tests/golden`.
 */
const cases = [
  ['examples/news.txt', ['extract', '--input', 'document', '--format', 'jsonl'], 'news.extract.jsonl'],
  ['examples/news.txt', ['extract', '--input', 'document', '--format', 'pretty'], 'news.extract.pretty.txt'],
  ['examples/news.txt', ['extract', '--input', 'document', '--format', 'html'], 'news.extract.html'],
  ['examples/news.txt', ['tokenize', '--format', 'conll'], 'news.tokenize.conll'],
  ['examples/news.txt', ['extract', '--input', 'document', '--format', 'doccano'], 'news.extract.doccano.jsonl'],
  ['examples/news.txt', ['extract', '--input', 'document', '--format', 'label-studio'], 'news.extract.label-studio.json'],
  ['examples/news.txt', ['extract', '--input', 'document', '--format', 'conll'], 'news.extract.conll'],
  ['examples/news.txt', ['extract', '--input', 'document', '--format', 'klue'], 'news.extract.klue.tsv'],
  ['examples/news.txt', ['extract', '--input', 'document', '--format', 'conll', '--tokens', 'morpheme'], 'news.extract.morphemes.conll'],
  ['examples/news.txt', ['extract', '--input', 'document', '--format', 'spacy'], 'news.extract.spacy.jsonl'],
  ['examples/news.txt', ['extract', '--input', 'document', '--format', 'tsv'], 'news.extract.tsv'],
  ['examples/news.txt', ['index', '--to', 'elasticsearch', '--input', 'document'], 'news.index.elasticsearch.ndjson'],
] as const;

describe('golden output on examples/', () => {
  it.each(cases)('%s with %j', (input, args, golden) => {
    // The input is named relative to the repository, as a user would name it: ids (and what is derived from them,
    // such as Label Studio's result ids) do not depend on where the checkout is.
    const output = execFileSync(process.execPath, [cliPath, ...args, input], {
      cwd: repoRoot,
      encoding: 'utf8',
    })
      // Label Studio's model_version names the release: a new version is not a new output.
      .replaceAll(`korner-${version}`, 'korner-VERSION');
    expectGolden(output, golden);
  });

  it('examples/news.txt with extract --format brat --out-dir: the .ann', () => {
    const out = mkdtempSync(join(tmpdir(), 'korner-golden-'));
    try {
      execFileSync(process.execPath, [cliPath, 'extract', '--input', 'document', '--format', 'brat', '--out-dir', out, 'news.txt'], { cwd: join(repoRoot, 'examples') });
      expect(readFileSync(join(out, 'news.txt.txt'), 'utf8')).toBe(readFileSync(join(repoRoot, 'examples', 'news.txt'), 'utf8'));
      expectGolden(readFileSync(join(out, 'news.txt.ann'), 'utf8'), 'news.txt.ann');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

/** Compares an output with its golden file (written instead with UPDATE_GOLDEN=1). */
function expectGolden(output: string, golden: string): void {
  const path = join(repoRoot, 'tests', 'golden', golden);
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, output);
  expect(existsSync(path), `missing golden file ${golden}: run UPDATE_GOLDEN=1 npx vitest run tests/golden`).toBe(true);
  expect(output).toBe(readFileSync(path, 'utf8'));
}

describe('the README', () => {
  it('shows the real output of its set-up command', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const golden = readFileSync(join(repoRoot, 'tests', 'golden', 'news.extract.pretty.txt'), 'utf8').split('\n');
    const start = readme.indexOf('```\n# examples/news.txt\n');
    expect(start).toBeGreaterThanOrEqual(0);
    const block = readme.slice(start + 4, readme.indexOf('```', start + 4)).split('\n').filter((l) => l && l !== '  ...');
    for (const line of block) expect(golden, `README line not in the output: ${line}`).toContain(line);
  });
});
