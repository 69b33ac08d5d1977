import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entity, EntityType, Link } from '../../src/document/types.js';
import { facetName, facetValues, isFacetName, linksBySource, TWO_SYLLABLE_SURNAMES, type FacetType } from '../../src/search/facets.js';
import { repoRoot } from '../helpers.js';

const entity = (type: EntityType, start: number, text: string, extra: Partial<Entity> = {}): Entity => ({ type, start, end: start + text.length, text, source: 'test', ...extra });
const link = (start: number, text: string, hangul: string, target: Link['target'], kind: Link['kind'] = 'hanja'): Link => ({
  kind,
  source: { start, end: start + text.length, text },
  target,
  hangul,
  reading: kind === 'hanja' ? 'mandarin' : 'abbreviation',
});

describe('the facet rule', () => {
  it.each([
    ['김', 'PERSON', false, 'a surname alone (김 씨)'],
    ['박', 'PERSON', false, 'a surname alone (박 대통령)'],
    ['A', 'PERSON', false, 'an initial (A 씨)'],
    ['𠀀', 'LOCATION', false, 'one astral character'],
    ['美', 'LOCATION', false, 'a one-character gloss with no known long form'],
    ['제갈', 'PERSON', false, 'a two-syllable surname alone'],
    ['남궁', 'PERSON', false, 'a two-syllable surname alone'],
    ['', 'ORGANIZATION', false, 'nothing'],
    ['남궁', 'LOCATION', true, 'a two-syllable surname is a surname only as a PERSON'],
    ['김민수', 'PERSON', true, 'a full name'],
    ['남궁민', 'PERSON', true, 'a full name with a two-syllable surname'],
    ['중국', 'LOCATION', true, 'two syllables'],
    ['KT', 'ORGANIZATION', true, 'two letters'],
  ] as const)('%s as %s goes into facets: %s (%s)', (name, type, expected, _why) => {
    expect(isFacetName(name, type as FacetType)).toBe(expected);
  });

  it('knows the two-syllable family names of dictionaries/surnames.tsv, no more and no fewer', () => {
    const rows = readFileSync(join(repoRoot, 'dictionaries', 'surnames.tsv'), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split('\t'));
    const twoSyllable = rows.filter(([, syllables]) => syllables === '2').map(([surname]) => surname);
    expect([...TWO_SYLLABLE_SURNAMES].sort()).toEqual(twoSyllable.sort());
  });
});

describe('the facet name of an entity', () => {
  const links = [
    link(20, '趙豪志', '자오하오즈', { start: 14, end: 19, text: '자오하오즈' }),
    link(30, '中', '중국', null, 'abbreviation'),
    link(40, '安倍晋三', '안배진삼', null),
  ];
  const linked = linksBySource(links);

  it.each([
    ['its canonical name', entity('ORGANIZATION', 0, '해수부', { canonical: '해양수산부' }), '해양수산부'],
    ['the Hangul the text writes beside a gloss', entity('PERSON', 20, '趙豪志'), '자오하오즈'],
    ['the long form of a known abbreviation', entity('LOCATION', 30, '中'), '중국'],
    ['its text, not a reading korner only guessed', entity('PERSON', 40, '安倍晋三'), '安倍晋三'],
    ['its text, white space made one space', entity('LOCATION', 50, '중국\n 칭다오'), '중국 칭다오'],
    ['its text when nothing else is known', entity('PERSON', 60, '김민수'), '김민수'],
  ])('is %s', (_title, e, expected) => {
    expect(facetName(e, linked)).toBe(expected);
  });
});

describe('facetValues', () => {
  it('gives canonical names per field, each once, in first-seen order, without the names the rule leaves out', () => {
    const entities = [
      entity('LOCATION', 0, '부산시', { canonical: '부산광역시' }),
      entity('PERSON', 5, '김'),
      entity('PERSON', 8, '박형준'),
      entity('ORGANIZATION', 12, '해수부', { canonical: '해양수산부' }),
      entity('LOCATION', 20, '부산광역시'),
      entity('ORGANIZATION', 30, '해양수산부'),
      entity('PERSON', 40, '제갈'),
      entity('DATE', 45, '21일', { value: '2024-03-21' }),
      entity('LOCATION', 50, '中'),
      entity('PERSON', 60, '박형준'),
    ];
    expect(facetValues(entities, [link(50, '中', '중국', null, 'abbreviation')])).toEqual({
      person: ['박형준'],
      place: ['부산광역시', '중국'],
      organization: ['해양수산부'],
    });
  });
});
