import { describe, expect, it } from 'vitest';
import { parseUserWords } from '../../src/analyzer/index.js';
import { AnalysisChain } from '../../src/search/analysisChain.js';
import { NoriDictionaryBuilder, namesOf } from '../../src/search/noriDictionary.js';
import { realAnalyzer } from '../analyzer/helpers.js';

const analyzer = await realAnalyzer();
const builder = () => new NoriDictionaryBuilder(new AnalysisChain('nori', analyzer), analyzer.dictionary);

describe('Nori user dictionary lines', () => {
  it.each([
    ['클라이막스시리즈', '클라이막스시리즈'], // cut into 클라/NNP 이/MM 막스 시리즈: written alone, kept whole
    ['자오하오즈', '자오하오즈'],
    ['경인아라뱃길', '경인아라뱃길 경인 아라뱃길'], // nouns of the dictionary: written with its parts
    ['기획재정부', '기획재정부 기획 재정 부'],
    ['웨이하이', undefined], // one token already
    ['중국', undefined],
  ])('%s → %s', (word, line) => expect(builder().lineFor(word)).toBe(line));

  it('writes each word of a name that needs it, Hangul words of two syllables or more, sorted and once', () => {
    const b = builder();
    for (const name of ['클라이막스시리즈', '경인아라뱃길', '클라이막스시리즈', '웨이하이', 'KSLV-II', '美', '유카와 하루나']) b.addName(name);
    expect(b.toString()).toBe('경인아라뱃길 경인 아라뱃길\n클라이막스시리즈\n');
  });

  it('converts korner user words: the breakdown becomes the parts when it spells the word', () => {
    const b = builder();
    for (const word of parseUserWords('삼성전자\tNNP\t\t삼성/NNP+전자/NNG\n웨이하이\tNNP:place\n갤럭시탭\tNNP\t-100\t갤럭시 탭\n')) b.addUserWord(word);
    expect(b.toString()).toBe('갤럭시탭 갤럭시 탭\n삼성전자 삼성 전자\n웨이하이\n');
  });

  it('takes names from entities (text and canonical) and from links written in the text or read in Mandarin or Japanese', () => {
    const names = namesOf({
      entities: [
        { start: 0, end: 3, text: '기재부', type: 'ORGANIZATION', canonical: '기획재정부', source: 't' },
        { start: 4, end: 6, text: '오늘', type: 'DATE', source: 't' },
      ],
      links: [
        { kind: 'hanja', source: { start: 0, end: 2, text: '威海' }, target: null, hangul: '웨이하이', reading: 'mandarin' },
        { kind: 'hanja', source: { start: 0, end: 1, text: '故' }, target: null, hangul: '고', reading: 'sino-korean' },
      ],
    });
    expect(names).toEqual(['기재부', '기획재정부', '웨이하이']);
  });
});

describe('parseNoriDictionary', () => {
  it('reads entries alone and with their parts, skipping comments, as nouns', async () => {
    const { parseNoriDictionary } = await import('../../src/search/noriDictionary.js');
    expect(parseNoriDictionary('# names\n웨이하이\n경인아라뱃길 경인 아라뱃길\r\n\n', 'd.txt')).toEqual([
      { surface: '웨이하이', pos: 'NNG' },
      { surface: '경인아라뱃길', pos: 'NNG', morphemes: [{ text: '경인', pos: 'NNG' }, { text: '아라뱃길', pos: 'NNG' }] },
    ]);
  });

  it('refuses a dictionary without entries, naming it', async () => {
    const { parseNoriDictionary } = await import('../../src/search/noriDictionary.js');
    expect(() => parseNoriDictionary('# nothing\n', 'd.txt')).toThrow(/d\.txt: the Nori user dictionary has no entries/);
  });
});
