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
 */
export function addCandidate(doc: KornerDocument, candidate: Omit<Entity, 'text'> & { text?: string }): Entity {
  const { start, end, type, ...rest } = candidate;
  const entity: Entity = { start, end, text: doc.text.slice(start, end), type, ...rest };
  (doc.candidates ??= []).push(entity);
  return entity;
}
