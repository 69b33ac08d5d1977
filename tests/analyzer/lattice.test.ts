import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Analyzer } from '../../src/analyzer/analyzer.js';
import { Lattice, N_BACK, N_END, N_KIND, N_REF, N_START, NODE_FIELDS } from '../../src/analyzer/lattice.js';
import { fixtureDictionary, type FixtureWord } from './fixtureDictionary.js';
import { realAnalyzer, repoRoot, show } from './helpers.js';

// Context ids: 0 = BOS/EOS, 1 = nouns, 2 = particles.
const noun = (surface: string, cost: number, extra: Partial<FixtureWord> = {}): FixtureWord => ({ surface, left: 1, right: 1, cost, tag: 'NNG', ...extra });
const particle = (surface: string, cost: number): FixtureWord => ({ surface, left: 2, right: 2, cost, tag: 'JKO' });

describe('Viterbi over the lattice (fixture dictionary)', () => {
  it.each([
    ['the whole word when it is cheaper than its parts', 1500, '가나/NNG'],
    ['the parts when they are cheaper than the whole word', 2500, '가/NNG 나/NNG'],
  ])('picks %s', (_name, wholeCost, expected) => {
    const dict = fixtureDictionary([noun('가', 1000), noun('나', 1000), noun('가나', wholeCost)]);
    expect(show(new Analyzer(dict).tokenize('가나'))).toBe(expected);
  });

  it('adds connection costs between words', () => {
    const words = [noun('가', 1000), noun('나', 1000), noun('가나', 2500), particle('를', 100)];
    // matrix[left][right]: a noun after a noun costs 2000 more, so the split loses.
    const dict = fixtureDictionary(words, [[0, 0, 0], [0, 2000, 0], [0, 0, 0]]);
    expect(show(new Analyzer(dict).tokenize('가나를'))).toBe('가나/NNG 를/JKO');
  });

  it('keeps the first of two equally cheap analyses, as mecab does', () => {
    const dict = fixtureDictionary([noun('가', 1000), { surface: '가', left: 1, right: 1, cost: 1000, tag: 'NNP' }]);
    expect(show(new Analyzer(dict).tokenize('가'))).toBe('가/NNG');
  });

  it('penalises a particle that follows a space (mecab-ko space penalty)', () => {
    // 를 as a particle costs 1000 and as a noun 2500; after a space the particle costs 1000 + 3000, so the noun wins.
    const words = [noun('가', 1000), particle('를', 1000), noun('를', 2500)];
    const dict = fixtureDictionary(words);
    expect(show(new Analyzer(dict).tokenize('가를'))).toBe('가/NNG 를/JKO');
    expect(show(new Analyzer(dict).tokenize('가 를'))).toBe('가/NNG 를/NNG');
  });

  it.each([
    ['Latin letters group into one SL word', 'ABC가', 'ABC/SL 가/NNG'],
    ['digits group into one SN word and stop at a letter', '123가', '123/SN 가/NNG'],
    ['digits and a dot are separate unknown words', '3.5', '3/SN ./SY 5/SN'],
    ['Hangul missing from the dictionary becomes one UNKNOWN word', '하하하', '하하하/UNKNOWN'],
    ['Hanja is not grouped (group 0 in char.def)', '漢字', '漢/SH 字/SH'],
  ])('unknown words: %s', (_name, text, expected) => {
    const dict = fixtureDictionary([noun('가', 1000)]);
    expect(show(new Analyzer(dict).tokenize(text))).toBe(expected);
  });

  it('skips spaces and numbers eojeols', () => {
    const dict = fixtureDictionary([noun('가', 1000), noun('나', 1000)]);
    const tokens = new Analyzer(dict).tokenize('  가  나\t가 ');
    expect(tokens.map((t) => [t.text, t.start, t.end, t.eojeol])).toEqual([
      ['가', 2, 3, 0],
      ['나', 5, 6, 1],
      ['가', 7, 8, 2],
    ]);
  });

  describe('decompounding', () => {
    const dict = fixtureDictionary([
      noun('가나다', 100, { type: 'COMPOUND', morphemes: '가나/NNG+다/NNG' }),
      { surface: '했', left: 1, right: 1, cost: 100, tag: 'VV', type: 'INFLECT', morphemes: '하/VV+았/EF' },
    ]);
    it.each([
      ['discard', '가나/NNG 다/NNG'],
      ['none', '가나다/NNG'],
      ['mixed', '가나다/NNG 가나/NNG 다/NNG'],
    ] as const)('mode %s', (mode, expected) => {
      expect(show(new Analyzer(dict).tokenize('가나다', { decompound: mode }))).toBe(expected);
    });
    it('keeps an inflected form whole, with its breakdown, because its parts are not in the text', () => {
      const [token] = new Analyzer(dict).tokenize('했');
      expect(token).toMatchObject({ text: '했', pos: 'VV+EF', morphemes: [{ text: '하', pos: 'VV' }, { text: '았', pos: 'EF' }] });
    });
    it('gives compound parts exact offsets', () => {
      const tokens = new Analyzer(dict).tokenize('x 가나다');
      expect(tokens.slice(1).map((t) => [t.text, t.start, t.end])).toEqual([['가나', 2, 4], ['다', 4, 5]]);
    });
  });
});

