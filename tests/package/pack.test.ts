import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';

/**
 * Packs the package as npm would publish it, installs the tarball into an empty project and uses it the three
 * ways users do: ESM import, CommonJS require, and the `korner` bin.
 */
let project: string;
let tarballPath: string;
const sentence = '유정복 인천시장은 16일 인천시청에서 만났다.';

function run(command: string, args: string[], cwd: string, input?: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });
}

beforeAll(() => {
  const packDir = mkdtempSync(join(tmpdir(), 'korner-pack-'));
  run('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', packDir], repoRoot);
  const tarball = readdirSync(packDir).find((name) => name.endsWith('.tgz'))!;
  tarballPath = join(packDir, tarball);
  project = mkdtempSync(join(tmpdir(), 'korner-user-'));
  writeFileSync(join(project, 'package.json'), '{"name":"user","version":"1.0.0","private":true}\n');
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(packDir, tarball)], project);
}, 300_000);

describe('the packed tarball', () => {
  it('works from ESM', () => {
    writeFileSync(
      join(project, 'esm.mjs'),
      `import { extract, createExtractor } from 'korner';\n` +
        `const r = await extract(${JSON.stringify(sentence)}, { referenceDate: '2016-05-17' });\n` +
        `console.log(JSON.stringify({ createExtractor: typeof createExtractor, language: r.language, n: r.entities.length }));\n`,
    );
    const out = JSON.parse(run('node', ['esm.mjs'], project)) as { createExtractor: string; language: string };
    expect(out).toMatchObject({ createExtractor: 'function', language: 'kor' });
  });

  it('works from CommonJS', () => {
    writeFileSync(
      join(project, 'cjs.cjs'),
      `const { extract, KornerError } = require('korner');\n` +
        `extract(${JSON.stringify(sentence)}).then((r) => console.log(JSON.stringify({ error: typeof KornerError, language: r.language })));\n`,
    );
    expect(JSON.parse(run('node', ['cjs.cjs'], project))).toEqual({ error: 'function', language: 'kor' });
  });

  it('ships type declarations for both module systems', () => {
    writeFileSync(
      join(project, 'types.ts'),
      `import { createExtractor, type Entity } from 'korner';\nconst e: Entity | undefined = undefined;\nvoid createExtractor; void e;\n`,
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      '{"compilerOptions":{"module":"nodenext","moduleResolution":"nodenext","strict":true,"noEmit":true,"skipLibCheck":false,"types":[]},"files":["types.ts"]}\n',
    );
    const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    expect(() => run('node', [tsc, '-p', '.'], project)).not.toThrow();
  });

  it('passes publint and are-the-types-wrong', () => {
    const bin = (name: string) => join(repoRoot, 'node_modules', '.bin', name);
    expect(run(bin('publint'), ['--pack', 'false', '--strict'], repoRoot)).toMatch(/All good/);
    // attw exits non-zero when it finds a problem; node10 resolution is ignored because korner needs Node >= 20.
    expect(() => run(bin('attw'), [tarballPath, '--profile', 'node16', '--format', 'ascii'], repoRoot)).not.toThrow();
  });

  it('runs the korner bin', () => {
    const bin = join(project, 'node_modules', '.bin', 'korner');
    const out = run(bin, ['extract', '--reference-date', '2016-05-17'], project, `${sentence}\n`);
    const line = JSON.parse(out) as { text: string; entities: unknown[] };
    expect(line.text).toBe(sentence);
    expect(run(bin, ['--version'], project).trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('installs no queue dependencies (bullmq brings a native module), and its queue commands say how to add them', () => {
    expect(existsSync(join(project, 'node_modules', 'bullmq'))).toBe(false);
    expect(existsSync(join(project, 'node_modules', 'msgpackr-extract'))).toBe(false);
    const bin = join(project, 'node_modules', '.bin', 'korner');
    const result = spawnSync(bin, ['worker'], { cwd: project, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/npm install bullmq ioredis.*\[KORNER_QUEUE\]/);
  });
});
