import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExtractor, createExtractorPool, type ExtractorPool } from '../../src/index.js';
import { repoRoot, sharedFile } from '../helpers.js';

/** Sentences enough for several batches: the example article's lines, and the KLUE sample when it is there. */
function texts(): string[] {
  const lines = readFileSync(join(repoRoot, 'examples', 'news.txt'), 'utf8').split('\n');
  const klue = sharedFile('bench/klue-open-text.txt');
  const more = klue ? readFileSync(klue, 'utf8').split('\n').slice(0, 1500) : Array.from({ length: 1500 }, (_, i) => `${i}번째 문장: 유정복 인천시장이 ${i % 28 + 1}일 웨이하이(威海)를 찾았다.`);
  return [...lines, ...more];
}

describe('createExtractorPool', () => {
  let pool: ExtractorPool;
  beforeAll(async () => {
    pool = await createExtractorPool({ workers: 2, referenceDate: '2016-05-17' });
  });
  afterAll(() => pool.close());

  it('gives the results of one extractor, in input order, over many batches', async () => {
    const inputs = texts();
    const single = await createExtractor({ referenceDate: '2016-05-17' });
    expect(await pool.extractAll(inputs)).toEqual(single.extractAll(inputs));
  });

  it('takes options per call and per item, as extractAll does', async () => {
    const [first, second] = await pool.extractAll(['오는 27일', { text: '오는 27일', options: { referenceDate: '2020-01-01' } }], { types: ['DATE'] });
    expect(first!.entities.map((e) => e.value)).toEqual(['2016-05-27']);
    expect(second!.entities.map((e) => e.value)).toEqual(['2020-01-27']);
    expect((await pool.extract('유정복 시장', { types: ['PERSON'] })).entities.map((e) => e.text)).toEqual(['유정복']);
  });

  it('throws a KornerError with its code, not a bare error from the thread', async () => {
    await expect(pool.extractAll([{ text: '오는 27일', options: { referenceDate: '2016-02-30' } }])).rejects.toMatchObject({
      name: 'KornerError',
      code: 'KORNER_OPTION',
    });
  });
});

describe('createExtractorPool options', () => {
  it.each([
    ['a loader (a function cannot reach a thread)', { loader: { read: async () => new Uint8Array() } }, /cannot take "loader"/],
    ['stages', { stages: (s: unknown[]) => s }, /cannot take "stages"/],
    ['zero workers', { workers: 0 }, /workers must be a positive integer/],
    ['a bad reference date', { referenceDate: 'yesterday' }, /referenceDate must be a real date/],
  ])('refuses %s', async (_title, options, message) => {
    await expect(createExtractorPool(options as never)).rejects.toThrow(message);
  });
});
