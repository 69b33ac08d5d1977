import type { Entity, Link, Token } from '../document/types.js';
import type { LabelSet } from './labels.js';
import type { OffsetUnit } from './offsets.js';

/** What a record of the output says about one input record: where it came from, and its entities or its error. */
export interface RecordContent {
  id: string | number;
  /** Input line of the record (written for error records). */
  line: number;
  /** Fields of the input record passed through to the output (JSONL fields, a doccano or Label Studio task's own). */
  extra?: Record<string, unknown>;
  /** The document's text (absent for an error record whose text could not be read). */
  text?: string;
  /** Whether the jsonl and json writers write the text too (they do for `--input text`, one line a document). */
  echoText?: boolean;
  entities?: readonly Entity[];
  links?: readonly Link[];
  /**
   * The analyzer's morphemes in text order, when the writer asked for them (see FormatWriter.needsMorphemes): made
   * as they are read, sentence by sentence, so read them once.
   */
  morphemes?: Iterable<Token>;
  error?: { code: string; message: string };
}

/** How a format's tokens are cut: white-space words (eojeol), or the analyzer's morphemes. */
export type TokenUnit = 'eojeol' | 'morpheme';
export const TOKEN_UNITS: readonly TokenUnit[] = ['eojeol', 'morpheme'];

/** Label Studio's names for the labeling config a prediction belongs to (see examples/label-studio/config.xml). */
export interface LabelStudioNames {
  /** The `<Labels name=...>` control (default `label`). */
  fromName: string;
  /** The `<Text name=...>` object (default `text`). */
  toName: string;
  /** `model_version` of the predictions (default `korner-VERSION`). */
  modelVersion: string;
}

/** The choices a user makes for an output; serialisable, since workers and queue workers write bodies too. */
export interface WriterOptions {
  /** Label names; undefined takes the format's own default (FormatWriter.labels). */
  labels?: LabelSet;
  /** Offset unit; undefined takes the format's default. Formats read by Python tools always use code points. */
  offsets?: OffsetUnit;
  /** Tokens of token-based formats (conll, spacy); default eojeol. */
  tokens?: TokenUnit;
  labelStudio?: Partial<LabelStudioNames>;
  /** elasticsearch, opensearch: the `_index` of every bulk action (none: the index named in the request URL). */
  index?: string;
}

/** WriterOptions with every choice made, as a writer receives them. */
export interface ResolvedWriterOptions {
  labels: LabelSet;
  offsets: OffsetUnit;
  tokens: TokenUnit;
  labelStudio: LabelStudioNames;
  index?: string;
}

/** How the bodies of one output are joined: what opens it, what comes before the record at `index`, what closes it. */
export interface RecordFraming {
  readonly open: string;
  before(index: number): string;
  after: string;
  close(count: number): string;
}

/** Bodies one a line (JSON lines): each body is followed by a line break. */
export const LINE_FRAMING: RecordFraming = { open: '', before: () => '', after: '\n', close: () => '' };

/** Bodies that end their own lines (CoNLL blocks, pretty tables, bulk pairs): joined with nothing between them. */
export const BLOCK_FRAMING: RecordFraming = { open: '', before: () => '', after: '', close: () => '' };

/** An error record as the JSON-lines formats write it: `{"id","line","error"}`, in the place of the document. */
export function errorRecordJson(record: Pick<RecordContent, 'id' | 'line' | 'error'>): string {
  return JSON.stringify({ id: record.id, line: record.line, error: record.error });
}

/**
 * A writer of one output format. A record's body is made in parts whose concatenation is the body (a long
 * document's record is written part by part, never held whole); the framing joins the bodies into one output.
 * Error records are written too, in the format's own way (a JSON record `{"id","line","error"}`, a comment line),
 * so that output record N always answers input record N.
 */
export interface FormatWriter {
  readonly name: string;
  /** One line for `korner extract --help`. */
  readonly summary: string;
  /** The label set the format's users expect. */
  readonly labels: LabelSet;
  /** The default offset unit, and whether --offsets may change it (formats read by Python tools: no). */
  readonly offsets: { default: OffsetUnit; fixed: boolean } | undefined;
  readonly framing: RecordFraming;
  /**
   * Set for a format written as files per document (brat): `ID + text` holds the document's text, `ID + body` the
   * record's body, in the folder of `--out-dir`.
   */
  readonly files?: { text: string; body: string };
  /** Set for formats of tokens (conll, spacy): `--tokens eojeol|morpheme` applies. */
  readonly tokenBased?: boolean;
  /** Whether the records need the analyzer's morphemes (RecordContent.morphemes). */
  needsMorphemes?(options: ResolvedWriterOptions): boolean;
  /** The parts of a record's body. `warn` takes what a user should know about this record (one message each). */
  parts(record: RecordContent, options: ResolvedWriterOptions, warn: (message: string) => void): Iterable<string>;
}
