import { ENTITY_TYPES } from '../../document/types.js';
import { labelOf } from '../labels.js';
import type { RecordFraming } from '../writer.js';
import { PAGE_SCRIPT } from './script.js';
import { PAGE_CSS } from './style.js';

/**
 * The shell of the html page around the records' sections: head, legend, the stylesheet and the script. The page
 * loads nothing (no fonts, images or scripts from anywhere), and its Content-Security-Policy allows only its own
 * stylesheet and script, by hash: should a document's text ever get past the escaping, the browser would still
 * run none of it.
 */

/**
 * SHA-256 of PAGE_CSS and PAGE_SCRIPT, written out so that the writer needs no crypto module (it runs in browsers
 * too). tests/formats/html.test.ts fails when either text changes without its hash.
 */
export const PAGE_CSS_HASH = 'sha256-jMTEvpCZJGBrsG+KjWJp+pLaAer/K5jP7ltZoy7KOlw=';
export const PAGE_SCRIPT_HASH = 'sha256-/pvlX8zyojc/Ggt+Q1DWS3qbGKn9bcB1C6UVuNjPsOA=';

const POLICY = `default-src 'none'; style-src '${PAGE_CSS_HASH}'; script-src '${PAGE_SCRIPT_HASH}'; base-uri 'none'; form-action 'none'`;

const LEGEND = ENTITY_TYPES.map(
  (type) => `<li data-type="${type}"><span class="swatch"></span>${type} <small>${labelOf(type, 'klue')}</small> <span class="count"></span></li>`,
).join('');

const HEAD =
  '<!DOCTYPE html>\n<html lang="ko">\n<head>\n<meta charset="utf-8">\n' +
  `<meta http-equiv="Content-Security-Policy" content="${POLICY}">\n` +
  '<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" content="korner">\n' +
  `<title>korner: named entities</title>\n<style>${PAGE_CSS}</style>\n</head>\n<body>\n` +
  `<header><h1>korner</h1><ul class="legend">${LEGEND}</ul>` +
  '<p class="hint">Hover a highlight for its value; arrows join a Hanja gloss or an acronym to its mention.</p></header>\n<main>\n';

/** One section a record, a line each, between the head and the script. */
export const PAGE_FRAMING: RecordFraming = {
  open: HEAD,
  before: () => '',
  after: '\n',
  close: (count) => `${count === 0 ? '<p class="empty">No documents.</p>\n' : ''}</main>\n<script>${PAGE_SCRIPT}</script>\n</body>\n</html>\n`,
};
