import type { EntityType } from '../document/types.js';
import { ENTITY_TYPES, parseEntityType } from '../document/types.js';
import { ERROR_CODES, KornerError } from '../errors.js';
import { parseTsv } from './tsv.js';

/** A word the user adds: it is recognised as an entity of `type` wherever it stands as a word. */
export interface UserEntry {
  surface: string;
  type: EntityType;
  /** The full name behind an alias (기재부 → 기획재정부). */
  canonical?: string;
}

/**
 * Parses a user dictionary in TSV: `# columns: surface<TAB>type<TAB>canonical` (canonical optional; the header
 * may be omitted, then these three columns are assumed). `type` is PERSON, LOCATION, ... or PS, LC, OG, DT, TI, QT.
 */
export function parseUserDictionary(content: string, name = 'user dictionary'): UserEntry[] {
  const withHeader = /^\s*#\s*columns:/im.test(content) ? content : `# columns: surface\ttype\tcanonical\n${content}`;
  const table = parseTsv(name, withHeader);
  const surface = table.column('surface');
  const type = table.column('type');
  const canonicalIndex = table.columns.indexOf('canonical');
  return table.rows.map((row, i) => {
    const entry: UserEntry = { surface: (row[surface] ?? '').trim(), type: toEntityType(row[type] ?? '', name, i) };
    const canonical = canonicalIndex >= 0 ? row[canonicalIndex]?.trim() : undefined;
    if (canonical) entry.canonical = canonical;
    if (!entry.surface) {
      throw new KornerError(ERROR_CODES.DICTIONARY, `${name}, entry ${i + 1}: empty surface.`);
    }
    return entry;
  });
}

export function toEntityType(value: string, name = 'user dictionary', index = 0): EntityType {
  const type = parseEntityType(value);
  if (type) return type;
  throw new KornerError(
    ERROR_CODES.DICTIONARY,
    `${name}, entry ${index + 1}: unknown entity type "${value}". Use one of ${ENTITY_TYPES.join(', ')} (or PS, LC, OG, DT, TI, QT).`,
  );
}

/** Checks entries given in memory and returns them, so that a typo fails when the extractor is created. */
export function validateUserEntries(entries: readonly UserEntry[]): UserEntry[] {
  return entries.map((entry, i) => {
    if (!entry || typeof entry.surface !== 'string' || entry.surface.trim() === '') {
      throw new KornerError(ERROR_CODES.OPTION, `userDictionary[${i}]: "surface" must be a non-empty string.`);
    }
    return { ...entry, surface: entry.surface.trim(), type: toEntityType(String(entry.type), 'userDictionary', i) };
  });
}
