import { beforeAll, describe, expect, it } from 'vitest';
import type { KornerDocument } from '../../src/document/types.js';
import { found, nameRunner } from './gazetteerFixture.js';

let run: (text: string) => KornerDocument;
beforeAll(async () => {
  run = await nameRunner();
});

describe('place recogniser', () => {
  it.each([
    ['오세훈 서울시장은', ['LOCATION:서울']],
    ['리창 베이징시장과', ['LOCATION:베이징']],
    ['칭다오에서 상하이까지', ['LOCATION:칭다오', 'LOCATION:상하이']],
    ['한국과 중국 정부가', ['LOCATION:한국', 'LOCATION:중국']],
    ['판교와 여의도, 광화문에서', ['LOCATION:판교', 'LOCATION:여의도', 'LOCATION:광화문']],
    ['경인아라뱃길 물류단지에', ['LOCATION:경인아라뱃길']],
    ['경기 용인시 수지구 아파트', ['LOCATION:경기 용인시 수지구']],
    ['중국 베이징으로 출발', ['LOCATION:중국 베이징']],
  ])('%s', (text, expected) => {
    expect(found(run(text), 'place')).toEqual(expected);
  });

  it.each([['예산을 늘렸다.'], ['수단과 방법을 가리지 않고'], ['인천시청에서 만났다.'], ['지난해 7월']])(
    'finds no place in %s',
    (text) => {
      expect(found(run(text), 'place')).toEqual([]);
    },
  );

  it('gives the official name as canonical', () => {
    const [place] = run('인천시는').candidates!.filter((c) => c.source === 'place');
    expect(place).toMatchObject({ text: '인천시', canonical: '인천광역시' });
  });

  it('takes LOCATION entries from the user dictionary, over the dictionaries', async () => {
    const withUser = await nameRunner([
      { surface: '동북아트레이드타워', type: 'LOCATION' },
      { surface: '예산', type: 'LOCATION', canonical: '예산군' },
    ]);
    expect(found(withUser('동북아트레이드타워 8층'), 'place')).toEqual(['LOCATION:동북아트레이드타워']);
    expect(withUser('예산에서').candidates!.find((c) => c.source === 'place')).toMatchObject({ text: '예산', canonical: '예산군' });
  });
});
