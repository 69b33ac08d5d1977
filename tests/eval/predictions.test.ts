import { describe, expect, it } from 'vitest';
import { ERROR_CODES, KornerError } from '../../src/errors.js';
import { parseGoldLine } from '../../src/eval/gold.js';
import { matchPredictions, type PredictionSources } from '../../src/eval/predictions.js';
import type { GoldDocument } from '../../src/formats/reader.js';

const doc = (id: string, line: number, text: string, ownId = true): GoldDocument => ({ id, line, text, entities: [{ start: 0, end: 1, type: 'PERSON', text: text[0]! }], ownId });
const gold = [doc('a', 1, '가나다'), doc('b', 2, '라마바'), doc('c', 3, '사아자')];
const sources = (more: Partial<PredictionSources> = {}): PredictionSources => ({
  goldName: 'gold.jsonl',
  predictionsName: 'pred.jsonl',
  leftOut: new Set(),
  goldIncomplete: false,
  ...more,
});

function failure(run: () => unknown): KornerError {
  try {
    run();
  } catch (error) {
    if (error instanceof KornerError) return error;
    throw error;
  }
  throw new Error('expected a KornerError');
}

describe('parseGoldLine for predictions', () => {
  const line = JSON.stringify({ id: 7, text: '서울', fold: 2, entities: [{ start: 0, end: 2, type: 'LOCATION', text: '서울', source: 'place', score: 0.9 }] });

  it('keeps source and score, and says whether the record has an id and a text', () => {
    expect(parseGoldLine(line, 1, undefined, { predictions: true })).toEqual({
      id: '7',
      text: '서울',
      entities: [{ start: 0, end: 2, type: 'LOCATION', text: '서울', source: 'place', score: 0.9 }],
      ownId: true,
      ownText: true,
    });
    expect(parseGoldLine('{"text":"서울"}', 4, undefined, { predictions: true })).toMatchObject({ id: '4', ownId: false });
  });

  it("takes a record without text, as korner extract writes them, and refuses extract's error records", () => {
    const extracted = JSON.stringify({ id: 'a', entities: [{ start: 0, end: 2, type: 'LOCATION', text: '서울', source: 'place' }], links: [] });
    expect(parseGoldLine(extracted, 1, undefined, { predictions: true })).toEqual({
      id: 'a',
      text: '',
      entities: [{ start: 0, end: 2, type: 'LOCATION', text: '서울', source: 'place' }],
      ownId: true,
      ownText: false,
    });
    expect(() => parseGoldLine(JSON.stringify({ id: 'a', line: 3, error: { code: 'KORNER_INPUT_JSON', message: 'x' } }), 3, undefined, { predictions: true })).toThrow(
      /gold line 3: an error record of korner extract, not a prediction; extract that record again/,
    );
    expect(() => parseGoldLine(JSON.stringify({ id: 'a', entities: [] }))).toThrow(/"text" is not a string/);
  });

  it('reads gold as before: no source, score or ownId', () => {
    expect(parseGoldLine(line)).toEqual({ id: '7', text: '서울', entities: [{ start: 0, end: 2, type: 'LOCATION', text: '서울' }] });
  });
});

