import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entity, Link } from '../../src/document/types.js';
import { parseTsv } from '../../src/resources/tsv.js';
import { AnalysisChain, type ChainName } from '../../src/search/analysisChain.js';
import { CommonWords } from '../../src/search/commonWords.js';
import {
  SynonymCollector,
  buildSynonymRules,
  escapeSolr,
  formatSynonymReport,
  formatSynonymRules,
  namesTheSame,
  type SynonymRuleOptions,
} from '../../src/search/synonymRules.js';
import { realAnalyzer } from '../analyzer/helpers.js';
import { repoRoot } from '../helpers.js';

const analyzer = await realAnalyzer();
const commonWords = CommonWords.fromTable(
  parseTsv('search/common-words.tsv', readFileSync(join(repoRoot, 'dictionaries', 'search', 'common-words.tsv'), 'utf8')),
);

/** A document `written(source)` with the link, as the extractor gives it. */
function gloss(written: string, source: string, hangul: string, reading: Link['reading'], kind: Link['kind'] = 'hanja', linked = true) {
  const text = `${written}(${source})`;
  const link: Link = {
    kind,
    source: { start: written.length + 1, end: written.length + 1 + source.length, text: source },
    target: linked && written ? { start: 0, end: written.length, text: written } : null,
    hangul,
    reading,
  };
  const entities: Entity[] = written ? [{ start: 0, end: written.length, text: written, type: 'PERSON', source: 'test' }] : [];
  return { text, links: [link], entities };
}

function rulesOf(docs: ReturnType<typeof gloss>[], chain: ChainName = 'nori-readingform', options: Partial<SynonymRuleOptions> = {}) {
  const collector = new SynonymCollector();
  for (const doc of docs) collector.add(doc);
  const result = buildSynonymRules(collector, { chain: new AnalysisChain(chain, analyzer), commonWords, aliases: 'none', ...options });
  return { lines: formatSynonymRules(result.rules, 'solr').trim().split('\n').filter(Boolean), reports: result.reports.map(formatSynonymReport) };
}

describe('pollution: what is left out by default', () => {
  it.each([
    ['the reading 위해 of 威海 (readings all): 威海 ↔ 웨이하이 kept', [gloss('웨이하이', '威海', '웨이하이', 'mandarin')], { readings: 'all' as const, readSinoKorean: () => '위해' }, ['威海, 웨이하이'], /left out 위해 .*common word/],
    ['中 → 중국 (one-syllable reading)', [gloss('', '中', '중국', 'abbreviation', 'abbreviation', false)], {}, [], /left out 中 .*single Hanja/],
    ['故 → 고', [gloss('', '故', '고', 'sino-korean', 'hanja', false)], {}, [], /left out 故 .*single Hanja/],
    ['每日 → 매일 (a common word, and what readingform makes of 每日)', [gloss('마이니치', '每日', '마이니치', 'japanese')], { readings: 'all' as const }, [], /left out 每日 .*indexes it as 매일/],
  ])('%s', (_, docs, options, lines, report) => {
    const result = rulesOf(docs, 'nori-readingform', options);
    expect(result.lines).toEqual(lines);
    expect(result.reports.join('\n')).toMatch(report);
  });

  it('keeps 每日 ↔ 마이니치 with the nori chain, where 每日 stays 每日', () => {
    expect(rulesOf([gloss('마이니치', '每日', '마이니치', 'japanese')], 'nori').lines).toEqual(['每日, 마이니치']);
  });

  it('gives a foreign name the form written in the text, not only its Sino-Korean reading', () => {
    const doc = gloss('아베 신조', '安倍晋三', '안배진삼', 'sino-korean', 'hanja', false);
    expect(rulesOf([doc], 'nori').lines).toEqual(['安倍晋三, 아베 신조']);
    // Asked for, the reading comes too where the chain takes it (nori cuts 안배진삼 into 안/MAG 배진 삼: dropped).
    expect(rulesOf([doc], 'standard', { readings: 'all' }).lines).toEqual(['安倍晋三, 아베 신조, 안배진삼']);
    expect(rulesOf([doc], 'nori', { readings: 'all' }).reports.join('\n')).toMatch(/dropped 안배진삼/);
  });
});

