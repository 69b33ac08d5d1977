import { beforeAll, describe, expect, it } from 'vitest';
import { createSimpleTokenizerStage } from '../../../src/analyzer/simple/stage.js';
import { createSimpleTokenizer, type SimpleTokenizer } from '../../../src/analyzer/simple/tokenizer.js';
import { createDocument } from '../../../src/document/createDocument.js';
import { loadNameLexicon } from '../../../src/recognizers/lexicon.js';
import { dictionaryResources } from '../../recognizers/gazetteerFixture.js';

let tokenizer: SimpleTokenizer;
beforeAll(async () => {
  tokenizer = createSimpleTokenizer(await loadNameLexicon(dictionaryResources()));
});

const show = (text: string) => tokenizer.tokenize(text).map((t) => `${t.text}/${t.pos}`);

describe('simple tokenizer', () => {
  it.each([
    ['인천시청에서', ['인천시청/NNP', '에서/JKB']],
    ['웨이하이시장은', ['웨이하이/NNP', '시장/NNG', '은/JX']],
    ['인천시는', ['인천시/NNP', '는/JX']],
    ['기획재정부는', ['기획재정부/NNP', '는/JX']],
    ['이현준기자', ['이현준/NA', '기자/NNG']],
    ['서울시민들', ['서울/NNP', '시민들/NNG']],
    ['발표했다', ['발표/NNG', '했다/XSV+E']],
    ['전자통신연구원(ETRI)', ['전자통신연구원/NNP', '(/SS', 'ETRI/SL', ')/SS']],
    ['1,780㎡', ['1,780/SN', '㎡/SW']],
    ['張惠', ['張惠/SH']],
  ])('%s → %j', (text, expected) => {
    expect(show(text)).toEqual(expected);
  });

  it('gives names their class: place for 웨이하이, other for 인천시청', () => {
    const [place] = tokenizer.tokenize('웨이하이');
    const [office] = tokenizer.tokenize('인천시청');
    expect(place!.nameClass).toBe('place');
    expect(office!.nameClass).toBe('other');
  });

  it('gives a name that is also a common word no name class (예산 "budget", 예산군)', () => {
    expect(tokenizer.tokenize('예산을')[0]!.nameClass).toBeUndefined();
  });

  it('numbers eojeol by whitespace', () => {
    const tokens = tokenizer.tokenize('유정복 인천시장과\t장후이');
    expect(tokens.map((t) => t.eojeol)).toEqual([0, 1, 1, 1, 2, 2]);
  });

  it('returns no token for an empty or blank string', () => {
    expect(tokenizer.tokenize('')).toEqual([]);
    expect(tokenizer.tokenize(' \n\t ')).toEqual([]);
  });

  it.each([
    ['𠀀𠀁 한자', ['𠀀𠀁', '한자']],
    ['😀인천', ['😀', '인천']],
    ['인천😀에서', ['인천', '😀', '에서']],
  ])('keeps surrogate pairs whole: %s', (text, expected) => {
    const tokens = tokenizer.tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(expected);
    for (const token of tokens) {
      expect(text.slice(token.start, token.end)).toBe(token.text);
      expect(/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(token.text)).toBe(false);
    }
  });

  it('covers every non-space character with offsets into the original text, in order', () => {
    const text = "韓中 온라인 실크로드… 핵심도시로 뜨는 '인천' / uplhj@kyeongin.com 5천㎡";
    const tokens = tokenizer.tokenize(text);
    let covered = '';
    let last = 0;
    for (const token of tokens) {
      expect(token.start).toBeGreaterThanOrEqual(last);
      expect(text.slice(token.start, token.end)).toBe(token.text);
      covered += token.text;
      last = token.end;
    }
    expect(covered).toBe(text.replace(/\s/g, ''));
  });

  it('is the tokens stage', async () => {
    const stage = createSimpleTokenizerStage();
    expect([stage.name, stage.requires, stage.provides]).toEqual(['tokens', ['text'], ['tokens']]);
    await stage.setup!(dictionaryResources());
    const doc = createDocument('인천시청에서');
    stage.run(doc, {});
    expect(doc.tokens!.map((t) => t.text)).toEqual(['인천시청', '에서']);
  });

  it('splits a word the user added as one name', async () => {
    const user = createSimpleTokenizer(
      await loadNameLexicon(dictionaryResources([{ surface: '동북아트레이드타워', type: 'LOCATION' }])),
    );
    expect(user.tokenize('동북아트레이드타워에')[0]!.text).toBe('동북아트레이드타워');
  });
});
