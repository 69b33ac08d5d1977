import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.js';

function texts(input: string): string[] {
  return splitSentences(input).map((s) => input.slice(s.start, s.end));
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
});
