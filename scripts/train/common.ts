/** Shared helpers of the training and evaluation scripts (Node only). */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseGold, type GoldRecord } from '../../src/eval/gold.js';
import { fnv1a32 } from '../../src/eval/split.js';


/** The repository root: found from the working directory (scripts are bundled to /tmp). */
export function repoRoot(): string {
  let dir = process.cwd();
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'korner') return dir;
    } catch {
      // keep walking up
    }
    dir = dirname(dir);
  }
  throw new Error('run this script from the korner checkout');
}

export function readGold(path: string): GoldRecord[] {
  return parseGold(readFileSync(path, 'utf8'));
}

/** The dev slice of the training part, for early stopping and calibration: one in ten by another hash of the id. */
export function isDevSlice(id: string): boolean {
  return fnv1a32(`dev:${id}`) % 10 === 0;
}

export function args(argv: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      out.set('_', arg);
      continue;
    }
    const [key, value] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (value !== undefined) out.set(key, value);
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) out.set(key, argv[++i]!);
    else out.set(key, 'true');
  }
  return out;
}

export function formatReport(title: string, report: import('../../src/eval/score.js').ScoreReport): string {
  const lines = [`${title}: ${report.sentences} sentences`];
  const row = (name: string, p: { precision: number; recall: number; f1: number; truePositives: number; falsePositives: number; falseNegatives: number }) =>
    `  ${name.padEnd(13)} P ${p.precision.toFixed(4)}  R ${p.recall.toFixed(4)}  F1 ${p.f1.toFixed(4)}  (tp ${p.truePositives} fp ${p.falsePositives} fn ${p.falseNegatives})`;
  lines.push(row('entity micro', report.entity.micro));
  for (const [type, p] of Object.entries(report.entity.byType)) lines.push(row(type, p));
  lines.push(row('char micro', report.character.micro));
  lines.push(`  char macro F1 ${report.character.macroF1.toFixed(4)}`);
  for (const [type, p] of Object.entries(report.character.byType)) lines.push(row(`char ${type}`, p));
  return lines.join('\n');
}
