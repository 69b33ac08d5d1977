import { describe, expect, it } from 'vitest';
import { createDocument } from '../../src/document/createDocument.js';
import { linkGlosses } from '../../src/hanja/index.js';
import { realReader } from './helpers.js';

const reader = realReader();

describe('Sino-Korean readings of any length', () => {
  // What the recursive enumeration gave (before it became a loop): the same readings in the same order.
  it.each([
    ["樂率北", ["악률북", "악률배", "악솔북", "낙률북", "악솔배", "낙률배", "낙솔북", "요율북"], ["악률북", "악률배", "악솔북"]],
    ["北樂率更", ["북악률경", "북악률갱", "북악솔경", "북락률경", "배악률경", "북악솔갱", "북락률갱", "북락솔경"], ["북악률경", "북악률갱", "북악솔경"]],
    ["降易說", ["강역설", "강역세", "강이설", "항역설", "강역열", "강이세", "항역세", "항이설"], ["강역설", "강역세", "강이설"]],
    ["說樂行", ["설악행", "설악항", "설락행", "세악행", "설락항", "설요행", "세악항", "세락행"], ["설악행", "설악항", "설락행"]],
    ["樂樂樂樂", ["낙락낙락"], ["낙락낙락"]],
    ["金樂", ["김낙"], ["김낙"]],
    ["李樂率", ["이악률", "이악솔", "이락률", "이락솔", "이요율", "이요솔"], ["이악률", "이악솔", "이락률"]],
    ["李舜臣", ["이순신"], ["이순신"]],
    ["金大中", ["김대중", "금대중"], ["금대중", "김대중"]],
    ["柳成龍", ["유성룡"], ["유성룡"]],
    ["洛東江", ["낙동강"], ["낙동강"]],
    ["韓中", ["한중"], ["한중"]],
    ["威海市", ["위해시"], ["위해시"]],
    ["樂", ["악", "낙", "요"], ["악", "낙", "요"]],
    ["北韓", ["북한", "배한"], ["북한", "배한"]],
    ["男女老少", ["남녀노소"], ["남녀노소"]],
    ["大韓民國", ["대한민국"], ["대한민국"]],
    ["率", ["율", "솔"], ["율", "솔"]],
    ["不動産", ["부동산"], ["부동산"]],
    ["六月", ["유월"], ["유월"]],
    ["學而時習之", ["학이시습지"], ["학이시습지"]],
    ["女子", ["여자"], ["여자"]],
  ] as [string, string[], string[]][])('%s reads as before', (hanja, eight, threeWithoutName) => {
    expect(reader.readSinoKorean(hanja, 8)).toEqual(eight);
    expect(reader.readSinoKorean(hanja, 3, { name: false })).toEqual(threeWithoutName);
  });

  it.each([
    ['unspaced Hanja', '威海', 6_000],
    ['Classical Chinese', '學而時習之不亦說乎', 1_500],
  ])('reads %s of over 10,000 characters without overflowing the stack', (_title, unit, times) => {
    const hanja = unit.repeat(times);
    const start = performance.now();
    const [reading] = reader.readSinoKorean(hanja, 1);
    expect(reading).toHaveLength(hanja.length);
    expect(reading!.startsWith(reader.readSinoKorean(unit, 1)[0]!.slice(0, 1))).toBe(true);
    // Quadratic string work (reading the last syllable off the growing reading) took seconds here.
    expect(performance.now() - start).toBeLessThan(2_000);
  });

  it('enumerates several readings of a long string', () => {
    const readings = reader.readSinoKorean('樂率北'.repeat(4_000), 8);
    expect(readings).toHaveLength(8);
    expect(new Set(readings).size).toBe(8);
  });
});

describe('gloss links over long inputs', () => {
  const link = (text: string) => {
    const doc = createDocument(text);
    doc.entities = [];
    linkGlosses(doc, reader);
    return doc;
  };

  it('reads a page of Hanja without spaces as one stand-alone reading', () => {
    const doc = link('威海'.repeat(10_000));
    expect(doc.links).toHaveLength(1);
    expect(doc.links![0]!.hangul).toHaveLength(20_000);
  });

  it('adds an entity for each of many headline abbreviations', () => {
    const doc = link('北 '.repeat(50_000));
    expect(doc.entities!.filter((e) => e.source === 'glossLinks')).toHaveLength(50_000);
  });

  it('finds the mention a gloss reads at the end of a long Hangul run', () => {
    const doc = link(`${'가'.repeat(100_000)}위해(威海)`);
    expect(doc.links!.map((l) => [l.hangul, l.reading])).toEqual([['위해', 'sino-korean']]);
  });
});
