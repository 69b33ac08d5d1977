import { ENTITY_TYPES, type EntityType } from '../document/types.js';
import { ERROR_CODES, KornerError } from '../errors.js';
import { LABEL_SETS } from '../formats/labels.js';
import { OFFSET_UNITS } from '../formats/offsets.js';
import { RECORD_FORMATS, writerOf } from '../formats/records.js';
import { TOKEN_UNITS, type WriterOptions } from '../formats/writer.js';
import { checkIndexName } from '../search/writers.js';
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
  labels: { type: 'string' },
  offsets: { type: 'string' },
  tokens: { type: 'string' },
  'from-name': { type: 'string' },
  'to-name': { type: 'string' },
  'model-version': { type: 'string' },
  index: { type: 'string' },
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
  labels?: string;
  offsets?: string;
  tokens?: string;
  'from-name'?: string;
  'to-name'?: string;
  'model-version'?: string;
  index?: string;
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
  const writer = writerOptions(command, format, values);
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
    settings: { mode, format, ...(Object.keys(writer).length > 0 ? { writer } : {}), runOptions },
    userDictionary: (values['user-dict'] ?? []).flatMap((path) => parseUserDictionary(readOptionFile('user dictionary', path), path)),
    maxBytes: positiveInteger(command, 'max-bytes', values['max-bytes']!),
    stdinName: values['id-prefix'],
  };
}

/** The writer's options from the command line; an option the format cannot honour is a usage error. */
function writerOptions(command: string, format: (typeof RECORD_FORMATS)[number], values: SettingsValues): WriterOptions {
  const writer = writerOf(format);
  const options: WriterOptions = {};
  if (values.labels !== undefined) options.labels = oneOf(command, 'labels', values.labels, LABEL_SETS);
  if (values.offsets !== undefined) {
    const unit = oneOf(command, 'offsets', values.offsets, OFFSET_UNITS);
    if (!writer.offsets) throw new KornerError(ERROR_CODES.USAGE, `${command}: --format ${format} writes no offsets; --offsets applies to jsonl, json and tsv.`);
    if (writer.offsets.fixed && unit !== writer.offsets.default) {
      throw new KornerError(ERROR_CODES.USAGE, `${command}: --format ${format} always counts offsets in ${writer.offsets.default === 'codepoint' ? 'code points (as Python does)' : writer.offsets.default}; leave out --offsets.`);
    }
    options.offsets = unit;
  }
  if (values.tokens !== undefined) {
    options.tokens = oneOf(command, 'tokens', values.tokens, TOKEN_UNITS);
    if (!writer.tokenBased) throw new KornerError(ERROR_CODES.USAGE, `${command}: --tokens applies to the token formats (conll, spacy), not to --format ${format}.`);
  }
  const names = { fromName: values['from-name'], toName: values['to-name'], modelVersion: values['model-version'] };
  if (Object.values(names).some((value) => value !== undefined)) {
    if ((format as string) !== 'label-studio') throw new KornerError(ERROR_CODES.USAGE, `${command}: --from-name, --to-name and --model-version apply to --format label-studio.`);
    options.labelStudio = Object.fromEntries(Object.entries(names).filter(([, value]) => value !== undefined));
  }
  if (values.index !== undefined) {
    if (format !== 'elasticsearch' && format !== 'opensearch') throw new KornerError(ERROR_CODES.USAGE, `${command}: --index applies to --format elasticsearch and opensearch (the _index of each bulk action).`);
    checkIndexName(command, values.index);
    options.index = values.index;
  }
  return options;
}
