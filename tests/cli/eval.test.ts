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
    ['malformed JSON', ['{oops'], /:1: gold line 1: not valid JSON/],
    ['an offset outside the text', [{ id: 'x', text: 'ab', entities: [{ start: 1, end: 9, type: 'PS' }] }], /outside the text/],
  ])('stops on %s, naming the line', async (_title, lines, message) => {
    const { status, stderr } = await runCli(['eval', gold('bad.jsonl', lines)]);
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
  });
});
