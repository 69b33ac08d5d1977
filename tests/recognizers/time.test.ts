import { describe, expect, it } from 'vitest';
import { clockValue } from '../../src/normalize/time.js';
import { extractNumeric } from '../normalize/extract.js';

describe('time', () => {
  it.each([
    [7, 0, 'pm', '19:00'],
    [12, 0, 'am', '00:00'],
    [12, 0, 'pm', '12:00'],
    [12, 0, 'noon', '12:00'],
    [1, 0, 'noon', '13:00'],
    [11, 0, 'night', '23:00'],
    [12, 0, 'night', '00:00'],
    [2, 0, 'night', '02:00'],
    [13, 28, undefined, '13:28'],
    [24, 0, undefined, '00:00'],
  ] as const)('clockValue(%i, %i, %s) → %s', (hour, minute, part, value) => {
    expect(clockValue(hour, minute, part)).toBe(value);
  });

  it.each([[25, 0], [10, 60], [-1, 0]])('rejects %i:%i', (hour, minute) => {
    expect(clockValue(hour, minute)).toBeUndefined();
  });

  it('keeps the date and the part of the day apart, as KLUE-NER does', async () => {
    const { entities } = await extractNumeric('17일 오후 발표했다', '2016-05-17');
    expect(entities.map((e) => [e.type, e.text])).toEqual([
      ['DATE', '17일'],
      ['TIME', '오후'],
    ]);
  });

  it.each(['낮은 가격', '밤하늘', '시간이 지나도', '5분의 3', '2시즌 연속'])('finds no time in %s', async (text) => {
    const { entities } = await extractNumeric(text);
    expect(entities.filter((e) => e.type === 'TIME')).toEqual([]);
  });
});
