import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resumePoint } from '../../src/cli/resume.js';
import { runCli } from './run.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'korner-resume-'));
});

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const a = '{"id":"a"}';
const b = '{"id":"b"}';

describe('resumePoint', () => {
  it.each([
    ['an empty jsonl file', 'jsonl', '', 0, ''],
    ['complete jsonl lines', 'jsonl', `${a}\n${b}\n`, 2, `${a}\n${b}\n`],
    ['a jsonl line cut off by a crash', 'jsonl', `${a}\n{"id":"b`, 1, `${a}\n`],
    ['an empty json file', 'json', '', 0, ''],
    ['a closed empty json array', 'json', '[]\n', 0, '['],
    ['a closed json array', 'json', `[\n${a},\n${b}\n]\n`, 2, `[\n${a},\n${b}`],
    ['a closed json array of one', 'json', `[\n${a}\n]\n`, 1, `[\n${a}`],
    ['a json array stopped after a whole record', 'json', `[\n${a},\n${b}`, 2, `[\n${a},\n${b}`],
    ['a json array stopped inside a record', 'json', `[\n${a},\n{"id":`, 1, `[\n${a}`],
    ['a json array stopped inside its first record', 'json', `[\n{"id":`, 0, '['],
    ['a json array with only its bracket', 'json', '[', 0, '['],
  ] as const)('counts %s', async (_title, format, content, records, kept) => {
    const point = await resumePoint(file(`${format}-${records}-${content.length}`, content), format);
    expect(point.records).toBe(records);
    expect(Buffer.from(content).subarray(0, point.keepBytes).toString()).toBe(kept);
  });

  it('starts from nothing when the file is not there', async () => {
    expect(await resumePoint(join(dir, 'missing.jsonl'), 'jsonl')).toEqual({ records: 0, keepBytes: 0 });
  });

  it.each([
    ['a pretty table', 'pretty', 'x', /--resume works with --format jsonl or json/],
    ['a json file that is not a korner array', 'json', '{"a":1}\n', /does not start with "\["/],
  ] as const)('refuses %s', async (_title, format, content, message) => {
    await expect(resumePoint(file(`bad-${format}`, content), format)).rejects.toThrow(message);
  });
});

describe('korner extract --resume and --skip', () => {
  const lines = Array.from({ length: 12 }, (_, i) => `${i + 1}일 인천에서 유정복 시장이 말했다.`);

  it.each(['jsonl', 'json'] as const)('continues a %s output cut off mid-record and ends as one whole run would', async (format) => {
    const input = file(`in-${format}.txt`, `${lines.join('\n')}\n`);
    const whole = await runCli(['extract', '--format', format, '--reference-date', '2016-05-17', input]);
    expect(whole.status).toBe(0);
    // An output that stopped in the middle of its eighth record (a crash: no closing bracket).
    const cut = whole.stdout.indexOf('"id"', whole.stdout.indexOf(`${input}:8`) - 10) + 5;
    const output = file(`out.${format}`, whole.stdout.slice(0, cut));
    const resumed = await runCli(['extract', '--format', format, '--reference-date', '2016-05-17', '--resume', output, input]);
    expect(resumed.status).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe(whole.stdout);
  });

  it('resumes a finished json output to the same file (nothing left to add)', async () => {
    const input = file('in-done.txt', `${lines.slice(0, 3).join('\n')}\n`);
    const whole = await runCli(['extract', '--format', 'json', input]);
    const output = file('done.json', whole.stdout);
    expect((await runCli(['extract', '--format', 'json', '--resume', output, input])).status).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe(whole.stdout);
  });

  it('skips the first N documents and keeps the ids of the whole input', async () => {
    const input = file('in-skip.txt', `${lines.join('\n')}\n`);
    const whole = await runCli(['extract', input]);
    const skipped = await runCli(['extract', '--skip', '5', input]);
    expect(skipped.stdout).toBe(whole.stdout.split('\n').slice(5).join('\n'));
  });

  it.each([
    [['--skip', '1.5'], /--skip must be a whole number/],
    [['--resume', 'x.jsonl', '--skip', '2'], /without --skip/],
    [['--resume', 'x.jsonl', '--output', 'y.jsonl'], /without --output/],
    [['--resume', 'x.txt', '--format', 'pretty'], /--resume works with --format jsonl or json/],
  ])('refuses %j', async (args, message) => {
    const input = file('in-usage.txt', '인천\n');
    const { status, stderr } = await runCli(['extract', ...args, input]);
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
  });
});
