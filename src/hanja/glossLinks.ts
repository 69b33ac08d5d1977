import type { Entity, EntityType, KornerDocument, Link, Reading, Span } from '../document/types.js';
import type { Stage } from '../pipeline/stage.js';
import type { Resources } from '../resources/resources.js';
import { ERROR_CODES, KornerError } from '../errors.js';
import { loadMandarinLibraries } from './mandarin.js';
import { type Abbreviation, HanjaReader, type HanjaTables } from './reader.js';
import { HAN_RUN, isHanCodePoint, isHangulSyllable } from './script.js';

/** The entity `source` of what this stage adds. */
export const GLOSS_LINK_SOURCE = 'glossLinks';

// Compiled once. A bracket holds 1–60 characters and no other bracket or line break.
const BRACKET = /[(（]([^()（）\n]{1,60})[)）]/g;
/**
 * A Han ideograph, or the lead surrogate of one (U+D840–U+D8C4 covers U+20000–U+3134F): where none is, no
 * HAN_RUN can match, and only the acronym rules of a bracket are left to read.
 */
const HAN_PRECHECK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ud840-\ud8c4]/;
/** An acronym: starts with a capital, at least two capitals, Latin letters, digits, & . - (ETRI, ICT, KT&G, G20). */
const ACRONYM = /^[A-Z][A-Za-z0-9&.\-]{1,11}$/;
const ACRONYM_BEFORE = /(?<![A-Za-z0-9&])[A-Z][A-Za-z0-9&.\-]{1,11}$/;
/** Separators inside a bracket: 張惠·55, 杜德偉,두덕위, 高梓淇-고재기. */
const PART_SEPARATOR = /[·ㆍ・,，、;]/;
/** Hangul after the glossed mention that may stay outside it: 웨이하이시(威海) → 웨이하이 (at most two syllables). */
const MAX_SUFFIX = 2;

const isCapital = (code: number) => code >= 0x41 && code <= 0x5a;
const countCapitals = (s: string) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isCapital(s.charCodeAt(i))) n++;
  return n;
};
const countLetters = (s: string) => s.replace(/[^A-Za-z]/g, '').length;
const countDigits = (s: string) => s.replace(/[^0-9]/g, '').length;
/** Two capitals or more, and more letters than digits: ETRI, KT&G, H7N9; not a code such as MH370. */
const isAcronym = (s: string) => ACRONYM.test(s) && countCapitals(s) >= 2 && countDigits(s) < countLetters(s);
const hangulAt = (text: string, i: number) => i >= 0 && i < text.length && isHangulSyllable(text.charCodeAt(i));
const span = (text: string, start: number, end: number): Span => ({ start, end, text: text.slice(start, end) });

interface Work {
  readonly text: string;
  readonly entities: readonly Entity[];
  /** Built on first use (see linkGlosses): read it only where there is Han text. */
  readonly reader: HanjaReader;
  readonly links: Link[];
  readonly added: Entity[];
  /** Start offsets of Han runs already read as glosses. */
  readonly consumed: Set<number>;
  /**
   * 1 at each offset an entity of `added` covers, made with the first one: an overlap test reads its own span,
   * where a test against every entity added so far made a page of headline abbreviations (北 北 北 …) quadratic.
   */
  taken: Uint8Array | undefined;
  /** The text has a Han ideograph (see HAN_PRECHECK). */
  readonly hasHan: boolean;
}

/** The entity covering [start, end), if any (entities are sorted and do not overlap). */
function entityCovering(entities: readonly Entity[], start: number, end: number): Entity | undefined {
  let lo = 0;
  let hi = entities.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = entities[mid]!;
    if (e.end <= start) lo = mid + 1;
    else if (e.start > start) hi = mid - 1;
    else return e.end >= end ? e : undefined;
  }
  return undefined;
}

/** The entity that ends at `end`, if any (entities are sorted and do not overlap, so their ends are sorted too). */
function entityEndingAt(entities: readonly Entity[], end: number): Entity | undefined {
  let lo = 0;
  let hi = entities.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entities[mid]!.end < end) lo = mid + 1;
    else hi = mid;
  }
  return lo < entities.length && entities[lo]!.end === end ? entities[lo] : undefined;
}

