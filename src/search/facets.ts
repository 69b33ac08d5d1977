import type { Entity, EntityType, Link } from '../document/types.js';

/**
 * The facet fields of a search document: PERSON, LOCATION and ORGANIZATION entities by their canonical names.
 * (DATE, TIME and QUANTITY have fields of their own values; see indexDocument.ts.)
 */
export const FACET_FIELDS = { PERSON: 'person', LOCATION: 'place', ORGANIZATION: 'organization' } as const satisfies Partial<Record<EntityType, string>>;

export type FacetField = (typeof FACET_FIELDS)[keyof typeof FACET_FIELDS];
export type FacetType = keyof typeof FACET_FIELDS;

/**
 * Family names of two syllables (dictionaries/surnames.tsv, the rows of `syllables` 2; a test keeps the two in
 * step). Those of one syllable are left out of facets by the one-character rule already.
 */
export const TWO_SYLLABLE_SURNAMES: ReadonlySet<string> = new Set(['남궁', '독고', '동방', '망절', '사공', '서문', '선우', '어금', '장곡', '제갈', '황보']);

/**
 * The name an entity goes by in a facet: its canonical name (기재부 → 기획재정부, KIOST → 한국해양과학기술원); else
 * the Hangul form of a gloss the text itself writes beside it (趙豪志 → 자오하오즈 in "자오하오즈(趙豪志)") or of a
 * known abbreviation (中 → 중국); else its text. A Hanja reading korner only guessed (no Hangul mention in the text)
 * is not used: a Sino-Korean reading of a Japanese or Chinese name is not its name (安倍晋三 is not 안배진삼).
 * White space inside a name (a line break in "중국\n칭다오") becomes one space.
 */
export function facetName(entity: Entity, linked: ReadonlyMap<string, Link>): string {
  const link = linked.get(spanKey(entity));
  const named = entity.canonical ?? (link && (link.target !== null || link.kind === 'abbreviation') ? link.hangul : undefined) ?? entity.text;
  return named.trim().replace(/\s+/gu, ' ');
}

/** The links of a document by the span of their gloss (what facetName looks an entity up by). */
export function linksBySource(links: readonly Link[]): Map<string, Link> {
  const bySource = new Map<string, Link>();
  for (const link of links) if (!bySource.has(spanKey(link.source))) bySource.set(spanKey(link.source), link);
  return bySource;
}

function spanKey(span: { start: number; end: number }): string {
  return `${span.start}:${span.end}`;
}

/**
 * The facet rule: whether a name found for an entity of `type` goes into its facet. Left out (they stay in the
 * document's `entities`, for highlighting):
 * 1. names of one character (one code point): a surname alone (김, 박 from "김 씨", "박 대통령"), an initial ("A 씨"),
 *    a one-character gloss without a known long form. Such a facet value names nobody in particular and would merge
 *    every 김 of a corpus into one bucket. The rule looks at the name, not the text: 中 whose long form 중국 is
 *    known goes in as 중국.
 * 2. PERSON names that are a two-syllable family name and nothing else (남궁, 제갈, 황보 from "제갈 씨"), for the
 *    same reason.
 * 3. empty names (white space only).
 * Nothing else is judged here: what korner tags as an entity is a facet value under its canonical name.
 */
export function isFacetName(name: string, type: FacetType): boolean {
  if (name.length === 0) return false;
  const first = name.codePointAt(0)!;
  if (name.length === (first > 0xffff ? 2 : 1)) return false;
  if (type === 'PERSON' && TWO_SYLLABLE_SURNAMES.has(name)) return false;
  return true;
}

/** The facet values of a document: per facet field, the names that pass the rule, each once, in first-seen order. */
export function facetValues(entities: readonly Entity[], links: readonly Link[]): Record<FacetField, string[]> {
  const linked = linksBySource(links);
  const sets: Record<FacetField, Set<string>> = { person: new Set(), place: new Set(), organization: new Set() };
  for (const entity of entities) {
    if (!(entity.type in FACET_FIELDS)) continue;
    const type = entity.type as FacetType;
    const name = facetName(entity, linked);
    if (isFacetName(name, type)) sets[FACET_FIELDS[type]].add(name);
  }
  return { person: [...sets.person], place: [...sets.place], organization: [...sets.organization] };
}
