import { open } from 'node:fs/promises';
import { ERROR_CODES, KornerError } from '../errors.js';
import type { RecordFormat } from '../formats/records.js';

/** Where an interrupted output file stands: how many records it holds whole, and how much of it to keep. */
export interface ResumePoint {
  /** Complete records in the file, in input order from the first. */
  records: number;
  /** Bytes to keep: the complete records (a record cut off by a crash, and a closing `]`, are dropped). */
  keepBytes: number;
}

const NEWLINE = 0x0a;
const CHUNK = 1 << 20;

/**
 * Reads an output file of `korner extract` (jsonl or json) to resume from it. One pass, in chunks, whatever the
 * file's size. A jsonl file holds one record a line, so its complete records are its complete lines. A json file is
 * `[` then a record a line, separated by `,` (see FRAMING in formats/records.ts): the lines that end in `,` are
 * complete, and so is the last line if it parses; a closing `]` is dropped, so that appending goes on with `,`.
 */
export async function resumePoint(path: string, format: RecordFormat): Promise<ResumePoint> {
  // search-jsonl (korner index --to jsonl) is one record a line, error records included, as jsonl is.
  const lineFormat = format === 'jsonl' || format === 'search-jsonl';
  if (!lineFormat && format !== 'json') {
    throw new KornerError(ERROR_CODES.USAGE, `extract: --resume works with --format jsonl or json (the records of ${format} output cannot be counted reliably from the file); use --skip N.`);
  }
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: 0, keepBytes: 0 };
    throw new KornerError(ERROR_CODES.INPUT_READ, `cannot read ${path} to resume (${(error as NodeJS.ErrnoException).code}); check the path.`);
  }
  try {
    const buffer = Buffer.alloc(CHUNK);
    let position = 0;
    let lines = 0;
    /** Where the last complete line ends (after its newline), and where the one before it ended. */
    let lastLineEnd = 0;
    let previousLineEnd = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, position);
      if (bytesRead === 0) break;
      for (let at = buffer.indexOf(NEWLINE, 0); at !== -1 && at < bytesRead; at = buffer.indexOf(NEWLINE, at + 1)) {
        lines++;
        previousLineEnd = lastLineEnd;
        lastLineEnd = position + at + 1;
      }
      position += bytesRead;
    }
    const size = position;
    if (lineFormat) return { records: lines, keepBytes: lastLineEnd };
    return await jsonResume(handle, size, lines, lastLineEnd, previousLineEnd, path);
  } finally {
    await handle.close();
  }
}

async function readRange(handle: import('node:fs/promises').FileHandle, from: number, to: number): Promise<string> {
  const buffer = Buffer.alloc(Math.max(0, to - from));
  if (buffer.length > 0) await handle.read(buffer, 0, buffer.length, from);
  return buffer.toString('utf8');
}

async function jsonResume(
  handle: import('node:fs/promises').FileHandle,
  size: number,
  lines: number,
  lastLineEnd: number,
  previousLineEnd: number,
  path: string,
): Promise<ResumePoint> {
  if (size === 0) return { records: 0, keepBytes: 0 };
  const head = await readRange(handle, 0, Math.min(size, 1));
  if (head !== '[') {
    throw new KornerError(ERROR_CODES.USAGE, `extract: ${path} is not the output of "korner extract --format json" (it does not start with "["); resume with the format it was written in.`);
  }
  const tail = await readRange(handle, lastLineEnd, size);
  const lastLine = (await readRange(handle, previousLineEnd, lastLineEnd)).replace(/\r?\n$/, '');
  if (lines === 0 || (lines === 1 && lastLine === '[]')) return { records: 0, keepBytes: 1 };
  // Line 1 is "[" and each record is a line; all but the last end in "," before their newline.
  if (tail === '' && lastLine === ']') {
    // A closed array: "[", the records, "]". The last record has no comma; appending goes on after it.
    return lines === 2 ? { records: 0, keepBytes: 1 } : { records: lines - 2, keepBytes: previousLineEnd - 1 };
  }
  // A run that stopped without closing: the lines after "[" are complete records (each ends in ","), and the text
  // after the last newline is a last record, whole or cut off.
  if (isJson(tail)) return { records: lines, keepBytes: size };
  return { records: lines - 1, keepBytes: lines === 1 ? 1 : lastLineEnd - 2 };
}

function isJson(text: string): boolean {
  if (!text.startsWith('{')) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
