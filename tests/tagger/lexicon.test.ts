import { beforeAll, describe, expect, it } from 'vitest';
import { nodeLoader } from '../../src/resources/nodeLoader.js';
import { Resources } from '../../src/resources/resources.js';
import { LEXICON_CLASSES, loadTaggerLexicon, type TaggerLexicon } from '../../src/tagger/lexicon.js';

const MECAB_PLACE = 1 << LEXICON_CLASSES.indexOf('mecabPlace');

describe("the tagger lexicon's mecab-ko-dic proper nouns", () => {
  let lexicon: TaggerLexicon;
  beforeAll(async () => {
    lexicon = await loadTaggerLexicon(new Resources(nodeLoader()));
  });

  // 서울 is a place name in mecab-ko-dic; it is looked up only where a word starts.
  it.each([
    ['서울', 0, true],
    ['대 서울', 2, true],
    ['(서울', 1, true],
    ['대서울', 1, false],
    ['A서울', 1, false],
    ['7서울', 1, false],
  ])('in %s, 서울 at %i is found: %s', (text, start, found) => {
    const places = lexicon.findAll(text).filter((m) => m.mask & MECAB_PLACE);
    expect(places.some((m) => m.start === start && m.end === start + 2)).toBe(found);
  });
});
