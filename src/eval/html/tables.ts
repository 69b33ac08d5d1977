import { escapeHtml } from '../../formats/html/escape.js';
import { NO_PREDICTION, NONE, type ClassTable, type ErrorAnalysis } from '../analysis.js';
import { ERROR_CLASSES, type ErrorClass } from '../errorClasses.js';
import { formatCount } from './format.js';

/**
 * The type confusion matrix and the tables of error classes. A count that stands for errors is a button that sets
 * the error list's filters to them (the page's script does it; the filter is in `data-filter`).
 */

/** What the error list's filters are set to by a button: the names of the filter controls and their values. */
export interface ListFilter {
  kind?: ErrorClass;
  gold?: string;
  predicted?: string;
  source?: string;
}

/** A cell with a count: a button setting `filter` where there is one and the count is not 0. */
function countCell(count: number, filter: ListFilter | undefined, attributes: string, classes: string[] = []): string {
  const all = count === 0 ? [...classes, 'zero'] : classes;
  const classAttribute = all.length > 0 ? ` class="${all.join(' ')}"` : '';
  const content =
    filter && count > 0 ? `<button class="count" data-filter="${escapeHtml(JSON.stringify(filter))}">${formatCount(count)}</button>` : formatCount(count);
  return `<td${attributes}${classAttribute}>${content}</td>`;
}

/** Shading of a count against the largest of its kind: 0 (none) to 5. */
function heat(count: number, largest: number): number {
  return count === 0 || largest === 0 ? 0 : Math.min(5, 1 + Math.floor((4 * count) / largest));
}

export function matrixSection(analysis: ErrorAnalysis): string {
  const { gold, predicted, counts } = analysis.matrix;
  let largestRight = 0;
  let largestWrong = 0;
  counts.forEach((row, r) =>
    row.forEach((count, c) => {
      if (gold[r] === predicted[c] && gold[r] !== NONE) largestRight = Math.max(largestRight, count);
      else largestWrong = Math.max(largestWrong, count);
    }),
  );
  const head = `<tr><th>gold \\ predicted</th>${predicted.map((type) => `<th>${escapeHtml(type)}</th>`).join('')}</tr>`;
  const rows = counts.map((row, r) => {
    const g = gold[r]!;
    const cells = row.map((count, c) => {
      const p = predicted[c]!;
      if (g === NONE && p === NONE) return '<td class="zero">–</td>';
      const diagonal = g === p;
      const shade = heat(count, diagonal ? largestRight : largestWrong);
      const classes = [...(diagonal ? ['diagonal'] : []), ...(shade > 0 ? [`heat-${shade}`] : [])];
      return countCell(count, { gold: g, predicted: p }, ` data-gold="${escapeHtml(g)}" data-predicted="${escapeHtml(p)}"`, classes);
    });
    return `<tr><th>${escapeHtml(g)}</th>${cells.join('')}</tr>`;
  });
  return (
    `<section id="matrix"><h2>Type confusion</h2>` +
    `<p class="note">Gold and predicted entities paired where they overlap, one to one, the largest overlap first; a row is the gold type, a column the predicted type, and <i>none</i> an entity left without a partner. The diagonal holds exact matches and boundary errors.</p>` +
    `<table class="matrix"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></section>\n`
  );
}

interface ClassTableLayout {
  /** What a row is: `type` or `source`. */
  by: string;
  rowName: (row: string) => string;
  /** The filter of a row's count of one class. */
  filterOf: (row: string, kind: ErrorClass) => ListFilter;
  /** The filter of a row's count of all classes, when the filters can say it. */
  rowFilter?: (row: string) => ListFilter;
  /** Rows after the others (a total). */
  footer?: string;
}

function classTableHtml(table: ClassTable, layout: ClassTableLayout): string {
  const { by, rowName, filterOf, rowFilter } = layout;
  const head = `<tr><th>${by}</th>${ERROR_CLASSES.map((kind) => `<th>${kind}</th>`).join('')}<th>all</th></tr>`;
  const rows = table.rows.map((row) => {
    const line = table.counts[row]!;
    const total = ERROR_CLASSES.reduce((sum, kind) => sum + line[kind], 0);
    return (
      `<tr data-row="${escapeHtml(row)}"><th>${rowName(row)}</th>` +
      `${ERROR_CLASSES.map((kind) => countCell(line[kind], filterOf(row, kind), ` data-kind="${kind}"`)).join('')}` +
      `${countCell(total, rowFilter?.(row), ' data-kind="all"')}</tr>`
    );
  });
  return `<table class="classes" data-by="${by}"><thead>${head}</thead><tbody>${rows.join('')}${layout.footer ?? ''}</tbody></table>`;
}

export function classesSection(analysis: ErrorAnalysis): string {
  const { total, byType, bySource } = analysis.classes;
  const all = ERROR_CLASSES.reduce((sum, kind) => sum + total[kind], 0);
  const totals =
    `<tr class="micro" data-row="all"><th>all</th>${ERROR_CLASSES.map((kind) => countCell(total[kind], { kind }, ` data-kind="${kind}"`)).join('')}` +
    `${countCell(all, undefined, ' data-kind="all"')}</tr>`;
  const typeTable = classTableHtml(byType, {
    by: 'type',
    rowName: escapeHtml,
    filterOf: (type, kind) => (kind === 'spurious' ? { kind, predicted: type } : { kind, gold: type }),
    footer: totals,
  });
  const sourceTable = classTableHtml(bySource, {
    by: 'source',
    rowName: (source) => (source === NO_PREDICTION ? 'none <small>(missed)</small>' : escapeHtml(source)),
    filterOf: (source, kind) => ({ kind, source }),
    rowFilter: (source) => ({ source }),
  });
  return (
    `<section id="classes"><h2>Errors by class</h2>` +
    `<p class="note"><b>boundary</b>: overlap, same type, another span; <b>type</b>: same span, another type; <b>boundary+type</b>: overlap, both differ; ` +
    `<b>missed</b>: a gold entity no prediction overlaps; <b>spurious</b>: a prediction that overlaps no gold entity. ` +
    `By gold type (the predicted type for spurious), and by the stage that made the prediction (its <code>source</code>).</p>` +
    `<div class="tables">${typeTable}${sourceTable}</div></section>\n`
  );
}
