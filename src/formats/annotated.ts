import { ERROR_CODES, KornerError } from '../errors.js';
import { LabelReader, type LabelMap } from './labels.js';
import { isReadError, type GoldDocument, type InputLine, type ReadItem } from './reader.js';
import { detectLineFormat, GOLD_FORMATS, isFolderFormat, LINE_READERS, type GoldFormat, type LineFormat } from './readers.js';

/** How much of an input detection looks at. */
const HEAD_CHARS = 64 * 1024;

/**
 * The lines of an input with its first lines (up to 64 KB) read ahead, to tell its format from: the lines read
 * ahead come out again first, so that nothing is read twice and standard input works too.
 */
export async function peekLines(lines: AsyncIterable<InputLine>): Promise<{ head: string; lines: AsyncIterable<InputLine> }> {
  const iterator = lines[Symbol.asyncIterator]();
  const buffered: InputLine[] = [];
  let head = '';
  let last: IteratorResult<InputLine> | undefined;
  while (head.length < HEAD_CHARS) {
    last = await iterator.next();
    if (last.done) break;
    buffered.push(last.value);
    head += `${last.value.text ?? ''}\n`;
  }
  const ended = last?.done === true;
  return {
    head,
    lines: (async function* () {
      yield* buffered;
      if (ended) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    })(),
  };
}

/** The line format to read an input in: the one named, or the one its head shows (an error naming the input if none). */
export function lineFormatOf(format: GoldFormat | 'auto', head: string, name: string): LineFormat {
  if (format !== 'auto') {
    if (isFolderFormat(format)) {
      throw new KornerError(ERROR_CODES.USAGE, `${name}: ${format} data is a folder of files (or one .ann file); give its path.`);
    }
    return format as LineFormat;
  }
  const detected = detectLineFormat(head);
  if (!detected) {
    throw new KornerError(
      ERROR_CODES.USAGE,
      `${name}: cannot tell the format of the annotated data from its first lines; name it with --gold-format ${GOLD_FORMATS.join('|')}.`,
    );
  }
  return detected;
}

/** Reads the records of an input given as lines, in the format named or detected. */
export async function* readAnnotatedLines(
  lines: AsyncIterable<InputLine>,
  options: { format?: GoldFormat | 'auto'; name: string; labels: LabelReader },
): AsyncGenerator<ReadItem> {
  const peeked = await peekLines(lines);
  const format = lineFormatOf(options.format ?? 'auto', peeked.head, options.name);
  yield* LINE_READERS[format].read(peeked.lines, { name: options.name, labels: options.labels });
}

/**
 * Watches the documents of a gold file for the mistake of reading it in the wrong format: labels in every record
 * and not one entity read. `check()` at the end throws an error naming the first such record.
 */
export class GoldCheck {
  private entities = 0;
  private firstUnread: GoldDocument | undefined;

  see(item: ReadItem): void {
    if (isReadError(item)) return;
    this.entities += item.entities.length;
    if (item.unreadLabels && !this.firstUnread) this.firstUnread = item;
  }

  check(name: string): void {
    if (this.entities > 0 || !this.firstUnread) return;
    const record = this.firstUnread;
    throw new KornerError(
      ERROR_CODES.INPUT_FORMAT,
      `${record.file ?? name}:${record.line}: no record yielded a gold entity, but records carry labels (${record.unreadLabels}) that were not read as entities; is the format right? Name it with --gold-format (${GOLD_FORMATS.join(', ')}).`,
    );
  }
}

/**
 * Reads annotated data held in a string (a doccano export, a CoNLL file ...), in the format named or detected:
 * every record in order, documents and errors. For files and folders, the CLI reads them as they stream.
 */
export async function readAnnotated(
  content: string,
  options: { format?: GoldFormat | 'auto'; labelMap?: LabelMap; name?: string } = {},
): Promise<ReadItem[]> {
  const name = options.name ?? 'input';
  const items: ReadItem[] = [];
  const check = new GoldCheck();
  async function* lines(): AsyncGenerator<InputLine> {
    let line = 1;
    for (let from = 0; from <= content.length; line++) {
      let to = content.indexOf('\n', from);
      if (to === -1) to = content.length;
      if (to === content.length && from === to) break;
      yield { line, text: content.slice(from, to > from && content.charCodeAt(to - 1) === 13 ? to - 1 : to) };
      from = to + 1;
    }
  }
  for await (const item of readAnnotatedLines(lines(), { format: options.format ?? 'auto', name, labels: new LabelReader(options.labelMap) })) {
    check.see(item);
    items.push(item);
  }
  check.check(name);
  return items;
}
