import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'korner-eval-'));
function gold(name: string, lines: unknown[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`);
  return path;
}

// A verb annotated as a person: no recogniser will ever agree, so it is always a false negative.
const record = { id: 'r1', text: '왔다 갔다 했다.', entities: [{ start: 0, end: 2, type: 'PS' }] };

describe('korner eval', () => {
  it('prints entity and character tables', async () => {
    const { status, stdout } = await runCli(['eval', gold('g.jsonl', [record])]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/1 sentences/);
    expect(stdout).toMatch(/entity level/);
    expect(stdout).toMatch(/PERSON\s+0\.0\s+0\.0\s+0\.0\s+1/);
    expect(stdout).toMatch(/character level/);
  });

  it('prints JSON with --json', async () => {
    const { stdout } = await runCli(['eval', '--json', gold('j.jsonl', [record])]);
    const report = JSON.parse(stdout) as { sentences: number; entity: { byType: Record<string, { falseNegatives: number }> } };
    expect(report.sentences).toBe(1);
    expect(report.entity.byType.PERSON!.falseNegatives).toBe(1);
  });

  it('lists the misses with context with --errors', async () => {
    const { stdout } = await runCli(['eval', '--errors', gold('e.jsonl', [record])]);
    expect(stdout).toContain('FN PERSON');
    expect(stdout).toContain('…[왔다] 갔다 했다.…\tr1');
  });

  it('scores only the chosen split', async () => {
    // FNV-1a of "r1" is 0 modulo 5 (validation), of "r2" 2 (train).
    const path = gold('s.jsonl', [record, { ...record, id: 'r2' }]);
    for (const [split, count] of [['validation', 1], ['train', 1], ['all', 2]] as const) {
      const { stdout } = await runCli(['eval', '--json', '--split', split, path]);
      expect((JSON.parse(stdout) as { sentences: number }).sentences).toBe(count);
    }
  });

  it.each([
    ['malformed JSON', ['{oops'], /:1: not valid JSON/],
    ['an offset outside the text', [{ id: 'x', text: 'ab', entities: [{ start: 1, end: 9, type: 'PS' }] }], /:1: .*outside the text/],
    ['an unknown label', [{ id: 'x', text: 'ab', entities: [{ start: 0, end: 1, type: 'FOO' }] }], /:1: .*unknown type "FOO" \(map it with --label-map FILE\)/],
  ])('reports %s naming the line, scores the other records and exits with 1 (2 with --strict)', async (_title, lines, message) => {
    const path = gold('bad.jsonl', [...lines, record]);
    const { status, stderr, stdout } = await runCli(['eval', '--json', path]);
    expect(status).toBe(1);
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/1 record of .* could not be read/);
    expect((JSON.parse(stdout) as { sentences: number }).sentences).toBe(1);
    const strict = await runCli(['eval', '--strict', path]);
    expect(strict.status).toBe(2);
    expect(strict.stderr).toMatch(message);
    expect(strict.stdout).toBe('');
  });

  it('reads labels through --label-map, and ignores the ones mapped to -', async () => {
    const map = join(dir, 'labels.tsv');
    writeFileSync(map, '# theirs\tours\nHUMAN\tPERSON\nMISC\t-\n');
    const path = gold('mapped.jsonl', [{ id: 'm', text: '왔다 갔다 했다.', entities: [{ start: 0, end: 2, type: 'human' }, { start: 3, end: 5, type: 'MISC' }] }]);
    const { status, stdout } = await runCli(['eval', '--json', '--label-map', map, path]);
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as { entity: { byType: Record<string, { falseNegatives: number }> } };
    expect(report.entity.byType.PERSON!.falseNegatives).toBe(1);
  });

  it.each([
    ['no tab', 'HUMAN PERSON\n', /labels.tsv:1: expected two tab-separated fields/],
    ['an unknown type', 'HUMAN\tPEOPLE\n', /labels.tsv:1: unknown type "PEOPLE"/],
  ])('refuses a label map with %s, naming its line', async (_title, content, message) => {
    const map = join(dir, 'labels.tsv');
    writeFileSync(map, content);
    const { status, stderr } = await runCli(['eval', '--label-map', map, gold('any.jsonl', [record])]);
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('refuses a file whose records carry labels it does not read, instead of scoring F1 0', async () => {
    const path = gold('doccano-as-jsonl.jsonl', [{ text: '유정복 시장', label: [[0, 3, 'PER']] }]);
    const { status, stderr } = await runCli(['eval', '--gold-format', 'jsonl', path]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/doccano-as-jsonl.jsonl:1: no record yielded a gold entity, but records carry labels \(field "label"\)/);
  });

  it('says so when it cannot tell the format, and names the choices', async () => {
    const { status, stderr } = await runCli(['eval', gold('prose.txt', ['그냥 글입니다.'])]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/cannot tell the format .* --gold-format/);
  });

  it('refuses an unknown --gold-format', async () => {
    const { status, stderr } = await runCli(['eval', '--gold-format', 'xml', gold('any2.jsonl', [record])]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/--gold-format must be one of auto, /);
  });
});
