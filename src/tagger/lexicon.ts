import { DICTIONARY_FOLDER, loadMecabDictionary, type MecabDictionary } from '../analyzer/dictionary.js';
import type { ResourceLoader } from '../resources/loader.js';
import type { Resources } from '../resources/resources.js';

/**
 * The dictionaries whose matches become tagger features. Each one is a class id; a surface can be in several
 * (가나 is a country and a common word). The tagger learns how far to trust each class, so ambiguous entries are
 * a class of their own rather than dropped.
 */
export const LEXICON_CLASSES = [
  'surname',
  'honorific',
  'title',
  'placeKorea',
  'placeKoreaAmbiguous',
  'placeWorld',
  'placeWorldAmbiguous',
  'country',
  'countryAmbiguous',
  'organization',
  'organizationSuffix',
  'commonNoun',
  // Proper nouns of mecab-ko-dic by name class, wherever they match (not only where the analyzer's best path
  // chose them): 295,690 person names, 49,762 places, 42,582 other names.
  'mecabPerson',
  'mecabPlace',
  'mecabOther',
] as const;

export type LexiconClass = (typeof LEXICON_CLASSES)[number];

const CLASS_BIT = Object.fromEntries(LEXICON_CLASSES.map((name, i) => [name, 1 << i])) as Record<LexiconClass, number>;
const NAME_CLASS_BIT = { person: CLASS_BIT.mecabPerson, place: CLASS_BIT.mecabPlace, other: CLASS_BIT.mecabOther };

interface Node {
  next: Map<number, Node>;
  mask: number;
}

/** One dictionary hit in a text: `[start, end)` with the bit mask of the classes of that surface. */
export interface LexiconMatch {
  start: number;
  end: number;
  mask: number;
}

/** A trie over UTF-16 units whose values are class bit masks. */
export class TaggerLexicon {
  private readonly root: Node = { next: new Map(), mask: 0 };
  private entries = 0;
  /** Longest surface, to bound look-ups. */
  private longest = 0;

  get size(): number {
    return this.entries;
  }

  add(surface: string, lexiconClass: LexiconClass): void {
    if (!surface) return;
    let node = this.root;
    for (let i = 0; i < surface.length; i++) {
      const code = surface.charCodeAt(i);
      let next = node.next.get(code);
      if (!next) node.next.set(code, (next = { next: new Map(), mask: 0 }));
      node = next;
    }
    if (node.mask === 0) this.entries++;
    node.mask |= CLASS_BIT[lexiconClass];
    if (surface.length > this.longest) this.longest = surface.length;
  }

  /** mecab-ko-dic, whose proper nouns of two units or more count as matches of the mecab* classes. */
  names: MecabDictionary | undefined;

  /** Every surface found in `text[from, to)`, at every start, in order of start then end. */
  findAll(text: string, from = 0, to = text.length): LexiconMatch[] {
    const found: LexiconMatch[] = [];
    const names = this.names;
    let pending: LexiconMatch[] = [];
    const collect = (end: number, first: number, count: number): void => {
      if (end > to || end - currentStart < 2) return;
      let mask = 0;
      for (let k = 0; k < count; k++) {
        const nameClass = names!.nameClass(first + k);
        if (nameClass) mask |= NAME_CLASS_BIT[nameClass];
      }
      if (mask !== 0) pending.push({ start: currentStart, end, mask });
    };
    let currentStart = from;
    for (let start = from; start < to; start++) {
      const firstAtStart = found.length;
      if (names) {
        currentStart = start;
        pending = [];
        names.forEachPrefix(text, start, collect);
      }
      let node: Node | undefined = this.root;
      const limit = Math.min(to, start + this.longest);
      for (let i = start; i < limit; i++) {
        node = node.next.get(text.charCodeAt(i));
        if (!node) break;
        if (node.mask !== 0) found.push({ start, end: i + 1, mask: node.mask });
      }
      for (const match of pending) {
        // Same span from both sources: one match with both masks.
        let same: LexiconMatch | undefined;
        for (let k = firstAtStart; k < found.length && !same; k++) if (found[k]!.end === match.end) same = found[k];
        if (same) same.mask |= match.mask;
        else found.push(match);
      }
      if (pending.length > 0) pending = [];
    }
    if (names) found.sort((a, b) => a.start - b.start || a.end - b.end);
    return found;
  }
}

function flagged(flags: string | undefined): boolean {
  return (flags ?? '').split(/[,\s]+/).includes('ambiguous');
}

/** Table name, surface column, and how a row maps to a class (undefined: skip the row). */
const SOURCES: readonly {
  file: string;
  surface: string;
  classify: (row: readonly string[], column: (name: string) => number) => LexiconClass | undefined;
}[] = [
  { file: 'surnames.tsv', surface: 'surname', classify: () => 'surname' },
  {
    file: 'person-cues.tsv',
    surface: 'cue',
    classify: (row, column) => (row[column('kind')] === 'honorific' ? 'honorific' : 'title'),
  },
  {
    file: 'places-korea.tsv',
    surface: 'surface',
    classify: (row, column) => (flagged(row[column('flags')]) ? 'placeKoreaAmbiguous' : 'placeKorea'),
  },
  {
    file: 'places-world.tsv',
    surface: 'surface',
    classify: (row, column) => (flagged(row[column('flags')]) ? 'placeWorldAmbiguous' : 'placeWorld'),
  },
  {
    file: 'countries.tsv',
    surface: 'surface',
    classify: (row, column) => (flagged(row[column('flags')]) ? 'countryAmbiguous' : 'country'),
  },
  { file: 'organizations.tsv', surface: 'surface', classify: () => 'organization' },
  { file: 'organization-suffixes.tsv', surface: 'suffix', classify: () => 'organizationSuffix' },
  { file: 'common-nouns.tsv', surface: 'surface', classify: () => 'commonNoun' },
];

/** The dictionary files the tagger's features read (the model is trained against their contents). */
export const LEXICON_FILES: readonly string[] = SOURCES.map((source) => source.file);

/**
 * Builds the tagger's lexicon from the shared gazetteers and mecab-ko-dic (shared with the analyzer stage: same
 * Resources key), once per Resources.
 */
export function loadTaggerLexicon(resources: Resources): Promise<TaggerLexicon> {
  return resources.derived('tagger:lexicon', async () => {
    const lexicon = new TaggerLexicon();
    const loader: ResourceLoader = { read: (name) => resources.binary(name) };
    lexicon.names = await resources.derived(`analyzer:${DICTIONARY_FOLDER}`, () => loadMecabDictionary(loader));
    for (const source of SOURCES) {
      const table = await resources.table(source.file);
      const column = (name: string): number => table.column(name);
      const surfaceColumn = table.column(source.surface);
      for (const row of table.rows) {
        const surface = row[surfaceColumn]?.trim();
        const lexiconClass = source.classify(row, column);
        if (surface && lexiconClass) lexicon.add(surface, lexiconClass);
      }
    }
    return lexicon;
  });
}
