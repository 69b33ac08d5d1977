import type { Link } from '../document/types.js';

export interface SynonymOptions {
  /**
   * Adds a reading for each Hanja source, e.g. its Sino-Korean reading, so that an index whose analyser reads 威海
   * as 위해 (Nori's reading filter) still meets 웨이하이: `(hanja) => reader.readSinoKorean(hanja, 1)[0]`.
   */
  extraReading?: (hanja: string) => string | undefined;
}

/** Solr and Elasticsearch read `,` as the separator inside a synonym line; a literal comma is escaped. */
const escape = (form: string) => form.replace(/\\/g, '\\\\').replace(/,/g, '\\,');

/**
 * Synonym lines in the Solr / Elasticsearch format (`威海, 웨이하이, 위해`) for the links found in a corpus: forms
 * linked directly or through a shared form are one line; each line lists the source forms first, then the Hangul
 * forms; lines and duplicates are removed, the output is sorted.
 */
export function formatSynonyms(links: readonly Link[], options: SynonymOptions = {}): string[] {
  const pairs: [string, string][] = [];
  const sources = new Set<string>();
  const extraDone = new Set<string>();
  for (const link of links) {
    const source = link.source.text.trim();
    const hangul = link.hangul.trim();
    if (!source || !hangul) continue;
    sources.add(source);
    pairs.push([source, hangul]);
    if (options.extraReading && link.kind === 'hanja' && !extraDone.has(source)) {
      extraDone.add(source);
      const extra = options.extraReading(source)?.trim();
      if (extra) pairs.push([source, extra]);
    }
  }
  const lines: string[] = [];
  for (const group of unionGroups(pairs)) {
    const sourceForms = group.filter((f) => sources.has(f)).sort();
    const otherForms = group.filter((f) => !sources.has(f)).sort();
    lines.push([...sourceForms, ...otherForms].map(escape).join(', '));
  }
  return lines.sort();
}

/**
 * The forms joined directly or through shared forms by `pairs` (union-find), groups of two or more, in order of
 * first appearance.
 */
export function unionGroups(pairs: Iterable<readonly [string, string]>): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let node = x;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const [a, b] of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  }
  const groups = new Map<string, string[]>();
  for (const form of parent.keys()) {
    const root = find(form);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = []));
    group.push(form);
  }
  return [...groups.values()].filter((group) => group.length >= 2);
}
