import type { MecabDictionary, NameClass } from '../analyzer/dictionary.js';
import { mecabDictionaryOf } from '../analyzer/stage.js';
import type { PrefixMatches } from '../analyzer/prefixMatches.js';
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
  // Proper nouns of mecab-ko-dic by name class, where a word starts (whether or not the analyzer's best path chose
  // them): 295,690 person names, 49,762 places, 42,582 other names.
  'mecabPerson',
  'mecabPlace',
  'mecabOther',
  // The name lists of dictionaries/names/, by kind; an entry flagged ambiguous (a common word, a place that names a
  // club, a name of several things) is in the ambiguous class of its list's type instead.
  'sportsClub',
  'media',
  'party',
  'publicBody',
  'company',
  'university',
  'placeListed',
  'organizationAmbiguous',
  'placeListedAmbiguous',
] as const;

export type LexiconClass = (typeof LEXICON_CLASSES)[number];

const CLASS_BIT = Object.fromEntries(LEXICON_CLASSES.map((name, i) => [name, 1 << i])) as Record<LexiconClass, number>;
/** The mecab* classes are three consecutive bits from this one. */
const MECAB_SHIFT = LEXICON_CLASSES.indexOf('mecabPerson');
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

/**
 * Matches in typed arrays, reused between calls: match `k` is `[start[k], end[k])` with classes `mask[k]`, in order
 * of start then end. Valid until the next {@link TaggerLexicon.findInto} with the same buffer.
 */
export class MatchBuffer {
  start: Int32Array = new Int32Array(256);
  end: Int32Array = new Int32Array(256);
  mask: Int32Array = new Int32Array(256);
  count = 0;

  push(start: number, end: number, mask: number): void {
    if (this.count === this.start.length) {
      const size = this.count * 2;
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(size);
        b.set(a);
        return b;
      };
      this.start = grow(this.start);
      this.end = grow(this.end);
      this.mask = grow(this.mask);
    }
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.mask[this.count++] = mask;
  }
}

/**
 * The trie compiled to typed arrays: the root's children by code unit in a direct table, deeper children as sorted
 * runs of (code, node).
 */
interface CompiledTrie {
  root: Int32Array;
  mask: Int32Array;
  childStart: Int32Array;
  childCodes: Uint16Array;
  childNodes: Int32Array;
}

function compile(root: Node): CompiledTrie {
  const nodes: Node[] = [root];
  for (let k = 0; k < nodes.length; k++) for (const child of nodes[k]!.next.values()) nodes.push(child);
  const ids = new Map<Node, number>();
  nodes.forEach((node, k) => ids.set(node, k));
  const mask = new Int32Array(nodes.length);
  const childStart = new Int32Array(nodes.length + 1);
  const childCodes = new Uint16Array(nodes.length);
  const childNodes = new Int32Array(nodes.length);
  let at = 0;
  for (let k = 0; k < nodes.length; k++) {
    mask[k] = nodes[k]!.mask;
    childStart[k] = at;
    for (const [code, child] of [...nodes[k]!.next].sort((a, b) => a[0] - b[0])) {
      childCodes[at] = code;
      childNodes[at++] = ids.get(child)!;
    }
  }
  childStart[nodes.length] = at;
  const rootTable = new Int32Array(0x10000);
  for (const [code, child] of root.next) rootTable[code] = ids.get(child)!;
  return { root: rootTable, mask, childStart, childCodes, childNodes };
}

/** The mecab* class bits of each set of name class indices (bit k: `dictionary.meta.nameClasses[k]`). */
function indexSetMasks(dictionary: MecabDictionary): Int32Array {
  const classes = dictionary.meta.nameClasses;
  const masks = new Int32Array(1 << classes.length);
  for (let set = 1; set < masks.length; set++) {
    for (let k = 0; k < classes.length; k++) if (set & (1 << k) && classes[k]) masks[set]! |= NAME_CLASS_BIT[classes[k] as NameClass];
  }
  return masks;
}

