import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

describe('korner synonyms', () => {
  it('prints one synonym line per linked group: gloss and Hangul form, without the Sino-Korean reading 위해 (a common word)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'korner-synonyms-'));
    const path = join(dir, 'corpus.txt');
    writeFileSync(path, '중국 웨이하이(威海)시와 협력한다.\n전자통신연구원(ETRI)이 발표했다.\n웨이하이(威海)시는 항구다.\n');
    const { status, stdout } = await runCli(['synonyms', path]);
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toContain('威海, 웨이하이');
    expect(lines.some((line) => line.startsWith('ETRI, ') && line.includes('전자통신연구원'))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/위해/);
    expect(new Set(lines).size).toBe(lines.length);
  });
});
