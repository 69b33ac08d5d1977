import { ERROR_CODES, KornerError } from '../../errors.js';
import { parseGoldLine, type GoldRecord } from '../../eval/gold.js';
import { formatErrors, formatReport } from '../../eval/report.js';
import { score, type ScoredSentence } from '../../eval/score.js';
import { splitOf, type SplitName } from '../../eval/split.js';
import { createExtractor } from '../../index.js';
import { oneOf, parseCommandArgs } from '../args.js';
import { DEFAULT_BATCH } from '../batches.js';
import type { CliContext } from '../context.js';
import { readLines } from '../input.js';

export const evalHelp = `Usage: korner eval [options] GOLD.jsonl

Runs extraction on gold-annotated JSONL ({"id","text","entities":[{"start","end","type"}]}, types PERSON ...
or KLUE's PS, LC, OG, DT, TI, QT) and prints entity-level precision, recall and F1 (exact span and type; micro
and per type) and character-level F1.

Options:
  --split all|train|validation  score only one part of the fixed split by a hash of id (default: all)
  --json                        print the scores as one JSON object
  --errors                      list false positives and negatives with context (after the scores)
  --reference-date YYYY-MM-DD   reference date for relative dates
  -h, --help                    show this help
`;

const SPLITS = ['all', 'train', 'validation'] as const;

export async function runEval(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('eval', args, {
    split: { type: 'string', default: 'all' },
    json: { type: 'boolean', default: false },
    errors: { type: 'boolean', default: false },
    'reference-date': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    await context.stdout.write(evalHelp);
    return 0;
  }
  if (positionals.length !== 1) {
    throw new KornerError(ERROR_CODES.USAGE, 'eval: give exactly one gold JSONL file. Run "korner eval --help".');
  }
  const split = oneOf('eval', 'split', values.split!, SPLITS);
  const source = positionals[0]!;
  const extractor = await createExtractor(
    values['reference-date'] ? { referenceDate: values['reference-date'] } : {},
  );
  const records: GoldRecord[] = [];
  for await (const line of readLines(source, { maxBytes: 16 * 1024 * 1024, warn: context.warn })) {
    if (line.error) throw new KornerError(line.error.code, line.error.message);
    if (!line.text || line.text.trim() === '') continue;
    let record: GoldRecord;
    try {
      record = parseGoldLine(line.text, line.line);
    } catch (error) {
      throw new KornerError(ERROR_CODES.INPUT_JSON, `${source}:${line.line}: ${(error as Error).message.replace(/^korner: /, '')}`);
    }
    if (split !== 'all' && splitOf(record.id) !== (split as SplitName)) continue;
    records.push(record);
  }
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
    await context.stdout.write(`${JSON.stringify({ gold: source, split, ...report })}\n`);
  } else {
    await context.stdout.write(formatReport(report, `${source} (split: ${split})`));
  }
  if (values.errors) await context.stdout.write(`\nerrors (kind, type, mention, context, id)\n${errorLines.join('\n')}\n`);
  return 0;
}