/** Whether a unit after `code` is inside the same word: `code` is a letter, digit or ideograph of any script used here. */
function continuesWord(code: number): boolean {
  if (code >= 0xac00 && code <= 0xd7a3) return true; // Hangul syllables
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  return (
    (code >= 0x1100 && code <= 0x11ff) || // jamo
    (code >= 0x3130 && code <= 0x318f) || // compatibility jamo
    (code >= 0x3400 && code <= 0x9fff) || // Hanja (extension A and unified)
    (code >= 0xd800 && code <= 0xdfff) || // astral Hanja
    (code >= 0xf900 && code <= 0xfaff) // compatibility ideographs
  );
}

/** A trie over UTF-16 units whose values are class bit masks. */
export class TaggerLexicon {
  private readonly root: Node = { next: new Map(), mask: 0 };
  private entries = 0;
  /** Longest surface, to bound look-ups. */
  private longest = 0;
  private compiled: CompiledTrie | undefined;
  /** Proper-noun prefixes of mecab-ko-dic at the current start: ends and class masks (see {@link findInto}). */
  private nameEnds: Int32Array = new Int32Array(64);
  private nameMasks: Int32Array = new Int32Array(64);
  private nameCount = 0;
  private nameStart = 0;
  private nameLimit = 0;
  private readonly collectName = (end: number, first: number, count: number): void => {
    if (end > this.nameLimit || end - this.nameStart < 2) return;
    // The classes of a group of entries, cached by its first entry (0: not yet known; else 1 + the 3 class bits).
    if (first >= this.groupClasses.length) {
      const grown = new Uint8Array(Math.max(first + 1, 2 * this.groupClasses.length, 1 << 16));
      grown.set(this.groupClasses);
      this.groupClasses = grown;
    }
    let cached = this.groupClasses[first]!;
    if (cached === 0) {
      const names = this.names!;
      let bits = 0;
      for (let k = 0; k < count; k++) {
        const nameClass = names.nameClass(first + k);
        if (nameClass) bits |= NAME_CLASS_BIT[nameClass] >> MECAB_SHIFT;
      }
      this.groupClasses[first] = cached = 1 + bits;
    }
    if (cached !== 1) this.pushName(end, (cached - 1) << MECAB_SHIFT);
  };
  private pushName(end: number, mask: number): void {
    if (this.nameCount === this.nameEnds.length) {
      const ends = new Int32Array(this.nameCount * 2);
      ends.set(this.nameEnds);
      this.nameEnds = ends;
      const masks = new Int32Array(this.nameCount * 2);
      masks.set(this.nameMasks);
      this.nameMasks = masks;
    }
    this.nameEnds[this.nameCount] = end;
    this.nameMasks[this.nameCount++] = mask;
  }
  /** Per set of mecab-ko-dic name class indices (as PrefixMatches records them), its mecab* class bits. */
  private indexSetMasks: Int32Array | undefined;
  private readonly buffer = new MatchBuffer();
  private groupClasses = new Uint8Array(0);

  get size(): number {
    return this.entries;
  }

