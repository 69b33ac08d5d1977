import { GoldBuilder } from '../conll/builder.js';
import { looksLikeTag } from '../conll/tags.js';
import type { FormatReader, InputLine, ReadContext, ReadItem } from '../reader.js';
import { ESCAPES } from './writer.js';

/**
 * KLUE-NER's TSV (the benchmark's own files, and korner's klue output): blocks separated by blank lines, each a
 * header `## ID<TAB>marked text` and one `CHARACTER<TAB>TAG` line per character. The text is the characters
 * joined (the header's marked text is not read), entities come from the tags, with the same rules as CoNLL's.
 * `##` lines before the header (a file's own notes) are passed over; a block of `##` lines alone is an empty
 * document when its header has a tab, notes otherwise; `## error = MESSAGE` makes the block an error record.
 */

const UNESCAPES: ReadonlyMap<string, string> = new Map(Object.entries(ESCAPES).map(([char, escape]) => [escape, char]));
const ERROR = '## error = ';

/** A KLUE block being read. */
class KlueDocument extends GoldBuilder {
  /** Whether the last header line has a tab (`## ID<TAB>...`), as a sentence's does and a note's does not. */
  headed = false;
  characters = 0;

  header(line: string, number: number): void {
    if (line.startsWith(ERROR)) {
      this.fail(number, `the record is an error: ${line.slice(ERROR.length)}`);
      return;
    }
    const body = line.replace(/^##\s?/, '');
    const tab = body.indexOf('\t');
    this.headed = tab >= 0;
    this.id = (tab >= 0 ? body.slice(0, tab) : body).trim() || undefined;
  }

  character(line: string, number: number): void {
    this.characters++;
    if (this.error) return;
    const tab = line.lastIndexOf('\t');
    if (tab <= 0) {
      this.fail(number, `expected CHARACTER<TAB>TAG, found ${JSON.stringify(line)}`);
      return;
    }
    const written = line.slice(0, tab);
    const char = UNESCAPES.get(written) ?? written;
    const start = this.text.length;
    this.text += char;
    this.tag(line.slice(tab + 1).trim(), start, this.text.length, number);
  }

  /** Whether the block is a record: it has characters, a header with a tab, or an error. */
  get isRecord(): boolean {
    return this.characters > 0 || this.headed || this.error !== undefined;
  }
}

/** Reads KLUE lines into documents. */
class KlueParser {
  private document: KlueDocument | undefined;

  constructor(private readonly context: ReadContext) {}

  line(input: InputLine): ReadItem[] {
    if (input.error) {
      this.open(input.line).failWith(input.error);
      return [];
    }
    const line = input.text ?? '';
    if (line.trim() === '') return this.end();
    if (line.startsWith('##')) {
      // A header after characters starts the next document, even without a blank line between.
      const ended = this.document && this.document.characters > 0 ? this.end() : [];
      // The last `##` line before the characters is the header; those before it were notes.
      if (!line.startsWith(ERROR) && !this.document?.error) this.document = undefined;
      this.open(input.line).header(line, input.line);
      return ended;
    }
    this.open(input.line).character(line, input.line);
    return [];
  }

  end(): ReadItem[] {
    const document = this.document;
    this.document = undefined;
    return document?.isRecord ? [document.finish()] : [];
  }

  private open(line: number): KlueDocument {
    return (this.document ??= new KlueDocument(line, this.context));
  }
}

/** A character line: one character (or an escape, or the tab itself), a tab, a tag. */
const CHARACTER_LINE = /^(?:[^\t]{1,2}|\t)\t(\S+)$/u;

export const klueReader: FormatReader = {
  name: 'klue',
  summary: "KLUE-NER's TSV: ## ID<TAB>text, then CHARACTER<TAB>TAG lines (IOB2), blank lines between sentences",
  detect(head) {
    const lines = head.split('\n').map((line) => line.replace(/\r$/, ''));
    const first = lines.findIndex((line) => line.trim() !== '');
    if (first < 0 || !lines[first]!.startsWith('## ')) return false;
    const next = lines.slice(first).find((line) => !line.startsWith('##'));
    const match = next === undefined ? null : CHARACTER_LINE.exec(next);
    return match !== null && looksLikeTag(match[1]!);
  },
  async *read(lines, context) {
    const parser = new KlueParser(context);
    for await (const line of lines) yield* parser.line(line);
    yield* parser.end();
  },
};
