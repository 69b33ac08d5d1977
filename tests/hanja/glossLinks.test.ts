import { describe, expect, it } from 'vitest';
import type { Entity, EntityType, KornerDocument } from '../../src/document/types.js';
import { createGlossLinkStage, linkGlosses } from '../../src/hanja/index.js';
import { memoryLoader } from '../../src/resources/loader.js';
import { Resources } from '../../src/resources/resources.js';
import { realReader } from './helpers.js';

const reader = realReader();

/** A document with entities given as [text, type] found left to right. */
function doc(text: string, entities: [string, EntityType][] = []): KornerDocument {
  const list: Entity[] = [];
  let from = 0;
  for (const [t, type] of entities) {
    const start = text.indexOf(t, from);
    if (start < 0) throw new Error(`no ${t} in ${text}`);
    list.push({ start, end: start + t.length, text: t, type, source: 'test' });
    from = start + t.length;
  }
  return { text, entities: list, extra: {} };
}

function run(d: KornerDocument): KornerDocument {
  linkGlosses(d, reader);
  return d;
}

function assertSpans(d: KornerDocument): void {
  for (const link of d.links ?? []) {
    expect(d.text.slice(link.source.start, link.source.end)).toBe(link.source.text);
    if (link.target) expect(d.text.slice(link.target.start, link.target.end)).toBe(link.target.text);
  }
  const entities = d.entities ?? [];
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i]!;
    expect(d.text.slice(e.start, e.end)).toBe(e.text);
    if (i > 0) expect(entities[i - 1]!.end).toBeLessThanOrEqual(e.start);
  }
}

describe('Hanja glosses X(漢字) and 漢字(X)', () => {
  it.each([
    ['산둥성 옌타이(煙臺)시에서 회의가 열렸다.', '煙臺', '옌타이', 'mandarin', '옌타이'],
    ['시진핑(習近平) 주석이 방한했다.', '習近平', '시진핑', 'mandarin', '시진핑'],
    ['충무공 이순신(李舜臣) 장군의 동상', '李舜臣', '이순신', 'sino-korean', '이순신'],
    ['전남 여수(麗水)에서 출발했다.', '麗水', '여수', 'sino-korean', '여수'],
    ['류성룡(柳成龍)이 쓴 징비록', '柳成龍', '류성룡', 'sino-korean', '류성룡'],
    ['중국 난징(南京)시 관계자', '南京', '난징', 'mandarin', '난징'],
    ['샤먼시(廈門) 당국은 밝혔다.', '廈門', '샤먼', 'mandarin', '샤먼'],
    ['廣州(광저우) 호흡기질병연구소', '廣州', '광저우', 'mandarin', '광저우'],
    ['李舜臣(이순신)의 난중일기', '李舜臣', '이순신', 'sino-korean', '이순신'],
    ['후진타오(胡錦濤·70) 전 주석', '胡錦濤', '후진타오', 'mandarin', '후진타오'],
    ['두더웨이(50, 杜德偉)가 결혼했다.', '杜德偉', '두더웨이', 'mandarin', '두더웨이'],
    ['일본인 고토 겐지(後藤健二·47) 씨', '後藤健二', '고토 겐지', 'japanese', '고토 겐지'],
    ['야스쿠니(靖國) 신사 참배', '靖國', '야스쿠니', 'japanese', '야스쿠니'],
    ['𠃗(울)이라는 글자', '𠃗', '울', 'sino-korean', '울'], // U+200D7, outside the BMP
    ['옛 글자 𠃗울(鬱)', '鬱', '울', 'sino-korean', '울'],
  ])('%s', (text, hanja, hangul, reading, target) => {
    const d = run(doc(text));
    assertSpans(d);
    const link = d.links!.find((l) => l.source.text === hanja && l.kind === 'hanja');
    expect(link).toMatchObject({ kind: 'hanja', hangul, reading, target: { text: target } });
  });

  it('links the whole mention when it is an entity and types the Hanja like it (KLUE: 일본 교토, 京都)', () => {
    const d = run(doc('올해 일본 교토(京都)의 호텔에서 만났다.', [['일본 교토', 'LOCATION']]));
    assertSpans(d);
    expect(d.links).toEqual([
      {
        kind: 'hanja',
        source: { start: 9, end: 11, text: '京都' },
        target: { start: 3, end: 8, text: '일본 교토' },
        hangul: '교토',
        reading: 'japanese',
      },
    ]);
    expect(d.entities!.map((e) => [e.text, e.type, e.source])).toEqual([
      ['일본 교토', 'LOCATION', 'test'],
      ['京都', 'LOCATION', 'glossLinks'],
    ]);
  });

  it('keeps the glossed entity and adds the Hanja as a PERSON', () => {
    const d = run(doc('장후이(張惠) 시장이 말했다.', [['장후이', 'PERSON']]));
    expect(d.links![0]).toMatchObject({ hangul: '장후이', reading: 'mandarin', source: { text: '張惠' } });
    expect(d.entities!.map((e) => [e.text, e.type])).toEqual([
      ['장후이', 'PERSON'],
      ['張惠', 'PERSON'],
    ]);
  });

  it('targets the Hangul before a suffix when no entity is there: 웨이하이(威海)시 → 웨이하이', () => {
    const d = run(doc('중국 웨이하이(威海)시도 발표를 맡는다.'));
    const link = d.links!.find((l) => l.source.text === '威海')!;
    expect(link.target).toEqual({ start: 3, end: 7, text: '웨이하이' });
    expect(link.hangul).toBe('웨이하이');
  });

  it('adds no entity that would overlap one already there (칭짱(靑藏)고원 is one entity)', () => {
    const d = run(doc('칭짱(靑藏)고원에 걸쳐 있다.', [['칭짱(靑藏)고원', 'LOCATION']]));
    expect(d.links![0]).toMatchObject({ hangul: '칭짱', reading: 'mandarin', target: { text: '칭짱(靑藏)고원' } });
    expect(d.entities).toHaveLength(1);
  });

  it('does not type a one-character suffix gloss (롯데가(家))', () => {
    const d = run(doc('롯데가(家) 사람들이 모였다.', [['롯데가', 'ORGANIZATION']]));
    expect(d.links![0]).toMatchObject({ hangul: '가', source: { text: '家' } });
    expect(d.entities).toHaveLength(1);
  });

  it('leaves a bracket alone when the Hanja does not read as the Hangul before it', () => {
    const d = run(doc('서울시(金浦) 관계자'));
    expect(d.links!.every((l) => l.target === null)).toBe(true);
  });
});

