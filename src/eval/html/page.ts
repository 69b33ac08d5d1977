import { escapeHtml } from '../../formats/html/escape.js';
import { MICRO, type ErrorAnalysis } from '../analysis.js';
import { jsonScriptContent } from './data.js';
import { errorListSection } from './errorList.js';
import { formatCount, formatScore, shortLabel } from './format.js';
import { scoresSection } from './scores.js';
import { EVAL_PAGE_SCRIPT } from './script.js';
import { EVAL_PAGE_CSS } from './style.js';
import { classesSection, matrixSection } from './tables.js';

/**
 * `korner eval --format html`: one self-contained page. It loads nothing (no font, image, script or stylesheet
 * from anywhere), and its Content-Security-Policy allows only its own stylesheet and script, by hash; the errors
 * are data in a `<script type="application/json">` block, which the browser never runs. The page has no date and
 * no path but the files' names, so identical inputs make a byte-identical page.
 */

/**
 * SHA-256 of EVAL_PAGE_CSS and EVAL_PAGE_SCRIPT, written out so that this module needs no crypto (it runs in
 * browsers too). tests/eval/html/page.test.ts fails when either text changes without its hash.
 */
export const EVAL_PAGE_CSS_HASH = 'sha256-pgn6vRjqgntvWs3WwEdcYjq2cXyN9jDvMdqGIozlULw=';
export const EVAL_PAGE_SCRIPT_HASH = 'sha256-qgVmIHTmEuZkdMhKHsLnf0Om9e5Kj8qGkNiDQNNIBlY=';

const POLICY = `default-src 'none'; style-src '${EVAL_PAGE_CSS_HASH}'; script-src '${EVAL_PAGE_SCRIPT_HASH}'; base-uri 'none'; form-action 'none'`;

export interface ReportSources {
  /** The gold data's name (a file name, not a path that depends on where it was run). */
  gold: string;
  /** The predictions file's name, or undefined when korner extracted the predictions itself. */
  predictions?: string;
  /** The part of the gold scored (`all`, `train`, `validation`). */
  split: string;
}

function header(analysis: ErrorAnalysis, sources: ReportSources): string {
  const micro = analysis.scores.find((row) => row.key === MICRO)!;
  const interval = micro.interval ? ` [${formatScore(micro.interval.f1[0])}, ${formatScore(micro.interval.f1[1])}]` : '';
  const facts = [
    `gold <b>${escapeHtml(sources.gold)}</b>`,
    sources.predictions === undefined ? 'predictions: <b>korner extract</b>' : `predictions <b>${escapeHtml(sources.predictions)}</b>`,
    `split ${escapeHtml(sources.split)}`,
    `${formatCount(analysis.sentences)} sentences`,
    `${formatCount(analysis.examples.errors.length)} errors`,
    `entity F1 <b>${formatScore(micro.f1)}</b>${interval}`,
  ];
  return `<header><h1>korner eval</h1><p class="facts">${facts.join(' · ')}</p></header>\n`;
}

/** The page's data block: the sources and the whole analysis (what the script lists, and what tests read). */
function dataBlock(analysis: ErrorAnalysis, sources: ReportSources): string {
  const labels = Object.fromEntries(analysis.types.map((type) => [type, shortLabel(type)]));
  return `<script type="application/json" id="korner-eval-data">${jsonScriptContent({ ...sources, labels, ...analysis })}</script>\n`;
}

/** The error report of an analysis, as one HTML page. */
export function errorReportPage(analysis: ErrorAnalysis, sources: ReportSources): string {
  return (
    '<!DOCTYPE html>\n<html lang="ko">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${POLICY}">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" content="korner">\n' +
    `<title>korner eval: ${escapeHtml(sources.gold)}</title>\n<style>${EVAL_PAGE_CSS}</style>\n</head>\n<body>\n` +
    header(analysis, sources) +
    '<main>\n' +
    scoresSection(analysis) +
    matrixSection(analysis) +
    classesSection(analysis) +
    errorListSection(analysis) +
    '</main>\n' +
    dataBlock(analysis, sources) +
    `<script>${EVAL_PAGE_SCRIPT}</script>\n</body>\n</html>\n`
  );
}
