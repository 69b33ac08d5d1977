import { formatSynonyms } from '../../hanja/synonyms.js';
import { HanjaReader } from '../../hanja/reader.js';
import type { Link } from '../../document/types.js';
import { createExtractor } from '../../index.js';
import { KornerError } from '../../errors.js';
import { oneOf, parseCommandArgs, positiveInteger } from '../args.js';
import type { CliContext } from '../context.js';
import { INPUT_MODES, readRecords } from '../records.js';

export const synonymsHelp = `Usage: korner synonyms [options] [files...]

Finds the Hanja glosses, headline abbreviations and acronyms of a corpus and prints them as Solr /
Elasticsearch synonym lines (威海, 웨이하이, 위해): each line joins a gloss, its Hangul form and, for Hanja, its
Sino-Korean reading (what Nori's reading filter would index), so that a search for one finds the others.

Options:
  --input text|document|jsonl  as for korner extract (default text: one document a line)
  --max-bytes N                largest line or document in bytes (default 16777216)
  -h, --help                   show this help
`;

export async function runSynonyms(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('synonyms', args, {
    input: { type: 'string', default: 'text' },
    'max-bytes': { type: 'string', default: String(16 * 1024 * 1024) },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    await context.stdout.write(synonymsHelp);
    return 0;
  }
  const mode = oneOf('synonyms', 'input', values.input!, INPUT_MODES);
  const maxBytes = positiveInteger('synonyms', 'max-bytes', values['max-bytes']!);
  const extractor = await createExtractor({ types: [] });
  const reader = await HanjaReader.load(extractor.resources);
  const links: Link[] = [];
  let errors = 0;
  const sources = positionals.length > 0 ? positionals : ['-'];
  for await (const record of readRecords(sources, mode, { maxBytes, warn: context.warn })) {
    if (record.error) {
      errors++;
      context.warn(record.error.message);
      continue;
    }
    try {
      links.push(...extractor.extract(record.text!, record.referenceDate ? { referenceDate: record.referenceDate } : {}).links);
    } catch (error) {
      if (!(error instanceof KornerError)) throw error;
      errors++;
      context.warn(`${record.id}: ${error.message}`);
    }
  }
  const lines = formatSynonyms(links, { extraReading: (hanja) => reader.readSinoKorean(hanja, 1)[0] });
  if (lines.length > 0) await context.stdout.write(`${lines.join('\n')}\n`);
  return errors > 0 ? 1 : 0;
}
