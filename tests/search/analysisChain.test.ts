import { describe, expect, it } from 'vitest';
import { AnalysisChain, NORI_STOP_TAGS, describeProblem, luceneTag } from '../../src/search/analysisChain.js';
import { realAnalyzer } from '../analyzer/helpers.js';

const analyzer = await realAnalyzer();
const nori = new AnalysisChain('nori', analyzer);
const reading = new AnalysisChain('nori-readingform', analyzer);
const standard = new AnalysisChain('standard', analyzer);
const terms = (chain: AnalysisChain, text: string) => chain.analyze(text).tokens.map((t) => `${t.text}+${t.positionIncrement}`).join(' ');

describe('Lucene tags and the default stop tags of nori_part_of_speech', () => {
  it.each([
    ['VV+EC', 'VV'],
    ['JKS', 'J'],
    ['JX', 'J'],
    ['EC', 'E'],
    ['ETM', 'E'],
    ['NNG', 'NNG'],
    ['XSN', 'XSN'],
  ])('%s → %s', (pos, tag) => expect(luceneTag(pos)).toBe(tag));

  it('holds the 18 tags of KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS', () => {
    expect([...NORI_STOP_TAGS].sort()).toEqual(
      ['E', 'IC', 'J', 'MAG', 'MAJ', 'MM', 'NA', 'SC', 'SE', 'SP', 'SSC', 'SSO', 'UNA', 'VSV', 'XPN', 'XSA', 'XSN', 'XSV'].sort(),
    );
  });
});

// Each row as Lucene 8.7 analyses it (checked with KoreanTokenizer, KoreanPartOfSpeechStopFilter, KoreanReadingFormFilter).
describe('the emulated chains', () => {
  it.each([
    // The failing examples.
    ['nori-readingform', '클라이막스시리즈', 'position', '클라+1 막스+2 시리즈+1'],
    ['nori', '고', 'eliminated', ''],
    ['nori-readingform', '자오하오즈', 'position', '자오+1 즈+3'],
    // Fine terms.
    ['nori-readingform', '故', undefined, '故+1'],
    ['nori-readingform', '威海', undefined, '위해+1'],
    ['nori', '威海', undefined, '威海+1'],
    ['nori-readingform', '中', undefined, '중+1'],
    ['nori-readingform', '靑島', undefined, '청+1'],
    ['nori-readingform', '每日', undefined, '매일+1'],
    ['nori', '웨이하이', undefined, '웨이하이+1'],
    ['nori', 'ETRI', undefined, 'etri+1'],
    ['nori', '기재부', undefined, '기재+1 부+1'],
    // The verb 위해 is indexed as 위하 (its ending goes last, so no gap): this is why 威海 → 위해 does not meet it.
    ['nori-readingform', '협력 확대를 위해', 'position', '협력+1 확대+1 위하+2'],
    ['nori-readingform', '회의 중에', undefined, '회의+1 중+1'],
    ['standard', '威海 웨이하이', undefined, '威+1 海+1 웨이하이+1'],
    ['standard', 'KSLV-II', undefined, 'kslv+1 ii+1'],
  ] as const)('%s: %s', (name, text, problem, expected) => {
    const chain = name === 'nori' ? nori : name === 'standard' ? standard : reading;
    const analysis = chain.analyze(text);
    expect(analysis.problem?.kind).toBe(problem);
    expect(terms(chain, text)).toBe(expected);
  });

  it('says why a term is refused, naming the removed tokens and their stop tags', () => {
    expect(describeProblem('nori', nori.analyze('고').problem!)).toBe(
      'the nori chain removes it (고/EC: stop tag E): "completely eliminated by analyzer"',
    );
    expect(describeProblem('nori-readingform', reading.analyze('클라이막스시리즈').problem!)).toBe(
      'the nori-readingform chain gives 막스 a position increment of 2 (이/MM: stop tag MM): "position increment != 1"',
    );
  });

  it('splits inflected entries as Nori does in discard mode', () => {
    expect(nori.noriTokens('위해').map((t) => `${t.surface}/${t.pos}`)).toEqual(['위하/VV', '아/EC']);
  });
});
