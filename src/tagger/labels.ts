import type { EntityType } from '../document/types.js';
import { ENTITY_TYPES } from '../document/types.js';

/**
 * BIO labels over UTF-16 code units: 0 is O, then B- and I- for each entity type in {@link ENTITY_TYPES} order
 * (1 = B-PERSON, 2 = I-PERSON, 3 = B-LOCATION ...).
 */
export const LABEL_TYPES: readonly EntityType[] = ENTITY_TYPES;
export const LABEL_COUNT = 1 + 2 * LABEL_TYPES.length;
export const OUTSIDE = 0;

export function beginLabel(typeIndex: number): number {
  return 1 + 2 * typeIndex;
}

export function insideLabel(typeIndex: number): number {
  return 2 + 2 * typeIndex;
}

export function isInside(label: number): boolean {
  return label > 0 && label % 2 === 0;
}

export function isBegin(label: number): boolean {
  return label % 2 === 1;
}

/** The entity type index of a B- or I- label, or -1 for O. */
export function typeIndexOf(label: number): number {
  return label === 0 ? -1 : (label - 1) >> 1;
}

export function labelName(label: number): string {
  if (label === OUTSIDE) return 'O';
  return `${isBegin(label) ? 'B' : 'I'}-${LABEL_TYPES[typeIndexOf(label)]}`;
}

/**
 * Whether `next` may follow `previous` (-1 = sentence start) in a valid BIO sequence: an I- label continues a B- or
 * I- label of the same type, and nothing else.
 */
export function allowedTransition(previous: number, next: number, labelCount = LABEL_COUNT): boolean {
  if (next < 0 || next >= labelCount) return false;
  if (!isInside(next)) return true;
  return previous >= 0 && previous !== OUTSIDE && typeIndexOf(previous) === typeIndexOf(next);
}

/** A labelled span over `[start, end)` of the tagged text. */
export interface LabelledSpan {
  start: number;
  end: number;
  typeIndex: number;
}

/** BIO labels of `length` units from spans (later spans do not overwrite earlier ones). */
export function spansToLabels(length: number, spans: readonly LabelledSpan[]): Uint8Array {
  const labels = new Uint8Array(length);
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let covered = 0;
  for (const span of sorted) {
    if (span.start < covered || span.end <= span.start || span.end > length) continue;
    labels[span.start] = beginLabel(span.typeIndex);
    for (let i = span.start + 1; i < span.end; i++) labels[i] = insideLabel(span.typeIndex);
    covered = span.end;
  }
  return labels;
}

/** Spans from a valid BIO sequence (an I- without its B- starts a span, so any sequence reads). */
export function labelsToSpans(labels: ArrayLike<number>): LabelledSpan[] {
  const spans: LabelledSpan[] = [];
  let open: LabelledSpan | undefined;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (label !== OUTSIDE && isInside(label) && open && open.typeIndex === typeIndexOf(label)) {
      open.end = i + 1;
      continue;
    }
    if (open) spans.push(open);
    open = label === OUTSIDE ? undefined : { start: i, end: i + 1, typeIndex: typeIndexOf(label) };
  }
  if (open) spans.push(open);
  return spans;
}
