import type { TsvTable } from '../resources/tsv.js';
import { Trie } from './gazetteer.js';

/** What may follow a figure: a unit of measure or currency (canonical symbol) or a Korean counter (as written). */
export interface UnitMatch {
  end: number;
  /** Canonical unit (`KRW`, `m2`, `%`) or the counter as written (`명`, `층`). */
  unit: string;
  kind: 'currency' | 'percent' | 'measure' | 'temperature' | 'counter';
  /** The unit is written in Latin letters or symbols (km, %, $): it must not run into a following letter. */
  latin: boolean;
}

export interface UnitLexicon {
  /** The longest unit or counter starting at `i`, or null. */
  match(text: string, i: number): UnitMatch | null;
  /** True when the text at `i` starts with a counter (not a unit of measure). */
  has(surface: string): boolean;
}

interface Entry {
  unit: string;
  kind: UnitMatch['kind'];
  latin: boolean;
}

const LATIN = /[A-Za-z%$€£¥₩°μ]/;

/** Compiles `units.tsv` (surface, unit, kind) and `counters.tsv` (counter, gloss) into one longest-match lexicon. */
export function compileUnitLexicon(units: TsvTable, counters: TsvTable): UnitLexicon {
  const entries = new Map<string, Entry>();
  const counterColumn = counters.column('counter');
  for (const row of counters.rows) {
    const surface = (row[counterColumn] ?? '').trim().normalize('NFKC');
    if (surface) entries.set(surface, { unit: surface, kind: 'counter', latin: LATIN.test(surface) });
  }
  const surfaceColumn = units.column('surface');
  const unitColumn = units.column('unit');
  const kindColumn = units.column('kind');
  for (const row of units.rows) {
    const surface = (row[surfaceColumn] ?? '').trim().normalize('NFKC');
    const unit = (row[unitColumn] ?? '').trim();
    const kind = (row[kindColumn] ?? 'measure').trim() as UnitMatch['kind'];
    if (surface && unit) entries.set(surface, { unit, kind, latin: LATIN.test(surface[0]!) });
  }
  // The longest surface at a position, read off a trie: no slice per candidate length.
  const trie = new Trie<Entry>();
  for (const [surface, entry] of entries) trie.set(surface, entry);
  const hit: { end: number; value: Entry | undefined } = { end: 0, value: undefined };
  return {
    match(text, i) {
      if (!trie.longestAt(text, i, hit)) return null;
      const entry = hit.value!;
      return { end: hit.end, unit: entry.unit, kind: entry.kind, latin: entry.latin };
    },
    has(surface) {
      return entries.get(surface)?.kind === 'counter';
    },
  };
}
