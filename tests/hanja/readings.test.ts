import { describe, expect, it } from 'vitest';
import { composeWord, initialForm, medialForm } from '../../src/hanja/index.js';
import { realReader, table } from './helpers.js';

const reader = realReader();

describe('initial-sound rule (한글 맞춤법 제10–12항)', () => {
  it.each([
    ['녀', '여'], ['뇨', '요'], ['뉴', '유'], ['니', '이'], // 제10항
    ['랴', '야'], ['려', '여'], ['례', '예'], ['료', '요'], ['류', '유'], ['리', '이'], // 제11항
    ['라', '나'], ['래', '내'], ['로', '노'], ['뢰', '뇌'], ['루', '누'], ['르', '느'], // 제12항
    ['락', '낙'], ['룡', '용'], ['녕', '영'], ['김', '김'], ['A', 'A'],
  ])('%s → %s at the start of a word', (syllable, expected) => {
    expect(initialForm(syllable)).toBe(expected);
  });

  it.each([
    ['나', '렬', '열'], ['비', '률', '율'], ['선', '률', '율'], ['능', '률', '률'], ['규', '률', '율'], ['분', '렬', '열'],
    ['행', '렬', '렬'],
  ])('제11항 다만: %s + %s → %s', (previous, syllable, expected) => {
    expect(medialForm(previous, syllable)).toBe(expected);
  });

  it('composes a word from original readings', () => {
    expect(composeWord(['리', '순', '신'])).toBe('이순신');
    expect(composeWord(['류', '성', '룡'])).toBe('유성룡');
  });
});

describe('Sino-Korean readings', () => {
  it.each([
    ['李舜臣', '이순신'],
    ['柳成龍', '유성룡'],
    ['盧武鉉', '노무현'],
    ['麗水', '여수'],
    ['洛東江', '낙동강'],
    ['金九', '김구'],
    ['韓中', '한중'],
    ['北韓', '북한'],
    ['女子', '여자'],
    ['男女', '남녀'],
    ['來日', '내일'],
    ['六月', '유월'],
    ['比率', '비율'],
    ['新女性', '신여성'],
    ['威海', '위해'],
    ['大韓民國', '대한민국'],
    ['勞動', '노동'],
    ['歷史', '역사'],
    ['\u{F9E1}舜臣', '이순신'], // U+F9E1, the KS X 1001 compatibility form of 李
  ])('%s → %s', (hanja, expected) => {
    expect(reader.readSinoKorean(hanja)[0]).toBe(expected);
  });

  it.each([
    ['金', '김'],
    ['金', '금'],
    ['李', '이'],
    ['柳', '유'],
    ['盧', '노'],
    ['北', '배'],
  ])('%s has the reading %s among its candidates', (hanja, reading) => {
    expect(reader.readSinoKorean(hanja)).toContain(reading);
  });

  it.each([
    ['金大中', '김대중'],
    ['柳寬順', '유관순'],
    ['申砬', '신립'],
    ['崔麟', '최린'],
    ['新女性', '신녀성'],
    ['羅烈', '나열'],
  ])('matches %s with %s', (hanja, hangul) => {
    expect(reader.matchReading(hanja, hangul)).toBe('sino-korean');
  });

  it.each([
    ['李舜臣', '이순진'],
    ['威海', '위하'],
    ['金九', '김'],
  ])('does not match %s with %s', (hanja, hangul) => {
    expect(reader.matchReading(hanja, hangul)).toBeNull();
  });

  it('reads Hanja outside the BMP without splitting surrogate pairs', () => {
    expect(reader.readSinoKorean('𠃗')).toEqual(['울']); // U+200D7
    expect(reader.readSinoKorean('𠀀𠃗')[0]).toBe('𠀀울'); // an unknown character stays whole
  });
});

describe('Mandarin readings (외래어 표기법, 중국어)', () => {
  it.each([
    ['威海', '웨이하이'],
    ['張惠', '장후이'],
    ['習近平', '시진핑'],
    ['重慶', '충칭'],
    ['廈門', '샤먼'],
    ['北京', '베이징'],
    ['上海', '상하이'],
    ['毛澤東', '마오쩌둥'],
    ['鄧小平', '덩샤오핑'],
    ['胡錦濤', '후진타오'],
    ['溫家寶', '원자바오'],
    ['李克強', '리커창'],
    ['廣州', '광저우'],
    ['瀋陽', '선양'],
  ])('%s → %s', (hanja, expected) => {
    expect(reader.readMandarin(hanja, { name: true })).toBe(expected);
  });

  it.each([
    ['威海市', '웨이하이시'],
    ['山東省', '산둥성'],
    ['薄熙來', '보시라이'],
    ['延邊', '옌볜'],
    ['靑藏', '칭짱'],
  ])('matches %s with %s', (hanja, hangul) => {
    expect(reader.matchReading(hanja, hangul)).toBe('mandarin');
  });

  it('matches the same gloss again from its cached options, also after the cache has been cleared', () => {
    const pairs: [string, string, string | null][] = [
      ['威海', '웨이하이', 'mandarin'],
      ['威海', '위해', 'sino-korean'],
      ['威海', '웨이하', null],
    ];
    const first = pairs.map(([hanja, hangul]) => reader.matchReading(hanja, hangul));
    expect(first).toEqual(pairs.map(([, , expected]) => expected));
    // More distinct glosses than the cache holds (4,096), then the same pairs again.
    for (let code = 0x4e00; code < 0x4e00 + 5000; code++) reader.matchReading(String.fromCharCode(code), '이이');
    expect(pairs.map(([hanja, hangul]) => reader.matchReading(hanja, hangul))).toEqual(first);
  });
});

describe('Japanese readings (외래어 표기법, 일본어)', () => {
  it.each([
    ['京都', '교토'],
    ['東京', '도쿄'],
    ['大阪', '오사카'],
    ['靖國', '야스쿠니'],
    ['每日', '마이니치'],
    ['後藤健二', '고토 겐지'],
    ['湯川遙菜', '유카와 하루나'],
    ['猪瀨直樹', '이노세 나오키'],
    ['漆谷正義', '우루시다니 마사요시'],
    ['明仁', '아키히토'],
  ])('matches %s with %s', (hanja, hangul) => {
    expect(reader.matchReading(hanja, hangul)).toBe('japanese');
  });

  it.each([
    ['kyou', '교'], ['kyou', '쿄'], ['tokyo', '도쿄'], ['shinzou', '신조'], ['tsuki', '쓰키'], ['kawa', '가와'],
  ])('romaji %s can be written %s', async (romaji, hangul) => {
    const { buildJapaneseData, HANJA_TABLES, romajiToHangul } = await import('../../src/hanja/index.js');
    const data = buildJapaneseData(table(HANJA_TABLES.japanese), table(HANJA_TABLES.kana));
    expect(romajiToHangul(romaji, data)).toContain(hangul);
  });

  it('reads the mora table: every mora has a spelling at a word start and inside, voiceless rows differ', async () => {
    const { buildJapaneseData, HANJA_TABLES } = await import('../../src/hanja/index.js');
    const data = buildJapaneseData(table(HANJA_TABLES.japanese), table(HANJA_TABLES.kana));
    expect(data.morae.size).toBeGreaterThan(100);
    expect(data.morae.get('ka')).toEqual(['가', '카']);
    expect(data.morae.get('tsu')).toEqual(['쓰', '쓰']);
    expect(data.morae.get('ga')).toEqual(['가', '가']);
  });
});
