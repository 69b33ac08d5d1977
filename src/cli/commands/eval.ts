import { ERROR_CODES, KornerError } from '../../errors.js';
import { formatErrors, formatReport } from '../../eval/report.js';
import { score, type ScoredSentence } from '../../eval/score.js';
import { splitOf, type SplitName } from '../../eval/split.js';
import { createExtractor } from '../../index.js';
import { oneOf, parseCommandArgs, readOptionFile } from '../args.js';
import { DEFAULT_BATCH } from '../batches.js';
import type { CliContext } from '../context.js';
import { GoldCheck } from '../../formats/annotated.js';
import { LabelReader, parseLabelMap } from '../../formats/labels.js';
import { isReadError, type GoldDocument } from '../../formats/reader.js';
import { FOLDER_READERS } from '../../formats/folderReaders.js';
import { GOLD_FORMATS, LINE_READERS, type GoldFormat } from '../../formats/readers.js';
import { readAnnotatedSource } from '../annotated.js';
import { displayName } from '../input.js';

export const evalHelp = (): string => `Usage: korner eval [options] GOLD

Runs extraction on gold-annotated data and prints entity-level precision, recall and F1 (exact span and type;
micro and per type) and character-level F1. GOLD is a file (or - for standard input) in any of these formats,
told from its content or named with --gold-format, or a folder of brat .txt + .ann files:
${GOLD_FORMATS.map((name) => `  ${name.padEnd(13)}${readerSummary(name)}`).join('\n')}

Labels PS, PER, PERSON, LC, LOC, OG, ORG, DT, DAT, TI, TIM, QT, QTY ... (any case) are known; map others with
--label-map. A record that cannot be read is reported on standard error and left out (exit status 1).

Options:
  --gold-format NAME            the format of GOLD (default: detected)
  --label-map FILE              TSV lines label<TAB>TYPE (TYPE: PERSON ..., a KLUE tag, or - to ignore)
  --split all|train|validation  score only one part of the fixed split by a hash of id (default: all)
  --json                        print the scores as one JSON object
  --errors                      list false positives and negatives with context (after the scores)
  --reference-date YYYY-MM-DD   reference date for relative dates
  --strict                      stop at the first bad record with exit status 2
  -h, --help                    show this help
`;

const SPLITS = ['all', 'train', 'validation'] as const;

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
    json: { type: 'boolean', default: false },
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
  const labels = labelReaderOf(values['label-map']);
  const source = positionals[0]!;
  const extractor = await createExtractor(
    values['reference-date'] ? { referenceDate: values['reference-date'] } : {},
  );
  const records: GoldDocument[] = [];
  const check = new GoldCheck();
  let bad = 0;
  for await (const item of readAnnotatedSource(source, format, labels, { maxBytes: 16 * 1024 * 1024, warn: context.warn })) {
    check.see(item);
    if (isReadError(item)) {
      bad++;
      if (values.strict) throw new KornerError(item.error.code, `${item.error.message.replace(/^korner: /, '')} (stopped by --strict)`);
      context.warn(item.error.message);
      continue;
    }
    if (split !== 'all' && splitOf(item.id) !== (split as SplitName)) continue;
    records.push(item);
  }
  check.check(displayName(source));
  const sentences: ScoredSentence[] = [];
  const errorLines: string[] = [];
  for (let from = 0; from < records.length; from += DEFAULT_BATCH.records) {
    const batch = records.slice(from, from + DEFAULT_BATCH.records);
    extractor.extractAll(batch.map((record) => record.text)).forEach(({ entities: predicted }, k) => {
      const record = batch[k]!;
      sentences.push({ text: record.text, gold: record.entities, predicted });
      if (values.errors) errorLines.push(...formatErrors(record.id, record.text, record.entities, predicted));
    });
  }
  const report = score(sentences);
  if (values.json) {
    await context.stdout.write(`${JSON.stringify({ gold: source, split, ...(bad > 0 ? { unreadRecords: bad } : {}), ...report })}\n`);
  } else {
    await context.stdout.write(formatReport(report, `${source} (split: ${split})`));
  }
  if (values.errors) await context.stdout.write(`\nerrors (kind, type, mention, context, id)\n${errorLines.join('\n')}\n`);
  if (bad > 0) context.warn(`korner: ${bad} record${bad === 1 ? '' : 's'} of ${displayName(source)} could not be read and ${bad === 1 ? 'was' : 'were'} left out of the scores (see above).`);
  return bad > 0 ? 1 : 0;
}
