import { describe, expect, it } from 'vitest';
import type { Link } from '../../src/document/types.js';
import { formatSynonyms } from '../../src/hanja/index.js';
import { realReader } from './helpers.js';

const link = (source: string, hangul: string, reading: Link['reading'], kind: Link['kind'] = 'hanja'): Link => ({
  kind,
  source: { start: 0, end: source.length, text: source },
  target: null,
  hangul,
  reading,
});

describe('formatSynonyms', () => {
  it('prints one Solr/Elasticsearch line per group, source first, with the Sino-Korean reading when asked', () => {
    const reader = realReader();
    const lines = formatSynonyms(
      [link('威海', '웨이하이', 'mandarin'), link('威海', '웨이하이', 'mandarin'), link('ETRI', '전자통신연구원', 'abbreviation', 'abbreviation')],
      { extraReading: (h) => reader.readSinoKorean(h, 1)[0] },
    );
    expect(lines).toEqual(['ETRI, 전자통신연구원', '威海, 웨이하이, 위해']);
  });

  it('merges groups that share a form and drops duplicates', () => {
    const lines = formatSynonyms([
      link('北', '북한', 'abbreviation', 'abbreviation'),
      link('北韓', '북한', 'sino-korean'),
      link('北', '북한', 'abbreviation', 'abbreviation'),
    ]);
    expect(lines).toEqual(['北, 北韓, 북한']);
  });

  it('escapes commas and skips links without a Hangul form', () => {
    expect(formatSynonyms([link('A,B', '에이비', 'abbreviation', 'abbreviation'), link('甲', '', 'sino-korean')])).toEqual([
      'A\\,B, 에이비',
    ]);
  });

  it('gives nothing for no links', () => {
    expect(formatSynonyms([])).toEqual([]);
  });
});
