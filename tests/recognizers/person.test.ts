import { beforeAll, describe, expect, it } from 'vitest';
import type { KornerDocument } from '../../src/document/types.js';
import { found, nameRunner } from './gazetteerFixture.js';

let run: (text: string) => KornerDocument;
beforeAll(async () => {
  run = await nameRunner();
});

describe('person recogniser', () => {
  it.each([
    ['김민수 기자가 전했다.', ['PERSON:김민수']],
    ['/최하늘기자 mail@example.com', ['PERSON:최하늘']],
    ['박씨의 딸과 김모(33)씨 등', ['PERSON:박', 'PERSON:김']],
    ['오세훈 서울시장은 말했다.', ['PERSON:오세훈']],
    ['리창(李强) 베이징시장은 답했다.', ['PERSON:리창']],
    ['정하람 전 외교부 장관이 합류했다.', ['PERSON:정하람']],
    ['A 씨를 더 의심하지 않았다.', ['PERSON:A']],
    ['윤 대통령은 이날 발표했다.', ['PERSON:윤']],
    ['케리 장관은 내일 출발한다.', ['PERSON:케리']],
  ])('%s', (text, expected) => {
    expect(found(run(text), 'person')).toEqual(expected);
  });

  it.each([
    ['경제장관회의에서 논의했다.'],
    ['기재부 관계자는 말했다.'],
    ['국방장관이 말했다.'],
    ['신임 장관이 취임했다.'],
    ['솜씨가 좋다.'],
  ])('finds no person in %s', (text) => {
    expect(found(run(text), 'person')).toEqual([]);
  });

  it('finds the other mentions of a name it found before a cue', () => {
    const doc = run('장후이 웨이하이시장은 왔다. 이어 장후이는 "좋다"고 했다.');
    expect(found(doc, 'person')).toEqual(['PERSON:장후이', 'PERSON:장후이']);
  });

  it('takes PERSON entries from the user dictionary', async () => {
    const withUser = await nameRunner([{ surface: '도라에몽', type: 'PERSON' }]);
    expect(found(withUser('도라에몽이 왔다.'), 'person')).toEqual(['PERSON:도라에몽']);
  });

  it('declares what it needs and provides', async () => {
    const { createPersonStage } = await import('../../src/recognizers/person.js');
    const stage = createPersonStage();
    expect([stage.name, stage.requires, stage.provides]).toEqual(['person', ['tokens'], ['candidates']]);
  });
});
