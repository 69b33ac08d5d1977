import { beforeAll, describe, expect, it } from 'vitest';
import type { KornerDocument } from '../../src/document/types.js';
import { found, nameRunner } from './gazetteerFixture.js';

let run: (text: string) => KornerDocument;
beforeAll(async () => {
  run = await nameRunner();
});

describe('organization recogniser', () => {
  it.each([
    ['기획재정부는 발표했다.', ['ORGANIZATION:기획재정부']],
    ['인천시청에서 만났다.', ['ORGANIZATION:인천시청']],
    ['과기정통부와 한국전자통신연구원이', ['ORGANIZATION:과기정통부', 'ORGANIZATION:한국전자통신연구원']],
    ['경찰은 검찰에 넘겼다.', ['ORGANIZATION:경찰', 'ORGANIZATION:검찰']],
    ['경제장관회의에서', ['ORGANIZATION:경제장관회의']],
    ['영화진흥위원회 집계', ['ORGANIZATION:영화진흥위원회']],
    ['문화재보호청은', ['ORGANIZATION:문화재보호청']],
    ['(주)플로섬한테', ['ORGANIZATION:(주)플로섬']],
    ['MBC와 KBS', ['ORGANIZATION:MBC', 'ORGANIZATION:KBS']],
  ])('%s', (text, expected) => {
    expect(found(run(text), 'organization')).toEqual(expected);
  });

  it.each([['일부는 반대했다.'], ['내부 사정'], ['시청률이 올랐다.'], ['가구당 소득'], ['공사가 끝났다.']])(
    'finds no organisation in %s',
    (text) => {
      expect(found(run(text), 'organization')).toEqual([]);
    },
  );

  it.each([
    ['기재부', '기획재정부'],
    ['과기정통부', '과학기술정보통신부'],
    ['ETRI', '한국전자통신연구원'],
    ['전자통신연구원', '한국전자통신연구원'],
  ])('gives %s the canonical %s', (text, canonical) => {
    expect(run(text).candidates!.find((c) => c.source === 'organization')).toMatchObject({ text, canonical });
  });

  it('lets the user dictionary turn a name into an organisation', async () => {
    const withUser = await nameRunner([{ surface: '웨이하이관', type: 'ORGANIZATION' }]);
    expect(found(withUser("'웨이하이관'을 열었다."), 'organization')).toEqual(['ORGANIZATION:웨이하이관']);
  });
});
