import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveOverlaps } from '../../src/resolve/overlap.js';
import { sharedFile } from '../helpers.js';
import { nameRunner } from './gazetteerFixture.js';

const articlePath = sharedFile('acceptance/seed-article.txt');
const expectedPath = sharedFile('acceptance/seed-article.expected.json');

interface Expected {
  type: string;
  text: string;
  alternatives?: string[];
  canonical?: string;
}

/** The seed article's PERSON/LOCATION/ORGANIZATION expectations, met by the tokenizer and the name stages alone. */
describe.skipIf(!articlePath || !expectedPath)('seed article names', async () => {
  const text = articlePath ? readFileSync(articlePath, 'utf8') : '';
  const expected: Expected[] = expectedPath ? JSON.parse(readFileSync(expectedPath, 'utf8')).entities : [];
  const names = expected.filter((e) => ['PERSON', 'LOCATION', 'ORGANIZATION'].includes(e.type));
  const run = await nameRunner();
  const entities = resolveOverlaps(run(text).candidates ?? []);

  it.each(names.map((e) => [`${e.type} ${e.text}`, e] as const))('finds %s', (_title, item) => {
    const forms = [item.text, ...(item.alternatives ?? [])];
    const hit = entities.some((entity) => {
      if (entity.type !== item.type) return false;
      if (item.canonical !== undefined && (entity.canonical ?? entity.text) !== item.canonical) return false;
      return forms.some((form) => {
        for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
          if (entity.start < at + form.length && at < entity.end) return true;
        }
        return false;
      });
    });
    expect(hit).toBe(true);
  });
});
