/**
 * What an engine needs before it takes korner's documents: an Elasticsearch / OpenSearch composable index template
 * (`PUT _index_template/korner`), or the field types and fields of a Solr collection (Schema API, `POST
 * /solr/COLLECTION/schema`).
 *
 * The analysis of `text`, the same in both engines:
 * - Nori's tokenizer (mecab-ko-dic) with `decompound_mode` discard: a compound is indexed as its parts
 *   (가곡역 → 가곡, 역), so a query for a part finds it; a `--nori-dictionary` keeps the proper nouns korner found
 *   whole (웨이하이, not 웨이 + 하이);
 * - the part-of-speech filter with its default stop tags (endings, particles, punctuation ...);
 * - lower case (for Latin acronyms: ETRI, etri);
 * - at search time only, korner's synonyms (`--synonyms`) in a synonym graph filter, not lenient: a rule the chain
 *   cannot read is an error when the index is made, not a rule that silently matches something else. Synonyms at
 *   search time only: the index need not be rebuilt when they change, and multi-word rules stay correct (a graph
 *   filter at index time flattens them).
 * - No reading-form filter (nori_readingform, KoreanReadingFormFilterFactory), which Elasticsearch's `nori`
 *   analyzer has: it replaces Hanja by its Sino-Korean reading, so 威海 is indexed as 위해 and a query for 威海
 *   matches "협력 확대를 위해" — the wrong hits issue #16 found — and 靑島 as 청도, not the 칭다오 the text means.
 *   korner links a gloss to the Hangul the text gives it, and its synonyms carry that link instead.
 */

/** The choices that go into a mapping. */
export interface MappingOptions {
  /** elasticsearch, opensearch: the index the template is for (its `index_patterns`); default `korner*`. */
  index?: string;
  /** The synonym rules (`a, b, c` or `a => b`), inline (Elasticsearch, OpenSearch). */
  synonyms?: readonly string[];
  /** The synonym file's name, for Solr's SynonymGraphFilterFactory (a file of the collection's config set). */
  synonymsFile?: string;
  /** The rules of a Nori user dictionary (`word` or `compound part part`), inline (Elasticsearch, OpenSearch). */
  dictionary?: readonly string[];
  /** The user dictionary's file name, for Solr's KoreanTokenizerFactory (a file of the config set). */
  dictionaryFile?: string;
}

/** The lines of a synonym file or a Nori user dictionary that are rules: not blank, not a `#` comment. */
export function ruleLines(content: string): string[] {
  return content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
}

/** The dates' format: the ISO forms, and a month or a year alone (korner writes days; others may write these). */
export const DATE_FORMAT = 'strict_date_optional_time||yyyy-MM||yyyy';

/** The index template of Elasticsearch and OpenSearch (the body of `PUT _index_template/NAME`). */
export function indexTemplate(options: MappingOptions = {}): Record<string, unknown> {
  const tokenizer: Record<string, unknown> = { type: 'nori_tokenizer', decompound_mode: 'discard', discard_punctuation: true };
  if (options.dictionary && options.dictionary.length > 0) tokenizer.user_dictionary_rules = [...options.dictionary];
  const filter: Record<string, unknown> = { korner_part_of_speech: { type: 'nori_part_of_speech' } };
  const indexFilters = ['korner_part_of_speech', 'lowercase'];
  const searchFilters = [...indexFilters];
  if (options.synonyms && options.synonyms.length > 0) {
    filter.korner_synonyms = { type: 'synonym_graph', synonyms: [...options.synonyms], lenient: false };
    searchFilters.push('korner_synonyms');
  }
  const keyword = { type: 'keyword' };
  return {
    index_patterns: [options.index ?? 'korner*'],
    priority: 200,
    template: {
      settings: {
        analysis: {
          tokenizer: { korner_nori: tokenizer },
          filter,
          analyzer: {
            korner_index: { type: 'custom', tokenizer: 'korner_nori', filter: indexFilters },
            korner_search: { type: 'custom', tokenizer: 'korner_nori', filter: searchFilters },
          },
        },
      },
      mappings: {
        properties: {
          id: keyword,
          text: { type: 'text', analyzer: 'korner_index', search_analyzer: 'korner_search' },
          person: keyword,
          place: keyword,
          organization: keyword,
          date: { type: 'date', format: DATE_FORMAT },
          date_range: { type: 'date_range', format: DATE_FORMAT },
          time: keyword,
          // nested: each quantity's value and unit stay together (an object field would mix those of a document's
          // quantities, and "over 100 명" would match 3명 and 120 km). Values are written once per document, which
          // keeps well under index.mapping.nested_objects.limit (10,000) for all but huge documents.
          quantity: { type: 'nested', properties: { value: { type: 'double' }, unit: keyword } },
          link: keyword,
          gloss: keyword,
          hangul: keyword,
          entities: { type: 'object', enabled: false },
        },
      },
    },
  };
}