describe('the WebAssembly lattice (src/analyzer/lattice.ts)', () => {
  const text = '유정복 인천시장은 16일 인천시청에서 장후이 웨이하이시 부시장을 만나 경인아라뱃길 사업을 논의했다.';

  /** The best path's nodes as [kind, start, end, ref], and the name triples of the segment. */
  function analyse(lattice: Lattice, input: string): { path: number[][]; names: number[] } {
    const last = lattice.run(input, 0, input.length, true, false);
    const path: number[][] = [];
    for (let x = last; x > 0; x = lattice.i32[lattice.nodeBase + x * NODE_FIELDS + N_BACK]!) {
      const o = lattice.nodeBase + x * NODE_FIELDS;
      path.unshift([lattice.i32[o + N_KIND]!, lattice.i32[o + N_START]!, lattice.i32[o + N_END]!, lattice.i32[o + N_REF]!]);
    }
    return { path, names: [...lattice.i32.subarray(lattice.nameBase, lattice.nameBase + lattice.nameWords)] };
  }

  it('grows its node and name areas and builds the segment again when they are full', async () => {
    const { dictionary } = await realAnalyzer();
    const roomy = analyse(new Lattice(dictionary, 4096), text);
    const cramped = new Lattice(dictionary, 4096, { nodes: 1, names: 3 });
    expect(analyse(cramped, text)).toEqual(roomy);
    expect(roomy.path.length).toBeGreaterThan(10);
    expect(roomy.names.length).toBeGreaterThan(0);
    // Grown once, it keeps its room: a second text of the same kind gives the same as a fresh roomy lattice.
    const again = '웨이하이시는 인천시와 자매도시다.';
    expect(analyse(cramped, again)).toEqual(analyse(new Lattice(dictionary, 4096), again));
  });

  it('reads a segment in the middle of a text by its offsets in the whole text', async () => {
    const { dictionary } = await realAnalyzer();
    const lattice = new Lattice(dictionary, 4096);
    const alone = analyse(lattice, text).path;
    const prefix = '머리말\n';
    const last = lattice.run(prefix + text, prefix.length, prefix.length + text.length, true, false);
    const path: number[][] = [];
    for (let x = last; x > 0; x = lattice.i32[lattice.nodeBase + x * NODE_FIELDS + N_BACK]!) {
      const o = lattice.nodeBase + x * NODE_FIELDS;
      path.unshift([lattice.i32[o + N_KIND]!, lattice.i32[o + N_START]! - prefix.length, lattice.i32[o + N_END]! - prefix.length, lattice.i32[o + N_REF]!]);
    }
    expect(path).toEqual(alone);
  });

  it('is what assembly/lattice.ts compiles to (npm run build:wasm)', () => {
    const run = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'wasm', 'build.mjs'), '--check'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 60_000);
});
