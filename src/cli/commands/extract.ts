import { createWriteStream } from 'node:fs';
import { stat, truncate } from 'node:fs/promises';
import { ERROR_CODES, KornerError } from '../../errors.js';
import { FRAMING, RECORD_FORMATS, writerOf } from '../../formats/records.js';
import { DocumentFiles } from '../documentFiles.js';
import { createExtractor } from '../../index.js';
import { DEFAULT_MIN_SCORE } from '../../pipeline/stage.js';
import { defaultWorkerCount } from '../../parallel/pool.js';
import { jobTools } from '../../parallel/morphemes.js';
import { toJobRecord, type JobSettings } from '../../parallel/recordJob.js';
import { adaptiveRunner, inThreadRunner, poolRunner, type RecordRunner } from '../../parallel/recordRunner.js';
import type { UserEntry } from '../../resources/userDictionary.js';
import { parseCommandArgs, positiveInteger } from '../args.js';
import { batchRecords, DEFAULT_BATCH } from '../batches.js';
import { parseSettings, SETTINGS_OPTIONS } from '../extractSettings.js';
import type { CliContext } from '../context.js';
import { Interrupt, SIGNAL_EXIT } from '../interrupt.js';
import { Output } from '../output.js';
import { NO_PROGRESS, terminalProgress, type ProgressSink } from '../progress.js';
import { INPUT_MODES, readRecords, type DocumentRecord } from '../records.js';
import { resumePoint } from '../resume.js';

export const extractHelp = (): string => `Usage: korner extract [options] [files...]

Finds people, places, organisations, dates, times and figures. Reads the files, or standard input when none
(or "-") is given, and writes one result per input document, in input order. Documents go through the pipeline
in batches of up to 512 (faster: each stage sees the batch at once); a batch ends early when the input pauses, so
lines typed or piped in slowly are answered one by one. Long documents run in windows of 64k characters cut at
line ends, so memory does not grow with them.

Options:
  --input MODE                 text: each line is a document (default); document: each file (or all of
                               stdin) is one document; jsonl: lines {"id","text","referenceDate"?,...}
                               (other fields are passed through); or the documents of annotated data
                               (${INPUT_MODES.slice(3).join(', ')}), to pre-annotate them again: their
                               own fields are passed through, their labels replaced
  --format NAME                the output format (see below; default jsonl)
  --labels klue|long           entity labels: PS, LC, OG, DT, TI, QT or PERSON, LOCATION ... (default:
                               as the format's users expect)
  --offsets utf16|codepoint|utf8
                               offset units of jsonl, json and tsv (default utf16 for jsonl and json, as
                               JavaScript counts; codepoint for tsv). Formats read by Python tools (brat,
                               doccano, label-studio, spacy) always count code points
  --tokens eojeol|morpheme     tokens of conll and spacy: white-space words (default) or morphemes
  --from-name, --to-name NAME  label-studio: the labeling config's Labels and Text names (label, text)
  --model-version NAME         label-studio: the predictions' model_version (korner-VERSION)
  --index NAME                 elasticsearch, opensearch: the _index of each bulk action
  -o, --output FILE            write to FILE instead of standard output
  --out-dir DIR                brat: write ID.txt and ID.ann for each document into DIR
  --reference-date YYYY-MM-DD  date that relative dates (오는 27일, 지난해) are read against
  --types LIST                 keep only these types, comma-separated (PERSON,LOCATION,ORGANIZATION,
                               DATE,TIME,QUANTITY)
  --min-score N                drop entities whose score is below N (0..1; default ${DEFAULT_MIN_SCORE}, 0 keeps all)
  --user-dict FILE             add dictionary entries: TSV surface<TAB>type<TAB>canonical (repeatable)
  --workers N                  worker threads (default: one per core; 1 for input files of under 4 MB in
                               all, and no more than there are documents; standard input starts in this
                               thread and adds workers after 4 million characters); 1 runs in this thread.
                               The output is the same whatever the number
  --skip N                     skip the first N documents (to continue a run that stopped after N); ids
                               and line numbers stay those of the whole input
  --resume FILE                continue an interrupted run whose output is FILE (jsonl or json): count the
                               documents it holds whole, skip as many, and append to it
  --id-prefix NAME             name standard input NAME in ids and messages (default "stdin")
  -q, --quiet                  no progress bar (it is shown only when standard error is a terminal)
  --strict                     stop at the first bad record with exit status 2 (default: write an error
                               record {"line","error"} in its place and go on)
  --max-bytes N                largest line or document in bytes (default 16777216)
  -h, --help                   show this help

Formats:
${formatList()}

Exit status: 0 all records processed; 1 some records were errors (written in their place); 2 usage error, or
the first bad record with --strict; 130 or 143 stopped by SIGINT or SIGTERM (after closing the output: the
message says how to resume).
`;

