import { readFileSync } from 'node:fs';
import { loadAnalyzer, parseUserWords } from '../../analyzer/index.js';
import { createExtractor } from '../../index.js';
import { ERROR_CODES, KornerError } from '../../errors.js';
import { AnalysisChain } from '../../search/analysisChain.js';
import { NoriDictionaryBuilder, namesOf } from '../../search/noriDictionary.js';
import { oneOf, parseCommandArgs, positiveInteger } from '../args.js';
import type { CliContext } from '../context.js';
import { INPUT_MODES } from '../records.js';
import { extractNames } from './synonyms.js';

export const noriDictionaryHelp = `Usage: korner nori-dictionary [options] [files...]

Writes a user dictionary for Lucene's Nori tokenizer (Elasticsearch and OpenSearch "user_dictionary" or
"user_dictionary_rules", Solr's KoreanTokenizerFactory "userDictionary"): the names korner finds in the files
(people, places, organisations, their canonical names and the Hangul forms of Hanja and acronym links) that Nori
would cut into several tokens. A name whose pieces are all dictionary nouns is written with them as its parts
("경인아라뱃길 경인 아라뱃길"); any other alone, so that Nori keeps it whole ("클라이막스시리즈"). Sorted, one entry
a line.

Options:
  --input text|document|jsonl  as for korner extract (default text: one document a line)
  --user-words FILE            also korner's user words (TSV: surface, tag, cost, breakdown) in Nori's
                               format; with this option and no files, standard input is not read
  --max-bytes N                largest line or document in bytes (default 16777216)
  -h, --help                   show this help
`;

export async function runNoriDictionary(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('nori-dictionary', args, {
    input: { type: 'string', default: 'text' },
    'user-words': { type: 'string' },
    'max-bytes': { type: 'string', default: String(16 * 1024 * 1024) },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    await context.stdout.write(noriDictionaryHelp);
    return 0;
  }
  const mode = oneOf('nori-dictionary', 'input', values.input!, INPUT_MODES);
  const maxBytes = positiveInteger('nori-dictionary', 'max-bytes', values['max-bytes']!);
  let userWords;
  if (values['user-words'] !== undefined) {
    const path = values['user-words'];
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new KornerError(ERROR_CODES.INPUT_READ, `nori-dictionary: cannot read --user-words ${path}: ${(error as Error).message}`);
    }
    userWords = parseUserWords(text, path);
  }
  const extractor = await createExtractor({ types: ['PERSON', 'LOCATION', 'ORGANIZATION'] });
  const analyzer = await loadAnalyzer(extractor.resources.loader);
  const builder = new NoriDictionaryBuilder(new AnalysisChain('nori', analyzer), analyzer.dictionary);
  const sources = positionals.length > 0 ? positionals : userWords ? [] : ['-'];
  const errors = await extractNames(extractor, sources, mode, maxBytes, context, (doc) => {
    for (const name of namesOf(doc)) builder.addName(name);
  });
  for (const word of userWords ?? []) builder.addUserWord(word);
  const output = builder.toString();
  if (output) await context.stdout.write(output);
  return errors > 0 ? 1 : 0;
}
