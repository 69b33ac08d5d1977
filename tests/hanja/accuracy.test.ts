import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KornerDocument } from '../../src/document/types.js';
import { linkGlosses } from '../../src/hanja/index.js';
import { parseTsv } from '../../src/resources/tsv.js';
import { realReader } from './helpers.js';

const reader = realReader();
const fixture = parseTsv('accuracy.tsv', readFileSync(join(import.meta.dirname, 'fixtures', 'accuracy.tsv'), 'utf8'));
const cases = fixture.rows.map(([category, text, source, hangul, reading]) => ({
  category: category!,
  text: text!,
  source: source!,
  hangul: hangul!,
  reading: reading!,
}));

/** What korner gives for a case, to compare with the expected Hangul form. */
function outcome(c: (typeof cases)[number]): string {
  if (c.text === '-') {
    // Leaders are names (the first character a surname); places are not.
    const name = c.category.endsWith('leader');
    const got = c.reading === 'mandarin' ? reader.readMandarin(c.source, { name }) : reader.readSinoKorean(c.source, 1)[0];
    return got ?? '(none)';
  }
  const doc: KornerDocument = { text: c.text, entities: [], extra: {} };
  linkGlosses(doc, reader);
  const links = doc.links ?? [];
  const link = links.find((l) => l.source.text === c.source && l.reading === c.reading && l.hangul === c.hangul);
  if (link) return c.hangul;
  const other = links.filter((l) => l.source.text === c.source).map((l) => `${l.hangul}/${l.reading}`);
  return other.length > 0 ? other.join(' ') : '(no link)';
}

describe('accuracy on the issue #4 table', () => {
  it(`has at least 150 cases (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
  });

  it('gets at least 97% right, listing the failures', () => {
    const failures: string[] = [];
    const byCategory = new Map<string, [number, number]>();
    for (const c of cases) {
      const got = outcome(c);
      const ok = got === c.hangul;
      const tally = byCategory.get(c.category) ?? [0, 0];
      tally[0] += ok ? 1 : 0;
      tally[1] += 1;
      byCategory.set(c.category, tally);
      if (!ok) failures.push(`${c.category}: ${c.source} expected ${c.hangul} (${c.reading}), got ${got}`);
    }
    const correct = cases.length - failures.length;
    const rate = correct / cases.length;
    const summary = [...byCategory].map(([k, [ok, n]]) => `${k} ${ok}/${n}`).join(', ');
    console.log(`hanja accuracy ${correct}/${cases.length} = ${(rate * 100).toFixed(1)}% (${summary})`);
    if (failures.length > 0) console.log(`failures:\n  ${failures.join('\n  ')}`);
    expect(rate, failures.join('\n')).toBeGreaterThanOrEqual(0.97);
  });
});
