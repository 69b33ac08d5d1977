/** An element of the array with the line it starts on, or what is wrong with the text between elements. */
export type ScannedItem = { text: string; line: number } | { error: string; line: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const isBlank = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;

/**
 * Cuts the text of one JSON array, fed line by line, into the texts of its elements, each to be parsed on its own:
 * an export of Label Studio is one array of tasks that may be gigabytes long, and a bad task should cost that
 * task only, with the line it starts on. It tracks strings, escapes and the depth of brackets, one pass over the
 * characters, and holds one element at a time. Whether an element is valid JSON is for JSON.parse to say; commas
 * between elements are not checked. Brackets are counted, not matched: an element that leaves one open takes in
 * what follows, up to where the count closes it (or the end of the input, which then names its first line).
 */
export class JsonArrayScanner {
  /** 0 before `[` and after `]`, 1 between elements, more inside an object or array element. */
  private depth = 0;
  private inString = false;
  private escaped = false;
  private opened = false;
  private failed = false;
  /** Inside an element: a scalar one (a number, a string ...) ends at `,` or `]` instead of a bracket. */
  private inElement = false;
  private scalar = false;
  private pieces: string[] = [];
  private elementLine = 0;

  /** Feeds one line (without its line break): the elements that end on it, or an error that ends the scan. */
  feed(text: string, line: number): ScannedItem[] {
    const items: ScannedItem[] = [];
    if (this.failed) return items;
    let from = 0;
    const emit = (end: number): void => {
      this.pieces.push(text.slice(from, end));
      items.push({ text: this.pieces.join(''), line: this.elementLine });
      this.pieces = [];
      this.inElement = false;
    };
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) this.inString = false;
        continue;
      }
      if (isBlank(c)) continue;
      if (this.depth === 0) {
        if (!this.opened && c === OPEN_BRACKET) {
          this.opened = true;
          this.depth = 1;
          continue;
        }
        this.failed = true;
        items.push({ line, error: this.opened ? 'text after the end of the JSON array' : 'not a JSON array (it does not start with "[")' });
        return items;
      }
      if (this.depth > 1) {
        if (c === QUOTE) this.inString = true;
        else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
        else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --this.depth === 1) emit(i + 1);
        continue;
      }
      if (this.inElement) {
        if (c === QUOTE) this.inString = true;
        if (c !== COMMA && c !== CLOSE_BRACKET) continue;
        emit(i);
      }
      if (c === COMMA) continue;
      if (c === CLOSE_BRACKET) {
        this.depth = 0;
        continue;
      }
      this.inElement = true;
      this.elementLine = line;
      from = i;
      this.scalar = c !== OPEN_BRACE && c !== OPEN_BRACKET;
      if (this.scalar) this.inString = c === QUOTE;
      else this.depth = 2;
    }
    if (this.inElement) this.pieces.push(from === 0 ? text : text.slice(from), '\n');
    return items;
  }

  /** What there is of the element not yet closed (for a look at the start of an input). */
  get pending(): string {
    return this.pieces.join('');
  }

  /** At the end of the input (after line `line`): an error when the array or an element is left open. */
  end(line: number): ScannedItem[] {
    if (this.failed) return [];
    if (!this.opened) return [{ line, error: 'empty input: expected a JSON array' }];
    if (this.inElement) return [{ line: this.elementLine, error: 'the element that starts here is not closed before the end of the input' }];
    if (this.depth !== 0) return [{ line, error: 'the JSON array is not closed before the end of the input' }];
    return [];
  }
}
