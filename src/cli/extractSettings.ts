import { ENTITY_TYPES, type EntityType } from '../document/types.js';
import { ERROR_CODES, KornerError } from '../errors.js';
import { RECORD_FORMATS } from '../formats/records.js';
import { validateReferenceDate } from '../index.js';
import type { JobSettings } from '../parallel/recordJob.js';
import type { RunOptions } from '../pipeline/stage.js';
import { parseUserDictionary, type UserEntry } from '../resources/userDictionary.js';
import { oneOf, positiveInteger, readOptionFile } from './args.js';
import { INPUT_MODES } from './records.js';

/**
 * The options that say what a run reads and how it extracts, shared by `korner extract` and `korner queue add`
 * (a queue run must give the same output as `korner extract` with the same options).
 */
export const SETTINGS_OPTIONS = {
  input: { type: 'string', default: 'text' },
  format: { type: 'string', default: 'jsonl' },
  'reference-date': { type: 'string' },
  types: { type: 'string' },
  'min-score': { type: 'string' },
  'user-dict': { type: 'string', multiple: true },
  'id-prefix': { type: 'string' },
  'max-bytes': { type: 'string', default: String(16 * 1024 * 1024) },
} as const;

export interface SettingsValues {
  input?: string;
  format?: string;
  'reference-date'?: string;
  types?: string;
  'min-score'?: string;
  'user-dict'?: string[];
  'id-prefix'?: string;
  'max-bytes'?: string;
}

export interface ExtractSettings {
  settings: JobSettings;
  /** The entries of the --user-dict files, read here (a queue worker gets the entries, not the files). */
  userDictionary: UserEntry[];
  maxBytes: number;
  stdinName: string | undefined;
}

export function parseSettings(command: string, values: SettingsValues): ExtractSettings {
  const mode = oneOf(command, 'input', values.input!, INPUT_MODES);
  const format = oneOf(command, 'format', values.format!, RECORD_FORMATS);
  const runOptions: RunOptions = {};
  if (values['reference-date'] !== undefined) {
    runOptions.referenceDate = validateReferenceDate(values['reference-date'], '--reference-date')!;
  }
  if (values.types !== undefined) {
    const types = values.types.split(',').map((t) => t.trim().toUpperCase()).filter(Boolean);
    for (const type of types) oneOf(command, 'types', type, ENTITY_TYPES);
    runOptions.types = types as EntityType[];
  }
  if (values['min-score'] !== undefined) {
    const minScore = Number(values['min-score']);
    if (!Number.isFinite(minScore) || minScore < 0 || minScore > 1) {
      throw new KornerError(ERROR_CODES.USAGE, `${command}: --min-score must be a number from 0 to 1.`);
    }
    runOptions.minScore = minScore;
  }
  return {
    settings: { mode, format, runOptions },
    userDictionary: (values['user-dict'] ?? []).flatMap((path) => parseUserDictionary(readOptionFile('user dictionary', path), path)),
    maxBytes: positiveInteger(command, 'max-bytes', values['max-bytes']!),
    stdinName: values['id-prefix'],
  };
}
