import { writeFileSync } from 'node:fs';
import { ERROR_CODES, KornerError } from '../../errors.js';
import type { RecordFormat } from '../../formats/records.js';
import { indexTemplate, ruleLines, solrSchema, type MappingOptions } from '../../search/mapping.js';
import { oneOf, parseCommandArgs, readOptionFile } from '../args.js';
import type { CliContext } from '../context.js';
import { SETTINGS_OPTIONS } from '../extractSettings.js';
import { RUN_OPTIONS, runExtract } from './extract.js';

export const indexHelp = (): string => `Usage: korner index --to ENGINE [options] [files...]

Extracts the entities of the documents, as korner extract does, and writes them as documents for a search engine:
the text, a facet field for each entity type of canonical names (person, place, organization), the dates (date:
days; date_range: days, months, years and periods), times, quantities ({value, unit}), the glosses tied to their
Hangul (link "威海=웨이하이", gloss, hangul), and the entity spans for highlighting (entities: stored, not
indexed). Reads its input as korner extract does (--input, workers, --skip, --strict ...).

Engines (--to):
  elasticsearch, opensearch   _bulk NDJSON: {"index":{"_id":ID}} then the document, for each document
                              (curl -H 'Content-Type: application/x-ndjson' --data-binary @FILE .../_bulk)
  solr                        one JSON document a line, for /update/json/docs (Solr reads documents one
                              after another there); quantities as quantity_value / quantity_unit, the spans
                              as the JSON string entities_json
  jsonl                       the flattened documents one a line, for any other engine (Meilisearch,
                              Typesense, Orama ...), error records {"id","line","error"} in their place

Facets leave out names of one character (김 and 박 of "김 씨", "박 대통령"; an initial) and PERSON names that are
a two-syllable family name alone (남궁, 제갈): they name nobody in particular. They stay in entities.

Options:
  --to ENGINE                  elasticsearch, opensearch, solr or jsonl (required)
  --index NAME                 elasticsearch, opensearch: the _index of each action (else the request's URL
                               names it), and the index the --mapping template is for (default korner*)
  --mapping FILE               also write what the engine needs first to FILE: elasticsearch, opensearch: a
                               composable index template (PUT _index_template/korner): Nori analysis (no
                               nori_readingform: it reads 威海 as 위해), the fields' types; solr: the field
                               types and fields as Schema API commands (POST /solr/COLLECTION/schema; needs
                               the analysis-extras module). With no documents to index, give < /dev/null
  --synonyms FILE              korner synonyms output (solr lines "a, b, c", or a JSON array): inline in the
                               template's search analyzer; for solr the file's name in the query analyzer
                               (upload it to the config set). Check it with korner synonyms --analyzer nori
  --nori-dictionary FILE       a Nori user dictionary (korner nori-dictionary): inline in the template's
                               tokenizer; for solr the file's name in the tokenizer
  --input, --reference-date, --types, --min-score, --user-dict, --labels, --offsets, --id-prefix,
  --max-bytes, --workers, --skip, -o/--output, -q/--quiet, --strict
                               as for korner extract (see korner extract --help)
  --resume FILE                as for korner extract, with --to jsonl only
  -h, --help                   show this help

Bad records (a line that is not JSON, a document too long): --to jsonl writes an error record in its place; the
bulk and Solr bodies leave it out, since whatever stands there is indexed or makes the engine refuse the
request, and standard error names it (file, line, reason). Either way the exit status is 1; --strict stops at
the first with 2.
`;

/** The engines of --to and the output format of each. */
const ENGINES = { elasticsearch: 'elasticsearch', opensearch: 'opensearch', solr: 'solr', jsonl: 'search-jsonl' } as const satisfies Record<string, RecordFormat>;
type Engine = keyof typeof ENGINES;

/** An object without some of its keys. */
function without<T extends object, K extends keyof T>(object: T, keys: readonly K[]): Omit<T, K> {
  return Object.fromEntries(Object.entries(object).filter(([name]) => !(keys as readonly PropertyKey[]).includes(name))) as Omit<T, K>;
}

/** The options of korner extract that korner index passes on: not those that mean nothing for a search document. */
const PASSED_OPTIONS = {
  ...without(SETTINGS_OPTIONS, ['format', 'tokens', 'from-name', 'to-name', 'model-version']),
  ...without(RUN_OPTIONS, ['out-dir']),
};

const INDEX_OPTIONS = {
  ...PASSED_OPTIONS,
  to: { type: 'string' },
  mapping: { type: 'string' },
  synonyms: { type: 'string' },
  'nori-dictionary': { type: 'string' },
} as const;

const usage = (message: string): KornerError => new KornerError(ERROR_CODES.USAGE, `index: ${message}`);

