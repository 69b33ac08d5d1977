import type { Entity, Link } from '../../document/types.js';
import { labelOf } from '../labels.js';
import { formatValue } from '../pretty.js';
import type { FormatWriter, RecordContent, ResolvedWriterOptions } from '../writer.js';
import { escapeHtml } from './escape.js';
import { PAGE_FRAMING } from './page.js';
import { textPieces, type Piece } from './pieces.js';

/**
 * A record as a `<section>` of the html page: its id as heading, then its text with each entity in a `<mark>`
 * (data-type, data-value, data-canonical, data-start, data-end; a title for hovering) and each link's gloss and
 * mention in spans that the page's script joins with an arrow. Offsets are UTF-16 code units, as the page's
 * JavaScript counts them.
 */

/** UTF-16 units of body per part: a long document is written a few tens of kilobytes at a time. */
const PART_CHARS = 32_768;

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** An end for a slice of `text` near `end` that does not split a surrogate pair (a part is encoded on its own). */
function safeEnd(text: string, end: number): number {
  return end < text.length && isLowSurrogate(text.charCodeAt(end)) && end > 0 ? end - 1 : end;
}

/** The attributes of an entity's mark; its title says what hovering should: label, value, canonical name. */
function markTag(entity: Entity, options: ResolvedWriterOptions): string {
  const label = labelOf(entity.type, options.labels);
  const value = formatValue(entity);
  const canonical = entity.canonical && entity.canonical !== entity.text ? entity.canonical : '';
  const title = `${label}${value ? ` → ${value}` : ''}${canonical ? ` = ${canonical}` : ''}`;
  return (
    `<mark data-type="${entity.type}" data-label="${escapeHtml(label)}" data-start="${entity.start}" data-end="${entity.end}"` +
    `${value ? ` data-value="${escapeHtml(value)}"` : ''}${entity.canonical ? ` data-canonical="${escapeHtml(entity.canonical)}"` : ''}` +
    ` title="${escapeHtml(title)}">`
  );
}

/** The opening tag of a link's gloss: which link it is, and where it points (title: `→ 웨이하이 [mandarin]`). */
function glossTag(link: Link, k: number): string {
  const target = link.target ? ` data-target-start="${link.target.start}" data-target-end="${link.target.end}"` : '';
  return (
    `<span class="gloss" data-link="${k}" data-kind="${escapeHtml(link.kind)}" data-reading="${escapeHtml(link.reading)}"` +
    ` data-hangul="${escapeHtml(link.hangul)}" data-start="${link.source.start}" data-end="${link.source.end}"${target}` +
    ` title="${escapeHtml(`→ ${link.hangul} [${link.reading}]`)}">`
  );
}

/** One piece of the text in the spans of the links that cover it (glosses outside, mentions inside). */
function pieceHtml(text: string, piece: Piece, links: readonly Link[]): string {
  let open = '';
  let close = '';
  for (const k of piece.sources) {
    open += glossTag(links[k]!, k);
    close += '</span>';
  }
  if (piece.targets.length > 0) {
    open += `<span class="mention" data-links="${piece.targets.join(' ')}">`;
    close += '</span>';
  }
  return open + escapeHtml(text.slice(piece.start, piece.end)) + close;
}

/** The text of a record with its marks, in parts cut between marks (a long run of plain text in slices). */
function* textParts(text: string, entities: readonly Entity[], links: readonly Link[], options: ResolvedWriterOptions): Generator<string> {
  let chunk = '';
  let inMark = false;
  for (const piece of textPieces(text, entities, links)) {
    if (piece.opens) {
      chunk += markTag(piece.opens, options);
      inMark = true;
    }
    const plain = !inMark && piece.sources.length === 0 && piece.targets.length === 0;
    if (plain && piece.end - piece.start > PART_CHARS) {
      for (let from = piece.start; from < piece.end; ) {
        const to = safeEnd(text, Math.min(piece.end, from + PART_CHARS));
        chunk += escapeHtml(text.slice(from, to));
        from = to;
        if (chunk.length >= PART_CHARS && !isLowSurrogate(text.charCodeAt(from))) {
          yield chunk;
          chunk = '';
        }
      }
    } else {
      chunk += pieceHtml(text, piece, links);
    }
    if (piece.closes) {
      chunk += '</mark>';
      inMark = false;
    }
    if (!inMark && chunk.length >= PART_CHARS && !isLowSurrogate(text.charCodeAt(piece.end))) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function* htmlParts(record: RecordContent, options: ResolvedWriterOptions): Generator<string> {
  const id = escapeHtml(String(record.id));
  if (record.error) {
    yield (
      `<section class="doc error" data-id="${id}" data-line="${record.line}"><h2>${id}</h2>` +
      `<p class="error-message">error <code>${escapeHtml(record.error.code)}</code> (input line ${record.line}): ${escapeHtml(record.error.message)}</p></section>`
    );
    return;
  }
  const text = record.text ?? '';
  const entities = record.entities ?? [];
  const links = record.links ?? [];
  yield (
    `<section class="doc" data-id="${id}"><h2>${id}</h2>` +
    `<p class="summary">${counted(entities.length, 'entity', 'entities')} · ${counted(links.length, 'link', 'links')}</p>` +
    '<div class="body"><div class="text">'
  );
  yield* textParts(text, entities, links, options);
  yield '</div></div></section>';
}

export const htmlWriter: FormatWriter = {
  name: 'html',
  summary: 'one self-contained page: highlighted entities, values on hover, arrows from glosses to mentions',
  labels: 'long',
  offsets: undefined,
  framing: PAGE_FRAMING,
  parts: (record, options) => htmlParts(record, options),
};
