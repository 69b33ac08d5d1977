import type { Entity, Link, Token } from '../document/types.js';
import { ERROR_CODES, KornerError } from '../errors.js';
import { RECORD_FORMATS, recordParts, resolveWriterOptions, writerOf, type RecordFormat } from './records.js';
import type { WriterOptions } from './writer.js';

/** A document to write: its text and what korner found in it (an ExtractResult has the entities and links). */
export interface WritableDocument {
  id: string | number;
  text: string;
  entities: readonly Entity[];
  links?: readonly Link[];
  /** Fields of the document's own passed through (a doccano record's meta ...). */
  extra?: Record<string, unknown>;
  /** The analyzer's tokens of the text (`extractor.process(text).tokens`), for conll and spacy with tokens: 'morpheme'. */
  morphemes?: readonly Token[];
}

function checkFormat(format: string): RecordFormat {
  if (!(RECORD_FORMATS as readonly string[]).includes(format)) {
    throw new KornerError(ERROR_CODES.OPTION, `unknown format "${format}"; the formats are ${RECORD_FORMATS.join(', ')}.`);
  }
  return format as RecordFormat;
}

/**
 * One document in a format, as `korner extract --format` writes it: a JSONL line, a CoNLL block, a brat `.ann`
 * file's content (the `.txt` is the text itself), an HTML section ... Messages a user should see (an entity
 * boundary inside a CoNLL token) go to `warn`.
 */
export function formatDocument(
  format: RecordFormat,
  document: WritableDocument,
  options: WriterOptions = {},
  warn: (message: string) => void = () => undefined,
): string {
  const writer = writerOf(checkFormat(format));
  if (writer.needsMorphemes?.(resolveWriterOptions(format, options)) && !document.morphemes) {
    throw new KornerError(ERROR_CODES.OPTION, `--tokens morpheme needs the document's morphemes: pass morphemes: extractor.process(text).tokens.`);
  }
  let body = '';
  const record = { id: document.id, line: 1, text: document.text, entities: document.entities, links: document.links ?? [], ...(document.extra ? { extra: document.extra } : {}), ...(document.morphemes ? { morphemes: document.morphemes } : {}) };
  for (const part of recordParts(format, record, options, warn)) body += part;
  return body;
}

/**
 * Documents in a format, framed as one output (a JSON array, an HTML page, a TSV table with its header ...). Not
 * for brat, whose output is two files per document: use formatDocument for each.
 */
export function formatDocuments(
  format: RecordFormat,
  documents: Iterable<WritableDocument>,
  options: WriterOptions = {},
  warn?: (message: string) => void,
): string {
  const writer = writerOf(checkFormat(format));
  if (writer.files) {
    throw new KornerError(ERROR_CODES.OPTION, `${format} is written as two files per document: call formatDocument for each and write ID${writer.files.text} (the text) and ID${writer.files.body}.`);
  }
  let out = writer.framing.open;
  let count = 0;
  for (const document of documents) out += writer.framing.before(count++) + formatDocument(format, document, options, warn) + writer.framing.after;
  return out + writer.framing.close(count);
}
