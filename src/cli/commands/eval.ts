import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Entity } from '../../document/types.js';
import { ERROR_CODES, KornerError } from '../../errors.js';
import { analyzeErrors, type AnalyzedSentence } from '../../eval/analysis.js';
import type { GoldEntity } from '../../eval/gold.js';
import { errorReportPage } from '../../eval/html/page.js';
import { matchPredictions } from '../../eval/predictions.js';
import { formatErrors, formatReport } from '../../eval/report.js';
import { score } from '../../eval/score.js';
import { splitOf, type SplitName } from '../../eval/split.js';
import { createExtractor } from '../../index.js';
import { oneOf, parseCommandArgs, positiveInteger, readOptionFile } from '../args.js';
import { DEFAULT_BATCH } from '../batches.js';
import type { CliContext } from '../context.js';
import { GoldCheck } from '../../formats/annotated.js';
import { LabelReader, parseLabelMap } from '../../formats/labels.js';
import { isReadError, type GoldDocument } from '../../formats/reader.js';
import { FOLDER_READERS } from '../../formats/folderReaders.js';
import { GOLD_FORMATS, LINE_READERS, type GoldFormat } from '../../formats/readers.js';
import { readAnnotatedSource } from '../annotated.js';
import { displayName, type ReadOptions } from '../input.js';
import { readPredictions } from '../predictions.js';

export const evalHelp = (): string => `Usage: korner eval [options] GOLD

Runs extraction on gold-annotated data (or reads predictions made elsewhere, --predictions) and prints entity-level
precision, recall and F1 (exact span and type; micro and per type) and character-level F1, or an error report as
one HTML page (--format html). GOLD is a file (or - for standard input) in any of these formats, told from its
content or named with --gold-format, or a folder of brat .txt + .ann files:
${GOLD_FORMATS.map((name) => `  ${name.padEnd(13)}${readerSummary(name)}`).join('\n')}

Labels PS, PER, PERSON, LC, LOC, OG, ORG, DT, DAT, TI, TIM, QT, QTY ... (any case) are known; map others with
--label-map. A record that cannot be read is reported on standard error and left out (exit status 1).

Options:
  --gold-format NAME            the format of GOLD (default: detected)
  --label-map FILE              TSV lines label<TAB>TYPE (TYPE: PERSON ..., a KLUE tag, or - to ignore)
  --split all|train|validation  score only one part of the fixed split by a hash of id (default: all)
  --predictions FILE            score these predictions instead of running extraction: korner JSONL, one
                                {"id","text","entities":[{"start","end","type","source"}]} a line, as
                                npm run eval:cv -- --predictions FILE and korner extract --format jsonl
                                (without "text") write them; matched to the gold records by id (by order
                                when they have no ids); a text or span that is not the gold's is an error
  --format text|json|html       text tables (default), one JSON object, or an error report as one
                                self-contained HTML page: bars with bootstrap 95% intervals, the type
                                confusion matrix, error classes by type and stage, and a filterable list of
                                the errors in their sentences
  --json                        the same as --format json
  -o, --output FILE             write to FILE instead of standard output
  --bootstrap N                 resamples of the sentences behind the html page's intervals (default 1000;
                                0: no intervals); the generator is seeded, so the page is the same every run
  --errors                      list false positives and negatives with context (text and json, after the scores)
  --reference-date YYYY-MM-DD   reference date for relative dates (when korner extracts)
  --strict                      stop at the first bad gold record with exit status 2 (a bad prediction always stops)
  -h, --help                    show this help

Example: korner extract --input jsonl --format jsonl gold.jsonl > predicted.jsonl
         korner eval --predictions predicted.jsonl --format html -o report.html gold.jsonl
`;

const SPLITS = ['all', 'train', 'validation'] as const;
const FORMATS = ['text', 'json', 'html'] as const;

/** Seed of the bootstrap's generator: fixed, so that the page is the same for the same input. */
const BOOTSTRAP_SEED = 1;

function readerSummary(name: GoldFormat): string {
  return (LINE_READERS as Record<string, { summary: string }>)[name]?.summary ?? (FOLDER_READERS as Record<string, { summary: string }>)[name]!.summary;
}

/** The label names a command knows: the usual ones, and a --label-map file's. */
export function labelReaderOf(path: string | undefined): LabelReader {
  return new LabelReader(path === undefined ? undefined : parseLabelMap(readOptionFile('label map', path), path));
}

