import { loadAnalyzer } from '../../analyzer/index.js';
import { HanjaReader } from '../../hanja/reader.js';
import { createExtractor } from '../../index.js';
import { KornerError } from '../../errors.js';
import { AnalysisChain, CHAIN_NAMES, DEFAULT_CHAIN } from '../../search/analysisChain.js';
import { CommonWords } from '../../search/commonWords.js';
import {
  ALIAS_MODES,
  READINGS_MODES,
  SYNONYM_FORMATS,
  SynonymCollector,
  buildSynonymRules,
  formatSynonymReport,
  formatSynonymRules,
  loadAliasTable,
} from '../../search/synonymRules.js';
import { oneOf, parseCommandArgs, positiveInteger, readOptionFile } from '../args.js';
import { parseNoriDictionary } from '../../search/noriDictionary.js';
import type { CliContext } from '../context.js';
import { INPUT_MODES, readRecords, type InputMode } from '../records.js';
import type { Entity, Link } from '../../document/types.js';
import type { Extractor } from '../../extractor.js';

export const synonymsHelp = `Usage: korner synonyms [options] [files...]

Finds the Hanja glosses, headline abbreviations, acronyms and aliases of a corpus and prints them as synonym
rules for a search index (威海, 웨이하이), checked against the analysis chain they will meet: a term the engine's
synonym parser would refuse (a chain that removes it, or gives it a token with a position increment other than 1)
is dropped, and terms that would match everywhere are left out (one-syllable readings such as 中 → 중, frequent
common words such as 위해 or 매일, acronyms that share an expansion, acronyms of a generic word). Each is reported
on standard error with its reason.

Options:
  --input text|document|jsonl  as for korner extract (default text: one document a line)
  --analyzer CHAIN             the chain the rules are checked against (default nori-readingform):
                               nori-readingform  Nori tokenizer (discard) + nori_part_of_speech +
                                                 nori_readingform + lowercase (Elasticsearch's "nori")
                               nori              the same without nori_readingform
                               standard          StandardTokenizer + lowercase
  --format solr|elasticsearch|explicit|plain
                               solr: "a, b, c" lines (default); elasticsearch: the same lines as a JSON
                               array for the "synonyms" setting; explicit: "a, b => a, b" lines (the same
                               whatever "expand" is; with --analyzer nori also one-way "中 => 中, 중국" for
                               headline abbreviations); plain: one group a line, tab-separated, unescaped
  --readings written|all       written (default): the Hangul forms written in the text and the Mandarin or
                               Japanese readings; all: also Sino-Korean readings (威海 → 위해, 安倍晋三 → 안배진삼)
  --aliases corpus|all|none    aliases of the names found in the corpus, from korner's dictionaries and the
                               corpus (default corpus); all: every alias korner knows; none
  --nori-dictionary FILE       the Nori user dictionary the index loads (korner nori-dictionary): the chain
                               keeps its words whole, so rules with names Nori would cut are kept
  --strict                     a term the chain refuses is an error: nothing is written, exit 2
  --max-bytes N                largest line or document in bytes (default 16777216)
  -h, --help                   show this help
`;

export async function runSynonyms(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('synonyms', args, {
    input: { type: 'string', default: 'text' },
    analyzer: { type: 'string', default: DEFAULT_CHAIN },
    format: { type: 'string', default: 'solr' },
    readings: { type: 'string', default: 'written' },
    aliases: { type: 'string', default: 'corpus' },
    'nori-dictionary': { type: 'string' },
    strict: { type: 'boolean', default: false },
    'max-bytes': { type: 'string', default: String(16 * 1024 * 1024) },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    await context.stdout.write(synonymsHelp);
    return 0;
  }
  const mode = oneOf('synonyms', 'input', values.input!, INPUT_MODES);
  const chainName = oneOf('synonyms', 'analyzer', values.analyzer!, CHAIN_NAMES);
  const format = oneOf('synonyms', 'format', values.format!, SYNONYM_FORMATS);
  const readings = oneOf('synonyms', 'readings', values.readings!, READINGS_MODES);
  const aliases = oneOf('synonyms', 'aliases', values.aliases!, ALIAS_MODES);
  const maxBytes = positiveInteger('synonyms', 'max-bytes', values['max-bytes']!);
  const extractor = await createExtractor({ types: ['PERSON', 'LOCATION', 'ORGANIZATION'] });
  const resources = extractor.resources;
  const [reader, analyzer, commonWords, aliasTable] = await Promise.all([
    HanjaReader.load(resources),
    loadAnalyzer(resources.loader),
    CommonWords.load(resources),
    loadAliasTable(resources),
  ]);
  // The index's Nori user dictionary, if it has one: the rules are checked against the tokenizer that loads it.
  if (values['nori-dictionary'] !== undefined) {
    const path = values['nori-dictionary'];
    analyzer.addUserWords(parseNoriDictionary(readOptionFile('Nori user dictionary', path), path));
  }
  const collector = new SynonymCollector();
  const errors = await extractNames(extractor, positionals.length > 0 ? positionals : ['-'], mode, maxBytes, context, (doc) =>
    collector.add(doc),
  );
  const { rules, reports } = buildSynonymRules(collector, {
    chain: new AnalysisChain(chainName, analyzer),
    commonWords,
    readings,
    aliases,
    aliasTable,
    readSinoKorean: (hanja) => reader.readSinoKorean(hanja, 1)[0],
    oneWay: format === 'explicit',
  });
  const refused = reports.filter((r) => r.action === 'dropped');
  for (const report of reports) {
    context.warn(`korner synonyms: ${values.strict && report.action === 'dropped' ? 'error: ' : ''}${formatSynonymReport(report)}`);
  }
  if (values.strict && refused.length > 0) {
    context.warn(`korner synonyms: --strict: ${refused.length} term(s) that the ${chainName} chain refuses; nothing written.`);
    return 2;
  }
  const output = formatSynonymRules(rules, format);
  if (output) await context.stdout.write(output);
  return errors > 0 ? 1 : 0;
}

/**
 * Runs the extractor over every document of `sources` and hands each text with its entities and links to `use`;
 * bad records are reported and counted (the number is returned), as extract does.
 */
export async function extractNames(
  extractor: Extractor,
  sources: readonly string[],
  mode: InputMode,
  maxBytes: number,
  context: CliContext,
  use: (doc: { text: string; entities: Entity[]; links: Link[] }) => void,
): Promise<number> {
  let errors = 0;
  for await (const record of readRecords(sources, mode, { maxBytes, warn: context.warn })) {
    if (record.error) {
      errors++;
      context.warn(record.error.message);
      continue;
    }
    try {
      const text = record.text!;
      const result = extractor.extract(text, record.referenceDate ? { referenceDate: record.referenceDate } : {});
      use({ text, entities: result.entities, links: result.links });
    } catch (error) {
      if (!(error instanceof KornerError)) throw error;
      errors++;
      context.warn(`${record.id}: ${error.message}`);
    }
  }
  return errors;
}
