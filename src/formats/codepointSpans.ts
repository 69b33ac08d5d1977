import type { Entity, EntityType } from '../document/types.js';
import type { GoldEntity } from '../eval/gold.js';
import { labelOf, type LabelReader, type LabelSet } from './labels.js';
import { lengthIn, OffsetConverter } from './offsets.js';

/**
 * Spans in code points, as brat, doccano and Label Studio count them (they are Python tools): the conversions both
 * ways between those and korner's UTF-16 entities, shared by the writers and readers of the three formats.
 */

/** An entity of a record as a writer of code-point offsets writes it. */
export interface CodePointEntity {
  start: number;
  end: number;
  label: string;
  entity: Entity;
}

/** The entities of a text with their offsets in code points and their labels in `set` (entities come sorted). */
export function* codePointEntities(text: string, entities: readonly Entity[], set: LabelSet): Generator<CodePointEntity> {
  const offsets = new OffsetConverter(text, 'codepoint');
  for (const entity of entities) {
    const start = offsets.fromUtf16(entity.start);
    yield { start, end: offsets.fromUtf16(entity.end), label: labelOf(entity.type, set), entity };
  }
}

/** A span as an annotated file gives it: code-point offsets, end exclusive, the label, and the text it claims. */
export interface CodePointSpan {
  start: number;
  end: number;
  label: string;
  /** The text the record says the span covers (checked when given). */
  text?: string;
  /** A brat span cut in pieces: their texts, joined by a space, are `text`; start and end are the outer bounds. */
  fragments?: readonly (readonly [number, number])[];
}

/** The entities of a record, or why the span at `index` cannot be one. */
export type GoldSpans = { entities: GoldEntity[] } | { index: number; message: string };

/**
 * Turns a record's code-point spans into gold entities with UTF-16 offsets, sorted by start. A span with a label
 * that names no entity (one a label map drops) is left out; a span outside the text, with an unknown label, or
 * whose text differs from the text at its offsets is an error (gold that is silently lost would skew a score).
 */
export function goldEntities(text: string, spans: readonly CodePointSpan[], labels: LabelReader): GoldSpans {
  const length = lengthIn(text, 'codepoint');
  const kept: { span: CodePointSpan; index: number; type: EntityType }[] = [];
  for (const [index, span] of spans.entries()) {
    const pieces = span.fragments ?? [[span.start, span.end] as const];
    for (const [start, end] of pieces) {
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > length) {
        return { index, message: `offsets [${start}, ${end}) are outside the text (${length} code points)` };
      }
    }
    const type = labels.typeOf(span.label);
    if (type === undefined) return { index, message: `unknown label ${JSON.stringify(span.label)} (map it with --label-map FILE)` };
    if (type !== null) kept.push({ span, index, type });
  }
  kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  // Starts come in order; ends and fragments nearly so: one converter each keeps every walk short.
  const starts = new OffsetConverter(text, 'codepoint');
  const ends = new OffsetConverter(text, 'codepoint');
  const pieces = new OffsetConverter(text, 'codepoint');
  const entities: GoldEntity[] = [];
  for (const { span, index, type } of kept) {
    const start = starts.toUtf16(span.start);
    const end = ends.toUtf16(span.end);
    const covered = text.slice(start, end);
    if (span.text !== undefined) {
      const found = span.fragments ? span.fragments.map(([s, e]) => text.slice(pieces.toUtf16(s), pieces.toUtf16(e))).join(' ') : covered;
      if (found !== span.text) {
        return { index, message: `text ${JSON.stringify(span.text)} differs from the text at its offsets (${JSON.stringify(found)})` };
      }
    }
    entities.push({ start, end, type, text: covered });
  }
  return { entities };
}
