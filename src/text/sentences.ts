import type { Sentence } from '../document/types.js';
import type { Stage } from '../pipeline/stage.js';

/**
 * Sentence ends: a run of . ! ? … 。 ？ ！ (and closing quotes or brackets after them) followed by white space, or
 * a line break. Decimal points (3.5) and dotted dates (2016.5.17) are not ends because no space follows them.
 *
 * A scanner, not the expression `/[.!?…。？！]+["'”’」』)\]]*(?=\s)|\n/g` it replaces (and whose matches it gives):
 * where no white space followed a run, that expression tried again from every mark of the run, reading the rest
 * of the run each time, so a run of n marks cost n² steps (100 KB of dots took a minute). Here a run is read once.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const n = text.length;
  let start = 0;
  // The expression only finds the next mark or line break (a fast search for one of a few units); the run after
  // a mark is read here, once.
  MARK_OR_BREAK.lastIndex = 0;
  for (let match = MARK_OR_BREAK.exec(text); match !== null; match = MARK_OR_BREAK.exec(text)) {
    const i = match.index;
    if (text.charCodeAt(i) === 10) {
      pushTrimmed(text, start, i + 1, sentences);
      start = i + 1;
      continue;
    }
    let end = i + 1;
    while (end < n && isEndMark(text.charCodeAt(end))) end++;
    while (end < n && isCloser(text.charCodeAt(end))) end++;
    // No mark, closer or line break is white space, so the run and its closers end before the next search.
    if (end < n && isRegExpSpace(text.charCodeAt(end))) {
      pushTrimmed(text, start, end, sentences);
      start = end;
    }
    MARK_OR_BREAK.lastIndex = end;
  }
  pushTrimmed(text, start, n, sentences);
  return sentences;
}

const MARK_OR_BREAK = /[.!?…。？！\n]/g;

/** . ! ? … 。 ？ ！ */
export function isEndMark(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026 || code === 0x3002 || code === 0xff1f || code === 0xff01;
}

/** " ' ” ’ 」 』 ) ] */
export function isCloser(code: number): boolean {
  return code === 0x22 || code === 0x27 || code === 0x201d || code === 0x2019 || code === 0x300d || code === 0x300f || code === 0x29 || code === 0x5d;
}

/** What `\s` matches in a JavaScript regular expression (WhiteSpace and LineTerminator). */
function isRegExpSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** White space as the splitter trims it: ASCII, NO-BREAK SPACE, IDEOGRAPHIC SPACE, BOM. */
export function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x3000 || code === 0xfeff;
}

function pushTrimmed(text: string, start: number, end: number, out: Sentence[]): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end });
}

/** Sets `doc.sentences` (offsets into the original text). */
export function createSentenceStage(): Stage {
  return {
    name: 'sentences',
    requires: ['text'],
    provides: ['sentences'],
    run(doc) {
      doc.sentences = splitSentences(doc.text);
    },
  };
}
