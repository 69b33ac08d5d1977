import { escapeHtml } from '../../formats/html/escape.js';
import { NO_PREDICTION, NONE, type ErrorAnalysis } from '../analysis.js';
import { ERROR_CLASSES } from '../errorClasses.js';
import { formatCount } from './format.js';

/**
 * The shell of the error list: the filters (their options written here, from the analysis) and the empty list and
 * pager that the page's script fills from the JSON data block.
 */

function select(id: string, label: string, options: readonly (readonly [value: string, text: string])[]): string {
  const items = [['', 'all'] as const, ...options].map(([value, text]) => `<option value="${escapeHtml(value)}">${escapeHtml(text)}</option>`);
  return `<label for="${id}">${label}<select id="${id}">${items.join('')}</select></label>`;
}

export function errorListSection(analysis: ErrorAnalysis): string {
  const { total, bySource } = analysis.classes;
  const count = analysis.examples.errors.length;
  const types = (extra: string) => [...analysis.types.map((type) => [type, type] as const), [NONE, extra] as const];
  const filters =
    `<div class="filters" role="search">` +
    select('filter-kind', 'class', ERROR_CLASSES.map((kind) => [kind, `${kind} (${formatCount(total[kind])})`] as const)) +
    select('filter-gold', 'gold type', types('none (spurious)')) +
    select('filter-predicted', 'predicted type', types('none (missed)')) +
    select('filter-source', 'source', bySource.rows.map((source) => [source, source === NO_PREDICTION ? 'none (missed)' : source] as const)) +
    `<label for="filter-search">text or id<input id="filter-search" type="search" autocomplete="off" spellcheck="false"></label>` +
    `<button type="button" id="filter-reset">show all</button></div>`;
  const pager =
    `<nav class="pager" aria-label="pages of errors"><button type="button" class="page-previous">← previous</button>` +
    `<span class="page-label"></span><button type="button" class="page-next">next →</button></nav>`;
  return (
    `<section id="errors"><h2>Errors</h2>` +
    `<p class="note">Each error with its sentence (up to 60 characters on each side): gold entities tinted, predicted ones underlined, the error's own outlined.</p>` +
    `${filters}<p class="status" aria-live="polite">${formatCount(count)} errors (the list needs JavaScript).</p>${pager}<ol class="errors"></ol>${pager}</section>\n`
  );
}
