import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDocument } from '../../src/document/createDocument.js';
import { KornerError } from '../../src/errors.js';
import { createDateTimeStage, findDateline } from '../../src/recognizers/date.js';
import { normalizeText } from '../../src/text/normalize.js';
import { extractNumeric } from '../normalize/extract.js';

describe('dateline', () => {
  it.each([
    ['발행일 2016-05-17 제1면', '2016-05-17'],
    ['기사입력 2016.05.17 10:31', '2016-05-17'],
    ['입력 : 2015. 3. 2. 오후 4:01', '2015-03-02'],
    ['작성일 2023-12-27 13:28', '2023-12-27'],
    ['등록일 2014년 9월 19일', '2014-09-19'],
  ])('%s → %s', (text, date) => {
    expect(findDateline(text)).toBe(date);
  });

  it('prefers the publication date over the posting date', () => {
    expect(findDateline('작성일\n2023-12-27 13:28\n조회 177\n발행일 2016-05-17 제1면')).toBe('2016-05-17');
    expect(findDateline('수정 2016-05-18 입력 2016-05-17')).toBe('2016-05-17');
  });

  it('finds none in plain text or with an impossible date', () => {
    expect(findDateline('그는 오는 27일 회의에 간다.')).toBeUndefined();
    expect(findDateline('발행일 2016-02-30')).toBeUndefined();
  });

  it('sets doc.referenceDate when neither the option nor the document has one', async () => {
    const { doc, entities } = await extractNumeric('발행일 2016-05-17\n기재부는 오는 27일 회의를 연다.');
    expect(doc.referenceDate).toBe('2016-05-17');
    expect(entities.find((e) => e.text === '27일')?.value).toBe('2016-05-27');
  });

  it('the option wins over the dateline and is not written to the document', async () => {
    const { doc, entities } = await extractNumeric('발행일 2016-05-17\n오는 27일 회의', '2016-06-01');
    expect(doc.referenceDate).toBeUndefined();
    expect(entities.find((e) => e.text === '27일')?.value).toBe('2016-06-27');
  });
});

describe('relative dates', () => {
  it('get no value without a reference date', async () => {
    const { entities } = await extractNumeric('지난해 7월과 오는 27일, 그리고 2015년 3월 2일');
    expect(entities.map((e) => [e.text, e.value])).toEqual([
      ['지난해 7월', undefined],
      ['27일', undefined],
      ['2015년 3월 2일', '2015-03-02'],
    ]);
  });

  it('이날 takes the nearest preceding explicit day, else the reference date', async () => {
    const { entities } = await extractNumeric('이날 발표했다. 앞서 16일 만났다. 이날 개장했고 전날 도착했다.', '2016-05-17');
    expect(entities.map((e) => [e.text, e.value])).toEqual([
      ['이날', '2016-05-17'],
      ['16일', '2016-05-16'],
      ['이날', '2016-05-16'],
      ['전날', '2016-05-15'],
    ]);
  });

  it.each([
    ['지난 19일', '2016-04-19'],
    ['지난 17일', '2016-04-17'],
    ['지난 16일', '2016-05-16'],
    ['오는 17일', '2016-06-17'],
    ['오는 31일', '2016-05-31'],
  ])('%s read on 2016-05-17 → %s', async (text, value) => {
    const { entities } = await extractNumeric(`${text} 발표`, '2016-05-17');
    expect(entities[0]?.value).toBe(value);
  });

  it.each([
    ['오는 2021년 완공', '2021년', '2021'],
    ['지난 2015년 3월 발표', '지난 2015년 3월', '2015-03'],
  ])('%s: a year after 오는/지난 keeps what the direction word decided (%s)', async (text, entityText, value) => {
    const { entities } = await extractNumeric(text, '2016-05-17');
    expect(entities.map((e) => [e.text, e.value])).toEqual([[entityText, value]]);
  });

  it('지난 31일 skips months without a 31st', async () => {
    const { entities } = await extractNumeric('지난 31일 발표', '2016-05-10');
    expect(entities[0]?.value).toBe('2016-03-31');
  });
});

