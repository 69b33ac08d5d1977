import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/analyzer/analyzer.js';
import type { MecabDictionary } from '../../src/analyzer/dictionary.js';
import { prefixMatchesOf, type PrefixMatches } from '../../src/analyzer/prefixMatches.js';
import type { KornerDocument, Token } from '../../src/document/types.js';
import { createExtractor } from '../../src/index.js';
import { nodeLoader } from '../../src/resources/nodeLoader.js';
import { Resources } from '../../src/resources/resources.js';
import { loadTaggerLexicon, type TaggerLexicon } from '../../src/tagger/lexicon.js';

// The analyzer records the mecab-ko-dic words its lattice finds so that the tagger's lexicon need not walk the trie
// again; these tests pin that the recorded matches are exactly what the lexicon's own walk finds, wherever they
// claim to cover a start, and that the lexicon's results are the same with and without them.

let lexicon: TaggerLexicon;
let dictionary: MecabDictionary;
let analyzer: Analyzer;
beforeAll(async () => {
  lexicon = await loadTaggerLexicon(new Resources(nodeLoader()));
  dictionary = lexicon.names!;
  analyzer = new Analyzer(dictionary);
});

/** The lexicon's rule for where a word starts (src/tagger/lexicon.ts, continuesWord). */
function isWordStart(text: string, start: number): boolean {
  return start === 0 || !/[0-9A-Za-z\u1100-\u11ff\u3130-\u318f\u3400-\u9fff\ud800-\udfff\uf900-\ufaff\uac00-\ud7a3]/.test(text[start - 1]!);
}

/** What forEachPrefix finds at `start` that the tagger can use: two units or more, some entry with a name class. */
function expectedNames(text: string, start: number): number[] {
  const out: number[] = [];
  dictionary.forEachPrefix(text, start, (end, first, count) => {
    // The set of the entries' name class indices into meta.nameClasses (index 0: none).
    let classes = 0;
    for (let k = 0; k < count; k++) classes |= 1 << dictionary.meta.nameClasses.indexOf(dictionary.nameClass(first + k) ?? '');
    if (end - start >= 2 && classes > 1) out.push(start, end, classes);
  });
  return out;
}

function recordedNames(prefixes: PrefixMatches, start: number): number[] {
  const out: number[] = [];
  for (let at = prefixes.firstAtOrAfter(start); at < prefixes.data.length && prefixes.data[at] === start; at += 3) {
    out.push(...prefixes.data.slice(at, at + 3));
  }
  return out;
}

/**
 * Checks every covered start against forEachPrefix; returns how many word starts (other than white space, where the
 * analyzer never starts a word) are covered and how many there are.
 */
function checkCoveredStarts(text: string): { covered: number; wordStarts: number; prefixes: PrefixMatches } {
  const tokens = analyzer.tokenize(text);
  const prefixes = prefixMatchesOf(tokens, text)!;
  expect(prefixes).toBeDefined();
  let covered = 0;
  let wordStarts = 0;
  for (let start = 0; start < text.length; start++) {
    const counted = isWordStart(text, start) && !/\s/.test(text[start]!);
    if (counted) wordStarts++;
    if (!prefixes.covers(start)) continue;
    if (counted) covered++;
    expect(recordedNames(prefixes, start), `start ${start} of ${JSON.stringify(text)}`).toEqual(expectedNames(text, start));
  }
  return { covered, wordStarts, prefixes };
}

/** findAll over `[from, to)` with the analyzer's matches, which must equal findAll without them. */
function findBothWays(text: string, tokens: readonly Token[], from: number, to: number): void {
  const alone = lexicon.findAll(text, from, to);
  lexicon.usePrefixMatches(prefixMatchesOf(tokens, text));
  try {
    expect(lexicon.findAll(text, from, to), `[${from}, ${to}) of ${JSON.stringify(text)}`).toEqual(alone);
  } finally {
    lexicon.usePrefixMatches(undefined);
  }
}

const TEXTS = [
  '유정복 인천시장은 16일 인천시청에서 서울특별시장 박원순과 만났다.',
  '(서울)·부산, "김대중" 대통령은 [광주]에서… 이명박-노무현.',
  '첫 줄의 서울\n둘째 줄의 부산\r\n\r\n  셋째 줄, 대전광역시\n',
  'COVID-19 확진자 1,234명이 서울대병원에서; Samsung 이재용 부회장 李在鎔 金大中 漢陽',
  '𠀀𠀁 김𠀂철수 😀서울 🇰🇷 대한민국 \ud800 외로운 상위 \udc00 대리',
  '서울  부산   대구\t광주\u3000제주\u00a0울산',
];

