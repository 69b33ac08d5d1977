import { ERROR_CODES, type ErrorCode } from '../../errors.js';
import type { ReadContext, ReadItem } from '../reader.js';
import { TagDecoder } from './tags.js';

/**
 * A document being read from tagged tokens (CoNLL, KLUE): its text so far, its tags, and its first error. A
 * document with an error is still read to its end, so that the next one starts where it should.
 */
export class GoldBuilder {
  id: string | undefined;
  error: { code: ErrorCode; message: string } | undefined;
  /** The text so far (appended to in small pieces: V8 joins them as ropes, flattened once). */
  text = '';
  private readonly tags: TagDecoder;

  constructor(
    /** The line the document starts at. */
    readonly line: number,
    private readonly context: ReadContext,
  ) {
    this.tags = new TagDecoder(context.labels);
  }

  /** Makes the document an error record naming `line` (the first error is the one reported). */
  fail(line: number, message: string): void {
    this.error ??= { code: ERROR_CODES.INPUT_FORMAT, message: `${this.context.name}:${line}: ${message}` };
  }

  /** Makes the document an error record with an error of the input itself (a line too long to read). */
  failWith(error: { code: ErrorCode; message: string }): void {
    this.error ??= error;
  }

  /** Reads the tag of the token at [start, end) of the text, on `line`. */
  tag(tag: string, start: number, end: number, line: number): void {
    const problem = this.tags.push(tag, start, end);
    if (problem) this.fail(line, problem);
  }

  /** A sentence ends: no entity goes on past it. */
  endSentence(): void {
    this.tags.endSentence();
  }

  /** The document, or its error record. */
  finish(): ReadItem {
    const id = this.id ?? `${this.context.name}:${this.line}`;
    if (this.error) return { id, line: this.line, error: this.error };
    return { id, line: this.line, text: this.text, entities: this.tags.entities(this.text) };
  }
}
