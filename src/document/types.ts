import type { DocumentWindow } from '../pipeline/windows.js';

/**
 * The document model: one object that every pipeline stage reads and extends.
 *
 * All offsets are JavaScript UTF-16 indices into the caller's original string, end exclusive, so that
 * `doc.text.slice(span.start, span.end) === span.text` holds for every span a stage produces.
 */

/** The KLUE-NER classes: PS, LC, OG, DT, TI, QT. */
export type EntityType = 'PERSON' | 'LOCATION' | 'ORGANIZATION' | 'DATE' | 'TIME' | 'QUANTITY';

export const ENTITY_TYPES: readonly EntityType[] = [
  'PERSON',
  'LOCATION',
  'ORGANIZATION',
  'DATE',
  'TIME',
  'QUANTITY',
];

/** KLUE-NER's tag for each type (PS, LC, OG, DT, TI, QT) mapped to korner's name. */
export const KLUE_TAGS: Readonly<Record<string, EntityType>> = {
  PS: 'PERSON',
  LC: 'LOCATION',
  OG: 'ORGANIZATION',
  DT: 'DATE',
  TI: 'TIME',
  QT: 'QUANTITY',
};

/** The entity type a name (PERSON ...) or a KLUE tag (PS ...) stands for, in any case; undefined if none. */
export function parseEntityType(value: unknown): EntityType | undefined {
  if (typeof value !== 'string') return undefined;
  const upper = value.trim().toUpperCase();
  if ((ENTITY_TYPES as readonly string[]).includes(upper)) return upper as EntityType;
  return KLUE_TAGS[upper];
}

/** A half-open range `[start, end)` of UTF-16 code units in the original text, with the text it covers. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** A normalised figure: `number` is exact (a decimal string when a float would round). */
export interface QuantityValue {
  number: number | string;
  /** Canonical symbol (`m2`, `km`, `KRW`, `%`) or the Korean counter as written (`명`, `층`). */
  unit: string;
  approximate?: boolean;
  /** Upper bound when the text gives a range (3~5명): `number` is then the lower bound. */
  range?: { from: number | string; to: number | string };
}

/** A calendar period such as 상반기 or 3월 초, as inclusive ISO dates. */
export interface PeriodValue {
  start: string;
  end: string;
}

/**
 * DATE: an ISO 8601 string at the precision the text gives ("2016", "2015-07", "2016-05-27"), an ISO duration
 * ("P4D"), or a period. TIME: "HH:MM". QUANTITY: a {@link QuantityValue}.
 */
export type EntityValue = string | QuantityValue | PeriodValue;

export interface Entity extends Span {
  type: EntityType;
  value?: EntityValue;
  /** The full name behind an alias or abbreviation (기재부 → 기획재정부). */
  canonical?: string;
  /** The name of the stage (or recogniser) that found it. */
  source: string;
  /** Confidence in [0, 1], where the source can say. */
  score?: number;
}

export type LinkKind = 'hanja' | 'abbreviation';
export type Reading = 'sino-korean' | 'mandarin' | 'japanese' | 'abbreviation';

/** Ties a gloss or short form (威海, ETRI, 北) to its Hangul form. */
export interface Link {
  kind: LinkKind;
  source: Span;
  /** The Hangul mention the gloss belongs to, when the text has one. */
  target: Span | null;
  hangul: string;
  reading: Reading;
}

/** A morpheme with its part-of-speech tag (Sejong / mecab-ko-dic tag set). */
export interface Token extends Span {
  pos: string;
  /** Normalised surface (NFKC), when it differs from `text`. */
  norm?: string;
  /** Name class of proper nouns, where the dictionary has one. */
  nameClass?: 'person' | 'place' | 'other';
  /** Hangul reading of a Hanja word. */
  reading?: string;
  /** Breakdown of a compound or inflected form. */
  morphemes?: { text: string; pos: string }[];
  /** Index of the eojeol (whitespace-delimited word) this token belongs to. */
  eojeol: number;
}

export interface Sentence {
  start: number;
  end: number;
}

/** The object every stage reads and extends. Stages never change `text`. */
export interface KornerDocument {
  /** The caller's original string, unchanged. */
  readonly text: string;
  /** NFKC-normalised text, with a map back to original offsets. */
  normalized?: NormalizedText;
  /** ISO 639-3 code from franc (`kor`, `eng`, ...), or `und`. */
  language?: string;
  /** The date relative expressions are read against (YYYY-MM-DD). */
  referenceDate?: string;
  sentences?: Sentence[];
  tokens?: Token[];
  /** Candidates from the recognisers, before overlap resolution. */
  candidates?: Entity[];
  entities?: Entity[];
  links?: Link[];
  /** Free space for user stages; keys should be namespaced by the stage name. */
  extra: Record<string, unknown>;
  /** Set when this is one window of a longer document (see Stage.scope): where it is, and what its windows share. */
  window?: DocumentWindow;
}

/** Normalised text and, for each of its UTF-16 units, the original offset it came from. */
export interface NormalizedText {
  text: string;
  /** `toOriginal[i]` is the original offset of normalised unit `i`; one extra slot maps the end. */
  toOriginal: Uint32Array;
}
