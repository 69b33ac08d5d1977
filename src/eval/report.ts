import type { PRF, ScoreReport, ScoredSpan } from './score.js';

function percent(value: number): string {
  return (value * 100).toFixed(1).padStart(5);
}

function row(label: string, prf: PRF): string {
  const support = prf.truePositives + prf.falseNegatives;
  return `${label.padEnd(14)}${percent(prf.precision)}  ${percent(prf.recall)}  ${percent(prf.f1)}  ${String(support).padStart(7)}`;
}

/** The score as a plain-text table: entity level per type and micro, then character level. */
export function formatReport(report: ScoreReport, title: string): string {
  const lines = [
    `${title}: ${report.sentences} sentences`,
    '',
    `entity level (exact span and type)`,
    `${'type'.padEnd(14)}${'P'.padStart(5)}  ${'R'.padStart(5)}  ${'F1'.padStart(5)}  ${'gold'.padStart(7)}`,
  ];
  for (const [type, prf] of Object.entries(report.entity.byType)) lines.push(row(type, prf));
  lines.push(row('micro', report.entity.micro));
  lines.push('', 'character level (type of each non-space character)');
  for (const [type, prf] of Object.entries(report.character.byType)) lines.push(row(type, prf));
  lines.push(row('micro', report.character.micro));
  lines.push(`${'macro F1'.padEnd(14)}${' '.repeat(14)}${percent(report.character.macroF1)}`);
  return `${lines.join('\n')}\n`;
}

export interface ErrorLine {
  kind: 'FP' | 'FN';
  span: ScoredSpan;
}

/**
 * False positives and negatives of one sentence, with the span bracketed in a window of context:
 * `FN PERSON  박  …자금을 관리한 [박]씨의 딸(32)과…`.
 */
export function formatErrors(
  id: string,
  text: string,
  gold: readonly ScoredSpan[],
  predicted: readonly ScoredSpan[],
  window = 20,
): string[] {
  const key = (s: ScoredSpan) => `${s.start}:${s.end}:${s.type}`;
  const goldKeys = new Set(gold.map(key));
  const predictedKeys = new Set(predicted.map(key));
  const errors: ErrorLine[] = [
    ...predicted.filter((s) => !goldKeys.has(key(s))).map((span) => ({ kind: 'FP' as const, span })),
    ...gold.filter((s) => !predictedKeys.has(key(s))).map((span) => ({ kind: 'FN' as const, span })),
  ].sort((a, b) => a.span.start - b.span.start || a.kind.localeCompare(b.kind));
  return errors.map(({ kind, span }) => {
    const before = text.slice(Math.max(0, span.start - window), span.start).replace(/\s+/g, ' ');
    const after = text.slice(span.end, span.end + window).replace(/\s+/g, ' ');
    const mention = text.slice(span.start, span.end);
    return `${kind} ${span.type.padEnd(12)} ${mention}\t…${before}[${mention}]${after}…\t${id}`;
  });
}
