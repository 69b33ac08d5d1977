import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliPath } from '../helpers.js';
import { corpusLines } from './corpus.js';

let dir: string;
let input: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'korner-interrupt-'));
  input = join(dir, 'corpus.txt');
  writeFileSync(input, `${corpusLines(12000).join('\n')}\n`);
});

/** Starts `korner extract`, sends `signal` once `ready()` says the run is under way, and returns how it ended. */
function interrupted(args: string[], signal: NodeJS.Signals, ready: (stdout: string) => boolean) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, 'extract', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sent = false;
    const poll = setInterval(() => {
      if (!sent && ready(stdout)) {
        sent = true;
        child.kill(signal);
      }
    }, 20);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(poll);
      resolve({ status, stdout, stderr });
    });
  });
}

describe('korner extract stopped by a signal', () => {
  it('closes the JSON array on SIGTERM, exits 143 and says where to go on', async () => {
    const run = await interrupted(['--format', 'json', '--workers', '1', input], 'SIGTERM', (out) => out.length > 20000);
    expect(run.status).toBe(143);
    const records = JSON.parse(run.stdout) as { id: string }[];
    expect(records.length).toBeGreaterThan(0);
    expect(records.length).toBeLessThan(12000);
    expect(records.map((r) => r.id)).toEqual(records.map((_, i) => `${input}:${i + 1}`));
    expect(run.stderr).toContain(`stopped by SIGTERM after ${records.length} documents`);
    expect(run.stderr).toContain(`--skip ${records.length}`);
  });

  it('finishes the file on SIGINT (exit 130), and --resume then ends as one uninterrupted run', async () => {
    const output = join(dir, 'out.jsonl');
    const run = await interrupted(['--workers', '2', '-o', output, input], 'SIGINT', () => {
      try {
        return statSync(output).size > 50000;
      } catch {
        return false;
      }
    });
    expect(run.status).toBe(130);
    expect(run.stderr).toContain(`--resume ${output}`);
    const written = readFileSync(output, 'utf8');
    expect(written.endsWith('\n')).toBe(true);
    const done = written.split('\n').length - 1;
    expect(run.stderr).toContain(`after ${done} documents`);
    const resumed = spawnSync(process.execPath, [cliPath, 'extract', '--workers', '2', '--resume', output, input], { encoding: 'utf8' });
    expect(resumed.status).toBe(0);
    const whole = spawnSync(process.execPath, [cliPath, 'extract', '--workers', '2', input], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(readFileSync(output, 'utf8')).toBe(whole.stdout);
  });
});