describe("the analyzer's recorded trie matches", () => {
  it.each(TEXTS)('equal forEachPrefix at every covered start, and cover most word starts: %j', (text) => {
    const { covered, wordStarts } = checkCoveredStarts(text);
    expect(covered).toBeGreaterThan(0.8 * wordStarts);
  });

  it.each(TEXTS)('leave findAll unchanged over any range: %j', (text) => {
    const tokens = analyzer.tokenize(text);
    for (let from = 0; from < text.length; from++) {
      for (const to of [from + 1, from + 2, from + 5, from + 13, text.length]) if (to <= text.length) findBothWays(text, tokens, from, to);
    }
  });

  it('do not cover a start whose walk the segment end cut short, and the lexicon walks it itself', () => {
    // A line of 4,096 units or more without a space in its second half is cut at 4,096: 서울 at 4,094 crosses the cut.
    const text = `${'가'.repeat(4093)}(서울특별시청 앞`;
    const { prefixes } = checkCoveredStarts(text);
    expect(prefixes.covers(4094)).toBe(false);
    expect(expectedNames(text, 4094).length).toBeGreaterThan(0);
    const tokens = analyzer.tokenize(text);
    findBothWays(text, tokens, 4000, text.length);
    findBothWays(text, tokens, 4094, 4096);
  });

  it('hold for long lines cut at a space, many lines and varied scripts (property)', () => {
    const unit = fc.constantFrom(...'서울부산김대중이명박정권인천시청장 \n\r\t.,()"·-A9z李金漢'.split(''), '\u3000', '𠀀', '😀', '\ud800', '\udc00');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 80 }), fc.nat(), fc.nat(), (units, a, b) => {
        const text = units.join('');
        checkCoveredStarts(text);
        const tokens = analyzer.tokenize(text);
        const from = text.length ? a % text.length : 0;
        const to = from + (text.length - from ? b % (text.length - from + 1) : 0);
        findBothWays(text, tokens, from, to);
        findBothWays(text, tokens, 0, text.length);
      }),
      { numRuns: 300, seed: 17 },
    );
    const long = Array.from({ length: 1000 }, (_, i) => ['서울특별시', '김대중', '부산', '(인천)'][i % 4]).join(' ');
    expect(long.length).toBeGreaterThan(4096);
    checkCoveredStarts(long);
    const tokens = analyzer.tokenize(long);
    for (const [from, to] of [[0, long.length], [2040, 2100], [4000, 4200]] as const) findBothWays(long, tokens, from, to);
  });

  it('are only used for the text they were recorded for', () => {
    const tokens = analyzer.tokenize('서울 부산');
    expect(prefixMatchesOf(tokens, '서울 부산')).toBeDefined();
    expect(prefixMatchesOf(tokens, '대구 부산')).toBeUndefined();
    expect(prefixMatchesOf([...tokens], '서울 부산')).toBeUndefined();
    lexicon.usePrefixMatches(prefixMatchesOf(tokens, '서울 부산'));
    try {
      // Another text of the same length: the lexicon must not read the matches of the first.
      const other = lexicon.findAll('대구 광주');
      lexicon.usePrefixMatches(undefined);
      expect(other).toEqual(lexicon.findAll('대구 광주'));
    } finally {
      lexicon.usePrefixMatches(undefined);
    }
  });

  it('leave what users see of the token array unchanged', () => {
    const tokens = analyzer.tokenize('유정복 인천시장은 16일 만났다.');
    const copy = tokens.map((t) => ({ ...t }));
    expect(Object.keys(tokens)).toEqual(Object.keys(copy));
    expect(JSON.stringify(tokens)).toBe(JSON.stringify(copy));
    expect(tokens).toStrictEqual(copy);
    for (const symbol of Object.getOwnPropertySymbols(tokens)) expect(Object.prototype.propertyIsEnumerable.call(tokens, symbol)).toBe(false);
  });
});

describe('the tagger stage with the analyzer’s matches', () => {
  it('finds the same candidates as without them (tokens replaced by a copy)', async () => {
    const extractor = await createExtractor({ referenceDate: '2016-05-17' });
    const stages = extractor.pipeline.stages;
    const tagger = stages.findIndex((s) => s.name === 'tagger');
    for (const text of TEXTS) {
      const doc = { text } as KornerDocument;
      for (const stage of stages.slice(0, tagger)) stage.run(doc, {});
      expect(prefixMatchesOf(doc.tokens, text)).toBeDefined();
      const copy = { ...doc, tokens: [...doc.tokens!], candidates: [...(doc.candidates ?? [])] };
      stages[tagger]!.run(doc, {});
      stages[tagger]!.run(copy, {});
      expect(doc.candidates).toEqual(copy.candidates);
    }
  });
});