function overlapsAny(work: Work, start: number, end: number): boolean {
  const entities = work.entities;
  let lo = 0;
  let hi = entities.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entities[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  if (lo < entities.length && entities[lo]!.start < end) return true;
  const taken = work.taken;
  if (taken) for (let k = start; k < end; k++) if (taken[k] === 1) return true;
  return false;
}

function addEntity(work: Work, start: number, end: number, type: EntityType, canonical?: string): Entity | undefined {
  if (start >= end || overlapsAny(work, start, end)) return undefined;
  const entity: Entity = { start, end, text: work.text.slice(start, end), type, source: GLOSS_LINK_SOURCE };
  if (canonical !== undefined) entity.canonical = canonical;
  work.added.push(entity);
  (work.taken ??= new Uint8Array(work.text.length)).fill(1, start, end);
  return entity;
}

/** The Hangul mention before `end` that the Hanja reads as: X(漢字), 중국웨이하이(威海), 아베 신조(安倍晋三). */
function findHangulBefore(
  work: Work,
  end: number,
  prepared: ReturnType<HanjaReader['prepare']>,
): { start: number; end: number; reading: Exclude<Reading, 'abbreviation'> } | undefined {
  const { text } = work;
  let b = end;
  if (text[b - 1] === ' ') b--;
  let a = b;
  while (hangulAt(text, a - 1)) a--;
  if (a === b) return undefined;
  // One more word before, for names written with a space (아베 신조).
  let a2 = a;
  if (text[a - 1] === ' ' && hangulAt(text, a - 2)) {
    a2 = a - 1;
    while (hangulAt(text, a2 - 1)) a2--;
  }
  // Longest mention first: the mention ends at the bracket or leaves a short suffix (웨이하이시(威海)). No reading is
  // longer than `prepared.longest` (the one space between the two words aside): a long run is tried only that far
  // back from the bracket, not from its start (every stretch of it made a long run quadratic).
  for (let e = b; e >= Math.max(a + 1, b - MAX_SUFFIX); e--) {
    for (let s = Math.max(a2, e - prepared.longest - 1); s < e; s++) {
      if (text[s] === ' ') continue;
      const reading = prepared.match(text.slice(s, e));
      if (reading) return { start: s, end: e, reading };
    }
  }
  return undefined;
}

/** The Hangul inside a bracket that a Hanja before it reads as: 威海(웨이하이), 威海(웨이하이시). */
function findHangulInside(
  text: string,
  start: number,
  end: number,
  prepared: ReturnType<HanjaReader['prepare']>,
): { start: number; end: number; reading: Exclude<Reading, 'abbreviation'> } | undefined {
  let s = start;
  while (text[s] === ' ') s++;
  let e = s;
  while (e < end && (hangulAt(text, e) || (text[e] === ' ' && hangulAt(text, e + 1)))) e++;
  for (let stop = e; stop > s && stop >= e - MAX_SUFFIX; stop--) {
    const reading = prepared.match(text.slice(s, stop));
    if (reading) return { start: s, end: stop, reading };
  }
  return undefined;
}

function glossLink(work: Work, hanja: Span, target: Span, hangul: string, reading: Reading): void {
  const entity = entityCovering(work.entities, target.start, target.end);
  const hanjaEntity = entityCovering(work.entities, hanja.start, hanja.end);
  work.links.push({ kind: 'hanja', source: hanja, target: entity ? span(work.text, entity.start, entity.end) : target, hangul, reading });
  // KLUE marks both: 일본 교토(京都) → LC 일본 교토, LC 京都. A one-character gloss of the last syllable of a longer
  // entity is a suffix, not a name (롯데가(家), 알바라카 주(州)).
  const nameLike = hanja.text.length > 1 || (entity !== undefined && entity.start === target.start && entity.end === target.end);
  if (entity && !hanjaEntity && nameLike) addEntity(work, hanja.start, hanja.end, entity.type);
  else if (entity && hanjaEntity && hanjaEntity.start === hanja.start && hanjaEntity.end === hanja.end) {
    // One name, two spellings, one type: the surer of the two decides (an entity without a score is sure).
    if (entity.type !== hanjaEntity.type) {
      const [surer, other] = (entity.score ?? 1) >= (hanjaEntity.score ?? 1) ? [entity, hanjaEntity] : [hanjaEntity, entity];
      other.type = surer.type;
    }
  } else if (hanjaEntity && !entity && hanjaEntity.start === hanja.start && hanjaEntity.end === hanja.end) {
    addEntity(work, target.start, target.end, hanjaEntity.type);
  }
}

function acronymLink(work: Work, acronym: Span, expansion: Span): void {
  const { text, entities } = work;
  const expansionEntity = entityCovering(entities, expansion.start, expansion.end);
  const target = expansionEntity ?? undefined;
  const targetSpan = target ? span(text, target.start, target.end) : expansion;
  work.links.push({ kind: 'abbreviation', source: acronym, target: targetSpan, hangul: expansion.text, reading: 'abbreviation' });
  const acronymEntity = entityCovering(entities, acronym.start, acronym.end);
  // One entity group: the acronym and its expansion share the expansion's canonical name.
  if (target) {
    const canonical = target.canonical ?? target.text;
    target.canonical ??= canonical;
    if (acronymEntity) acronymEntity.canonical ??= canonical;
    else addEntity(work, acronym.start, acronym.end, target.type, canonical);
  } else if (acronymEntity) {
    const canonical = acronymEntity.canonical ?? expansion.text;
    acronymEntity.canonical ??= canonical;
    addEntity(work, expansion.start, expansion.end, acronymEntity.type, canonical);
  }
}

function readBracket(work: Work, open: number, inner: string): void {
  const { text } = work;
  const innerStart = open + 1;
  const innerEnd = innerStart + inner.length;
  const firstPartLength = inner.search(PART_SEPARATOR);
  const firstPart = firstPartLength < 0 ? inner : inner.slice(0, firstPartLength);
  const trimmedStart = innerStart + (firstPart.length - firstPart.trimStart().length);
  const trimmed = firstPart.trim();

  // X(漢字) and X(漢字·55): a Han run inside glosses the Hangul before the bracket.
  let glossed = false;
  if (work.hasHan) for (const m of inner.matchAll(HAN_RUN)) {
    const start = innerStart + m.index;
    const hanja = span(text, start, start + m[0].length);
    const found = findHangulBefore(work, open, work.reader.prepare(hanja.text));
    if (found) {
      const target = span(text, found.start, found.end);
      glossLink(work, hanja, target, target.text, found.reading);
      work.consumed.add(start);
      glossed = true;
      break;
    }
  }
  if (glossed) return;
  if (work.consumed.has(innerStart) || inner.length === 0) return;

  // 漢字(X): a Han run right before the bracket, read by the Hangul inside.
  let h = open;
  if (text[h - 1] === ' ') h--;
  let hs = h;
  while (hs > 0) {
    const code = text.codePointAt(hs - 1)!;
    const low = text.charCodeAt(hs - 1);
    if (low >= 0xdc00 && low <= 0xdfff && hs >= 2 && isHanCodePoint(text.codePointAt(hs - 2)!)) hs -= 2;
    else if (isHanCodePoint(code)) hs--;
    else break;
  }
  if (hs < h) {
    const found = findHangulInside(text, innerStart, innerEnd, work.reader.prepare(text.slice(hs, h)));
    if (found) {
      const target = span(text, found.start, found.end);
      glossLink(work, span(text, hs, h), target, target.text, found.reading);
      work.consumed.add(hs);
      return;
    }
  }

  // X(ACRONYM): 전자통신연구원(ETRI), 정보통신기술(ICT).
  if (isAcronym(trimmed)) {
    const acronym = span(text, trimmedStart, trimmedStart + trimmed.length);
    let b = open;
    if (text[b - 1] === ' ') b--;
    const ending = entityEndingAt(work.entities, b);
    let a = b;
    while (hangulAt(text, a - 1)) a--;
    const expansion = ending ? span(text, ending.start, ending.end) : b - a >= 2 ? span(text, a, b) : undefined;
    if (expansion) acronymLink(work, acronym, expansion);
    return;
  }

  // ACRONYM(X): MOU(양해각서), IS(이슬람국가).
  const before = ACRONYM_BEFORE.exec(text.slice(Math.max(0, open - 12), open));
  if (before && isAcronym(before[0]) && trimmed.length >= 2 && /^[가-힣][가-힣 ]*[가-힣]$/.test(trimmed)) {
    const acronym = span(text, open - before[0].length, open);
    acronymLink(work, acronym, span(text, trimmedStart, trimmedStart + trimmed.length));
  }
}

/** Splits a Han run into headline abbreviations, longest first; undefined unless all of it is. */
function splitAbbreviations(run: string, reader: HanjaReader): { offset: number; entry: Abbreviation }[] | undefined {
  const out: { offset: number; entry: Abbreviation }[] = [];
  const chars = Array.from(run);
  let i = 0;
  let offset = 0;
  while (i < chars.length) {
    let found: Abbreviation | undefined;
    let length = Math.min(reader.maxAbbreviationLength, chars.length - i);
    for (; length >= 1; length--) {
      found = reader.abbreviations.get(chars.slice(i, i + length).join(''));
      if (found) break;
    }
    if (!found) return undefined;
    out.push({ offset, entry: found });
    offset += found.hanja.length;
    i += length;
  }
  return out;
}

function readStandalone(work: Work, start: number, run: string): void {
  const { text, reader } = work;
  const end = start + run.length;
  const before = start > 0 ? text.charCodeAt(start - 1) : 0x20;
  // A headline abbreviation stands as a word: nothing but space, punctuation or a line start before it (中웨이하이시).
  const standsAlone = !isHangulSyllable(before) && !/[A-Za-z0-9]/.test(String.fromCharCode(before));
  const parts = standsAlone ? splitAbbreviations(run, reader) : undefined;
  if (parts && parts.length > 1) {
    // 韓中: the whole run is a Hanja word read as a whole (한중), each part an abbreviation (韓 한국, 中 중국).
    const hangul = reader.readSinoKorean(run, 1)[0];
    if (hangul) work.links.push({ kind: 'hanja', source: span(text, start, end), target: null, hangul, reading: 'sino-korean' });
  }
  if (parts) {
    for (const { offset, entry } of parts) {
      const s = start + offset;
      const e = s + entry.hanja.length;
      work.links.push({ kind: 'abbreviation', source: span(text, s, e), target: null, hangul: entry.hangul, reading: 'abbreviation' });
      addEntity(work, s, e, entry.type);
    }
    return;
  }
  const hangul = reader.readSinoKorean(run, 1)[0];
  if (hangul) {
    work.links.push({ kind: 'hanja', source: span(text, start, end), target: null, hangul, reading: 'sino-korean' });
  }
}

/** Runs the gloss-link reading on one document with a ready reader (what the stage's `run` does). */
export function linkGlosses(doc: KornerDocument, readerOrBuild: HanjaReader | (() => HanjaReader)): void {
  const text = doc.text;
  const links: Link[] = doc.links ? [...doc.links] : [];
  // Anything this stage could act on: a Han ideograph, or an opening bracket (acronyms).
  const hasHan = HAN_PRECHECK.test(text);
  if (!hasHan && !text.includes('(') && !text.includes('（')) {
    doc.links = links;
    return;
  }
  const entities = doc.entities ?? [];
  // Only Han text reads the reader, so brackets without it (acronyms, figures) never build one.
  const build = typeof readerOrBuild === 'function' ? readerOrBuild : () => readerOrBuild;
  let reader: HanjaReader | undefined;
  const work: Work = {
    text,
    entities,
    get reader() {
      return (reader ??= build());
    },
    links,
    added: [],
    consumed: new Set(),
    taken: undefined,
    hasHan,
  };
  for (const m of text.matchAll(BRACKET)) readBracket(work, m.index, m[1]!);
  if (hasHan) for (const m of text.matchAll(HAN_RUN)) if (!work.consumed.has(m.index)) readStandalone(work, m.index, m[0]);
  links.sort((x, y) => x.source.start - y.source.start || y.source.end - x.source.end);
  doc.links = links;
  if (work.added.length > 0) {
    doc.entities = [...entities, ...work.added].sort((x, y) => x.start - y.start || x.end - y.end);
  }
}

/**
 * The gloss-link stage: after the recognisers and overlap resolution, ties Hanja glosses (웨이하이(威海)시,
 * 李舜臣(이순신)), stand-alone Hanja and headline abbreviations (韓中, 北) and acronyms (전자통신연구원(ETRI),
 * MOU(양해각서)) to their Hangul forms in `doc.links`, and adds the entities they imply (the Hanja typed like the
 * entity it glosses, abbreviations typed LOCATION or ORGANIZATION, the partner of an acronym that is an entity).
 */
export function createGlossLinkStage(): Stage {
  let reader: HanjaReader | undefined;
  let tables: HanjaTables | undefined;
  // The reader's tables are read and checked in setup; the reader itself (about 0.1 s to build) is built on the
  // first text whose Han characters it has to read.
  const build = (): HanjaReader => (reader ??= HanjaReader.forTables(tables!));
  return {
    name: 'glossLinks',
    requires: ['entities'],
    provides: ['links'],
    async setup(resources: Resources) {
      reader = undefined;
      tables = await HanjaReader.loadTables(resources);
      await loadMandarinLibraries();
    },
    run(doc) {
      if (!tables) {
        throw new KornerError(ERROR_CODES.PIPELINE_STAGE, 'stage "glossLinks" ran before its setup; create it through the pipeline, which calls setup(resources) first.');
      }
      linkGlosses(doc, reader ?? build);
    },
  };
}
