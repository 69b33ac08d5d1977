import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { terminalProgress } from '../../src/cli/progress.js';
import { cliPath } from '../helpers.js';
import { corpusLines } from './corpus.js';

/** A stream that says it is a terminal, and what was written to it. */
function fakeTerminal(): { stream: NodeJS.WriteStream; text: () => string } {
  const stream = new PassThrough() as unknown as NodeJS.WriteStream & PassThrough;
  Object.assign(stream, { isTTY: true, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

describe('terminalProgress', () => {
  it.each([
    ['files of known size: share, MB of the total, rate and time left', 4 * 1024 * 1024, /korner \[.*\] 50% \| 2,000 docs \| 2\.0\/4\.0 MB \| [\d.]+ MB\/s \| ETA/],
    ['standard input: count, MB and rate', undefined, /korner 2,000 docs \| 2\.0 MB \| [\d.]+ MB\/s/],
  ])('shows %s', async (_title, total, expected) => {
    const terminal = fakeTerminal();
    const progress = terminalProgress(terminal.stream, total);
    progress.advance(2000, 2 * 1024 * 1024);
    await new Promise((resolve) => setTimeout(resolve, 300));
    progress.stop();
    expect(terminal.text()).toMatch(expected);
  });
});

/** util-linux `script` runs a command on a pseudo-terminal: the only way to give the CLI a real terminal here. */
const script = ['/usr/bin/script', '/bin/script'].find(existsSync);

describe.skipIf(!script)('korner extract on a terminal', () => {
  let input: string;
  beforeAll(() => {
    input = join(mkdtempSync(join(tmpdir(), 'korner-progress-')), 'corpus.txt');
    writeFileSync(input, `${corpusLines(6000).join('\n')}\n`);
  });

  /** Runs korner with its standard error on a pseudo-terminal (stdout to a file) and returns what the terminal showed. */
  function onTerminal(args: string[]): string {
    const out = `${input}.out`;
    const command = [process.execPath, cliPath, 'extract', ...args, '-o', out, input].map((arg) => `'${arg}'`).join(' ');
    const run = spawnSync(script!, ['-qfec', command, '/dev/null'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    return run.stdout;
  }

  it('shows a progress bar while it runs', () => {
    expect(onTerminal(['--workers', '1'])).toMatch(/korner \[.*\] \d+% \| [\d,]+ docs \| [\d.]+\/[\d.]+ MB \| [\d.]+ MB\/s/);
  });

  it('shows none with --quiet', () => {
    expect(onTerminal(['--workers', '1', '--quiet'])).not.toMatch(/docs \|/);
  });
});

if (!script) console.warn('util-linux "script" is not installed: the progress bar is tested on a fake terminal only');

describe('korner extract off a terminal', () => {
  it('writes no progress to standard error that is a pipe', () => {
    const input = join(mkdtempSync(join(tmpdir(), 'korner-progress-')), 'small.txt');
    writeFileSync(input, `${corpusLines(300).join('\n')}\n`);
    const run = spawnSync(process.execPath, [cliPath, 'extract', '--workers', '1', input], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });
});