describe('matchPredictions', () => {
  it('matches by id, in the gold order whatever the predictions order', () => {
    const predictions = [doc('c', 1, '사아자'), doc('a', 2, '가나다'), doc('b', 3, '라마바')];
    predictions[0]!.entities = [];
    const matched = matchPredictions(gold, predictions, sources());
    expect(matched.by).toBe('id');
    expect(matched.predicted.map((entities) => entities.length)).toEqual([1, 1, 0]);
  });

  it('matches by order when the predictions have no ids, or ids the gold does not know', () => {
    for (const predictions of [gold.map((d, k) => doc(String(k + 1), k + 1, d.text, false)), gold.map((d, k) => doc(`gold.jsonl:${k + 1}`, k + 1, d.text))]) {
      const matched = matchPredictions(gold, predictions, sources());
      expect(matched.by).toBe('order');
      expect(matched.predicted).toHaveLength(3);
    }
  });

  it('checks the spans of a prediction without text against the gold text, and takes their text from it', () => {
    const textless = (id: string, line: number, entities: GoldDocument['entities']): GoldDocument => ({ id, line, text: '', entities, ownId: true, ownText: false });
    const predictions = [textless('a', 1, [{ start: 1, end: 3, type: 'PERSON', text: '' }]), textless('b', 2, []), textless('c', 3, [{ start: 0, end: 2, type: 'LOCATION', text: '사아' }])];
    const matched = matchPredictions(gold, predictions, sources());
    expect(matched.predicted.map((entities) => entities.map((e) => e.text))).toEqual([['나다'], [], ['사아']]);
    expect(failure(() => matchPredictions(gold, [predictions[0]!, predictions[1]!, textless('c', 3, [{ start: 2, end: 9, type: 'PERSON', text: '' }])], sources())).message).toMatch(
      /pred\.jsonl:3: entity 0 of prediction "c" ends at 9, past the end of the gold text \(3\) \(gold record "c", gold\.jsonl:3\)/,
    );
    expect(failure(() => matchPredictions(gold, [predictions[0]!, predictions[1]!, textless('c', 3, [{ start: 0, end: 2, type: 'PERSON', text: '서울' }])], sources())).message).toMatch(
      /pred\.jsonl:3: entity 0 of prediction "c" is "서울", the gold text there "사아"/,
    );
  });

  it('leaves out the predictions of gold records that --split does not score', () => {
    const matched = matchPredictions(gold.slice(0, 2), [...gold], sources({ leftOut: new Set(['c']) }));
    expect(matched).toMatchObject({ by: 'id', skipped: 1 });
    expect(matched.predicted).toHaveLength(2);
  });

  it.each([
    ['a text that differs', [doc('a', 1, '가나다'), doc('b', 2, '라마X'), doc('c', 3, '사아자')], ERROR_CODES.INPUT_FORMAT, /^korner: pred\.jsonl:2: the text of prediction "b" is not that of gold record "b" \(gold\.jsonl:2\), from offset 2: gold "라마바", prediction "라마X"/],
    ['a gold record without prediction', [doc('a', 1, '가나다'), doc('c', 2, '사아자')], ERROR_CODES.INPUT_FORMAT, /pred\.jsonl: no prediction of gold record "b" \(gold\.jsonl:2\); predict every gold record/],
    ['a prediction without gold record', [...gold, doc('zz', 4, '차카타')], ERROR_CODES.INPUT_FORMAT, /pred\.jsonl:4: prediction "zz" has no gold record of that id in gold\.jsonl/],
    ['two predictions of one record', [...gold, doc('a', 4, '가나다')], ERROR_CODES.INPUT_FORMAT, /pred\.jsonl:4: a second prediction of "a" \(the first is at line 1\)/],
    ['some predictions with ids and some without', [gold[0]!, doc('2', 2, '라마바', false)], ERROR_CODES.INPUT_FORMAT, /pred\.jsonl:2: this prediction has no "id" but others have one/],
    ['by order, one prediction too few', [doc('1', 1, '가나다', false), doc('2', 2, '라마바', false)], ERROR_CODES.INPUT_FORMAT, /2 predictions for 3 gold records, none for gold record "c" \(gold\.jsonl:3\)/],
    ['by order, one prediction too many', [...gold, doc('4', 4, '차카타')].map((d) => ({ ...d, ownId: false })), ERROR_CODES.INPUT_FORMAT, /pred\.jsonl:4: more predictions than the 3 gold records/],
    ['by order, texts out of step', [doc('1', 1, '라마바', false), doc('2', 2, '가나다', false), doc('3', 3, '사아자', false)], ERROR_CODES.INPUT_FORMAT, /pred\.jsonl:1: the text of prediction "1" is not that of gold record "a"/],
  ])('refuses %s, naming the file and line', (_title, predictions, code, message) => {
    const error = failure(() => matchPredictions(gold, predictions, sources()));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('refuses gold ids that are not unique', () => {
    const error = failure(() => matchPredictions([...gold, doc('a', 9, '가나다')], gold, sources()));
    expect(error.message).toMatch(/gold\.jsonl:9: gold id "a" is also the id of gold\.jsonl:1/);
  });

  it('refuses to match by order when gold records were left out', () => {
    const anonymous = gold.map((d, k) => doc(String(k + 1), k + 1, d.text, false));
    expect(failure(() => matchPredictions(gold, anonymous, sources({ goldIncomplete: true }))).message).toMatch(/fix the gold records that could not be read/);
    expect(failure(() => matchPredictions(gold, anonymous, sources({ leftOut: new Set(['x']) }))).message).toMatch(/score without --split/);
  });
});
