import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Entity, Link, QuantityValue } from '../../src/document/types.js';
import { cliPath, sharedFile } from '../helpers.js';

/**
 * The seed article in ../shared must yield every item of seed-article.expected.json through the CLI, as its
 * description says: an entity of the same type overlapping an occurrence of `text` (or an alternative), with
 * equal value, canonical name, number and unit where they are given; and every link.
 */
interface ExpectedEntity {
  type: string;
  text: string;
  alternatives?: string[];
  value?: string;
  canonical?: string;
  number?: number;
  unit?: string;
}
interface ExpectedLink {
  source: string;
  hangul: string;
  reading: string;
}

const articlePath = sharedFile('acceptance/seed-article.txt');
const expectedPath = sharedFile('acceptance/seed-article.expected.json');

describe.skipIf(!articlePath || !expectedPath)('seed article acceptance (../shared/acceptance)', () => {
  const expected = expectedPath
    ? (JSON.parse(readFileSync(expectedPath, 'utf8')) as { referenceDate: string; entities: ExpectedEntity[]; links: ExpectedLink[] })
    : { referenceDate: '', entities: [], links: [] };
  const article = articlePath ? readFileSync(articlePath, 'utf8') : '';
  const output = articlePath
    ? execFileSync(
        process.execPath,
        [cliPath, 'extract', '--input', 'document', '--format', 'json', '--reference-date', expected.referenceDate, articlePath],
        { encoding: 'utf8' },
      )
    : '[]';
  const [result] = JSON.parse(output) as { entities: Entity[]; links: Link[] }[];

  function occurrences(text: string): [number, number][] {
    const found: [number, number][] = [];
    for (let i = article.indexOf(text); i >= 0; i = article.indexOf(text, i + 1)) found.push([i, i + text.length]);
    return found;
  }

  function matches(entity: Entity, item: ExpectedEntity): boolean {
    if (entity.type !== item.type) return false;
    if (item.value !== undefined && entity.value !== item.value) return false;
    if (item.canonical !== undefined && entity.canonical !== item.canonical) return false;
    if (item.number !== undefined || item.unit !== undefined) {
      const value = entity.value as QuantityValue | undefined;
      if (!value || typeof value !== 'object' || !('unit' in value)) return false;
      if (item.number !== undefined && Number(value.number) !== item.number) return false;
      if (item.unit !== undefined && value.unit !== item.unit) return false;
    }
    return true;
  }

  it('keeps the offset rule on the whole article', () => {
    for (const entity of result!.entities) expect(article.slice(entity.start, entity.end)).toBe(entity.text);
  });

  it.each(expected.entities.map((item) => [`${item.type} ${item.text}`, item] as const))('finds %s', (_title, item) => {
    const spans = [item.text, ...(item.alternatives ?? [])].flatMap(occurrences);
    expect(spans.length).toBeGreaterThan(0);
    const hit = result!.entities.find(
      (entity) => matches(entity, item) && spans.some(([start, end]) => entity.start < end && start < entity.end),
    );
    const nearby = result!.entities
      .filter((entity) => spans.some(([start, end]) => entity.start < end && start < entity.end))
      .map((e) => `${e.type}:${e.text}:${JSON.stringify(e.value ?? null)}:${e.canonical ?? ''}`);
    expect(hit, `no match; overlapping entities: ${nearby.join(', ') || 'none'}`).toBeDefined();
  });

  it.each(expected.links.map((link) => [`${link.source} → ${link.hangul}`, link] as const))('links %s', (_title, link) => {
    const hit = result!.links.find(
      (l) => l.source.text === link.source && l.hangul === link.hangul && l.reading === link.reading,
    );
    const same = result!.links.filter((l) => l.source.text === link.source).map((l) => `${l.hangul}/${l.reading}`);
    expect(hit, `links from ${link.source}: ${same.join(', ') || 'none'}`).toBeDefined();
  });
});
