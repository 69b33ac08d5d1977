import { ENTITY_TYPES, type EntityType } from '../document/types.js';
import { ERROR_CODES, KornerError } from '../errors.js';

/** How entity types are named in an output: KLUE's tags (PS, LC, OG, DT, TI, QT) or korner's names (PERSON ...). */
export type LabelSet = 'klue' | 'long';
export const LABEL_SETS: readonly LabelSet[] = ['klue', 'long'];

const KLUE_LABELS: Readonly<Record<EntityType, string>> = {
  PERSON: 'PS',
  LOCATION: 'LC',
  ORGANIZATION: 'OG',
  DATE: 'DT',
  TIME: 'TI',
  QUANTITY: 'QT',
};

/** The label of `type` in a label set. */
export function labelOf(type: EntityType, set: LabelSet): string {
  return set === 'klue' ? KLUE_LABELS[type] : type;
}

/**
 * What a label means: an entity type, or `null` for a label that names no entity (O, or one a label map drops),
 * or undefined for a label nobody said anything about.
 */
export type LabelMap = ReadonlyMap<string, EntityType | null>;

/**
 * The label names that gold data of the common corpora use, in upper case: KLUE's tags, korner's names, and the
 * CoNLL / OntoNotes / Naver-style short names (PER, LOC, ORG, DAT, TIM, QTY ...).
 */
const KNOWN_LABELS: ReadonlyMap<string, EntityType> = new Map<string, EntityType>([
  ...ENTITY_TYPES.map((type): [string, EntityType] => [type, type]),
  ...ENTITY_TYPES.map((type): [string, EntityType] => [KLUE_LABELS[type], type]),
  ['PER', 'PERSON'],
  ['PERS', 'PERSON'],
  ['LOC', 'LOCATION'],
  ['GPE', 'LOCATION'],
  ['ORG', 'ORGANIZATION'],
  ['ORGANISATION', 'ORGANIZATION'],
  ['DAT', 'DATE'],
  ['TIM', 'TIME'],
  ['QTY', 'QUANTITY'],
]);

/** Turns label names into entity types: the known names in any case, then the entries of a label map. */
export class LabelReader {
  private readonly map: LabelMap;

  /**
   * `unknown: 'ignore'` reads an unknown label as no entity, for input whose labels do not matter (text to
   * pre-annotate again); by default an unknown label is undefined, which readers report as an error.
   */
  constructor(
    map: LabelMap = new Map(),
    private readonly options: { unknown?: 'error' | 'ignore' } = {},
  ) {
    this.map = new Map([...map].map(([label, type]) => [label.trim().toUpperCase(), type]));
  }

  /** The type a label stands for, `null` for one that is deliberately not an entity, undefined for an unknown one. */
  typeOf(label: string): EntityType | null | undefined {
    const key = label.trim().toUpperCase();
    const mapped = this.map.get(key);
    if (mapped !== undefined) return mapped;
    return KNOWN_LABELS.get(key) ?? (this.options.unknown === 'ignore' ? null : undefined);
  }
}

/**
 * Parses a label map: TSV lines `label<TAB>TYPE`, where TYPE is a korner type or a KLUE tag, or `-` for a label
 * to ignore (not an entity). Blank lines and lines starting with `#` are skipped.
 */
export function parseLabelMap(content: string, path: string): LabelMap {
  const map = new Map<string, EntityType | null>();
  const known = new LabelReader();
  content.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    const [label, target, ...rest] = line.split('\t');
    const fail = (what: string): never => {
      throw new KornerError(ERROR_CODES.USAGE, `${path}:${i + 1}: ${what}. A label map has lines label<TAB>TYPE (TYPE one of ${ENTITY_TYPES.join(', ')}, a KLUE tag, or - to ignore the label).`);
    };
    if (!label || target === undefined || rest.length > 0) fail('expected two tab-separated fields');
    const type = target!.trim() === '-' ? null : known.typeOf(target!);
    if (type === undefined) fail(`unknown type "${target}"`);
    map.set(label!.trim().toUpperCase(), type!);
  });
  return map;
}