export async function runEval(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('eval', args, {
    'gold-format': { type: 'string', default: 'auto' },
    'label-map': { type: 'string' },
    split: { type: 'string', default: 'all' },
    predictions: { type: 'string' },
    format: { type: 'string' },
    json: { type: 'boolean', default: false },
    output: { type: 'string', short: 'o' },
    bootstrap: { type: 'string', default: '1000' },
    errors: { type: 'boolean', default: false },
    'reference-date': { type: 'string' },
    strict: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    await context.stdout.write(evalHelp());
    return 0;
  }
  if (positionals.length !== 1) {
    throw new KornerError(ERROR_CODES.USAGE, 'eval: give exactly one gold file or folder. Run "korner eval --help".');
  }
  const split = oneOf('eval', 'split', values.split!, SPLITS);
  const format = oneOf('eval', 'gold-format', values['gold-format']!, ['auto', ...GOLD_FORMATS] as const);
  const output = outputFormat(values.format, values.json!);
  if (output === 'html' && values.errors) {
    throw new KornerError(ERROR_CODES.USAGE, 'eval: the html page lists the errors itself; give --errors with --format text or json.');
  }
  if (values.predictions !== undefined && values['reference-date'] !== undefined) {
    throw new KornerError(ERROR_CODES.USAGE, 'eval: --reference-date is for the extraction korner runs; predictions read with --predictions were made already. Give one or the other.');
  }
  const rounds = values.bootstrap === '0' ? 0 : positiveInteger('eval', 'bootstrap', values.bootstrap!);
  const labels = labelReaderOf(values['label-map']);
  const source = positionals[0]!;
  if (source === '-' && values.predictions === '-') {
    throw new KornerError(ERROR_CODES.USAGE, 'eval: the gold data and the predictions cannot both come from standard input; give one of them as a file.');
  }
  const readOptions = { maxBytes: 16 * 1024 * 1024, warn: context.warn };
  const records: GoldDocument[] = [];
  const leftOut = new Set<string>();
  const check = new GoldCheck();
  let bad = 0;
  for await (const item of readAnnotatedSource(source, format, labels, readOptions)) {
    check.see(item);
    if (isReadError(item)) {
      bad++;
      if (values.strict) throw new KornerError(item.error.code, `${item.error.message.replace(/^korner: /, '')} (stopped by --strict)`);
      context.warn(item.error.message);
      continue;
    }
    if (split !== 'all' && splitOf(item.id) !== (split as SplitName)) {
      leftOut.add(item.id);
      continue;
    }
    records.push(item);
  }
  check.check(displayName(source));
  const predicted =
    values.predictions === undefined
      ? await extractAll(records, values['reference-date'])
      : await predictionsOf(records, values.predictions, { labels, readOptions, goldName: displayName(source), leftOut, goldIncomplete: bad > 0, warn: context.warn });
  const sentences = records.map((record, k): AnalyzedSentence => ({ id: record.id, text: record.text, gold: record.entities, predicted: predicted[k]! }));

  let text: string;
  if (output === 'html') {
    const analysis = analyzeErrors(sentences, { rounds, seed: BOOTSTRAP_SEED });
    text = errorReportPage(analysis, {
      gold: source === '-' ? 'stdin' : basename(source),
      ...(values.predictions === undefined ? {} : { predictions: values.predictions === '-' ? 'stdin' : basename(values.predictions) }),
      split,
    });
  } else {
    const report = score(sentences);
    text =
      output === 'json'
        ? `${JSON.stringify({ gold: source, split, ...(bad > 0 ? { unreadRecords: bad } : {}), ...report })}\n`
        : formatReport(report, `${source} (split: ${split})`);
    if (values.errors) {
      const lines = sentences.flatMap((s) => formatErrors(s.id, s.text, s.gold, s.predicted));
      text += `\nerrors (kind, type, mention, context, id)\n${lines.join('\n')}\n`;
    }
  }
  if (values.output === undefined) await context.stdout.write(text);
  else await writeOutputFile(values.output, text);
  if (bad > 0) context.warn(`korner: ${bad} record${bad === 1 ? '' : 's'} of ${displayName(source)} could not be read and ${bad === 1 ? 'was' : 'were'} left out of the scores (see above).`);
  return bad > 0 ? 1 : 0;
}

/** The output format: --format, or json for --json (which must not contradict it). */
function outputFormat(format: string | undefined, json: boolean): (typeof FORMATS)[number] {
  if (json && format !== undefined && format !== 'json') {
    throw new KornerError(ERROR_CODES.USAGE, `eval: --json is --format json; give one of them, not --json with --format ${format}.`);
  }
  return json ? 'json' : oneOf('eval', 'format', format ?? 'text', FORMATS);
}

/** korner's own predictions of the records, in batches as korner extract makes them. */
async function extractAll(records: readonly GoldDocument[], referenceDate: string | undefined): Promise<Entity[][]> {
  const extractor = await createExtractor(referenceDate ? { referenceDate } : {});
  const predicted: Entity[][] = [];
  for (let from = 0; from < records.length; from += DEFAULT_BATCH.records) {
    const batch = records.slice(from, from + DEFAULT_BATCH.records);
    for (const result of extractor.extractAll(batch.map((record) => record.text))) predicted.push(result.entities);
  }
  return predicted;
}

/** The predictions of --predictions FILE for each gold record, in the gold order. */
async function predictionsOf(
  records: readonly GoldDocument[],
  path: string,
  options: { labels: LabelReader; readOptions: ReadOptions; goldName: string; leftOut: ReadonlySet<string>; goldIncomplete: boolean; warn: (message: string) => void },
): Promise<GoldEntity[][]> {
  const predictionsName = displayName(path);
  const documents = await readPredictions(path, options.labels, options.readOptions);
  const matched = matchPredictions(records, documents, { goldName: options.goldName, predictionsName, leftOut: options.leftOut, goldIncomplete: options.goldIncomplete });
  if (matched.skipped > 0 && options.goldIncomplete) {
    options.warn(`korner: ${matched.skipped} prediction${matched.skipped === 1 ? '' : 's'} of ${predictionsName} name${matched.skipped === 1 ? 's' : ''} no gold record that was read (perhaps one that could not be read) and ${matched.skipped === 1 ? 'was' : 'were'} left out.`);
  }
  return matched.predicted;
}

async function writeOutputFile(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    throw new KornerError(ERROR_CODES.USAGE, `eval: cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check the folder and its permissions.`);
  }
}
