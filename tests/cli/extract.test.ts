import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run.js';

let dir: string;
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'korner-cli-'));
});

describe('korner extract', () => {
  it('answers each input line with one output line, in order, empty lines included', async () => {
    const path = file('lines.txt', '첫째 줄\n\n셋째 줄\n');
    const { status, stdout } = await runCli(['extract', path]);
    expect(status).toBe(0);
    const lines = jsonLines(stdout);
    expect(lines.map((l) => l.id)).toEqual([`${path}:1`, `${path}:2`, `${path}:3`]);
    expect(lines.map((l) => l.text)).toEqual(['첫째 줄', '', '셋째 줄']);
  });

  it('passes JSONL fields through and puts an error record in place of a malformed line', async () => {
    const path = file('in.jsonl', '{"id":"a","text":"인천","meta":1}\n{oops\n{"id":"c","text":"서울"}\n');
    const { status, stdout, stderr } = await runCli(['extract', '--input', 'jsonl', path]);
    expect(status).toBe(1);
    const lines = jsonLines(stdout);
    expect(lines.map((l) => l.id)).toEqual(['a', `${path}:2`, 'c']);
    expect(lines[0]!.meta).toBe(1);
    expect(lines[1]).toMatchObject({ line: 2, error: { code: 'KORNER_INPUT_JSON' } });
    expect(stderr).toContain(`${path}:2: malformed JSON`);
  });

  it.each([
    ['not an object', '[1,2]', /expected a JSON object/],
    ['no text', '{"id":1}', /no string field "text"/],
    ['a reference date that is not a string', '{"text":"a","referenceDate":5}', /must be a string/],
  ])('reports a JSONL record that is %s', async (_title, line, message) => {
    const path = file('bad.jsonl', `${line}\n`);
    const { stdout } = await runCli(['extract', '--input', 'jsonl', path]);
    expect(String((jsonLines(stdout)[0]!.error as { message: string }).message)).toMatch(message);
  });

  it('keeps order and answers across batches, with bad records in their places', async () => {
    const records = Array.from({ length: 150 }, (_, i) =>
      i === 70 ? 'not json' : i === 100 ? '{"id":"r100","text":"오는 27일","referenceDate":"2016-02-30"}' : JSON.stringify({ id: `r${i}`, text: `${i}일 인천에서`, referenceDate: '2016-05-17' }),
    );
    const path = file('many.jsonl', `${records.join('\n')}\n`);
    const { status, stdout, stderr } = await runCli(['extract', '--input', 'jsonl', path]);
    expect(status).toBe(1);
    const lines = jsonLines(stdout);
    expect(lines.map((l) => l.id)).toEqual(records.map((_, i) => (i === 70 ? `${path}:71` : `r${i}`)));
    expect(lines[70]).toMatchObject({ line: 71, error: { code: 'KORNER_INPUT_JSON' } });
    expect(lines[100]).toMatchObject({ line: 101, error: { code: 'KORNER_OPTION' } });
    expect(stderr).toMatch(/r100: .*2016-02-30/);
    for (const i of [0, 69, 99, 101, 149]) {
      const entities = lines[i]!.entities as { text: string; type: string; value?: string }[];
      expect(entities).toContainEqual(expect.objectContaining({ text: `${i}일`, type: 'DATE' }));
      expect(entities).toContainEqual(expect.objectContaining({ text: '인천', type: 'LOCATION' }));
    }
  });

  it('stops at the first bad record with --strict, naming its line', async () => {
    const path = file('strict.jsonl', '{"text":"a"}\nnot json\n{"text":"c"}\n');
    const { status, stdout, stderr } = await runCli(['extract', '--input', 'jsonl', '--strict', path]);
    expect(status).toBe(2);
    expect(jsonLines(stdout)).toHaveLength(1);
    expect(stderr).toMatch(new RegExp(`${path}:2: malformed JSON.*--strict`));
  });

  it('decodes invalid UTF-8 with U+FFFD and names the line', async () => {
    const path = file('latin1.txt', Buffer.concat([Buffer.from('좋은 줄\n'), Buffer.from([0x61, 0xff, 0x62, 0x0a])]));
    const { status, stdout, stderr } = await runCli(['extract', path]);
    expect(status).toBe(0);
    expect(jsonLines(stdout)[1]!.text).toBe('a\uFFFDb');
    expect(stderr).toContain(`${path}:2: invalid UTF-8`);
  });

  it('keeps a line with NUL characters and warns with its line number', async () => {
    const path = file('nul.txt', 'a\0b 인천\n');
    const { stdout, stderr } = await runCli(['extract', path]);
    expect(jsonLines(stdout)[0]!.text).toBe('a\0b 인천');
    expect(stderr).toContain(`${path}:1: contains NUL`);
  });

  it.each([
    ['invalid UTF-8', Buffer.concat([Buffer.from('첫 줄\n둘째 줄\n'), Buffer.from([0x61, 0xff, 0x0a]), Buffer.from('넷째 줄\n')]), 3, 'invalid UTF-8'],
    ['a NUL character', Buffer.from('첫 줄\n둘째 줄\n셋째\n넷째 \0 줄\n'), 4, 'contains NUL'],
  ])('names the line of %s in a whole document', async (_title, content, line, message) => {
    const path = file(`document-${line}.txt`, content);
    const { status, stderr } = await runCli(['extract', '--input', 'document', path]);
    expect(status).toBe(0);
    expect(stderr).toContain(`${path}:${line}: ${message}`);
  });

  it('turns a line over --max-bytes into an error record and goes on', async () => {
    const path = file('long.txt', `짧은 줄\n${'가'.repeat(2000)}\n끝\n`);
    const { status, stdout } = await runCli(['extract', '--max-bytes', '1000', path]);
    expect(status).toBe(1);
    const lines = jsonLines(stdout);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatchObject({ line: 2, error: { code: 'KORNER_INPUT_TOO_LARGE' } });
    expect(lines[2]!.text).toBe('끝');
  });

  it('reports an unreadable file in its place and still reads the others', async () => {
    const good = file('good.txt', '인천\n');
    const missing = join(dir, 'missing.txt');
    const { status, stdout, stderr } = await runCli(['extract', missing, good]);
    expect(status).toBe(1);
    const lines = jsonLines(stdout);
    expect(lines[0]).toMatchObject({ error: { code: 'KORNER_INPUT_READ' } });
    expect(lines[1]!.text).toBe('인천');
    expect(stderr).toContain(`cannot read ${missing} (ENOENT)`);
  });

  it('reads a whole file as one document with --input document', async () => {
    const path = file('doc.txt', '첫 줄\n둘째 줄\n');
    const { stdout } = await runCli(['extract', '--input', 'document', '--format', 'json', path]);
    const parsed = JSON.parse(stdout) as { id: string }[];
    expect(parsed).toHaveLength(1);
    expect(parsed[0]!.id).toBe(path);
  });

  it('writes a readable table with --format pretty', async () => {
    const path = file('pretty.txt', '홍길동 기자\n');
    const dict = file('user.tsv', '홍길동\tPS\n');
    const { stdout } = await runCli(['extract', '--format', 'pretty', '--user-dict', dict, path]);
    expect(stdout).toContain(`# ${path}:1`);
    expect(stdout).toMatch(/PERSON\s+홍길동\s+0-3/);
  });

  it.each([
    [['extract', '--format', 'xml'], /--format must be one of jsonl, json, pretty/],
    [['extract', '--reference-date', '2016-13-01'], /--reference-date must be a real date/],
    [['extract', '--types', 'PERSON,CITY'], /--types must be one of/],
    [['extract', '--bogus'], /Unknown option '--bogus'/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('rejects %j with exit status 2', async (args, message) => {
    const { status, stderr } = await runCli(args);
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('prints help and version', async () => {
    expect((await runCli(['--help'])).stdout).toContain('korner <command>');
    expect((await runCli(['extract', '--help'])).stdout).toContain('--reference-date');
    expect((await runCli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
