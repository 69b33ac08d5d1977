import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KornerDocument } from '../../src/document/types.js';
import { createGlossLinkStage, formatSynonyms, linkGlosses } from '../../src/hanja/index.js';
import { createExtractor } from '../../src/index.js';
import { insertAfter } from '../../src/pipeline/pipeline.js';
import { realReader, root } from './helpers.js';

// The seed article stays in ../shared; skip when it is not beside the checkout.
const seedDir = join(root, '..', 'shared', 'acceptance');
const present = existsSync(join(seedDir, 'seed-article.txt'));

interface ExpectedLink {
  source: string;
  hangul: string;
  reading: string;
}

describe.skipIf(!present)('seed article links', () => {
  const text = present ? readFileSync(join(seedDir, 'seed-article.txt'), 'utf8') : '';
  const expected: ExpectedLink[] = present
    ? JSON.parse(readFileSync(join(seedDir, 'seed-article.expected.json'), 'utf8')).links
    : [];

  it('finds every expected link from the text alone', () => {
    const doc: KornerDocument = { text, entities: [], extra: {} };
    linkGlosses(doc, realReader());
    for (const want of expected) {
      expect(doc.links, JSON.stringify(want)).toContainEqual(
        expect.objectContaining({ hangul: want.hangul, reading: want.reading, source: expect.objectContaining({ text: want.source }) }),
      );
    }
  });

  it('finds them in the pipeline, after overlap resolution, and keeps entities sorted and disjoint', async () => {
    const extractor = await createExtractor({
      referenceDate: '2016-05-17',
      // The default pipeline runs glossLinks after resolveOverlaps; add it where a pipeline lacks it.
      stages: (defaults) =>
        defaults.some((s) => s.name === 'glossLinks') ? defaults : insertAfter(defaults, 'resolveOverlaps', createGlossLinkStage()),
    });
    const result = extractor.extract(text);
    for (const want of expected) {
      expect(result.links.some((l) => l.source.text === want.source && l.hangul === want.hangul && l.reading === want.reading)).toBe(true);
    }
    for (let i = 1; i < result.entities.length; i++) expect(result.entities[i - 1]!.end).toBeLessThanOrEqual(result.entities[i]!.start);
    for (const e of result.entities) expect(text.slice(e.start, e.end)).toBe(e.text);
    const synonyms = formatSynonyms(result.links, { extraReading: (h) => realReader().readSinoKorean(h, 1)[0] });
    expect(synonyms).toContain('威海, 웨이하이, 위해');
  });
});
