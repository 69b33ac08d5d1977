import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { ERROR_CODES, KornerError, type ErrorCode } from '../errors.js';

/** One input record: a line (text or JSONL) or a whole document, with where it came from. */
export interface InputRecord {
  /** File path, or `-` for standard input. */
  source: string;
  /** 1-based line number of the record (1 for a whole document). */
  line: number;
  /** The decoded text (invalid UTF-8 replaced by U+FFFD), absent when the record could not be read. */
  text?: string;
  error?: { code: ErrorCode; message: string };
  /** Bytes of input the record took (a line with its line break), for progress. */
  bytes?: number;
}

export interface ReadOptions {
  /** Largest record in bytes; a longer line or document becomes an error record. */
  maxBytes: number;
  /** Receives warnings (invalid UTF-8, NUL bytes), each naming the input and line. */
  warn: (message: string) => void;
  /** How standard input is named in ids and messages (default `stdin`). */
  stdinName?: string;
}

const NEWLINE = 0x0a;
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenientDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** Decodes UTF-8, replacing invalid sequences by U+FFFD and warning once for the record. */
function decode(bytes: Uint8Array, where: string, warn: ReadOptions['warn']): string {
  let text: string;
  try {
    text = strictDecoder.decode(bytes);
  } catch {
    text = lenientDecoder.decode(bytes);
    warn(`${where}: invalid UTF-8, decoded with U+FFFD replacement characters`);
  }
  if (text.includes('\0')) warn(`${where}: contains NUL characters (U+0000); they are kept as text`);
  return text;
}

/** How an input is named in messages and ids: its path, or `stdin` (or the name given for it). */
export function displayName(source: string, stdinName = 'stdin'): string {
  return source === '-' ? stdinName : source;
}

function openInput(source: string): Readable {
  return source === '-' ? process.stdin : createReadStream(source, { highWaterMark: 1 << 20 });
}

function readError(name: string, error: unknown): KornerError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new KornerError(ERROR_CODES.INPUT_READ, `cannot read ${name} (${reason}); check the path and its permissions.`);
}

function tooLarge(where: string, maxBytes: number): InputRecord['error'] {
  return {
    code: ERROR_CODES.INPUT_TOO_LARGE,
    message: `${where}: record is larger than ${maxBytes} bytes; split it or raise --max-bytes.`,
  };
}

/**
 * Yields the lines of an input one by one, in order, without holding more than one line in memory. A line longer
 * than `maxBytes` is skipped to its end and yields an error record in its place. A trailing `\r` is removed.
 */
export async function* readLines(source: string, options: ReadOptions): AsyncGenerator<InputRecord> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let overflow = false;
  let line = 1;
  /** Bytes of the current line read so far, line break included. */
  let lineBytes = 0;
  const finish = (): InputRecord => {
    const where = `${displayName(source, options.stdinName)}:${line}`;
    let record: InputRecord;
    if (overflow) {
      record = { source, line, error: tooLarge(where, options.maxBytes)! };
    } else {
      let bytes = pending.length === 1 ? pending[0]! : concat(pending, pendingBytes);
      if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
      record = { source, line, text: decode(bytes, where, options.warn) };
    }
    record.bytes = lineBytes;
    pending = [];
    pendingBytes = 0;
    lineBytes = 0;
    overflow = false;
    line++;
    return record;
  };
  try {
    for await (const chunk of openInput(source) as AsyncIterable<Uint8Array>) {
      let from = 0;
      for (let nl = chunk.indexOf(NEWLINE, from); nl !== -1; nl = chunk.indexOf(NEWLINE, from)) {
        append(chunk.subarray(from, nl));
        lineBytes++;
        yield finish();
        from = nl + 1;
      }
      append(chunk.subarray(from));
    }
  } catch (error) {
    if (line === 1 && pendingBytes === 0) {
      const failure = readError(displayName(source, options.stdinName), error);
      yield { source, line: 0, error: { code: failure.code, message: failure.message } };
      return;
    }
    throw readError(displayName(source, options.stdinName), error);
  }
  if (pendingBytes > 0 || overflow) yield finish();

  function append(part: Uint8Array): void {
    lineBytes += part.length;
    if (part.length === 0 || overflow) return;
    if (pendingBytes + part.length > options.maxBytes) {
      overflow = true;
      pending = [];
      pendingBytes = 0;
      return;
    }
    pending.push(part);
    pendingBytes += part.length;
  }
}

/** Reads a whole input as one document record. */
export async function readDocument(source: string, options: ReadOptions): Promise<InputRecord> {
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of openInput(source) as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > options.maxBytes) return { source, line: 1, error: tooLarge(displayName(source, options.stdinName), options.maxBytes)! };
      parts.push(chunk);
    }
  } catch (error) {
    const failure = readError(displayName(source, options.stdinName), error);
    return { source, line: 0, error: { code: failure.code, message: failure.message } };
  }
  const bytes = concat(parts, size);
  let text: string;
  try {
    text = strictDecoder.decode(bytes);
  } catch {
    text = lenientDecoder.decode(bytes);
    const bad = lineOf(text, text.indexOf('\uFFFD'));
    options.warn(`${displayName(source, options.stdinName)}:${bad}: invalid UTF-8, decoded with U+FFFD replacement characters`);
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    options.warn(`${displayName(source, options.stdinName)}:${lineOf(text, nul)}: contains NUL characters (U+0000); they are kept as text`);
  }
  return { source, line: 1, text, bytes: size };
}

/** The 1-based line of offset `at` in `text`, counted without copying the text (a document may be 64 MB). */
function lineOf(text: string, at: number): number {
  let line = 1;
  for (let nl = text.indexOf('\n'); nl !== -1 && nl < at; nl = text.indexOf('\n', nl + 1)) line++;
  return line;
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
