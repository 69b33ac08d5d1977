import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, repoRoot } from '../helpers.js';

/**
 * The outputs meant for Python tools, read by Python itself: scripts/formats/check_offsets.py (standard library
 * only) slices every span in code points and compares it with korner's own JSONL output for the same input.
 */
const python = spawnSync('python3', ['--version']).status === 0 ? 'python3' : undefined;
if (!python) console.warn('python3 not found: the Python-side check of the doccano, spacy, label-studio and brat outputs is skipped (apt-get install python3).');

const lines = [
  '😀😀 유정복 인천시장은 오는 27일 웨이하이(威海)에서 장후이 부시장과 만났다.',
  '𠀀𡈽 기획재정부(기재부)는 5천㎡ 부지를 🇰🇷 ETRI(전자통신연구원)에 넘겼다.',
  '',
  '👩‍👩‍👧 李舜臣 장군의 북(北) 원정은 1592년 5월에 시작됐다.',
];

describe.skipIf(!python)('Python reads the Python-facing outputs', () => {
  it.each([
    ['text lines with astral characters', ['--input', 'text'], 'lines.txt'],
    ['examples/news.txt as a document', ['--input', 'document'], join(repoRoot, 'examples', 'news.txt')],
  ])('%s: every span sliced in code points is the entity korner found', (_title, input, file) => {
    const dir = mkdtempSync(join(tmpdir(), 'korner-python-'));
    const source = file === 'lines.txt' ? join(dir, file) : file;
    if (file === 'lines.txt') writeFileSync(source, `${lines.join('\n')}\n`);
    const run = (...args: string[]): string =>
      execFileSync(process.execPath, [cliPath, 'extract', ...input, '--reference-date', '2016-05-17', ...args, source], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const out = (name: string, text: string): string => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const expected = out('expect.jsonl', run('--format', 'jsonl'));
    const doccano = out('doccano.jsonl', run('--format', 'doccano'));
    const spacy = out('spacy.jsonl', run('--format', 'spacy'));
    const spacyMorphemes = out('spacy-morphemes.jsonl', run('--format', 'spacy', '--tokens', 'morpheme'));
    const labelStudio = out('label-studio.json', run('--format', 'label-studio'));
    run('--format', 'brat', '--out-dir', join(dir, 'brat'));
    const check = (...args: string[]) =>
      spawnSync(python!, [join(repoRoot, 'scripts', 'formats', 'check_offsets.py'), '--expect', expected, ...args], { encoding: 'utf8' });
    const result = check('--doccano', doccano, '--spacy', spacy, '--label-studio', labelStudio, '--brat', join(dir, 'brat'));
    expect(result.stdout + result.stderr).not.toMatch(/FAIL|Traceback/);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/ok doccano: \d+ documents/);
    expect(result.stdout).toMatch(/ok spacy/);
    expect(result.stdout).toMatch(/ok label-studio/);
    expect(result.stdout).toMatch(/ok brat/);
    const morphemes = check('--spacy', spacyMorphemes);
    expect(morphemes.stdout + morphemes.stderr).not.toMatch(/FAIL|Traceback/);
    expect(morphemes.status).toBe(0);
  });

  it('fails on a span that is off by one code point (the check can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'korner-python-'));
    const doccano = join(dir, 'bad.jsonl');
    const expected = join(dir, 'expect.jsonl');
    writeFileSync(doccano, `${JSON.stringify({ text: '😀 유정복', label: [[1, 4, 'PS']] })}\n`);
    writeFileSync(expected, `${JSON.stringify({ id: 1, entities: [{ text: '유정복', type: 'PERSON' }] })}\n`);
    const result = spawnSync(python!, [join(repoRoot, 'scripts', 'formats', 'check_offsets.py'), '--expect', expected, '--doccano', doccano], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/FAIL/);
  });
});
