import type { EntityType } from '../document/types.js';
import { ERROR_CODES, KornerError } from '../errors.js';
import { LabelReader } from '../formats/labels.js';

/** One gold entity: UTF-16 offsets into the record's text, end exclusive. */
export interface GoldEntity {
  start: number;
  end: number;
  type: EntityType;
  text: string;
  /** Read as predictions (`predictions` below): the stage that found it (korner's `source`), when the record says. */
  source?: string;
  /** Read as predictions: its confidence, when the record gives one. */
  score?: number;
}

/** One annotated sentence, as in KLUE-NER converted to JSONL: `{"id","text","entities":[...]}`. */
export interface GoldRecord {
  id: string;
  text: string;
  entities: GoldEntity[];
  /** Read as predictions: whether the record has an id of its own (else `id` is its line number). */
  ownId?: boolean;
  /**
   * Read as predictions: whether the record has its text. korner extract's jsonl has none: then `text` is '', each
   * entity's `text` is what the record says (or ''), and the spans are to be checked against the gold text.
   */
  ownText?: boolean;
}

export interface GoldLineOptions {
  /**
   * The line is a prediction read back (`korner extract` output, `korner eval --predictions`): keep each entity's
   * `source` and `score`, allow a record without text (korner extract writes none), and say whether the record has
   * an id and a text of its own.
   */
  predictions?: boolean;
}

const DEFAULT_LABELS = new LabelReader();

/**
 * Parses one JSONL line of gold data. Entity types may be korner names (PERSON …) or KLUE tags (PS, LC, OG, DT,
 * TI, QT). Throws a KornerError (INPUT_JSON) naming the line when it is not valid or an offset does not match the text.
 */
export function parseGoldLine(
  line: string,
  lineNumber = 1,
  labels: LabelReader = DEFAULT_LABELS,
  options: GoldLineOptions = {},
): GoldRecord {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (error) {
    throw new KornerError(ERROR_CODES.INPUT_JSON, `gold line ${lineNumber}: not valid JSON (${(error as Error).message}).`, {
      cause: error,
    });
  }
  const fail = (what: string): never => {
    throw new KornerError(ERROR_CODES.INPUT_JSON, `gold line ${lineNumber}: ${what}. Expected {"id","text","entities":[{"start","end","type"}]}.`);
  };
  if (typeof raw !== 'object' || raw === null) return fail('not an object');
  const record = raw as { id?: unknown; text?: unknown; entities?: unknown; error?: unknown };
  const predictions = options.predictions === true;
  if (predictions && record.error !== undefined) return fail('an error record of korner extract, not a prediction; extract that record again');
  // korner extract's jsonl has no text: a prediction may leave it out, and its spans are checked against the gold text once matched.
  if (typeof record.text !== 'string' && !(predictions && record.text === undefined)) return fail('"text" is not a string');
  const text = typeof record.text === 'string' ? record.text : undefined;
  const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : String(lineNumber);
  if (record.entities !== undefined && !Array.isArray(record.entities)) return fail('"entities" is not an array');
  const entities: GoldEntity[] = [];
  for (const [i, value] of ((record.entities as unknown[] | undefined) ?? []).entries()) {
    const e = value as { start?: unknown; end?: unknown; type?: unknown; text?: unknown; source?: unknown; score?: unknown };
    if (typeof e !== 'object' || e === null) return fail(`entity ${i} is not an object`);
    if (!Number.isInteger(e.start) || !Number.isInteger(e.end)) return fail(`entity ${i} lacks integer "start"/"end"`);
    const start = e.start as number;
    const end = e.end as number;
    if (start < 0 || end <= start || (text !== undefined && end > text.length)) return fail(`entity ${i} has offsets [${start}, ${end}) outside the text`);
    const type = typeof e.type === 'string' ? labels.typeOf(e.type) : undefined;
    if (type === null) continue;
    if (!type) return fail(`entity ${i} has unknown type ${JSON.stringify(e.type)} (map it with --label-map FILE)`);
    const span = text === undefined ? (typeof e.text === 'string' ? e.text : '') : text.slice(start, end);
    if (typeof e.text === 'string' && e.text !== span) {
      return fail(`entity ${i} text ${JSON.stringify(e.text)} differs from the text at [${start}, ${end}) (${JSON.stringify(span)})`);
    }
    const entity: GoldEntity = { start, end, type, text: span };
    if (predictions && typeof e.source === 'string') entity.source = e.source;
    if (predictions && typeof e.score === 'number' && Number.isFinite(e.score)) entity.score = e.score;
    entities.push(entity);
  }
  if (!predictions) return { id, text: text!, entities };
  return { id, text: text ?? '', entities, ownId: typeof record.id === 'string' || typeof record.id === 'number', ownText: text !== undefined };
}

/** Parses a whole JSONL document (blank lines skipped). */
export function parseGold(content: string): GoldRecord[] {
  const records: GoldRecord[] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line) records.push(parseGoldLine(line, i + 1));
  }
  return records;
}
