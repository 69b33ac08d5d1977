import type { FormatReader, InputLine, ReadContext, ReadItem } from '../reader.js';
import { GoldBuilder } from './builder.js';
import { looksLikeTag } from './tags.js';
import { isTokenSpace } from './tokens.js';

/**
 * CoNLL-style columns: a token a line, token first and tag last (2, 3, 4 or more columns, tab- or space-separated:
 * CoNLL-2003, korner's conll, most exports), sentences separated by blank lines, documents by `-DOCSTART-` lines;
 * in a file without them each sentence is a document. Tags IOB2 (BIOES's E- and S- too); an I- that continues no
 * entity is an error. Comment lines `# key = value` before a sentence's first token give the document's `id`, the
 * sentence's `text` (its tokens are found in it, so offsets are the text's own), and korner's `space_before`,
 * `space_after` and `error` (see ./writer.ts); without `# text`, tokens are joined by a space and sentences by `\n`.
 */

const COMMENT = /^# ([A-Za-z_][\w-]*) =(?: (.*))?$/s;
const DOCSTART = '-DOCSTART-';

/** A line's columns: split at tabs if it has one, else at spaces. */
function columnsOf(line: string): string[] {
  return line.includes('\t') ? line.split('\t') : line.trim().split(/ +/);
}

/** The sentence being read. */
interface Block {
  /** Token lines read. */
  tokens: number;
  /** The sentence's `# text`, in which its tokens are found. */
  text?: { value: string; line: number };
  /** The white space before it (`# space_before`). */
  before?: string;
  /** Where the sentence starts in the document's text. */
  start: number;
  /** With a `# text`: how far into it the tokens have been found. */
  cursor: number;
}

/** A document of a CoNLL file, read line by line. */
class ConllDocument extends GoldBuilder {
  /** White space after the last sentence (`# space_after`). */
  tail = '';
  sentences = 0;
  /** Whether it has anything of its own: a token, an id, an error (a `-DOCSTART-` followed by nothing is not a document). */
  hasContent = false;

  comment(key: string, value: string, line: number, block: Block): void {
    if (key === 'id') {
      this.id ??= value;
      this.hasContent = true;
    } else if (key === 'error') {
      this.fail(line, `the record is an error: ${value}`);
      this.hasContent = true;
    } else if (key === 'text') {
      block.text = { value, line };
    } else if (key === 'space_before' || key === 'space_after') {
      const space = this.space(value, key, line);
      if (key === 'space_before') block.before = space;
      else this.tail = space ?? '';
    }
  }

  token(line: string, number: number, block: Block): void {
    this.hasContent = true;
    if (this.error) return;
    const columns = columnsOf(line);
    const token = columns[0]!;
    if (columns.length < 2 || token === '') {
      this.fail(number, `expected a token and a tag separated by a tab or spaces, found ${JSON.stringify(line)}`);
      return;
    }
    if (block.tokens++ === 0) this.startSentence(block);
    let start: number;
    if (block.text) {
      const value = block.text.value;
      let at = block.cursor;
      while (at < value.length && isTokenSpace(value.charCodeAt(at))) at++;
      if (!value.startsWith(token, at)) {
        const found = JSON.stringify(value.slice(at, at + token.length));
        this.fail(number, `token ${JSON.stringify(token)} is not the next word of the # text on line ${block.text.line} (which has ${found} there)`);
        return;
      }
      start = block.start + at;
      block.cursor = at + token.length;
    } else {
      if (block.tokens > 1) this.text += ' ';
      start = this.text.length;
      this.text += token;
    }
    this.tag(columns[columns.length - 1]!.trim(), start, start + token.length, number);
  }

  endBlock(block: Block): void {
    const text = block.text;
    if (text && block.tokens > 0 && !this.error) {
      let at = block.cursor;
      while (at < text.value.length && isTokenSpace(text.value.charCodeAt(at))) at++;
      if (at < text.value.length) this.fail(text.line, `the # text goes on after the sentence's last token: ${JSON.stringify(text.value.slice(at, at + 20))}`);
    }
    this.endSentence();
  }

  private startSentence(block: Block): void {
    this.text += block.before ?? (this.sentences > 0 ? '\n' : '');
    this.sentences++;
    block.start = this.text.length;
    if (block.text) this.text += block.text.value;
  }

  private space(value: string, key: string, line: number): string | undefined {
    try {
      const space = JSON.parse(value) as unknown;
      if (typeof space === 'string') return space;
    } catch {
      // reported below
    }
    this.fail(line, `# ${key} is not a JSON string: ${value}`);
    return undefined;
  }

  override finish(): ReadItem {
    this.text += this.tail;
    return super.finish();
  }
}

const newBlock = (): Block => ({ tokens: 0, start: 0, cursor: 0 });

/** Reads CoNLL lines into documents: a state machine over lines, blocks (sentences) and documents. */
class ConllParser {
  /** Whether `-DOCSTART-` lines separate documents: from the first one on; before it each sentence is a document. */
  private byDocstart = false;
  private document: ConllDocument | undefined;
  /** The sentence being read; undefined between blank lines. */
  private block: Block | undefined;

  constructor(private readonly context: ReadContext) {}

  /** Reads one line: the documents it ends. */
  line(input: InputLine): ReadItem[] {
    if (input.error) {
      this.open(input.line).failWith(input.error);
      this.block ??= newBlock();
      return [];
    }
    const line = input.text ?? '';
    if (line.trim() === '') return this.endBlock();
    if (this.block === undefined && columnsOf(line)[0] === DOCSTART) {
      const ended = this.endDocument();
      this.byDocstart = true;
      this.document = new ConllDocument(input.line, this.context);
      return ended;
    }
    const document = this.open(input.line);
    const block = (this.block ??= newBlock());
    const comment = block.tokens === 0 ? COMMENT.exec(line) : null;
    if (comment) document.comment(comment[1]!, comment[2] ?? '', input.line, block);
    else document.token(line, input.line, block);
    return [];
  }

  /** At the end of the input: the last document. */
  end(): ReadItem[] {
    return [...this.endBlock(), ...this.endDocument()];
  }

  private open(line: number): ConllDocument {
    return (this.document ??= new ConllDocument(line, this.context));
  }

  private endBlock(): ReadItem[] {
    if (this.block && this.document) this.document.endBlock(this.block);
    this.block = undefined;
    return this.byDocstart ? [] : this.endDocument();
  }

  private endDocument(): ReadItem[] {
    const document = this.document;
    this.document = undefined;
    return document?.hasContent || document?.error ? [document.finish()] : [];
  }
}

export const conllReader: FormatReader = {
  name: 'conll',
  summary: 'CoNLL columns token ... tag (IOB2 or BIOES), blank lines between sentences, -DOCSTART- between documents',
  detect(head) {
    const lines = head.split('\n');
    // The head may end inside a line.
    if (lines.length > 1) lines.pop();
    let tokens = 0;
    for (const raw of lines.slice(0, 64)) {
      const line = raw.replace(/\r$/, '');
      if (line.trim() === '' || COMMENT.test(line)) continue;
      const columns = columnsOf(line);
      if (columns[0] === DOCSTART) return true;
      if (columns.length < 2 || !looksLikeTag(columns[columns.length - 1]!.trim())) return false;
      tokens++;
    }
    return tokens > 0;
  },
  async *read(lines, context) {
    const parser = new ConllParser(context);
    for await (const line of lines) yield* parser.line(line);
    yield* parser.end();
  },
};
