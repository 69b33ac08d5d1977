import { KornerError } from '../errors.js';
import type { LabelReader } from '../formats/labels.js';
import { kornerJsonlReader } from '../formats/kornerJsonl.js';
import { isReadError, type GoldDocument } from '../formats/reader.js';
import { displayName, readLines, type ReadOptions } from './input.js';

/**
 * Reads the predictions of `korner eval --predictions FILE`: korner JSONL, through the gold reader of that format
 * in its predictions mode (entities keep their `source`). Unlike gold records, a bad line is never skipped, since a
 * missing prediction would count as a wrong one: the first stops the command, naming the file and line.
 */
export async function readPredictions(path: string, labels: LabelReader, options: ReadOptions): Promise<GoldDocument[]> {
  const documents: GoldDocument[] = [];
  const context = { name: displayName(path, options.stdinName), labels, predictions: true };
  for await (const item of kornerJsonlReader.read(readLines(path, options), context)) {
    if (isReadError(item)) {
      throw new KornerError(
        item.error.code,
        `${item.error.message.replace(/^korner: /, '')} (a line of the predictions: fix it, or write them again with korner extract --format jsonl)`,
      );
    }
    documents.push(item);
  }
  return documents;
}
