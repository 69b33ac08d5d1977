import type { Entity, KornerDocument } from './types.js';

/** A fresh document over `text`; stages fill in the rest. */
export function createDocument(text: string, referenceDate?: string): KornerDocument {
  const doc: KornerDocument = { text, extra: {} };
  if (referenceDate !== undefined) doc.referenceDate = referenceDate;
  return doc;
}

/**
 * Adds a recogniser's candidate entity. `start`/`end` are original offsets; the text is taken from the document so
 * that the offset rule (`text.slice(start, end) === entity.text`) holds by construction.
 *
 * The entity's keys come in the order `{ start, end, text, type, ...the rest }` (a `text` given by the caller
 * keeps its place). They are copied with a plain loop: object rest and spread took a generic runtime path, the
 * most expensive line of every recogniser (tens of thousands of candidates a second).
 */
export function addCandidate(doc: KornerDocument, candidate: Omit<Entity, 'text'> & { text?: string }): Entity {
  const start = candidate.start;
  const end = candidate.end;
  const entity = { start, end, text: doc.text.slice(start, end), type: candidate.type } as Entity;
  const target = entity as unknown as Record<string, unknown>;
  const source = candidate as unknown as Record<string, unknown>;
  for (const key in source) {
    if (key !== 'start' && key !== 'end' && key !== 'type' && Object.prototype.hasOwnProperty.call(source, key)) {
      target[key] = source[key];
    }
  }
  (doc.candidates ??= []).push(entity);
  return entity;
}
