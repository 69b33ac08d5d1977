import { ERROR_CODES } from '../../errors.js';
import { goldEntities, type CodePointSpan } from '../codepointSpans.js';
import type { FormatReader, GoldDocument, InputLine, ReadContext, ReadItem } from '../reader.js';

/**
 * doccano's sequence-labelling JSONL, in both of its export shapes: `{"text","label":[[start,end,"L"],...]}` (or
 * `labels`), and the newer `{"text","entities":[{"start_offset","end_offset","label"}],"relations":[...]}`.
 * Offsets are code points. The record's other fields (its id, meta ...) are kept in `extra`.
 */

/** Fields that hold the text and the annotations; every other field is the record's own. */
const ANNOTATION_FIELDS = new Set(['text', 'label', 'labels', 'entities', 'relations']);

const isTriple = (value: unknown): value is [number, number, string] =>
  Array.isArray(value) && value.length === 3 && Number.isInteger(value[0]) && Number.isInteger(value[1]) && typeof value[2] === 'string';

/** The spans of a record, or what is wrong with its annotation fields. */
function spansOf(record: Record<string, unknown>): CodePointSpan[] | string {
  const entities = record.entities;
  if (entities !== undefined) {
    if (!Array.isArray(entities)) return '"entities" is not a list';
    const spans: CodePointSpan[] = [];
    for (const [i, value] of entities.entries()) {
      const e = value as { start_offset?: unknown; end_offset?: unknown; label?: unknown };
      if (typeof e !== 'object' || e === null || !Number.isInteger(e.start_offset) || !Number.isInteger(e.end_offset) || typeof e.label !== 'string') {
        return `entity ${i} is not {"start_offset": int, "end_offset": int, "label": string}`;
      }
      spans.push({ start: e.start_offset as number, end: e.end_offset as number, label: e.label });
    }
    return spans;
  }
  const field = record.label !== undefined ? 'label' : 'labels';
  const triples = record[field] ?? [];
  if (!Array.isArray(triples) || !triples.every(isTriple)) return `"${field}" is not a list of [start, end, "LABEL"]`;
  return triples.map(([start, end, label]) => ({ start, end, label }));
}

/** One line of a doccano export: its document, or the reason it is not one. */
function readLine(text: string, line: number, context: ReadContext): GoldDocument | string {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return 'not a JSON object';
  const fields = record as Record<string, unknown>;
  if (typeof fields.text !== 'string') return '"text" is not a string';
  const spans = spansOf(fields);
  if (typeof spans === 'string') return spans;
  const gold = goldEntities(fields.text, spans, context.labels);
  if ('message' in gold) return `span ${gold.index}: ${gold.message}`;
  const extra = Object.fromEntries(Object.entries(fields).filter(([name]) => !ANNOTATION_FIELDS.has(name)));
  const id = typeof fields.id === 'string' || typeof fields.id === 'number' ? String(fields.id) : `${context.name}:${line}`;
  const document: GoldDocument = { id, line, text: fields.text, entities: gold.entities };
  if (Object.keys(extra).length > 0) document.extra = extra;
  return document;
}

/** Whether the first record of an input has doccano's marks: a text and a list of label triples, or of offsets. */
function looksLikeDoccano(head: string): boolean {
  const first = head.split('\n').find((line) => line.trim() !== '');
  if (!first) return false;
  let record: unknown;
  try {
    record = JSON.parse(first);
  } catch {
    return false;
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return false;
  const fields = record as Record<string, unknown>;
  if (typeof fields.text !== 'string') return false;
  const triples = fields.label ?? fields.labels;
  if (Array.isArray(triples) && triples.every(isTriple)) return true;
  const entities = fields.entities;
  return Array.isArray(entities) && typeof entities[0] === 'object' && entities[0] !== null && 'start_offset' in entities[0];
}

export const doccanoReader: FormatReader = {
  name: 'doccano',
  summary: 'doccano JSONL {"text","label":[[start,end,"L"]]} or {"text","entities":[{"start_offset",...}]} (code points)',
  detect: looksLikeDoccano,
  async *read(lines: AsyncIterable<InputLine>, context: ReadContext): AsyncIterable<ReadItem> {
    for await (const line of lines) {
      const where = `${context.name}:${line.line}`;
      if (line.error) {
        yield { id: where, line: line.line, error: line.error };
        continue;
      }
      if (!line.text || line.text.trim() === '') continue;
      const document = readLine(line.text, line.line, context);
      if (typeof document !== 'string') yield document;
      else yield { id: where, line: line.line, error: { code: ERROR_CODES.INPUT_JSON, message: `${where}: ${document}` } };
    }
  },
};