function formatList(): string {
  const width = Math.max(...RECORD_FORMATS.map((name) => name.length)) + 2;
  return RECORD_FORMATS.map((name) => `  ${name.padEnd(width)}${writerOf(name).summary}`).join('\n');
}

/** Below this much input in files, one thread is faster than starting workers. */
const POOL_MIN_BYTES = 4 << 20;

/**
 * Standard input adds workers after this many characters (UTF-16 units; about 10 MB of Korean): a stream that has
 * gone this far is likely long, and workers that start now are cold while this thread is warm, so they pay off
 * only on what comes after.
 */
const STDIN_POOL_AFTER = 4_000_000;

interface ExtractCommand {
  sources: string[];
  settings: JobSettings;
  userDictionary: UserEntry[];
  maxBytes: number;
  strict: boolean;
  workers: number | undefined;
  skip: number;
  output: string | undefined;
  outDir: string | undefined;
  resume: string | undefined;
  stdinName: string | undefined;
  quiet: boolean;
}

/** The options of korner extract besides SETTINGS_OPTIONS (korner index passes them on). */
export const RUN_OPTIONS = {
  output: { type: 'string', short: 'o' },
  'out-dir': { type: 'string' },
  workers: { type: 'string' },
  skip: { type: 'string' },
  resume: { type: 'string' },
  quiet: { type: 'boolean', short: 'q', default: false },
  strict: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function parseExtractArgs(args: string[]): ExtractCommand | undefined {
  const { values, positionals } = parseCommandArgs('extract', args, { ...SETTINGS_OPTIONS, ...RUN_OPTIONS });
  if (values.help) return undefined;
  const { settings, userDictionary, maxBytes, stdinName } = parseSettings('extract', values);
  if (values.resume !== undefined && values.output !== undefined) {
    throw new KornerError(ERROR_CODES.USAGE, 'extract: --resume FILE writes to FILE; give it without --output.');
  }
  if (values.resume !== undefined && values.skip !== undefined) {
    throw new KornerError(ERROR_CODES.USAGE, 'extract: --resume counts the documents to skip itself; give it without --skip.');
  }
  const files = writerOf(settings.format).files;
  if (files && values['out-dir'] === undefined) {
    throw new KornerError(ERROR_CODES.USAGE, `extract: --format ${settings.format} writes two files per document (ID${files.text}, ID${files.body}); give the folder with --out-dir DIR.`);
  }
  if (!files && values['out-dir'] !== undefined) {
    throw new KornerError(ERROR_CODES.USAGE, `extract: --out-dir is for formats written as files per document (brat); --format ${settings.format} writes one output (use --output FILE).`);
  }
  if (files && (values.output !== undefined || values.resume !== undefined)) {
    throw new KornerError(ERROR_CODES.USAGE, `extract: --format ${settings.format} writes into --out-dir; give it without --output or --resume (use --skip N to continue a run).`);
  }
  return {
    sources: positionals.length > 0 ? positionals : ['-'],
    settings,
    userDictionary,
    maxBytes,
    strict: values.strict!,
    workers: values.workers === undefined ? undefined : positiveInteger('extract', 'workers', values.workers),
    skip: values.skip === undefined ? 0 : nonNegativeInteger('skip', values.skip),
    output: values.output,
    outDir: values['out-dir'],
    resume: values.resume,
    stdinName,
    quiet: values.quiet!,
  };
}

function nonNegativeInteger(option: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    throw new KornerError(ERROR_CODES.USAGE, `extract: --${option} must be a whole number (0 or more), got "${value}".`);
  }
  return number;
}