/** The Solr field type of `text`: Nori's Korean analysis, korner's synonyms at query time. */
function solrTextType(options: MappingOptions): Record<string, unknown> {
  const tokenizer: Record<string, unknown> = { class: 'solr.KoreanTokenizerFactory', decompoundMode: 'discard', outputUnknownUnigrams: 'false', discardPunctuation: 'true' };
  if (options.dictionaryFile !== undefined) tokenizer.userDictionary = options.dictionaryFile;
  const filters = [{ class: 'solr.KoreanPartOfSpeechStopFilterFactory' }, { class: 'solr.LowerCaseFilterFactory' }];
  const queryFilters: Record<string, string>[] = [...filters];
  if (options.synonymsFile !== undefined) {
    queryFilters.push({ class: 'solr.SynonymGraphFilterFactory', synonyms: options.synonymsFile, format: 'solr', ignoreCase: 'true', expand: 'true' });
  }
  return {
    name: 'korner_text',
    class: 'solr.TextField',
    positionIncrementGap: '100',
    indexAnalyzer: { tokenizer, filters },
    queryAnalyzer: { tokenizer, filters: queryFilters },
  };
}

/**
 * The Solr Schema API commands (one request) that add korner's field types and fields. `id` is the collection's
 * uniqueKey, there already. Needs Solr's analysis-extras module (`SOLR_MODULES=analysis-extras`, Solr 9) for the
 * Korean factories, and the synonym and dictionary files in the config set under the names given.
 */
export function solrSchema(options: MappingOptions = {}): Record<string, unknown> {
  const many = (name: string, type: string): Record<string, unknown> => ({ name, type, multiValued: true, stored: true });
  return {
    'add-field-type': [
      solrTextType(options),
      { name: 'korner_keyword', class: 'solr.StrField', docValues: true, sortMissingLast: true },
      { name: 'korner_date', class: 'solr.DatePointField', docValues: true },
      { name: 'korner_date_range', class: 'solr.DateRangeField' },
      { name: 'korner_double', class: 'solr.DoublePointField', docValues: true },
      { name: 'korner_stored', class: 'solr.StrField', indexed: false, docValues: false, stored: true },
    ],
    'add-field': [
      { name: 'text', type: 'korner_text', stored: true, indexed: true },
      many('person', 'korner_keyword'),
      many('place', 'korner_keyword'),
      many('organization', 'korner_keyword'),
      many('date', 'korner_date'),
      many('date_range', 'korner_date_range'),
      many('time', 'korner_keyword'),
      many('quantity_value', 'korner_double'),
      many('quantity_unit', 'korner_keyword'),
      many('link', 'korner_keyword'),
      many('gloss', 'korner_keyword'),
      many('hangul', 'korner_keyword'),
      { name: 'entities_json', type: 'korner_stored', stored: true, indexed: false },
    ],
  };
}
