import { loadAnalyzer, type DecompoundMode } from '../../analyzer/index.js';
import type { Token } from '../../document/types.js';
import { KornerError } from '../../errors.js';
import { nodeLoader } from '../../resources/nodeLoader.js';
import { oneOf, parseCommandArgs, positiveInteger, readOptionFile } from '../args.js';
import type { CliContext } from '../context.js';
import { readRecords } from '../records.js';

export const tokenizeHelp = `Usage: korner tokenize [options] [files...]

Morphological analysis on mecab-ko-dic: one result per input line (or JSONL record), in input order.

Options:
  --input text|jsonl               text: each line is a document (default); jsonl: lines {"id","text",...}
  --format jsonl|conll|pretty      jsonl: {"id"?, "tokens": [{"start","end","text","pos",...}]} per line
                                   (default); conll: one token a line (index, text, pos, start, end, name
                                   class, reading), a blank line between documents; pretty: text/POS pairs
  --decompound none|discard|mixed  compounds: whole (none), parts only (discard, default, as Elasticsearch's
                                   Nori), or whole then parts (mixed)
  --discard-punctuation            drop punctuation and symbol tokens, as Nori does by default
  --user-words FILE                add words: TSV surface<TAB>tag[<TAB>cost[<TAB>breakdown]] (repeatable)
  --strict                         stop at the first bad record with exit status 2
  --max-bytes N                    largest line in bytes (default 16777216)
  -h, --help                       show this help
`;

const FORMATS = ['jsonl', 'conll', 'pretty'] as const;
const DECOMPOUND: readonly DecompoundMode[] = ['none', 'discard', 'mixed'];

function conll(id: string | number, tokens: readonly Token[]): string {
  const lines = [`# id = ${id}`];
  tokens.forEach((t, i) => {
    lines.push([i + 1, t.text, t.pos, t.start, t.end, t.nameClass ?? '_', t.reading ?? '_'].join('\t'));
  });
  return `${lines.join('\n')}\n\n`;
}

export async function runTokenize(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('tokenize', args, {
    input: { type: 'string', default: 'text' },
    format: { type: 'string', default: 'jsonl' },
    decompound: { type: 'string', default: 'discard' },
    'discard-punctuation': { type: 'boolean', default: false },
    'user-words': { type: 'string', multiple: true },
    strict: { type: 'boolean', default: false },
    'max-bytes': { type: 'string', default: String(16 * 1024 * 1024) },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    await context.stdout.write(tokenizeHelp);
    return 0;
  }
  const mode = oneOf('tokenize', 'input', values.input!, ['text', 'jsonl'] as const);
  const format = oneOf('tokenize', 'format', values.format!, FORMATS);
  const decompound = oneOf('tokenize', 'decompound', values.decompound!, DECOMPOUND);
  const maxBytes = positiveInteger('tokenize', 'max-bytes', values['max-bytes']!);
  const analyzer = await loadAnalyzer(nodeLoader());
  for (const path of values['user-words'] ?? []) analyzer.addUserWords(readOptionFile('user words', path));
  const options = { decompound, discardPunctuation: values['discard-punctuation']! };
  const sources = positionals.length > 0 ? positionals : ['-'];
  let errors = 0;
  for await (const record of readRecords(sources, mode, { maxBytes, warn: context.warn })) {
    if (record.error) {
      errors++;
      context.warn(record.error.message);
      if (values.strict) throw new KornerError(record.error.code, `${record.error.message} (stopped by --strict)`);
      await context.stdout.write(`${JSON.stringify({ id: record.id, line: record.line, error: record.error })}\n`);
      continue;
    }
    const tokens = analyzer.tokenize(record.text!, options);
    if (format === 'conll') await context.stdout.write(conll(record.id, tokens));
    else if (format === 'pretty') await context.stdout.write(`${tokens.map((t) => `${t.text}/${t.pos}`).join(' ')}\n`);
    else {
      const line = mode === 'jsonl' ? { id: record.id, ...record.extra, tokens } : { tokens };
      await context.stdout.write(`${JSON.stringify(line)}\n`);
    }
  }
  return errors > 0 ? 1 : 0;
}
