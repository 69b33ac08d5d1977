import type { Sentence, Token } from '../../document/types.js';
import { splitSentences } from '../../text/sentences.js';

/**
 * White space between CoNLL tokens: what JavaScript's `\s` matches, and what Python's `str.split()` also splits at
 * (U+001C to U+001F, U+0085), so that a Python reader splitting a line at white space sees the same columns.
 */
const TOKEN_SPACE = /[\s\x1c-\x1f\x85]/;

/** The expression's answer for every code unit up to U+3000, looked up per character (above U+3000, `\s` matches only U+FEFF). */
const TABLE_END = 0x3001;
const SPACES = Uint8Array.from({ length: TABLE_END }, (_, code) => Number(TOKEN_SPACE.test(String.fromCharCode(code))));

/** Whether the UTF-16 code unit `code` separates tokens. */
export function isTokenSpace(code: number): boolean {
  return code < TABLE_END ? SPACES[code] === 1 : code === 0xfeff;
}

/** A token of a CoNLL file: UTF-16 offsets into the document, and the morpheme's POS tag in morpheme mode. */
export interface ConllToken {
  start: number;
  end: number;
  pos?: string;
}

/** The POS column of text that no morpheme covers (the analyzer covers all but white space, but the writer must not lose a character). */
const UNTAGGED = '_';

/** The runs of non-space characters of text[from, to). */
function* words(text: string, from: number, to: number, pos: string | undefined): Generator<ConllToken> {
  let start = -1;
  for (let i = from; i < to; i++) {
    if (!isTokenSpace(text.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      yield { start, end: i, pos };
      start = -1;
    }
  }
  if (start >= 0) yield { start, end: to, pos };
}

/**
 * The tokens of a text in order: its white-space words (eojeol), or the analyzer's morphemes. A morpheme holding
 * white space is cut there and text between morphemes is cut into words, so that every character but white space
 * is in exactly one token and no token holds white space (a tab or a line break in a token would break its line).
 */
export function* tokensOf(text: string, morphemes?: Iterable<Token>): Generator<ConllToken> {
  let cursor = 0;
  if (morphemes) {
    for (const morpheme of morphemes) {
      if (morpheme.end <= cursor) continue;
      const start = Math.max(morpheme.start, cursor);
      yield* words(text, cursor, start, UNTAGGED);
      yield* words(text, start, morpheme.end, morpheme.pos || UNTAGGED);
      cursor = morpheme.end;
    }
  }
  yield* words(text, cursor, text.length, morphemes ? UNTAGGED : undefined);
}

/**
 * The sentences of a CoNLL file: the splitter's sentences, cut at carriage returns too (a reader in Python's
 * universal-newline mode would end a `# text` line there), trimmed of token space. Each starts at its first
 * token and ends at its last, so that the text between two is white space only.
 */
export function sentencesOf(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const push = (start: number, end: number): void => {
    while (start < end && isTokenSpace(text.charCodeAt(start))) start++;
    while (end > start && isTokenSpace(text.charCodeAt(end - 1))) end--;
    if (end > start) sentences.push({ start, end });
  };
  // The next carriage return, searched again only when passed: one pass over the text in all.
  let carriageReturn = text.indexOf('\r');
  for (const sentence of splitSentences(text)) {
    let from = sentence.start;
    while (carriageReturn !== -1 && carriageReturn < sentence.end) {
      if (carriageReturn >= from) {
        push(from, carriageReturn);
        from = carriageReturn + 1;
      }
      carriageReturn = text.indexOf('\r', Math.max(from, carriageReturn + 1));
    }
    push(from, sentence.end);
  }
  return sentences;
}
