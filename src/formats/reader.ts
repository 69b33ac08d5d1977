import type { ErrorCode } from '../errors.js';
import type { GoldEntity } from '../eval/gold.js';
import type { LabelReader } from './labels.js';

/** One line of an input, as the CLI's line reader gives it (a line too long or unreadable is an error). */
export interface InputLine {
  /** 1-based line number. */
  line: number;
  text?: string;
  error?: { code: ErrorCode; message: string };
}

/** A document read from annotated data: its text, and its entities with UTF-16 offsets into the text. */
export interface GoldDocument {
  id: string;
  /** Where the record starts: the 1-based line of the input (1 for a brat document, named by `file`). */
  line: number;
  /** The file it came from, where that is not the input itself (a brat document's `.ann`). */
  file?: string;
  text: string;
  /** Sorted by start; offsets are UTF-16 code units into `text`, end exclusive. */
  entities: GoldEntity[];
  /**
   * The record's own fields that are not its text or annotations (a doccano record's `meta`, a Label Studio task's
   * `data` fields and `id`), passed through when the record is pre-annotated again.
   */
  extra?: Record<string, unknown>;
  /**
   * Set when the record carries what looks like labels that the reader did not read (a field `label` in korner
   * JSONL, say): a file whose records all have this and no entities was likely read in the wrong format.
   */
  unreadLabels?: string;
  /** Read as predictions (`ReadContext.predictions`): whether the record has an id of its own. */
  ownId?: boolean;
  /** Read as predictions: whether the record has its text (korner extract's jsonl has none; see GoldRecord). */
  ownText?: boolean;
}

/** A record that could not be read, in the place of the document it would have been. */
export interface ReadError {
  id: string;
  line: number;
  file?: string;
  error: { code: ErrorCode; message: string };
}

export type ReadItem = GoldDocument | ReadError;

export function isReadError(item: ReadItem): item is ReadError {
  return (item as ReadError).error !== undefined;
}

export interface ReadContext {
  /** How the input is named in ids and messages (its path, or `stdin`). */
  name: string;
  labels: LabelReader;
  /**
   * Read predictions rather than gold (korner JSONL only, for `korner eval --predictions`): entities keep their
   * `source` and `score`, a record may have no text, and documents say whether they have an id and a text of their
   * own (`ownId`, `ownText`).
   */
  predictions?: boolean;
}

/**
 * A reader of one annotated format. Records come out in input order, each a document or an error naming the input
 * and line; a bad record never stops the others. Readers that take lines read any input in bounded memory, but
 * for a format that is one JSON value (Label Studio's export) the value's elements are read one by one.
 */
export interface FormatReader {
  readonly name: string;
  /** One line for the help of `korner eval` and `korner extract`. */
  readonly summary: string;
  /** Whether the start of an input (its first lines, up to 64 KB) looks like this format. */
  detect(head: string): boolean;
  /** Reads the records of one input, given as its lines. */
  read(lines: AsyncIterable<InputLine>, context: ReadContext): AsyncIterable<ReadItem>;
}

/** A reader of a format stored as a folder of files (brat: `ID.txt` + `ID.ann`). */
export interface FolderReader {
  readonly name: string;
  readonly summary: string;
  /** Reads the documents of a folder (or of one `.ann` or `.txt` file and its partner), sorted by name. */
  readFolder(path: string, context: ReadContext): AsyncIterable<ReadItem>;
}
