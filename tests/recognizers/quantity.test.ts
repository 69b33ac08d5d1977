import { describe, expect, it } from 'vitest';
import { createDocument } from '../../src/document/createDocument.js';
import { KornerError } from '../../src/errors.js';
import { compileUnitLexicon } from '../../src/recognizers/quantityLexicon.js';
import { createQuantityStage, findQuantities } from '../../src/recognizers/quantity.js';
import { parseTsv } from '../../src/resources/tsv.js';
import { normalizeText } from '../../src/text/normalize.js';
import { extractNumeric } from '../normalize/extract.js';

describe('quantity', () => {
  it('maps spans found on NFKC text back to the original (㎡, ％, full-width digits)', async () => {
    const text = '부지 5천㎡와 ５０％, 그리고 1천780㎡';
    const { entities } = await extractNumeric(text);
    for (const e of entities) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(entities.map((e) => [e.text, e.value])).toEqual([
      ['5천㎡', { number: 5000, unit: 'm2' }],
      ['５０％', { number: 50, unit: '%' }],
      ['1천780㎡', { number: 1780, unit: 'm2' }],
    ]);
  });

  it('keeps values exact beyond 2^53 as decimal strings', async () => {
    const { entities } = await extractNumeric('부채가 9천경원에 이른다');
    expect(entities[0]?.value).toEqual({ number: '90000000000000000000', unit: 'KRW' });
  });

  it('uses the tables it is given: a user counter is recognised', () => {
    const units = parseTsv('units.tsv', '# columns: surface\tunit\tkind\n원\tKRW\tcurrency\n');
    const counters = parseTsv('counters.tsv', '# columns: counter\tgloss\n그루\ttrees\n');
    const lexicon = compileUnitLexicon(units, counters);
    const found = findQuantities('나무 3그루와 5천원', lexicon);
    expect(found.map((m) => m.value)).toEqual([
      { number: 3, unit: '그루' },
      { number: 5000, unit: 'KRW' },
    ]);
  });

  it('throws a KornerError when run before setup', () => {
    const doc = createDocument('3명');
    doc.normalized = normalizeText('3명');
    expect(() => createQuantityStage().run(doc, {})).toThrow(KornerError);
  });

  it.each([
    ['형사1부 판사', []],
    ['조선 시대의 구조대', []],
    ['천사와 천국', []],
    ['031-8060-2560으로 문의', []],
    ['서울 서초동 1628-1번지', []],
    ['아이폰6 출시', []],
  ])('finds no figure in %s', async (text, expected) => {
    const { entities } = await extractNumeric(text);
    expect(entities.filter((e) => e.type === 'QUANTITY').map((e) => e.text)).toEqual(expected);
  });

  it('leaves particles and 약/가량 outside the span', async () => {
    const { entities } = await extractNumeric('약 14만명이 추가로, 16명을 입건하고 3천원가량');
    expect(entities.map((e) => e.text)).toEqual(['14만명', '16명', '3천원']);
  });

  it('reads ages in parentheses after a name, not other bracketed figures', async () => {
    const { entities } = await extractNumeric('김모(33)씨와 A(57)씨, 그리고 (2015) 작품');
    expect(entities.filter((e) => e.type === 'QUANTITY').map((e) => e.text)).toEqual(['33', '57']);
  });
});