/**
 * The total size of the inputs when they are all regular files (undefined for standard input, a pipe or a file
 * that is not there: their length is not known before they end).
 */
async function inputSize(sources: readonly string[]): Promise<number | undefined> {
  let total = 0;
  for (const source of sources) {
    if (source === '-') return undefined;
    try {
      const info = await stat(source);
      if (!info.isFile()) return undefined;
      total += info.size;
    } catch {
      return undefined;
    }
  }
  return total;
}

/**
 * Worker threads when --workers is not given: one per core, but one (this thread) where more would only cost
 * their start: input files of under 4 MB in all, or a single document (a document runs on one thread). Each
 * worker loads the dictionaries and warms up V8's compiled code on its own: on 1.1 MB of KLUE text two workers took
 * 2.25 s against 1.93 s for one thread, 2.98 s for both on 2.2 MB, 1.2 times faster on 5 MB and 1.43 times on
 * 20 MB (median of five runs, 2026-12-07; see docs/PERFORMANCE.md).
 */
function autoWorkers(command: ExtractCommand, size: number | undefined): number {
  if (size !== undefined && size < POOL_MIN_BYTES) return 1;
  const cores = defaultWorkerCount();
  return command.settings.mode === 'document' ? Math.min(cores, command.sources.length) : cores;
}

/** The records of the inputs after the first `skip`, with the bytes of those skipped counted in `skipped`. */
async function* skipRecords(records: AsyncIterable<DocumentRecord>, skip: number, skipped: { bytes: number }): AsyncGenerator<DocumentRecord> {
  let index = 0;
  for await (const record of records) {
    if (index++ < skip) {
      skipped.bytes += record.bytes ?? 0;
      continue;
    }
    yield record;
  }
}