  add(surface: string, lexiconClass: LexiconClass): void {
    if (!surface) return;
    this.compiled = undefined;
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

  /** What the analyzer found in the text being tagged (see {@link usePrefixMatches}). */
  private prefixes: PrefixMatches | undefined;

  /**
   * Lets {@link findInto} read mecab-ko-dic's matches from the analyzer's walks of `prefixes.text` instead of walking
   * the trie again, where they cover a start (it walks the others itself); `undefined` stops that. The results are the
   * same either way, for any text.
   */
  usePrefixMatches(prefixes: PrefixMatches | undefined): void {
    this.prefixes = prefixes;
  }

  /** Every surface found in `text[from, to)`, at every start, in order of start then end. */
  findAll(text: string, from = 0, to = text.length): LexiconMatch[] {
    const buffer = this.findInto(text, from, to, this.buffer);
    const found: LexiconMatch[] = [];
    for (let k = 0; k < buffer.count; k++) found.push({ start: buffer.start[k]!, end: buffer.end[k]!, mask: buffer.mask[k]! });
    return found;
  }

  /**
   * The same as {@link findAll} into `out` (cleared first), without allocation: at each start, the gazetteer's
   * matches and mecab-ko-dic's proper nouns are merged by end (one match with both masks for the same span).
   */
  findInto(text: string, from: number, to: number, out: MatchBuffer): MatchBuffer {
    out.count = 0;
    const trie = (this.compiled ??= compile(this.root));
    const { root, mask, childStart, childCodes, childNodes } = trie;
    const names = this.names;
    this.nameLimit = to;
    const prefixes = this.prefixes !== undefined && this.prefixes.text === text && this.prefixes.dictionary === names ? this.prefixes : undefined;
    const found = prefixes?.data;
    let at = prefixes ? prefixes.firstAtOrAfter(from) : 0;
    const setMasks = prefixes ? (this.indexSetMasks ??= indexSetMasks(prefixes.dictionary)) : undefined;
    for (let start = from; start < to; start++) {
      this.nameCount = 0;
      // mecab-ko-dic's proper nouns only where a word starts: walking the 12 MB trie from every unit was a fifth
      // of the tagger's time, and names that start inside a word matched more noise than names (validation
      // entity F1 0.8261 → 0.8289 when retrained without them).
      if (names && (start === 0 || !continuesWord(text.charCodeAt(start - 1)))) {
        this.nameStart = start;
        if (found !== undefined && ((found[start >>> 4]! >>> (start & 15)) & 1) !== 0) {
          // The analyzer's triples (start, end, set of name class indices), in order: earlier starts' are skipped.
          while (at < found.length && found[at]! < start) at += 3;
          for (; at < found.length && found[at] === start; at += 3) {
            if (found[at + 1]! <= to) this.pushName(found[at + 1]!, setMasks![found[at + 2]!]!);
          }
        } else {
          names.forEachPrefix(text, start, this.collectName);
        }
      }
      const nameCount = this.nameCount;
      const nameEnds = this.nameEnds;
      let nameAt = 0;
      let node = root[text.charCodeAt(start)]!;
      if (node !== 0) {
        const limit = Math.min(to, start + this.longest);
        for (let i = start; ; ) {
          const m = mask[node]!;
          if (m !== 0) {
            const end = i + 1;
            while (nameAt < nameCount && nameEnds[nameAt]! < end) {
              out.push(start, nameEnds[nameAt]!, this.nameMasks[nameAt]!);
              nameAt++;
            }
            if (nameAt < nameCount && nameEnds[nameAt] === end) out.push(start, end, m | this.nameMasks[nameAt++]!);
            else out.push(start, end, m);
          }
          if (++i >= limit) break;
          // Children sorted by code: linear scan for short runs, binary search for long ones.
          const code = text.charCodeAt(i);
          let lo = childStart[node]!;
          let hi = childStart[node + 1]!;
          let next = 0;
          if (hi - lo <= 8) {
            for (; lo < hi; lo++) {
              const c = childCodes[lo]!;
              if (c >= code) {
                if (c === code) next = childNodes[lo]!;
                break;
              }
            }
          } else {
            while (lo < hi) {
              const mid = (lo + hi) >>> 1;
              const c = childCodes[mid]!;
              if (c < code) lo = mid + 1;
              else if (c > code) hi = mid;
              else {
                next = childNodes[mid]!;
                break;
              }
            }
          }
          if (next === 0) break;
          node = next;
        }
      }
      for (; nameAt < nameCount; nameAt++) out.push(start, nameEnds[nameAt]!, this.nameMasks[nameAt]!);
    }
    return out;
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
  ...(
    [
      ['names/sports.tsv', 'sportsClub', 'organizationAmbiguous'],
      ['names/broadcasters-press.tsv', 'media', 'organizationAmbiguous'],
      ['names/parties.tsv', 'party', 'organizationAmbiguous'],
      ['names/public-bodies.tsv', 'publicBody', 'organizationAmbiguous'],
      ['names/companies-universities.tsv', 'company', 'organizationAmbiguous'],
      ['names/places-cldr.tsv', 'placeListed', 'placeListedAmbiguous'],
    ] as const
  ).map(([file, plain, ambiguous]) => ({
    file,
    surface: 'surface',
    classify: (row: readonly string[], column: (name: string) => number): LexiconClass | undefined => {
      if (flagged(row[column('flags')])) return ambiguous;
      return row[column('kind')] === 'university' ? 'university' : plain;
    },
  })),
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
    lexicon.names = await mecabDictionaryOf(resources);
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
  }, 'loader');
}
