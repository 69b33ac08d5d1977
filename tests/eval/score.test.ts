import { describe, expect, it } from 'vitest';
import { parseGold, parseGoldLine } from '../../src/eval/gold.js';
import { prf, score } from '../../src/eval/score.js';
import { fnv1a32, selectSplit, splitOf } from '../../src/eval/split.js';
import { KornerError } from '../../src/errors.js';

describe('entity-level score', () => {
  it('counts exact span and type matches, micro and per type', () => {
    const report = score([
      {
        text: '오늘 3명이 왔다',
        gold: [
          { start: 0, end: 2, type: 'DATE' },
          { start: 3, end: 5, type: 'QUANTITY' },
        ],
        predicted: [
          { start: 0, end: 2, type: 'DATE' },
          { start: 3, end: 6, type: 'QUANTITY' },
        ],
      },
    ]);
    expect(report.entity.byType.DATE).toMatchObject({ truePositives: 1, falsePositives: 0, falseNegatives: 0, f1: 1 });
    expect(report.entity.byType.QUANTITY).toMatchObject({ truePositives: 0, falsePositives: 1, falseNegatives: 1, f1: 0 });
    expect(report.entity.micro).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 1, precision: 0.5, recall: 0.5 });
  });

  it('a wrong type is a false positive and a false negative', () => {
    const report = score([{ text: '서울', gold: [{ start: 0, end: 2, type: 'LOCATION' }], predicted: [{ start: 0, end: 2, type: 'ORGANIZATION' }] }]);
    expect(report.entity.micro).toMatchObject({ truePositives: 0, falsePositives: 1, falseNegatives: 1 });
  });

  it('counts duplicate predictions once', () => {
    const span = { start: 0, end: 2, type: 'DATE' };
    const report = score([{ text: '오늘', gold: [span], predicted: [span, { ...span }] }]);
    expect(report.entity.micro).toMatchObject({ truePositives: 1, falsePositives: 0 });
  });

  it('filters types when asked', () => {
    const report = score(
      [{ text: '김 3명', gold: [{ start: 0, end: 1, type: 'PERSON' }, { start: 2, end: 4, type: 'QUANTITY' }], predicted: [{ start: 2, end: 4, type: 'QUANTITY' }] }],
      { types: ['QUANTITY'] },
    );
    expect(Object.keys(report.entity.byType)).toEqual(['QUANTITY']);
    expect(report.entity.micro.f1).toBe(1);
  });

  it('is zero, not NaN, with nothing to score', () => {
    expect(prf(0, 0, 0)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(score([]).entity.micro.f1).toBe(0);
  });
});

describe('character-level score', () => {
  it('labels characters without B/I prefixes and skips whitespace', () => {
    // gold: "지난 19일" DATE (5 non-space characters); predicted "19일" only (3 characters).
    const report = score([{ text: '지난 19일 개봉', gold: [{ start: 0, end: 6, type: 'DATE' }], predicted: [{ start: 3, end: 6, type: 'DATE' }] }]);
    expect(report.character.byType.DATE).toMatchObject({ truePositives: 3, falsePositives: 0, falseNegatives: 2 });
    expect(report.character.micro.precision).toBe(1);
    expect(report.character.micro.recall).toBeCloseTo(0.6);
    expect(report.entity.micro.truePositives).toBe(0);
  });

  it('a character with the wrong type counts against both types', () => {
    const report = score([{ text: 'ab', gold: [{ start: 0, end: 2, type: 'PERSON' }], predicted: [{ start: 0, end: 1, type: 'LOCATION' }] }]);
    expect(report.character.byType.PERSON).toMatchObject({ truePositives: 0, falseNegatives: 2 });
    expect(report.character.byType.LOCATION).toMatchObject({ falsePositives: 1 });
    expect(report.character.macroF1).toBe(0);
  });
});

describe('split', () => {
  it('hashes with FNV-1a 32-bit', () => {
    // Reference values of FNV-1a 32 (offset basis 0x811c9dc5, prime 0x01000193).
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('is deterministic and puts about one in five records in validation', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `klue-ner-v1_dev_${String(i).padStart(5, '0')}-wikitree`);
    const validation = ids.filter((id) => splitOf(id) === 'validation').length;
    expect(validation / ids.length).toBeGreaterThan(0.17);
    expect(validation / ids.length).toBeLessThan(0.23);
    expect(ids.map(splitOf)).toEqual(ids.map(splitOf));
    const records = ids.map((id) => ({ id }));
    expect(selectSplit(records, 'train').length + selectSplit(records, 'validation').length).toBe(ids.length);
    expect(selectSplit(records, 'all')).toHaveLength(ids.length);
  });
});

describe('gold', () => {
  it('parses a record with KLUE or korner type names', () => {
    const record = parseGoldLine('{"id":"x1","text":"오늘 3명","entities":[{"start":0,"end":2,"type":"DT","text":"오늘"},{"start":3,"end":5,"type":"QUANTITY"}]}');
    expect(record).toEqual({
      id: 'x1',
      text: '오늘 3명',
      entities: [
        { start: 0, end: 2, type: 'DATE', text: '오늘' },
        { start: 3, end: 5, type: 'QUANTITY', text: '3명' },
      ],
    });
  });

  it('skips blank lines and numbers records without an id by line', () => {
    const records = parseGold('{"text":"a","entities":[]}\n\n{"id":"b","text":"b"}\n');
    expect(records.map((r) => r.id)).toEqual(['1', 'b']);
    expect(records[1]!.entities).toEqual([]);
  });

  it.each([
    ['not json', 'not valid JSON'],
    ['{"id":"a"}', '"text"'],
    ['{"text":"ab","entities":[{"start":0,"end":3,"type":"PS"}]}', 'outside the text'],
    ['{"text":"ab","entities":[{"start":0,"end":1,"type":"XX"}]}', 'unknown type'],
    ['{"text":"ab","entities":[{"start":0,"end":1,"type":"PS","text":"b"}]}', 'differs'],
  ])('rejects %s with a KornerError naming the problem', (line, message) => {
    expect(() => parseGoldLine(line, 7)).toThrow(KornerError);
    expect(() => parseGoldLine(line, 7)).toThrow(message);
    expect(() => parseGoldLine(line, 7)).toThrow('line 7');
  });
});
