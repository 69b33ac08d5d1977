import type { Interval } from '../bootstrap.js';
import { MICRO, type ErrorAnalysis, type ScoreRow } from '../analysis.js';
import { escapeHtml } from '../../formats/html/escape.js';
import { formatCount, formatScore, shortLabel } from './format.js';

/**
 * The scores as bars: a row per type and one for all (micro), precision, recall and F1 each a bar on a scale of 0
 * to 1 with its bootstrap 95% interval as a whisker. SVG, drawn from attributes alone.
 */

const METRICS = ['precision', 'recall', 'f1'] as const;
const HEADINGS: Record<(typeof METRICS)[number], string> = { precision: 'precision', recall: 'recall', f1: 'F1' };

/** A position on the bar's scale of 0 to 100. */
const x = (value: number): string => (value * 100).toFixed(1);

function bar(value: number, interval: Interval | undefined): string {
  const whisker = interval
    ? `<line x1="${x(interval[0])}" x2="${x(interval[1])}" y1="5" y2="5" vector-effect="non-scaling-stroke"/>` +
      interval.map((end) => `<line x1="${x(end)}" x2="${x(end)}" y1="1.5" y2="8.5" vector-effect="non-scaling-stroke"/>`).join('')
    : '';
  return (
    `<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">` +
    `<rect class="track" width="100" height="10"/><rect class="fill" width="${x(value)}" height="10"/>${whisker}</svg>`
  );
}

function metricCell(row: ScoreRow, metric: (typeof METRICS)[number]): string {
  const value = row[metric];
  const interval = row.interval?.[metric];
  const range = interval ? ` data-low="${formatScore(interval[0])}" data-high="${formatScore(interval[1])}"` : '';
  const text = interval ? ` <span class="interval">[${formatScore(interval[0])}, ${formatScore(interval[1])}]</span>` : '';
  return `<td class="metric" data-metric="${metric}" data-value="${formatScore(value)}"${range}>${bar(value, interval)}<span class="value">${formatScore(value)}</span>${text}</td>`;
}

function scoreRow(row: ScoreRow): string {
  const name = row.key === MICRO ? 'all types (micro)' : `${escapeHtml(row.key)} <small>${escapeHtml(shortLabel(row.key))}</small>`;
  const { tp, fp, fn } = row.counts;
  return (
    `<tr data-key="${escapeHtml(row.key)}"${row.key === MICRO ? ' class="micro"' : ''}><th>${name}</th>` +
    `<td class="support">${formatCount(tp + fn)}</td><td class="support">${formatCount(tp + fp)}</td><td class="support">${formatCount(tp)}</td>` +
    `${METRICS.map((metric) => metricCell(row, metric)).join('')}</tr>`
  );
}

export function scoresSection(analysis: ErrorAnalysis): string {
  const { rounds, seed } = analysis.bootstrap;
  const note =
    rounds > 0
      ? `Whiskers: the bootstrap 95% interval (${formatCount(rounds)} resamples of the ${formatCount(analysis.sentences)} sentences with replacement, seed ${seed}).`
      : 'No intervals (--bootstrap 0).';
  return (
    `<section id="scores"><h2>Precision, recall and F1</h2>` +
    `<p class="note">Entity level: a prediction is right when its span and type are exactly those of a gold entity. ${note}</p>` +
    `<table class="scores"><thead><tr><th>type</th><th>gold</th><th>predicted</th><th>right</th>` +
    `${METRICS.map((metric) => `<th>${HEADINGS[metric]}</th>`).join('')}</tr></thead>` +
    `<tbody>${analysis.scores.map(scoreRow).join('')}</tbody></table></section>\n`
  );
}
