import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliPath, repoRoot } from '../helpers.js';

/**
 * The streaming contract that lets korner run as the mapper of Hadoop Streaming or Spark's RDD.pipe: JSONL in on
 * standard input, one JSONL line out per record, in order, no state between lines. Run here as Hadoop runs it:
 * the input cut into splits at line ends, each split piped through its own process of examples/streaming/mapper.sh,
 * the outputs concatenated.
 */
const mapper = join(repoRoot, 'examples', 'streaming', 'mapper.sh');
let path: string;

beforeAll(() => {
  // A `korner` on PATH, as `npm install -g korner` puts it on every node.
  const bin = mkdtempSync(join(tmpdir(), 'korner-bin-'));
  writeFileSync(join(bin, 'korner'), `#!/bin/sh\nexec "${process.execPath}" "${cliPath}" "$@"\n`);
  chmodSync(join(bin, 'korner'), 0o755);
  path = `${bin}${delimiter}${process.env.PATH ?? ''}`;
});

function runMapper(input: string, args: string[] = []): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [mapper, ...args], { env: { ...process.env, PATH: path }, stdio: ['pipe', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout }));
    child.stdin.end(input);
  });
}

function corpus(): string[] {
  const news = readFileSync(join(repoRoot, 'examples', 'news.txt'), 'utf8').split('\n').filter((line) => line.trim() !== '');
  const records = news.map((text, i) => ({ id: `news-${i}`, text, referenceDate: '2024-03-14' }));
  const more = Array.from({ length: 40 }, (_, i) => ({ id: `s${i}`, text: `${i + 1}일 유정복 인천시장은 인천시청에서 기재부 관계자 ${i}명을 만났다.`, source: 'made' }));
  return [...records, ...more].map((record) => JSON.stringify(record));
}

describe('korner extract as a stateless mapper (examples/streaming/mapper.sh)', () => {
  it.each([
    ['two splits', [0.5]],
    ['three uneven splits', [0.1, 0.8]],
  ])('gives over %s, concatenated, what one run gives over the whole input', async (_title, cuts) => {
    const lines = corpus();
    const bounds = [0, ...cuts.map((cut) => Math.round(cut * lines.length)), lines.length];
    const splits = bounds.slice(1).map((end, k) => `${lines.slice(bounds[k], end).join('\n')}\n`);
    const whole = await runMapper(`${lines.join('\n')}\n`);
    expect(whole.status).toBe(0);
    expect(whole.stdout.trimEnd().split('\n')).toHaveLength(lines.length);
    const parts = await Promise.all(splits.map((split) => runMapper(split)));
    expect(parts.map((part) => part.status)).toEqual(splits.map(() => 0));
    expect(parts.map((part) => part.stdout).join('')).toBe(whole.stdout);
  });

  it('answers each record with its line in order, passing fields through, an error record in place of a bad line', async () => {
    const { status, stdout } = await runMapper('{"id":"a","text":"서울에서","n":1}\n{oops\n{"id":"c","text":"부산"}\n');
    // korner extract exits 1 for the error record; the mapper passes it on as data and succeeds.
    expect(status).toBe(0);
    const out = stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(out.map((record) => record.id)).toEqual(['a', 'stdin:2', 'c']);
    expect(out[0]).toMatchObject({ n: 1, entities: [expect.objectContaining({ text: '서울', type: 'LOCATION' })] });
    expect(out[1]).toMatchObject({ line: 2, error: { code: 'KORNER_INPUT_JSON' } });
  });

  it('fails the task on a real failure (a usage error), so that the framework retries or stops', async () => {
    expect((await runMapper('{"id":"a","text":"서울"}\n', ['--types', 'NOPE'])).status).toBe(2);
  });
});
