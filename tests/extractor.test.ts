import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Stage } from '../src/core.js';
import { createExtractor, extract, insertAfter, KornerError } from '../src/index.js';
import { documentByDocumentPrefix, setDocumentByDocumentUnits } from '../src/pipeline/pretenuring.js';
import { repoRoot } from './helpers.js';

describe('createExtractor', () => {
  it('finds user dictionary entries, with their canonical names and a particle after them', async () => {
    const extractor = await createExtractor({
      userDictionary: [
        { surface: '아라뱃길', type: 'LOCATION' },
        { surface: '과기정통부', type: 'ORGANIZATION', canonical: '과학기술정보통신부' },
      ],
    });
    const text = '과기정통부는 아라뱃길에서 행사를 열었다.';
    const { entities } = extractor.extract(text);
    const mine = entities.filter((e) => e.source === 'userDictionary');
    expect(mine.map((e) => [e.text, e.type, e.canonical])).toEqual([
      ['과기정통부', 'ORGANIZATION', '과학기술정보통신부'],
      ['아라뱃길', 'LOCATION', undefined],
    ]);
    for (const e of entities) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('takes a user dictionary as TSV text', async () => {
    const extractor = await createExtractor({ userDictionary: '정보통신연구소\tOG\n' });
    expect(extractor.extract('정보통신연구소 발표').entities.map((e) => e.text)).toContain('정보통신연구소');
  });

  it('does not find a user entry inside another word', async () => {
    const extractor = await createExtractor({ userDictionary: [{ surface: 'ETRI', type: 'ORGANIZATION' }] });
    expect(extractor.extract('METRIC ETRIX').entities.filter((e) => e.source === 'userDictionary')).toEqual([]);
  });

  it('keeps only the requested types', async () => {
    const extractor = await createExtractor({
      userDictionary: [
        { surface: '서울', type: 'LOCATION' },
        { surface: '홍길동', type: 'PERSON' },
      ],
    });
    const { entities } = extractor.extract('홍길동은 서울에 산다', { types: ['PERSON'] });
    expect(entities.every((e) => e.type === 'PERSON')).toBe(true);
    expect(entities.map((e) => e.text)).toContain('홍길동');
  });

  it.each([
    ['a reference date that is not a date', { referenceDate: '2016-02-30' }, /referenceDate must be a real date/],
    ['an unknown type', { types: ['CITY'] }, /unknown entity type "CITY"/],
  ])('rejects %s', async (_title, options, message) => {
    const extractor = await createExtractor();
    expect(() => extractor.extract('글', options)).toThrow(message);
  });

  it('rejects a bad user entry when it is created', async () => {
    await expect(createExtractor({ userDictionary: [{ surface: '', type: 'PERSON' }] })).rejects.toBeInstanceOf(KornerError);
  });

  it('runs a stage the user adds, in the place they put it', async () => {
    const shout: Stage = {
      name: 'shout',
      requires: ['entities'],
      provides: ['shout:count'],
      run(doc) {
        doc.extra['shout:count'] = doc.entities?.length ?? 0;
      },
    };
    const extractor = await createExtractor({
      userDictionary: [{ surface: '인천', type: 'LOCATION' }],
      stages: (stages) => insertAfter(stages, 'resolveOverlaps', shout),
    });
    expect(extractor.pipeline.names).toContain('shout');
    expect(extractor.process('인천에서').extra['shout:count']).toBeGreaterThanOrEqual(1);
  });

  it('sets the language', async () => {
    const extractor = await createExtractor();
    expect(extractor.extract('한국과 중국 정부가 협력한다.').language).toBe('kor');
    expect(extractor.extract('The agreement was signed in Seoul on Monday.').language).toBe('eng');
  });
});

describe('extract', () => {
  it('is a one-shot convenience over a shared extractor', async () => {
    const result = await extract('한국과 중국 정부가 협력한다.');
    expect(result.language).toBe('kor');
    expect(Array.isArray(result.entities)).toBe(true);
  });
});

describe('extractAll', () => {
  const news = readFileSync(join(repoRoot, 'examples', 'news.txt'), 'utf8').split('\n');
  const edge = ['', ' ', '\u0000', '😀 서울', 'Donald Trump 대통령과 시진핑(習近平) 주석', '오는 27일 5천㎡'];

  it('gives what extract gives, text by text, in order', async () => {
    const extractor = await createExtractor({ referenceDate: '2016-05-17' });
    const texts = [...news, ...edge];
    expect(extractor.extractAll(texts)).toEqual(texts.map((text) => extractor.extract(text)));
  });

  it('applies shared options and the options of each item', async () => {
    const extractor = await createExtractor();
    const text = '오는 27일 5천㎡ 부지에서 만난다.';
    const [plain, dated, onlyDates] = extractor.extractAll(
      [text, { text, options: { referenceDate: '2016-05-17' } }, { text, options: { referenceDate: '2016-05-17', types: ['DATE'] } }],
      { minScore: 0 },
    );
    expect(plain!.entities.find((e) => e.type === 'DATE')?.value).toBeUndefined();
    expect(dated!.entities.find((e) => e.type === 'DATE')?.value).toBe('2016-05-27');
    expect(dated!.referenceDate).toBe('2016-05-17');
    expect(onlyDates!.entities.map((e) => e.type)).toEqual(['DATE']);
    expect(dated!.entities.some((e) => e.type === 'QUANTITY')).toBe(true);
  });

  it('gives the same results whether its first documents run one by one or stage by stage', async () => {
    const extractor = await createExtractor({ referenceDate: '2016-05-17' });
    const texts = [...news, ...edge];
    setDocumentByDocumentUnits(0);
    const staged = extractor.extractAll(texts);
    setDocumentByDocumentUnits(texts[0]!.length + texts[1]!.length + 2);
    expect(extractor.extractAll(texts)).toEqual(staged);
    expect(documentByDocumentPrefix([1])).toBe(0);
  });

  it.each([
    ['run alone at the start', 0],
    ['run stage by stage after the first', 2],
  ])('names a failing document by its place in the whole batch when it is %s', async (_title, index) => {
    const picky: Stage = {
      name: 'picky',
      requires: ['text'],
      provides: [],
      run(doc) {
        if (doc.text === '나') throw new TypeError('boom');
      },
    };
    const extractor = await createExtractor({ stages: (stages) => insertAfter(stages, 'normalize', picky) });
    const texts = ['가', '다', '라'];
    texts[index] = '나';
    setDocumentByDocumentUnits(1);
    expect(() => extractor.extractAll(texts)).toThrow(new RegExp(`stage "picky" failed on document ${index} of the batch: boom`));
  });

  it.each([
    ['not an array', '서울' as unknown, /takes an array/],
    ['a number inside', ['서울', 3] as unknown, /takes strings or \{ text, options \} objects, got number/],
    ['a bad reference date inside', [{ text: '서울', options: { referenceDate: '2016-13-01' } }] as unknown, /2016-13-01/],
  ])('rejects %s', async (_title, inputs, message) => {
    const extractor = await createExtractor();
    expect(() => extractor.extractAll(inputs as string[])).toThrow(message);
  });
});

describe('English names inside Korean text', () => {
  it('keeps the whole English name that compromise finds', async () => {
    const extractor = await createExtractor();
    const text = 'Donald Trump 대통령과 시진핑 주석이 New York에서 만났다.';
    const found = extractor.extract(text).entities.map((e) => [e.type, e.text]);
    expect(found).toContainEqual(['PERSON', 'Donald Trump']);
    expect(found).toContainEqual(['LOCATION', 'New York']);
  });
});

describe('korner/core with a loader of the caller’s', () => {
  it('reads every dictionary through that loader, as a browser build would through fetch', async () => {
    const { createExtractor: createCoreExtractor } = await import('../src/core.js');
    const { readFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { repoRoot } = await import('./helpers.js');
    const asked: string[] = [];
    const extractor = await createCoreExtractor({
      loader: {
        async read(name) {
          asked.push(name);
          return new Uint8Array(await readFile(join(repoRoot, 'dictionaries', name)));
        },
      },
    });
    expect(asked).toContain('tagger/model.bin');
    expect(asked.some((name) => name.startsWith('mecab-ko-dic/'))).toBe(true);
    expect(new Set(asked).size).toBe(asked.length); // each file once
    const { entities } = extractor.extract('유정복 인천시장은 16일 인천시청에서 만났다.', { referenceDate: '2016-05-17' });
    expect(entities.map((e) => e.text)).toContain('유정복');
  });
});
