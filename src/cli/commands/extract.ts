import { ENTITY_TYPES, type EntityType } from '../../document/types.js';
import { ERROR_CODES, KornerError } from '../../errors.js';
import type { RunOptions } from '../../pipeline/stage.js';
import { createExtractor, validateReferenceDate, type Extractor, type ExtractInput, type ExtractResult } from '../../index.js';
import { parseUserDictionary } from '../../resources/userDictionary.js';
import { oneOf, parseCommandArgs, positiveInteger, readOptionFile } from '../args.js';
import type { CliContext } from '../context.js';
import { formatPretty } from '../output.js';
import { batchRecords } from '../batches.js';
import { INPUT_MODES, readRecords, type DocumentRecord } from '../records.js';

export const extractHelp = `Usage: korner extract [options] [files...]

Finds people, places, organisations, dates, times and figures. Reads the files, or standard input when none
(or "-") is given, and writes one result per input document, in input order. Documents go through the pipeline
in batches of up to 512 (faster: each stage sees the batch at once); a batch ends early when the input pauses, so
lines typed or piped in slowly are answered one by one.

Options:
  --input text|document|jsonl  text: each line is a document (default); document: each file (or all of
                               stdin) is one document; jsonl: lines {"id","text","referenceDate"?,...}
                               (other fields are passed through)
  --format jsonl|json|pretty   jsonl: one {"id","entities","links"} line per document (default);
                               json: one JSON array; pretty: a readable table
  --reference-date YYYY-MM-DD  date that relative dates (오는 27일, 지난해) are read against
  --types LIST                 keep only these types, comma-separated (PERSON,LOCATION,ORGANIZATION,
                               DATE,TIME,QUANTITY)
  --min-score N                drop entities whose score is below N (0..1)
  --user-dict FILE             add dictionary entries: TSV surface<TAB>type<TAB>canonical (repeatable)
  --strict                     stop at the first bad record with exit status 2 (default: write an error
                               record {"line","error"} in its place and go on)
  --max-bytes N                largest line or document in bytes (default 16777216)
  -h, --help                   show this help

Exit status: 0 all records processed; 1 some records were errors (written in their place); 2 usage error, or
the first bad record with --strict.
`;

const FORMATS = ['jsonl', 'json', 'pretty'] as const;

export async function runExtract(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('extract', args, {
    input: { type: 'string', default: 'text' },
    format: { type: 'string', default: 'jsonl' },
    'reference-date': { type: 'string' },
    types: { type: 'string' },
    'min-score': { type: 'string' },
    'user-dict': { type: 'string', multiple: true },
    strict: { type: 'boolean', default: false },
    'max-bytes': { type: 'string', default: String(16 * 1024 * 1024) },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    await context.stdout.write(extractHelp);
    return 0;
  }
  const mode = oneOf('extract', 'input', values.input!, INPUT_MODES);
  const format = oneOf('extract', 'format', values.format!, FORMATS);
  const runOptions: RunOptions = {};
  if (values['reference-date'] !== undefined) {
    runOptions.referenceDate = validateReferenceDate(values['reference-date'], '--reference-date')!;
  }
  if (values.types !== undefined) {
    const types = values.types.split(',').map((t) => t.trim().toUpperCase()).filter(Boolean);
    for (const type of types) oneOf('extract', 'types', type, ENTITY_TYPES);
    runOptions.types = types as EntityType[];
  }
  if (values['min-score'] !== undefined) {
    const minScore = Number(values['min-score']);
    if (!Number.isFinite(minScore) || minScore < 0 || minScore > 1) {
      throw new KornerError(ERROR_CODES.USAGE, `extract: --min-score must be a number from 0 to 1.`);
    }
    runOptions.minScore = minScore;
  }
  const userDictionary = (values['user-dict'] ?? []).map((path) =>
    parseUserDictionary(readOptionFile('user dictionary', path), path),
  );
  const maxBytes = positiveInteger('extract', 'max-bytes', values['max-bytes']!);
  const extractor = await createExtractor({ userDictionary: userDictionary.flat(), ...runOptions });
  const out = context.stdout;
  const sources = positionals.length > 0 ? positionals : ['-'];
  let errors = 0;
  let first = true;
  if (format === 'json') await out.write('[');
  const records = readRecords(sources, mode, { maxBytes, warn: context.warn });
  for await (const batch of batchRecords(records)) {
    const results = extractBatch(extractor, batch, runOptions);
    for (let k = 0; k < batch.length; k++) {
      const record = batch[k]!;
      const outcome = results[k]!;
      let line: Record<string, unknown>;
      if (record.error) {
        errors++;
        context.warn(record.error.message);
        if (values.strict) {
          throw new KornerError(record.error.code, `${record.error.message} (stopped by --strict)`);
        }
        line = { id: record.id, line: record.line, error: record.error };
      } else if (outcome instanceof KornerError) {
        if (values.strict) throw outcome;
        errors++;
        context.warn(`${record.id}: ${outcome.message}`);
        line = { id: record.id, line: record.line, error: { code: outcome.code, message: outcome.message } };
      } else {
        const result = outcome!;
        if (format === 'pretty') {
          await out.write(formatPretty(String(record.id), result.entities, result.links));
          continue;
        }
        line = { id: record.id, ...record.extra };
        if (mode === 'text') line.text = record.text;
        line.entities = result.entities;
        line.links = result.links;
      }
      if (format === 'jsonl') await out.write(`${JSON.stringify(line)}\n`);
      else if (format === 'json') await out.write(`${first ? '\n' : ',\n'}${JSON.stringify(line)}`);
      else await out.write(`# ${record.id}\n  error ${(line.error as { message: string }).message}\n\n`);
      first = false;
    }
  }
  if (format === 'json') await out.write(first ? ']\n' : '\n]\n');
  return errors > 0 ? 1 : 0;
}

/**
 * The results of a batch of records, in order: extractAll over the documents of the batch; should that throw (a bad
 * reference date in one record, a failing stage), each record again on its own, so that the error lands on the
 * record that caused it. Error records of the input get undefined.
 */
function extractBatch(
  extractor: Extractor,
  batch: readonly DocumentRecord[],
  runOptions: RunOptions,
): (ExtractResult | KornerError | undefined)[] {
  const inputs: ExtractInput[] = [];
  const at: number[] = [];
  batch.forEach((record, k) => {
    if (record.error) return;
    inputs.push({ text: record.text!, options: record.referenceDate ? { referenceDate: record.referenceDate } : {} });
    at.push(k);
  });
  const results: (ExtractResult | KornerError | undefined)[] = new Array(batch.length).fill(undefined);
  try {
    extractor.extractAll(inputs, runOptions).forEach((result, j) => (results[at[j]!] = result));
  } catch {
    inputs.forEach((input, j) => {
      try {
        results[at[j]!] = extractor.extract(input.text, { ...runOptions, ...input.options });
      } catch (error) {
        if (!(error instanceof KornerError)) throw error;
        results[at[j]!] = error;
      }
    });
  }
  return results;
}
