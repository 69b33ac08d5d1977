import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Sentence } from '../../src/document/types.js';
import { splitSentences } from '../../src/text/sentences.js';

function texts(input: string): string[] {
  return splitSentences(input).map((s) => input.slice(s.start, s.end));
}

/** The expression the scanner replaced (quadratic on long runs of marks), as the reference for its results. */
function splitWithRegExp(text: string): Sentence[] {
  const end = /[.!?…。？！]+["'”’」』)\]]*(?=\s)|\n/g;
  const out: Sentence[] = [];
  const push = (from: number, to: number) => {
    const isSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || c === 0xfeff;
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
    if (to > from) out.push({ start: from, end: to });
  };
  let start = 0;
  for (const match of text.matchAll(end)) {
    push(start, match.index + match[0].length);
    start = match.index + match[0].length;
  }
  push(start, text.length);
  return out;
}

describe('splitSentences', () => {
  it.each([
    ['인천시는 밝혔다. 중국은 육성한다.', ['인천시는 밝혔다.', '중국은 육성한다.']],
    ['"협력하겠다." 그는 말했다!', ['"협력하겠다."', '그는 말했다!']],
    ['제목\n본문이다.', ['제목', '본문이다.']],
    ['금리는 3.5% 올랐다. 2016.5.17 발표', ['금리는 3.5% 올랐다.', '2016.5.17 발표']],
    ['', []],
    ['   ', []],
  ])('%j', (input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it.each([
    ['closing quotes after the mark stay in the sentence', '그는 "됐다.”  다음이다.', ['그는 "됐다.”', '다음이다.']],
    ['a bracket after the mark stays in the sentence', '(끝났다.) 다시 [시작?] 했다', ['(끝났다.)', '다시 [시작?]', '했다']],
    ['several marks and closers end one sentence', '정말?!…」』 그렇다', ['정말?!…」』', '그렇다']],
    ['a run of marks without space after it ends nothing', '와......그래 정말', ['와......그래 정말']],
    ['a mark before a line break ends at the mark', '첫째다.\n둘째다', ['첫째다.', '둘째다']],
    ['full-width marks end a sentence', '좋다！ 싫다？ 몰라。 끝', ['좋다！', '싫다？', '몰라。', '끝']],
    ['no-break and ideographic spaces count as white space', '하나.\u00a0둘.\u3000셋', ['하나.', '둘.', '셋']],
    ['a mark at the very end', '끝이다...', ['끝이다...']],
  ])('%s', (_title, input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it('gives what the regular expression it replaced gives', () => {
    const letters = ['.', '!', '?', '…', '。', '？', '！', '"', "'", '”', '’', '」', '』', ')', ']', ' ', '\n', '\t', '\u00a0', '\u2003', '\u3000', '가', 'a', '3'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(splitSentences(text)).toEqual(splitWithRegExp(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a long run of marks in linear time', () => {
    const dots = '.'.repeat(200_000);
    const start = performance.now();
    expect(texts(`${dots} 끝`)).toEqual([dots, '끝']);
    // The regular expression took minutes here; a scan takes milliseconds (the bound only catches a quadratic scan).
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});