describe('stand-alone Hanja and headline abbreviations', () => {
  it('reads 韓中 as a word and each character as an abbreviation', () => {
    const d = run(doc('韓中 온라인 실크로드 구축'));
    assertSpans(d);
    expect(d.links!.map((l) => [l.source.text, l.hangul, l.reading, l.kind])).toEqual([
      ['韓中', '한중', 'sino-korean', 'hanja'],
      ['韓', '한국', 'abbreviation', 'abbreviation'],
      ['中', '중국', 'abbreviation', 'abbreviation'],
    ]);
    expect(d.entities!.map((e) => [e.text, e.type])).toEqual([
      ['韓', 'LOCATION'],
      ['中', 'LOCATION'],
    ]);
  });

  it.each([
    ['北, 미사일 발사', '北', '북한', 'LOCATION'],
    ['美 국무부 대변인', '美', '미국', 'LOCATION'],
    ['中웨이하이시와 논의', '中', '중국', 'LOCATION'],
    ['與 "예산안 처리"', '與', '여당', 'ORGANIZATION'],
    ['靑 "사실무근"', '靑', '청와대', 'ORGANIZATION'],
    ['檢, 전 장관 소환', '檢', '검찰', 'ORGANIZATION'],
    ['日本 정부가 발표', '日本', '일본', 'LOCATION'],
  ])('%s', (text, hanja, hangul, type) => {
    const d = run(doc(text));
    expect(d.links).toContainEqual(
      expect.objectContaining({ kind: 'abbreviation', reading: 'abbreviation', hangul, source: expect.objectContaining({ text: hanja }) }),
    );
    expect(d.entities).toContainEqual(expect.objectContaining({ text: hanja, type, source: 'glossLinks' }));
  });

  it('reads 與·野 as two abbreviations', () => {
    const d = run(doc('與·野 원내대표 회동'));
    expect(d.links!.map((l) => l.hangul)).toEqual(['여당', '야당']);
  });

  it('does not take a Hanja inside a Hangul word for an abbreviation (대北 → a Sino-Korean link only)', () => {
    const d = run(doc('대北 제재'));
    expect(d.links!.map((l) => [l.source.text, l.hangul, l.reading])).toEqual([['北', '북', 'sino-korean']]);
    expect(d.entities).toEqual([]);
  });

  it('does not take 日 after a number for Japan', () => {
    const d = run(doc('5月 3日 개최'));
    expect(d.links!.some((l) => l.reading === 'abbreviation')).toBe(false);
  });
});

