import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analyzer } from '../../src/analyzer/index.js';
import type { KornerDocument } from '../../src/document/types.js';
import { createAnalyzerStage } from '../../src/analyzer/index.js';
import { Resources } from '../../src/resources/resources.js';
import { fsLoader, realAnalyzer, show } from './helpers.js';

let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = await realAnalyzer();
});

describe('mecab-ko-dic analyses (decompound discard)', () => {
  it.each([
    ['웨이하이시장은', '웨이하이/NNP 시장/NNG 은/JX'],
    ['16일', '16/SN 일/NNBC'],
    ['기획재정부', '기획/NNG 재정/NNG 부/NNG'],
    ['유정복 인천시장은', '유정복/NNP 인천/NNP 시장/NNG 은/JX'],
    ['밥을 먹었다.', '밥/NNG 을/JKO 먹/VV 었/EP 다/EF ./SF'],
    ['학교에서 친구가', '학교/NNG 에서/JKB 친구/NNG 가/JKS'],
    ['서울의 봄', '서울/NNP 의/JKG 봄/NNG'],
    ['했습니다', '했/VV+EP 습니다/EF'],
    ['COVID-19', 'COVID/SL -/SY 19/SN'],
    ['張', '張/NNG'],
  ])('%s → %s', (text, expected) => {
    expect(show(analyzer.tokenize(text))).toBe(expected);
  });

  it.each([
    ['유정복', 'person'],
    ['장후이', 'person'],
    ['인천', 'place'],
    ['웨이하이', 'place'],
  ])('name class of %s is %s', (name, nameClass) => {
    const [token] = analyzer.tokenize(name);
    expect(token).toMatchObject({ text: name, pos: 'NNP', nameClass });
  });

  it('has the other name class for organisations such as 삼성 (among its readings)', () => {
    const dict = analyzer.dictionary;
    const classes = dict.lookup('삼성').filter((e) => dict.tag(e) === 'NNP').map((e) => dict.nameClass(e));
    expect(classes).toContain('other');
  });

  it('leaves the name class off common nouns', () => {
    expect(analyzer.tokenize('시장')[0]!.nameClass).toBeUndefined();
  });

  it.each([
    ['會長', '회장'],
    ['張', '장'],
  ])('reads the Hanja word %s as %s', (text, reading) => {
    expect(analyzer.tokenize(text)[0]).toMatchObject({ text, reading });
  });

  it.each([
    ['none', '기획/NNG 재정부/NNG'],
    ['discard', '기획/NNG 재정/NNG 부/NNG'],
    ['mixed', '기획/NNG 재정부/NNG 재정/NNG 부/NNG'],
  ] as const)('decompound %s', (decompound, expected) => {
    expect(show(analyzer.tokenize('기획재정부', { decompound }))).toBe(expected);
  });

  it('gives inflected forms their breakdown with fine tags', () => {
    const [token] = analyzer.tokenize('했');
    expect(token).toMatchObject({ text: '했', pos: 'VV+EP', morphemes: [{ text: '하', pos: 'VV' }, { text: '았', pos: 'EP' }] });
  });

  it('drops punctuation only when asked (Nori discard_punctuation)', () => {
    expect(show(analyzer.tokenize('3.5%, 좋다!'))).toBe('3/SN ./SY 5/SN %,/SY 좋/VA 다/EF !/SF');
    expect(show(analyzer.tokenize('3.5%, 좋다!', { discardPunctuation: true }))).toBe('3/SN 5/SN 좋/VA 다/EF');
  });

  it('numbers eojeols by whitespace and analyses each line on its own', () => {
    const tokens = analyzer.tokenize('서울에 갔다.\n부산  간다');
    expect(tokens.map((t) => `${t.text}:${t.eojeol}`)).toEqual(['서울:0', '에:0', '갔:1', '다:1', '.:1', '부산:2', '간다:3']);
  });

  it('keeps astral Hanja whole (never splits a surrogate pair)', () => {
    const text = '𠀀𠀁 한자';
    const tokens = analyzer.tokenize(text);
    expect(tokens[0]).toMatchObject({ text: '𠀀𠀁', start: 0, end: 4, pos: 'SH' });
  });

  it('analyses long text without line breaks in bounded segments', () => {
    const text = '인천시는 웨이하이시와 협약을 맺었다 '.repeat(600);
    const tokens = analyzer.tokenize(text);
    // A cut between segments may change the analysis next to it, nowhere else.
    expect(Math.abs(tokens.length - 600 * 11)).toBeLessThanOrEqual(5);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe('offset invariants', () => {
  const pieces = ['인천', '시장', '은', ' ', '  ', '\n', '張', '會長', '𠀀', '𡈁', 'ABC', '12', '.', '%', '가\u0301', 'ᄀ', '한국어', '\u3000', '!', '😀'];
  it('every token is the slice of the original text at its offsets, in order, without overlaps', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.constantFrom('none', 'discard', 'mixed'), (parts, mode) => {
        const text = parts.join('');
        const tokens = analyzer.tokenize(text, { decompound: mode as 'none' | 'discard' | 'mixed' });
        let last = 0;
        for (const t of tokens) {
          expect(text.slice(t.start, t.end)).toBe(t.text);
          expect(t.text.length).toBeGreaterThan(0);
          const first = t.text.charCodeAt(0);
          const final = t.text.charCodeAt(t.text.length - 1);
          expect(first >= 0xdc00 && first <= 0xdfff).toBe(false);
          expect(final >= 0xd800 && final <= 0xdbff).toBe(false);
          if (mode !== 'mixed') {
            expect(t.start).toBeGreaterThanOrEqual(last);
            last = t.end;
          }
        }
        // Everything but whitespace is covered (discard and none modes tile the text).
        if (mode !== 'mixed') {
          const covered = tokens.map((t) => t.text).join('');
          expect(covered).toBe(text.replace(/[\s\u3000]/g, ''));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the pipeline stage', () => {
  it('loads through Resources once and sets doc.tokens', async () => {
    const resources = new Resources(fsLoader);
    const stage = createAnalyzerStage();
    expect(stage).toMatchObject({ name: 'tokens', requires: ['text'], provides: ['tokens'] });
    await stage.setup!(resources);
    const second = createAnalyzerStage({ decompound: 'none', userDictionary: '웨이하이시장\tNNP:other' });
    await second.setup!(resources);
    const doc: KornerDocument = { text: '웨이하이시장은 기획재정부에', extra: {} };
    stage.run(doc, {});
    expect(show(doc.tokens!)).toBe('웨이하이/NNP 시장/NNG 은/JX 기획/NNG 재정/NNG 부/NNG 에/JKB');
    second.run(doc, {});
    expect(show(doc.tokens!)).toBe('웨이하이시장/NNP 은/JX 기획/NNG 재정부/NNG 에/JKB');
  });

  it('can add the pipeline user entries as proper nouns', async () => {
    const resources = new Resources(fsLoader, [{ surface: '한빛누리', type: 'PERSON' }]);
    const stage = createAnalyzerStage({ fromUserEntries: true });
    await stage.setup!(resources);
    const doc = { text: '한빛누리가 왔다', extra: {} } as { text: string; extra: object; tokens?: unknown[] };
    stage.run(doc as never, {});
    expect(doc.tokens![0]).toMatchObject({ text: '한빛누리', pos: 'NNP', nameClass: 'person' });
  });
});
