import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'korner-tokenize-'));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('korner tokenize', () => {
  it('writes one JSONL line of tokens per input line, with offsets into that line', async () => {
    const path = file('a.txt', '웨이하이시장은 만났다\n\n인천시청에서\n');
    const { status, stdout } = await runCli(['tokenize', path]);
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { tokens: { text: string; pos: string; start: number; end: number }[] });
    expect(lines).toHaveLength(3);
    expect(lines[0]!.tokens.slice(0, 3).map((t) => `${t.text}/${t.pos}`)).toEqual(['웨이하이/NNP', '시장/NNG', '은/JX']);
    expect(lines[1]!.tokens).toEqual([]);
    for (const t of lines[2]!.tokens) expect('인천시청에서'.slice(t.start, t.end)).toBe(t.text);
  });

  it.each([
    ['none', ['기획/NNG', '재정부/NNG', '는/JX']],
    ['discard', ['기획/NNG', '재정/NNG', '부/NNG', '는/JX']],
  ])('decompounds with --decompound %s', async (mode, expected) => {
    const path = file(`d-${mode}.txt`, '기획재정부는\n');
    const { stdout } = await runCli(['tokenize', '--format', 'pretty', '--decompound', mode, path]);
    expect(stdout.trim().split(' ')).toEqual(expected);
  });

  it('writes CoNLL-style lines with name classes', async () => {
    const path = file('c.txt', '유정복 인천시장\n');
    const { stdout } = await runCli(['tokenize', '--format', 'conll', path]);
    expect(stdout).toContain(`# id = ${path}:1`);
    expect(stdout).toMatch(/^1\t유정복\tNNP\t0\t3\tperson\t_$/m);
    expect(stdout).toMatch(/\t인천\tNNP\t4\t6\tplace\t/);
  });

  it('keeps JSONL ids and extra fields, and puts an error record in place of a bad line', async () => {
    const path = file('j.jsonl', '{"id":"x","text":"인천","tag":1}\n{nope\n');
    const { status, stdout } = await runCli(['tokenize', '--input', 'jsonl', path]);
    expect(status).toBe(1);
    const [first, second] = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).toMatchObject({ id: 'x', tag: 1 });
    expect(second).toMatchObject({ line: 2, error: { code: 'KORNER_INPUT_JSON' } });
  });

  it('lets a user word win over the split it replaces', async () => {
    const words = file('words.tsv', '경인아라뱃길\tNNP:place\n');
    const path = file('u.txt', '경인아라뱃길에서\n');
    const { stdout } = await runCli(['tokenize', '--format', 'pretty', '--user-words', words, path]);
    expect(stdout.trim().split(' ')[0]).toBe('경인아라뱃길/NNP');
  });
});