describe('what may start a date (the scanner skips the rest before parsing)', () => {
  it.each([
    ['이 날 회의가 열렸다', '이 날'],
    ['한 달 동안 쉬었다', '한 달 동안'],
    ['열두 달 만에 돌아왔다', '열두 달'],
    ['4·19 혁명', '4·19'],
    ['1990년대 후반', '1990년대 후반'],
    ['20160517 발표', '20160517'],
    ['2014 브라질 월드컵', '2014'],
    ['올 초 계획', '올 초'],
  ])('%s → %s', async (text, expected) => {
    const { entities } = await extractNumeric(text, '2016-05-17');
    expect(entities.filter((e) => e.type === 'DATE').map((e) => e.text)).toContain(expected);
  });

  it.each(['이 사건은 크다', '한 사람이 왔다', '32명이 모였다', '올림픽에 나간다', '한국 세계 열린'])('%s: no DATE', async (text) => {
    const { entities } = await extractNumeric(text, '2016-05-17');
    expect(entities.filter((e) => e.type === 'DATE')).toEqual([]);
  });
});

describe('stage contract', () => {
  it('throws a KornerError when run before setup', () => {
    const doc = createDocument('오늘');
    doc.normalized = normalizeText('오늘');
    expect(() => createDateTimeStage().run(doc, {})).toThrow(KornerError);
  });

  it('rejects a reference date that is not YYYY-MM-DD', async () => {
    await expect(extractNumeric('오늘', '2016/05/17')).rejects.toThrow('referenceDate');
  });

  it('keeps offsets into the original text, through NFKC folding', async () => {
    const text = '２０１６년 ５월 １７일 오후 ７시';
    const { entities } = await extractNumeric(text);
    for (const e of entities) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(entities.map((e) => [e.type, e.value])).toEqual([
      ['DATE', '2016-05-17'],
      ['TIME', '19:00'],
    ]);
  });

  it.each(['이날씨에', '일본에서', '올림픽', '경주에 갔다', '서명을 받았다', '3월드컵', '하나은행', '한국에서 왔다', '다시 한번 봤다', '한편 그는'])(
    'finds no figure or date in %s',
    async (text) => {
      const { entities } = await extractNumeric(text, '2016-05-17');
      expect(entities).toEqual([]);
    },
  );
});

const SEED = join(__dirname, '..', '..', '..', 'shared', 'acceptance');

describe.skipIf(!existsSync(join(SEED, 'seed-article.txt')))('seed article', () => {
  it('finds every date, time and figure of seed-article.expected.json with its value', async () => {
    const text = readFileSync(join(SEED, 'seed-article.txt'), 'utf8');
    const expected = JSON.parse(readFileSync(join(SEED, 'seed-article.expected.json'), 'utf8')) as {
      referenceDate: string;
      entities: { type: string; text: string; value?: string; number?: number; unit?: string }[];
    };
    const { doc, entities } = await extractNumeric(text);
    expect(doc.referenceDate).toBe(expected.referenceDate);
    for (const item of expected.entities.filter((e) => ['DATE', 'TIME', 'QUANTITY'].includes(e.type))) {
      const ok = entities.some((e) => {
        if (e.type !== item.type || !e.text.includes(item.text) && !item.text.includes(e.text)) return false;
        if (item.value !== undefined && e.value !== item.value) return false;
        if (item.number !== undefined) {
          const v = e.value as { number: number; unit: string };
          return v.number === item.number && v.unit === item.unit;
        }
        return true;
      });
      expect(ok, `${item.type} ${item.text}`).toBe(true);
    }
  });
});

// Long repetitive inputs that would make a backtracking rule blow up: they must come through whole (vitest's test
// timeout is the backstop; speed itself is measured by npm run bench, not by tests).
describe('long repetitive input', () => {
  it.each([
    ['digits', '1'.repeat(200_000), 0],
    ['spaces after a label', `발행일${' '.repeat(200_000)}x`, 0],
    ['numerals', '3명 '.repeat(50_000), 50_000],
    ['words', '이날 오후 '.repeat(40_000), 80_000],
  ])('goes through 200k characters of %s', async (_name, text, atLeast) => {
    const { entities } = await extractNumeric(text, '2016-05-17');
    expect(entities.length).toBeGreaterThanOrEqual(atLeast);
    for (const e of entities) expect(text.slice(e.start, e.end)).toBe(e.text);
  });
});
