import fc from 'fast-check';
import { Analyzer } from '../../src/analyzer/analyzer.js';
import { mecabDictionaryOf } from '../../src/analyzer/stage.js';
import type { Entity } from '../../src/document/types.js';
import { LabelReader, type LabelMap } from '../../src/formats/labels.js';
import { isReadError, type FormatReader, type InputLine, type ReadItem } from '../../src/formats/reader.js';
import { recordBody, type RecordContent, type RecordFormat } from '../../src/formats/records.js';
import type { WriterOptions } from '../../src/formats/writer.js';
import type { Extractor } from '../../src/index.js';
import { morphemeSource, type MorphemeSource } from '../../src/parallel/morphemes.js';

/** Tests of the token formats (conll, klue): writing records, reading them back. */

/** The lines of a text as the CLI's line reader gives them: split at `\n`, a trailing `\r` removed. */
export async function* linesOf(content: string, errors: Record<number, InputLine['error']> = {}): AsyncGenerator<InputLine> {
  const lines = content.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const [i, text] of lines.entries()) {
    const error = errors[i + 1];
    yield error ? { line: i + 1, error } : { line: i + 1, text: text.replace(/\r$/, '') };
  }
}

/** Every item a reader reads from `content`. */
export async function readAll(reader: FormatReader, content: string, map?: LabelMap, errors?: Record<number, InputLine['error']>): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of reader.read(linesOf(content, errors), { name: 'in', labels: new LabelReader(map) })) items.push(item);
  return items;
}

/** A record's body, and the warnings written with it. */
export function written(format: RecordFormat, record: RecordContent, options: WriterOptions = {}): { body: string; warnings: string[] } {
  const warnings: string[] = [];
  const body = recordBody(format, record, options, (message) => warnings.push(message));
  return { body, warnings };
}

/** An entity as a test writes it. */
export const entity = (text: string, start: number, end: number, type: Entity['type']): Entity => ({
  start,
  end,
  type,
  text: text.slice(start, end),
  source: 'test',
});

/** Type and offsets: what a round trip must keep. */
export const spanKey = (e: { type: string; start: number; end: number }): string => `${e.type}:${e.start}-${e.end}`;

/** What a test compares of a read item: its id, and its text and entities (type, offsets, text) or its error. */
export const summary = (item: ReadItem): unknown =>
  isReadError(item) ? { id: item.id, error: item.error.message } : { id: item.id, text: item.text, entities: item.entities.map((e) => `${spanKey(e)} ${e.text}`) };

/** The morphemes of texts, as a worker makes them for `--tokens morpheme`. */
export async function morphemesOf(extractor: Extractor): Promise<MorphemeSource> {
  return morphemeSource(new Analyzer(await mecabDictionaryOf(extractor.resources)));
}

/** Random texts that stress tokens and lines: astral characters, white space of every kind, line breaks, names. */
const pieces = fc.constantFrom(
  '𠀀', '威海', '😀', '👩‍👩‍👧', '\uD800', '유정복', '유정복은', '인천시청에서', '오는 27일', '오후 3시 반', '1천780㎡', '전자통신연구원(ETRI)',
  ' ', '  ', '\n', '\n\n', '\r\n', '\r', '\t', '\u3000', '\u00a0', '\u2028', '\u0085', '\u001c', '.', '다. ', '#', '# ', '-DOCSTART-', '\\n', '\0', '',
);
export const texts = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(pieces, { maxLength: 25 }).map((parts) => parts.join('')),
  fc.array(fc.oneof(pieces, fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 20 }).map((p) => p.join('')),
);
