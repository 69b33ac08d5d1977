import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECORD_FORMATS } from '../../src/formats/records.js';
import { runCli } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'korner-formats-'));
const input = join(dir, 'in.txt');
writeFileSync(input, '😀😀 유정복 인천시장은 웨이하이(威海)에서 말했다.\n');

describe('korner extract --format', () => {
  it('lists every format in its help, with nothing left uninterpolated', async () => {
    const { stdout } = await runCli(['extract', '--help']);
    for (const format of RECORD_FORMATS) expect(stdout).toMatch(new RegExp(`^  ${format} +\\S`, 'm'));
    expect(stdout).not.toContain('${');
  });

  it.each([
    [['--format', 'xml'], /--format must be one of jsonl, json, pretty, conll, klue, brat, doccano, label-studio, html, spacy, tsv, elasticsearch, opensearch, solr, search-jsonl, got "xml"/],
    [['--format', 'jsonl', '--labels', 'short'], /--labels must be one of klue, long/],
    [['--format', 'doccano', '--offsets', 'utf16'], /--format doccano always counts offsets in code points/],
    [['--format', 'pretty', '--offsets', 'utf8'], /--format pretty writes no offsets/],
    [['--format', 'jsonl', '--tokens', 'morpheme'], /--tokens applies to the token formats \(conll, spacy\)/],
    [['--format', 'jsonl', '--from-name', 'x'], /apply to --format label-studio/],
    [['--format', 'brat'], /--format brat writes two files per document .* --out-dir DIR/],
    [['--format', 'jsonl', '--out-dir', dir], /--out-dir is for formats written as files per document/],
    [['--format', 'html', '--resume', join(dir, 'out.html')], /--resume works with --format jsonl or json/],
  ])('refuses %j with a message that says what to do', async (args, message) => {
    const { status, stderr } = await runCli(['extract', ...args, input]);
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
  });

  it.each([
    ['utf16', [5, 8]],
    ['codepoint', [3, 6]],
    ['utf8', [9, 18]],
  ] as const)('writes jsonl offsets in %s on --offsets', async (offsets, [start, end]) => {
    const { stdout } = await runCli(['extract', '--offsets', offsets, '--types', 'PERSON', input]);
    const record = JSON.parse(stdout) as { entities: { start: number; end: number; text: string }[] };
    expect(record.entities[0]).toMatchObject({ start, end, text: '유정복' });
  });

  it('names the Label Studio config and model on --from-name, --to-name and --model-version', async () => {
    const { stdout } = await runCli(['extract', '--format', 'label-studio', '--from-name', 'ner', '--to-name', 'body', '--model-version', 'mine-1', input]);
    const [task] = JSON.parse(stdout) as { predictions: { model_version: string; result: { from_name: string; to_name: string }[] }[] }[];
    expect(task!.predictions[0]!.model_version).toBe('mine-1');
    expect(task!.predictions[0]!.result[0]).toMatchObject({ from_name: 'ner', to_name: 'body' });
  });

  it('writes brat files into --out-dir, named after the ids without path separators', async () => {
    const out = join(dir, 'brat');
    const { status } = await runCli(['extract', '--format', 'brat', '--out-dir', out, input]);
    expect(status).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(2);
    expect(files.every((name) => !name.includes('/') && !name.includes(':'))).toBe(true);
    const text = readFileSync(join(out, files.find((f) => f.endsWith('.txt'))!), 'utf8');
    expect(text).toBe('😀😀 유정복 인천시장은 웨이하이(威海)에서 말했다.');
    expect(readFileSync(join(out, files.find((f) => f.endsWith('.ann'))!), 'utf8')).toMatch(/^T\d+\tPS 3 6\t유정복$/m);
  });

  it('pre-annotates a doccano export again, keeping its own fields', async () => {
    const doccano = join(dir, 'export.jsonl');
    writeFileSync(doccano, `${JSON.stringify({ id: 7, text: '유정복 시장이 말했다.', label: [[0, 1, 'OLD']], meta: { source: 'x' } })}\n`);
    const { status, stdout } = await runCli(['extract', '--input', 'doccano', '--format', 'doccano', '--types', 'PERSON', doccano]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ id: 7, text: '유정복 시장이 말했다.', label: [[0, 3, 'PS']], meta: { source: 'x' } });
  });
});

describe('korner queue add --format', () => {
  it('refuses brat, whose output is files per document, before it connects to Redis', async () => {
    const { status, stderr } = await runCli(['queue', 'add', '--run', 'r', '--redis', 'redis://127.0.0.1:1', '--format', 'brat', input]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/--format brat is written as files per document/);
  });
});

describe('korner extract --input of annotated data with a bad record', () => {
  const conll = join(dir, 'bad.conll');
  writeFileSync(conll, '-DOCSTART- -X- O O\n\n유정복\tI-PS\n시장\tO\n\n-DOCSTART- -X- O O\n\n인천\tB-LC\n시장\tO\n');

  it('writes an error record naming the file and line in its place, goes on, and exits with 1', async () => {
    const { status, stdout, stderr } = await runCli(['extract', '--input', 'conll', conll]);
    expect(status).toBe(1);
    const [first, second] = stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: string; error?: { code: string; message: string }; entities?: { text: string }[] });
    expect(first!.error).toMatchObject({ code: 'KORNER_INPUT_FORMAT', message: expect.stringMatching(/bad\.conll:3: tag I-PS continues no entity/) });
    expect(second!.entities!.map((e) => e.text)).toEqual(['인천']);
    expect(stderr).toMatch(/bad\.conll:3: tag I-PS/);
  });

  it('stops at it with exit status 2 on --strict', async () => {
    const { status, stderr } = await runCli(['extract', '--input', 'conll', '--strict', conll]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/bad\.conll:3: .*stopped by --strict/);
  });

  it('reads a brat folder, naming an .ann whose offsets do not match its .txt', async () => {
    const folder = join(dir, 'brat-in');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'a.txt'), '유정복 시장');
    writeFileSync(join(folder, 'a.ann'), 'T1\tPS 0 3\t유정보\n');
    writeFileSync(join(folder, 'b.txt'), '인천에서');
    writeFileSync(join(folder, 'b.ann'), 'T1\tLC 0 2\t인천\n');
    const { status, stdout, stderr } = await runCli(['extract', '--input', 'brat', folder]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/a\.ann:1: text "유정보" differs from the text at its offsets/);
    const records = stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: string; error?: unknown });
    expect(records.map((r) => [r.id, r.error !== undefined])).toEqual([['a', true], ['b', false]]);
  });
});