describe('acronyms', () => {
  it.each([
    ['한국전자통신연구원(ETRI)이 개발했다.', 'ETRI', '한국전자통신연구원'],
    ['정보통신기술(ICT) 분야 협력', 'ICT', '정보통신기술'],
    ['양국은 MOU(양해각서)를 교환했다.', 'MOU', '양해각서'],
    ['한미 FTA(자유무역협정) 발효', 'FTA', '자유무역협정'],
    ['세계보건기구 (WHO)는 밝혔다.', 'WHO', '세계보건기구'],
    ['IS(이슬람 국가)가 장악한 지역', 'IS', '이슬람 국가'],
  ])('%s', (text, acronym, expansion) => {
    const d = run(doc(text));
    assertSpans(d);
    expect(d.links).toContainEqual({
      kind: 'abbreviation',
      source: expect.objectContaining({ text: acronym }),
      target: expect.objectContaining({ text: expansion }),
      hangul: expansion,
      reading: 'abbreviation',
    });
  });

  it('groups an acronym with its expansion entity under one canonical name', () => {
    const d = run(doc('전자통신연구원(ETRI) 등을 중심으로', [['전자통신연구원', 'ORGANIZATION']]));
    expect(d.entities!.map((e) => [e.text, e.type, e.canonical])).toEqual([
      ['전자통신연구원', 'ORGANIZATION', '전자통신연구원'],
      ['ETRI', 'ORGANIZATION', '전자통신연구원'],
    ]);
  });

  it('adds the expansion when only the acronym is an entity', () => {
    const d = run(doc('WHO(세계보건기구)는 밝혔다.', [['WHO', 'ORGANIZATION']]));
    expect(d.entities!.map((e) => [e.text, e.canonical])).toEqual([
      ['WHO', '세계보건기구'],
      ['세계보건기구', '세계보건기구'],
    ]);
  });

  it.each(['가격(10%)이 올랐다', '회의(3일) 열려', '그는 A(씨)를 만났다', '(Korea) 대표', '말레이시아 항공기(MH370) 실종'])('no link in %s', (text) => {
    expect(run(doc(text)).links).toEqual([]);
  });
});

describe('the stage', () => {
  it('declares its place in the pipeline and loads its tables once through Resources', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { dictionaries } = await import('./helpers.js');
    const files: Record<string, Uint8Array> = {};
    for (const name of ['readings.tsv', 'words.tsv', 'pinyin-hangul.tsv', 'abbreviations.tsv', 'surnames.tsv', 'japanese.tsv', 'kana-hangul.tsv']) {
      files[`hanja/${name}`] = readFileSync(join(dictionaries, 'hanja', name));
    }
    const resources = new Resources(memoryLoader(files));
    const stage = createGlossLinkStage();
    expect([stage.name, stage.requires, stage.provides]).toEqual(['glossLinks', ['entities'], ['links']]);
    await stage.setup!(resources);
    const d = doc('웨이하이(威海)', [['웨이하이', 'LOCATION']]);
    stage.run(d, {});
    expect(d.links![0]!.hangul).toBe('웨이하이');
    expect(d.entities!.map((e) => e.text)).toEqual(['웨이하이', '威海']);
  });

  it('skips a document with nothing to read and keeps links other stages made', () => {
    const d = doc('아무 한자도 괄호도 없는 문장');
    d.links = [{ kind: 'abbreviation', source: { start: 0, end: 2, text: '아무' }, target: null, hangul: 'x', reading: 'abbreviation' }];
    run(d);
    expect(d.links).toHaveLength(1);
  });

  it('throws a clear error when run before setup', () => {
    expect(() => createGlossLinkStage().run(doc('北'), {})).toThrow(/setup/);
  });
});

describe('one name, two spellings, one type', () => {
  function scored(text: string, parts: [string, EntityType, number][]): KornerDocument {
    const d = doc(text, parts.map(([t, type]) => [t, type]));
    d.entities!.forEach((e, i) => (e.score = parts[i]![2]));
    return d;
  }

  it.each([
    ['the Hangul mention is surer', [['웨이하이', 'ORGANIZATION', 0.84], ['威海', 'LOCATION', 0.17]], 'ORGANIZATION'],
    ['the Hanja gloss is surer', [['웨이하이', 'ORGANIZATION', 0.3], ['威海', 'LOCATION', 0.9]], 'LOCATION'],
  ] as const)('gives the gloss and its mention the type of the surer one when %s', (_title, parts, type) => {
    const d = run(scored('웨이하이(威海)시와 협약을 맺었다.', parts.map((p) => [...p])));
    expect(d.entities!.map((e) => [e.text, e.type])).toEqual([
      ['웨이하이', type],
      ['威海', type],
    ]);
  });
});

describe('building the reader', () => {
  it.each([
    ['figures in brackets', '박씨의 딸(32)과 김모(33)씨', 0],
    ['an acronym', '전자통신연구원(ETRI)은 발표했다', 0],
    ['no bracket', '서울에서 만났다', 0],
    ['a Hanja gloss', '웨이하이(威海)시에서', 1],
    ['a headline abbreviation', '韓中 정상회담', 1],
  ])('builds it only for text with Han characters to read: %s', (_title, text, builds) => {
    let count = 0;
    const d = doc(text);
    linkGlosses(d, () => {
      count++;
      return reader;
    });
    expect(count).toBe(builds);
    expect(d.links).toBeDefined();
  });
});
