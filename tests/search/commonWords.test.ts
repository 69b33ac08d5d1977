import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTsv } from '../../src/resources/tsv.js';
import { CommonWords, syllableCount } from '../../src/search/commonWords.js';
import { repoRoot } from '../helpers.js';

const path = join(repoRoot, 'dictionaries', 'search', 'common-words.tsv');
const words = CommonWords.fromTable(parseTsv('search/common-words.tsv', readFileSync(path, 'utf8')));

describe('dictionaries/search/common-words.tsv', () => {
  it.each(['위해', '매일', '중', '고', '신화', '때문', '오늘'])('lists %s', (word) => expect(words.has(word)).toBe(true));

  it.each(['웨이하이', '칭다오', '중국', '서울', '기획재정부', '이순신', '마이니치'])('does not list the name %s', (word) =>
    expect(words.has(word)).toBe(false),
  );

  it('records how a word is indexed: the verb 위해 never as 위해, the noun 중 always', () => {
    expect(words.get('위해')).toMatchObject({ indexed: 0, tags: ['VV+EC'] });
    expect(words.get('중')!.indexed).toBeGreaterThan(1000);
  });

  it('has a few thousand words', () => {
    expect(words.size).toBeGreaterThan(2000);
    expect(words.size).toBeLessThan(10000);
  });

  it.each([
    ['중', 1],
    ['미국 항공우주국', 7],
    ['ETRI', 0],
  ])('counts the Hangul syllables of %s: %i', (form, n) => expect(syllableCount(form)).toBe(n));
});
