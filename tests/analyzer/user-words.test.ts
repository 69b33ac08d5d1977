import { beforeAll, describe, expect, it } from 'vitest';
import { Analyzer, DEFAULT_USER_WORD_COST, parseUserWords, type UserWord } from '../../src/analyzer/index.js';
import type { MecabDictionary } from '../../src/analyzer/dictionary.js';
import { KornerError } from '../../src/errors.js';
import { realAnalyzer, show } from './helpers.js';

let dictionary: MecabDictionary;
beforeAll(async () => {
  dictionary = (await realAnalyzer()).dictionary;
});

const withWords = (words: UserWord[] | string) => new Analyzer(dictionary, words);

describe('user words', () => {
  it.each([
    // [text, user words (TSV), expected]
    ['웨이하이시장은', '웨이하이시장\tNNP', '웨이하이시장/NNP 은/JX'],
    ['기획재정부가', '기획재정부\tNNP', '기획재정부/NNP 가/JKS'],
    ['한빛누리가 왔다', '한빛누리\tNNP:person', '한빛누리/NNP 가/JKS 왔/VV+EP 다/EC'],
    ['삼성전자가', '삼성전자\tNNP\t\t삼성/NNP+전자/NNG', '삼성/NNP 전자/NNG 가/JKS'],
    ['코로나바이러스를', '코로나바이러스\tNNG\t\t코로나 바이러스', '코로나/NNG 바이러스/NNG 를/JKO'],
  ])('%s with "%s" → %s', (text, tsv, expected) => {
    expect(show(withWords(tsv).tokenize(text))).toBe(expected);
  });

  it('wins over the split it replaces, but only where it matches', () => {
    const before = show(withWords([]).tokenize('웨이하이시장은 시장에 갔다'));
    expect(before).toBe('웨이하이/NNP 시장/NNG 은/JX 시장/NNG 에/JKB 갔/VV+EP 다/EC');
    const after = show(withWords('웨이하이시장\tNNP').tokenize('웨이하이시장은 시장에 갔다'));
    expect(after).toBe('웨이하이시장/NNP 은/JX 시장/NNG 에/JKB 갔/VV+EP 다/EC');
  });

  it('is found on every line of a long text, whatever the offset of the line', () => {
    // Each line is a segment of its own, analysed at its offset in the whole text.
    const line = '웨이하이시장은 시장에 갔다';
    const text = Array.from({ length: 2000 }, () => line).join('\n');
    const tokens = withWords('웨이하이시장\tNNP').tokenize(text);
    const found = tokens.filter((t) => t.text === '웨이하이시장' && t.pos === 'NNP');
    expect(found).toHaveLength(2000);
    expect(found.every((t) => text.slice(t.start, t.end) === t.text)).toBe(true);
  });

  it('prefers the longer of two user words starting at the same place', () => {
    const a = withWords('인천\tNNP:place\n인천공항\tNNP:place');
    expect(show(a.tokenize('인천공항에서'))).toBe('인천공항/NNP 에서/JKB');
  });

  it('keeps the compound whole in decompound none, and both in mixed', () => {
    const a = withWords('삼성전자\tNNP\t\t삼성/NNP+전자/NNG');
    expect(show(a.tokenize('삼성전자', { decompound: 'none' }))).toBe('삼성전자/NNP');
    expect(show(a.tokenize('삼성전자', { decompound: 'mixed' }))).toBe('삼성전자/NNP 삼성/NNP 전자/NNG');
  });

  it('sets the name class and the breakdown on the token', () => {
    const [token] = withWords([{ surface: '한빛누리', pos: 'NNP', nameClass: 'person' }]).tokenize('한빛누리');
    expect(token).toMatchObject({ text: '한빛누리', pos: 'NNP', nameClass: 'person', start: 0, end: 4 });
  });

  it('can lose when the user gives it a high cost', () => {
    expect(show(withWords('웨이하이시장\tNNP\t30000').tokenize('웨이하이시장은'))).toBe('웨이하이/NNP 시장/NNG 은/JX');
  });

  it('replaces a word added twice, and does not touch other analyzers', () => {
    const a = withWords('웨이하이시장\tNNP');
    a.addUserWords([{ surface: '웨이하이시장', pos: 'NNG' }]);
    expect(a.userWords).toHaveLength(1);
    expect(show(a.tokenize('웨이하이시장'))).toBe('웨이하이시장/NNG');
    expect(show(withWords([]).tokenize('웨이하이시장'))).toBe('웨이하이/NNP 시장/NNG');
  });

  it('has a default cost far below any dictionary split', () => {
    expect(DEFAULT_USER_WORD_COST).toBeLessThan(-50_000);
  });

  it('parses TSV with comments, costs and breakdowns', () => {
    expect(parseUserWords('# user words\n삼성전자\tNNP:other\t-500\t삼성/NNP+전자/NNG\n\n뉴스\tNNG\r\n')).toEqual([
      { surface: '삼성전자', pos: 'NNP', nameClass: 'other', cost: -500, morphemes: [{ text: '삼성', pos: 'NNP' }, { text: '전자', pos: 'NNG' }] },
      { surface: '뉴스', pos: 'NNG' },
    ]);
  });

  it.each([
    ['an unknown tag', '삼성\tXYZ', /unknown tag "XYZ"/],
    ['a name class on a common noun', '삼성\tNNG:person', /name class needs the tag NNP/],
    ['a cost that is not an integer', '삼성\tNNP\tcheap', /cost "cheap"/],
    ['a surface with a space', '삼성 전자\tNNP', /contains a space/],
  ])('rejects %s with a KornerError', (_name, tsv, message) => {
    expect(() => parseUserWords(tsv)).toThrow(KornerError);
    expect(() => parseUserWords(tsv)).toThrow(message);
  });
});
