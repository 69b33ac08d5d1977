import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliPath } from '../helpers.js';
import { corpusLines } from './corpus.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'korner-workers-'));
});

function korner(args: string[], input?: string) {
  const run = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', input, maxBuffer: 1 << 28 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('korner extract --workers', () => {
  it.each(['jsonl', 'json', 'pretty'])('writes the same bytes with two worker threads as in one thread (%s)', (format) => {
    const path = join(dir, `lines-${format}.txt`);
    writeFileSync(path, `${corpusLines(1300).join('\n')}\n`);
    const one = korner(['extract', '--workers', '1', '--format', format, '--reference-date', '2016-05-17', path]);
    const two = korner(['extract', '--workers', '2', '--format', format, '--reference-date', '2016-05-17', path]);
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it('keeps error records in their places and their order, from standard input', () => {
    const records = corpusLines(1100).map((text, i) => (i === 700 ? '{not json' : JSON.stringify({ id: `r${i}`, text, keep: i })));
    const input = `${records.join('\n')}\n`;
    const one = korner(['extract', '--workers', '1', '--input', 'jsonl'], input);
    const two = korner(['extract', '--workers', '2', '--input', 'jsonl', '--id-prefix', 'corpus'], input);
    expect(two.status).toBe(1);
    expect(two.stdout).toBe(one.stdout.replaceAll('stdin:701', 'corpus:701'));
    const lines = two.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: string; error?: unknown });
    expect(lines).toHaveLength(1100);
    expect(lines[700]).toMatchObject({ id: 'corpus:701', error: { code: 'KORNER_INPUT_JSON' } });
    expect(two.stderr).toContain('corpus:701: malformed JSON');
  });

  it('stops at the first bad record with --strict, naming it', () => {
    const input = `${corpusLines(600).map((text) => JSON.stringify({ text })).join('\n')}\nnot json\n`;
    const two = korner(['extract', '--workers', '2', '--input', 'jsonl', '--strict'], input);
    expect(two.status).toBe(2);
    expect(two.stderr).toMatch(/stdin:601: malformed JSON.*stopped by --strict/);
  });
});
