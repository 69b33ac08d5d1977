import { ERROR_CODES } from '../errors.js';
import { parseGoldLine } from '../eval/gold.js';
import { KornerError } from '../errors.js';
import type { FormatReader, GoldDocument, InputLine, ReadContext, ReadItem } from './reader.js';

/** Fields that hold labels in other JSON formats: a korner JSONL record that has one was likely exported by another tool. */
const LABEL_FIELDS = ['label', 'labels', 'annotations', 'predictions', 'ner_tags', 'tags', 'spans', 'ents'];

/** korner's gold JSONL: `{"id","text","entities":[{"start","end","type"}]}`, UTF-16 offsets, types or KLUE tags. */
export const kornerJsonlReader: FormatReader = {
  name: 'jsonl',
  summary: 'korner JSONL {"id","text","entities":[{"start","end","type"}]} (UTF-16 offsets)',
  /** The loosest mark, tried last: the first non-blank line opens a JSON object (a bad first record is reported, not undetected). */
  detect: (head) => head.trimStart().startsWith('{'),
  async *read(lines: AsyncIterable<InputLine>, context: ReadContext): AsyncIterable<ReadItem> {
    for await (const line of lines) {
      const id = `${context.name}:${line.line}`;
      if (line.error) {
        yield { id, line: line.line, error: line.error };
        continue;
      }
      if (!line.text || line.text.trim() === '') continue;
      try {
        const record = parseGoldLine(line.text, line.line, context.labels, { predictions: context.predictions === true });
        const document: GoldDocument = { ...record, line: line.line };
        const raw = JSON.parse(line.text) as Record<string, unknown>;
        const unread = LABEL_FIELDS.find((field) => raw[field] !== undefined);
        if (unread && record.entities.length === 0) document.unreadLabels = `field "${unread}"`;
        yield document;
      } catch (error) {
        if (!(error instanceof KornerError)) throw error;
        yield {
          id,
          line: line.line,
          error: { code: ERROR_CODES.INPUT_JSON, message: `${context.name}:${line.line}: ${error.message.replace(/^korner: gold line \d+: /, '')}` },
        };
      }
    }
  },
};
