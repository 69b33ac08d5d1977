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
  const add = (x: string) => {
    if (!parent.has(x)) parent.set(x, x);
  };
  const union = (a: string, b: string) => {
    add(a);
    add(b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  const sources = new Set<string>();
  const extraDone = new Set<string>();
  for (const link of links) {
    const source = link.source.text.trim();
    const hangul = link.hangul.trim();
    if (!source || !hangul) continue;
    sources.add(source);
    union(source, hangul);
    if (options.extraReading && link.kind === 'hanja' && !extraDone.has(source)) {
      extraDone.add(source);
      const extra = options.extraReading(source)?.trim();
      if (extra) union(source, extra);
    }
  }
  const groups = new Map<string, string[]>();
  for (const form of parent.keys()) {
    const root = find(form);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = []));
    group.push(form);
  }
  const lines: string[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const sourceForms = group.filter((f) => sources.has(f)).sort();
    const otherForms = group.filter((f) => !sources.has(f)).sort();
    lines.push([...sourceForms, ...otherForms].map(escape).join(', '));
  }
  return lines.sort();
}