describe('acronyms', () => {
  const acronym = (expansion: string, short: string) => gloss(expansion, short, expansion, 'abbreviation', 'abbreviation');
  it.each([
    ['two acronyms of one generic word', [acronym('어워드', 'AMA'), acronym('어워드', 'EMA')], []],
    ['ICT and IT of 정보통신기술: only ICT (three letters, three words)', [acronym('정보통신기술', 'ICT'), acronym('정보통신기술', 'IT')], ['ICT, 정보통신기술']],
    ['an acronym and a generic word', [acronym('발사체', 'KSLV-II')], []],
    ['an acronym and its expansion', [acronym('전자통신연구원', 'ETRI')], ['ETRI, 전자통신연구원']],
  ])('%s', (_, docs, lines) => expect(rulesOf(docs).lines).toEqual(lines));
});

describe('aliases', () => {
  const named = (text: string, canonical: string) => ({
    text,
    links: [],
    entities: [{ start: 0, end: text.length, text, type: 'ORGANIZATION' as const, canonical, source: 'test' }],
  });
  const table = new Map([['기획재정부', ['기재부']], ['검찰청', ['대검', '서울중앙지검']]]);
  it('exports the aliases of the names found, from the corpus and the alias data; not parts or other things', () => {
    const collector = new SynonymCollector();
    collector.add(named('기재부', '기획재정부'));
    collector.add(named('검찰청', '검찰청'));
    const { rules, reports } = buildSynonymRules(collector, { chain: new AnalysisChain('nori', analyzer), commonWords, aliasTable: table });
    expect(rules.map((r) => r.terms.join(', '))).toEqual(['기재부, 기획재정부']);
    expect(reports.map(formatSynonymReport).join('\n')).toMatch(/left out 서울중앙지검 .*names another thing/);
  });

  it.each([
    ['기재부', '기획재정부', true],
    ['서울대', '서울대학교', true],
    ['미합중국', '미국', true],
    ['KBS', '한국방송공사', true],
    ['전자통신연구원', '한국전자통신연구원', true],
    ['주식회사 삼성전자', '삼성전자', true],
    ['서울경찰청', '경찰청', false],
    ['대검', '검찰청', false],
    ['안보리', '유엔', false],
  ])('%s and %s name the same thing: %s', (alias, canonical, same) => expect(namesTheSame(alias, canonical)).toBe(same));
});

describe('the chain', () => {
  it('drops a term the chain refuses and the rule when one term is left', () => {
    const result = rulesOf([gloss('클라이막스시리즈', 'CS', '클라이막스시리즈', 'abbreviation', 'abbreviation')]);
    expect(result.lines).toEqual([]);
    expect(result.reports).toEqual([
      'dropped 클라이막스시리즈 from "CS, 클라이막스시리즈": the nori-readingform chain gives 막스 a position increment of 2 (이/MM: stop tag MM): "position increment != 1" (korner nori-dictionary puts it in Nori\'s user dictionary as one word)',
    ]);
  });

  it('keeps it with the standard chain, which cuts words at spaces only', () => {
    expect(rulesOf([gloss('클라이막스시리즈', 'CS', '클라이막스시리즈', 'abbreviation', 'abbreviation')], 'standard').lines).toEqual(['CS, 클라이막스시리즈']);
  });
});

describe('formats', () => {
  const rules = [{ terms: ['A,B', '에이비'] }, { terms: ['威海', '웨이하이'] }, { terms: ['中'], to: ['中', '중국'] }];
  it.each([
    ['solr', 'A\\,B, 에이비\n威海, 웨이하이\n'],
    ['explicit', 'A\\,B, 에이비 => A\\,B, 에이비\n威海, 웨이하이 => 威海, 웨이하이\n中 => 中, 중국\n'],
    ['plain', 'A,B\t에이비\n威海\t웨이하이\n'],
    ['elasticsearch', '[\n  "A\\\\,B, 에이비",\n  "威海, 웨이하이"\n]\n'],
  ] as const)('%s', (format, expected) => expect(formatSynonymRules(rules, format)).toBe(expected));

  it.each([
    ['a=>b', 'a\\=>b'],
    ['#1', '\\#1'],
    ['a\\b', 'a\\\\b'],
  ])('escapes %s for the Solr parser as %s', (term, escaped) => expect(escapeSolr(term)).toBe(escaped));
});
