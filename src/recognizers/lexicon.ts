import type { EntityType } from '../document/types.js';
import type { Resources } from '../resources/resources.js';
import type { TsvTable } from '../resources/tsv.js';
import type { UserEntry } from '../resources/userDictionary.js';
import { Trie } from './gazetteer.js';

/** A proper noun of the name dictionaries. */
export interface NameEntry {
  type: EntityType;
  /** Full name behind an alias (기재부 → 기획재정부, 인천 → 인천광역시); absent when the surface is its own name. */
  canonical?: string;
  /** Dictionary kind: province, city, county, district, country, place, government, party, company ... */
  kind: string;
  /** Also a common word (수단, 공주, 예산): recognisers accept it only with more evidence. */
  ambiguous?: boolean;
  /** Added by the user: always accepted. */
  user?: boolean;
}

export interface OrganizationSuffix {
  suffix: string;
  /** Syllables the stem must have at least. */
  minStem: number;
  /** What the stem must be: any noun, a phrase starting with a known name, or a place. */
  needs: 'any' | 'name' | 'place';
}

/**
 * Everything the first tokenizer and the name recognisers read from `dictionaries/`, compiled once per
 * {@link Resources} (see {@link loadNameLexicon}).
 */
export interface NameLexicon {
  /** Places and organisations (and the user's persons), by surface. */
  names: Trie<NameEntry>;
  /** Person cues (씨, 기자, 시장 ...) → kind (honorific | title). */
  cues: Map<string, string>;
  /** Cues that are also everyday nouns (시장 "market"): only a plain three-syllable name counts before them. */
  ambiguousCues: Set<string>;
  /** Family names, one or two syllables. */
  surnames: Set<string>;
  /** Common nouns (NNG) that must not be read as names. */
  commonNouns: Set<string>;
  /** Particles and copula forms → Sejong tag. */
  josa: Map<string, string>;
  /** Verb/adjective suffixes with endings → Sejong tag. */
  endings: Map<string, string>;
  /** Organisation suffixes, longest first. */
  organizationSuffixes: OrganizationSuffix[];
}

/** The dictionary files the lexicon reads, in the order later ones override earlier ones. */
export const NAME_DICTIONARIES = [
  'countries.tsv',
  'places-world.tsv',
  'places-korea.tsv',
  'organizations.tsv',
  'organization-suffixes.tsv',
  'surnames.tsv',
  'person-cues.tsv',
  'common-nouns.tsv',
  'josa.tsv',
  'endings.tsv',
] as const;

/**
 * Loads and compiles the name dictionaries, once per Resources however many stages ask. The user's entries are
 * merged last and win: a user entry replaces any dictionary entry of the same surface.
 */
export function loadNameLexicon(resources: Resources): Promise<NameLexicon> {
  return resources.derived('korner:name-lexicon', async () => {
    const tables = await Promise.all(NAME_DICTIONARIES.map((name) => resources.table(name)));
    const byName = new Map(tables.map((table) => [table.name, table]));
    return buildNameLexicon((name) => byName.get(name)!, resources.userEntries);
  });
}

const ADMINISTRATIVE = new Set(['province', 'city', 'county', 'district']);

/**
 * The offices of local governments (인천시청, 경기도청, 강남구청, 진도군청): a place with its administrative suffix
 * plus 청. Dictionary entries of the same surface keep theirs.
 */
function addLocalGovernments(names: Trie<NameEntry>, places: TsvTable): void {
  const surface = places.column('surface');
  const kind = places.column('kind');
  for (const row of places.rows) {
    const name = row[surface]!;
    if (!ADMINISTRATIVE.has(row[kind] ?? '') || !/[시도군구]$/.test(name)) continue;
    const office = `${name}청`;
    if (!names.has(office)) names.set(office, { type: 'ORGANIZATION', kind: 'local-government' });
  }
}

/** Builds the lexicon from parsed tables (exported for tests). */
export function buildNameLexicon(table: (name: string) => TsvTable, userEntries: readonly UserEntry[] = []): NameLexicon {
  const names = new Trie<NameEntry>();
  const addNames = (file: string, type: EntityType, fixedKind?: string) => {
    const t = table(file);
    const surface = t.column('surface');
    const canonical = t.column('canonical');
    const kind = fixedKind === undefined ? t.column('kind') : -1;
    const flags = t.columns.indexOf('flags');
    for (const row of t.rows) {
      const entry: NameEntry = { type, kind: fixedKind ?? row[kind] ?? '' };
      const name = row[surface]!;
      const full = row[canonical];
      // A full name is its own canonical name: 기획재정부 and 기재부 share the group 기획재정부.
      if (full) entry.canonical = full;
      if (flags >= 0 && row[flags] === 'ambiguous') entry.ambiguous = true;
      names.set(name, entry);
    }
  };
  addNames('countries.tsv', 'LOCATION', 'country');
  addNames('places-world.tsv', 'LOCATION');
  addNames('places-korea.tsv', 'LOCATION');
  addNames('organizations.tsv', 'ORGANIZATION');
  addLocalGovernments(names, table('places-korea.tsv'));

  const cuesTable = table('person-cues.tsv');
  const cues = new Map(cuesTable.rows.map((row) => [row[cuesTable.column('cue')]!, row[cuesTable.column('kind')]!]));
  const cueFlags = cuesTable.columns.indexOf('flags');
  const ambiguousCues = new Set(
    cuesTable.rows.filter((row) => cueFlags >= 0 && row[cueFlags] === 'ambiguous').map((row) => row[cuesTable.column('cue')]!),
  );
  const surnamesTable = table('surnames.tsv');
  const surnames = new Set(surnamesTable.rows.map((row) => row[surnamesTable.column('surname')]!));
  const nounsTable = table('common-nouns.tsv');
  const commonNouns = new Set(nounsTable.rows.map((row) => row[nounsTable.column('surface')]!));
  const formMap = (file: string) => {
    const t = table(file);
    return new Map(t.rows.map((row) => [row[t.column('form')]!, row[t.column('pos')]!]));
  };
  const suffixTable = table('organization-suffixes.tsv');
  const organizationSuffixes = suffixTable.rows
    .map((row) => ({
      suffix: row[suffixTable.column('suffix')]!,
      minStem: Number(row[suffixTable.column('minStem')] ?? 1) || 1,
      needs: (row[suffixTable.column('needs')] ?? 'any') as OrganizationSuffix['needs'],
    }))
    .sort((a, b) => b.suffix.length - a.suffix.length);

  for (const entry of userEntries) {
    if (entry.type !== 'PERSON' && entry.type !== 'LOCATION' && entry.type !== 'ORGANIZATION') continue;
    const named: NameEntry = { type: entry.type, kind: 'user', user: true };
    if (entry.canonical) named.canonical = entry.canonical;
    names.set(entry.surface, named);
    commonNouns.delete(entry.surface);
    cues.delete(entry.surface);
  }

  return {
    names,
    cues,
    ambiguousCues,
    surnames,
    commonNouns,
    josa: formMap('josa.tsv'),
    endings: formMap('endings.tsv'),
    organizationSuffixes,
  };
}