/** The rules of a synonym file: solr lines, or the JSON array of korner synonyms --format elasticsearch. */
function synonymRules(path: string): string[] {
  const content = readOptionFile('synonyms', path);
  if (!content.trimStart().startsWith('[')) return ruleLines(content);
  let rules: unknown;
  try {
    rules = JSON.parse(content);
  } catch (error) {
    throw new KornerError(ERROR_CODES.INPUT_FORMAT, `synonyms ${path} starts with "[" but is not JSON (${(error as Error).message}).`);
  }
  if (!Array.isArray(rules) || !rules.every((rule) => typeof rule === 'string')) {
    throw new KornerError(ERROR_CODES.INPUT_FORMAT, `synonyms ${path} is a JSON value but not an array of rule strings.`);
  }
  return rules.map((rule) => rule.trim()).filter((rule) => rule.length > 0);
}

const baseName = (path: string): string => path.split(/[\\/]/).pop()!;

/** The mapping (index template or Solr schema commands) for an engine. */
function mappingFor(engine: Engine, values: { index?: string; synonyms?: string; 'nori-dictionary'?: string }): Record<string, unknown> {
  const options: MappingOptions = {};
  if (values.index !== undefined) options.index = values.index;
  if (engine === 'solr') {
    // Solr reads both from the config set by name: they are read here only to refuse a file that is not there.
    if (values.synonyms !== undefined) {
      synonymRules(values.synonyms);
      options.synonymsFile = baseName(values.synonyms);
    }
    if (values['nori-dictionary'] !== undefined) {
      readOptionFile('Nori user dictionary', values['nori-dictionary']);
      options.dictionaryFile = baseName(values['nori-dictionary']);
    }
    return solrSchema(options);
  }
  if (values.synonyms !== undefined) options.synonyms = synonymRules(values.synonyms);
  if (values['nori-dictionary'] !== undefined) options.dictionary = ruleLines(readOptionFile('Nori user dictionary', values['nori-dictionary']));
  return indexTemplate(options);
}

/** The arguments of korner extract for what was given to korner index (the options it passes on, then the files). */
function extractArgs(values: Record<string, unknown>, positionals: string[], format: RecordFormat): string[] {
  const args = ['--format', format];
  for (const [name, value] of Object.entries(values)) {
    if (!(name in PASSED_OPTIONS) || value === undefined || value === false) continue;
    if (value === true) args.push(`--${name}`);
    else for (const one of Array.isArray(value) ? value : [value]) args.push(`--${name}`, String(one));
  }
  return [...args, '--', ...positionals];
}

export async function runIndex(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('index', args, INDEX_OPTIONS);
  if (values.help) {
    await context.stdout.write(indexHelp());
    return 0;
  }
  if (values.to === undefined) throw usage('give the engine with --to elasticsearch, opensearch, solr or jsonl.');
  const engine = oneOf('index', 'to', values.to as string, Object.keys(ENGINES) as Engine[]);
  const bulk = engine === 'elasticsearch' || engine === 'opensearch';
  if (values.index !== undefined && !bulk) throw usage(`--index names the index of bulk actions (--to elasticsearch or opensearch); ${engine === 'solr' ? 'Solr takes the collection from the request URL' : '--to jsonl names no index'}.`);
  if (values.resume !== undefined && engine !== 'jsonl') {
    throw usage(`--resume needs --to jsonl: the ${engine} body leaves bad records out, so the documents done cannot be counted from it; continue a run with --skip N and another --output.`);
  }
  const mappingPath = values.mapping as string | undefined;
  if (mappingPath === undefined && (values.synonyms !== undefined || values['nori-dictionary'] !== undefined)) {
    throw usage('--synonyms and --nori-dictionary go into the mapping: give --mapping FILE too.');
  }
  if (mappingPath !== undefined) {
    if (engine === 'jsonl') throw usage('--to jsonl is for engines korner writes no mapping for; --mapping applies to elasticsearch, opensearch and solr.');
    const mapping = mappingFor(engine, values as Parameters<typeof mappingFor>[1]);
    try {
      writeFileSync(mappingPath, `${JSON.stringify(mapping, null, 2)}\n`);
    } catch (error) {
      throw new KornerError(ERROR_CODES.USAGE, `index: cannot write the mapping to ${mappingPath} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
    }
  }
  // A stopped run of a bulk or Solr body continues with --skip N into another file (it cannot be resumed).
  const warn = bulk || engine === 'solr'
    ? (message: string) => context.warn(message.replace(/after (\d+) documents(.*); to continue, run the same command with --resume \S+.*$/, (_, done: string, rest: string) => `after ${done} documents${rest}; to continue, run the same command with --skip ${done} and another --output.`))
    : context.warn;
  try {
    return await runExtract(extractArgs(values, positionals, ENGINES[engine]), { ...context, warn });
  } catch (error) {
    const prefix = 'korner: extract: ';
    if (error instanceof KornerError && error.message.startsWith(prefix)) throw new KornerError(error.code, `index: ${error.message.slice(prefix.length)}`);
    throw error;
  }
}
