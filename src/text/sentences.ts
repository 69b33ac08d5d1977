import type { Sentence } from '../document/types.js';
import type { Stage } from '../pipeline/stage.js';

/**
 * Sentence ends: a run of . ! ? … 。 (and closing quotes or brackets after them) followed by white space, or a line
 * break. Decimal points (3.5) and dotted dates (2016.5.17) are not ends because no space follows them.
 */
const SENTENCE_END = /[.!?…。？！]+["'”’」』)\]]*(?=\s)|\n/g;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let match = SENTENCE_END.exec(text); match !== null; match = SENTENCE_END.exec(text)) {
    const end = match.index + match[0].length;
    pushTrimmed(text, start, end, sentences);
    start = end;
  }
  pushTrimmed(text, start, text.length, sentences);
  return sentences;
}

function isSpace(code: number): boolean {
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