export async function runExtract(args: string[], context: CliContext): Promise<number> {
  const command = parseExtractArgs(args);
  if (!command) {
    await context.stdout.write(extractHelp());
    return 0;
  }
  const { settings, sources } = command;
  const framing = FRAMING[settings.format];
  const writer = writerOf(settings.format);
  const files = writer.files && command.outDir !== undefined ? new DocumentFiles(command.outDir, { ...writer, files: writer.files }) : undefined;
  const size = await inputSize(sources);

  // Where the output goes, and from which record on.
  let skip = command.skip;
  let out = context.stdout;
  let outputFile: NodeJS.WritableStream | undefined;
  let count = 0;
  let opened = false;
  const target = command.resume ?? command.output;
  if (command.resume !== undefined) {
    const point = await resumePoint(command.resume, settings.format);
    await truncate(command.resume, point.keepBytes).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    skip = point.records;
    count = point.records;
    opened = point.keepBytes > 0;
  }
  if (target !== undefined) {
    outputFile = createWriteStream(target, { flags: command.resume !== undefined ? 'a' : 'w' });
    out = new Output(outputFile);
  }

  const interrupt = new Interrupt(context.signals);
  const workers = command.workers ?? autoWorkers(command, size);
  const poolOptions = { workers, extractor: { ...settings.runOptions, userDictionary: command.userDictionary } };
  const local = async () => jobTools(await createExtractor({ userDictionary: command.userDictionary, ...settings.runOptions }), settings);
  let runner: RecordRunner;
  try {
    if (workers === 1) runner = inThreadRunner(await local(), settings);
    // Standard input may be one line or a whole corpus: workers start only once it proves long.
    else if (command.workers === undefined && size === undefined) runner = adaptiveRunner(await local(), poolOptions, settings, STDIN_POOL_AFTER, context.warn);
    else runner = await poolRunner(poolOptions, settings);
  } catch (error) {
    interrupt.dispose();
    throw error;
  }
  const skipped = { bytes: 0 };
  const progress: ProgressSink =
    context.stderr?.isTTY && !command.quiet ? terminalProgress(context.stderr, size, { records: count, bytes: 0 }) : NO_PROGRESS;
  let errors = 0;
  let written = 0;
  /** Records that were read but not written when a run stops (to say where to resume). */
  const queue: { batch: DocumentRecord[]; outcomes: ReturnType<RecordRunner['run']> }[] = [];

  const writeBatch = async (batch: DocumentRecord[], outcomes: Awaited<ReturnType<RecordRunner['run']>>): Promise<void> => {
    let bytes = 0;
    let done = 0;
    for (let k = 0; k < batch.length; k++) {
      const record = batch[k]!;
      const outcome = outcomes[k]!;
      if (outcome.error) {
        errors++;
        context.warn(outcome.error.warning);
        if (command.strict) {
          const message = record.error ? `${outcome.error.message} (stopped by --strict)` : outcome.error.warning.replace(/: korner: /, ': ');
          throw new KornerError(outcome.error.code, message);
        }
      }
      if (files) {
        if (!outcome.error) await files.write(record, outcome.body);
      } else if (typeof outcome.body === 'string') {
        await out.write(`${framing.before(count)}${outcome.body}${framing.after}`);
      } else {
        await out.write(framing.before(count));
        for (const part of outcome.body) await out.write(part);
        await out.write(framing.after);
      }
      for (const warning of outcome.warnings ?? []) context.warn(warning);
      count++;
      written++;
      done++;
      bytes += record.bytes ?? 0;
      if (interrupt.signal) break;
    }
    progress.advance(done, bytes + skipped.bytes);
    skipped.bytes = 0;
  };

  const records = skipRecords(
    readRecords(sources, settings.mode, { maxBytes: command.maxBytes, warn: context.warn, ...(command.stdinName ? { stdinName: command.stdinName } : {}) }),
    skip,
    skipped,
  );
  let failure: unknown;
  try {
    if (!opened) await out.write(framing.open);
    // Regular files never pause, so their batches need not race each record against an idle tick (a setImmediate
    // per record on the thread that feeds the workers); a pipe or a terminal may, and a line typed in is answered.
    const batches = batchRecords(records, DEFAULT_BATCH, size === undefined)[Symbol.asyncIterator]();
    for (;;) {
      const next = await interrupt.race(batches.next());
      if (!next || next.done) break;
      const batch = next.value;
      queue.push({ batch, outcomes: runner.run(batch.map(toJobRecord)) });
      while (queue.length >= runner.parallelism && !interrupt.signal) {
        const first = queue.shift()!;
        const outcomes = await interrupt.race(first.outcomes);
        if (outcomes) await writeBatch(first.batch, outcomes);
      }
      if (interrupt.signal) break;
    }
    while (queue.length > 0 && !interrupt.signal) {
      const first = queue.shift()!;
      const outcomes = await interrupt.race(first.outcomes);
      if (outcomes) await writeBatch(first.batch, outcomes);
    }
  } catch (error) {
    failure = error;
  } finally {
    progress.stop();
    interrupt.dispose();
    // Jobs still in flight when a run stops are dropped (closing the pool rejects them).
    for (const job of queue) job.outcomes.catch(() => undefined);
    // A run that stops keeps its output well-formed: the JSON array is closed, the file flushed.
    await out.write(framing.close(count)).catch(() => undefined);
    if (outputFile) await new Promise<void>((resolve) => outputFile!.end(resolve));
    await runner.close().catch(() => undefined);
  }
  if (failure) throw failure;
  if (interrupt.signal) {
    const total = skip + written;
    const how =
      target !== undefined
        ? `run the same command with --resume ${target}${command.resume !== undefined ? '' : ' (instead of --output)'}`
        : `run the same command with --skip ${total}, appending to what it wrote`;
    context.warn(`korner: stopped by ${interrupt.signal} after ${total} documents (${written} in this run); to continue, ${how}.`);
    return SIGNAL_EXIT[interrupt.signal];
  }
  return errors > 0 ? 1 : 0;
}
