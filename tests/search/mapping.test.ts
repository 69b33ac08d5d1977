import { describe, expect, it } from 'vitest';
import { indexTemplate, ruleLines, solrSchema } from '../../src/search/mapping.js';
import { searchDocument } from '../../src/search/indexDocument.js';
import { solrFields } from '../../src/search/writers.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SEARCH_FIELDS = Object.keys(searchDocument({ id: 'd', line: 1, text: '' }, { labels: 'long', offsets: 'utf16' }));

describe('the Elasticsearch / OpenSearch index template', () => {
  const template = indexTemplate() as Json;

  it('is a composable template: index_patterns, priority, template.settings and template.mappings', () => {
    expect(Object.keys(template)).toEqual(['index_patterns', 'priority', 'template']);
    expect(template.index_patterns).toEqual(['korner*']);
    expect(indexTemplate({ index: 'news' }).index_patterns).toEqual(['news']);
    expect(JSON.parse(JSON.stringify(template))).toEqual(template);
  });

  it('analyses the text with Nori (compounds split, no reading form) at index time, and the same at search time', () => {
    const analysis = template.template.settings.analysis;
    expect(analysis.tokenizer.korner_nori).toEqual({ type: 'nori_tokenizer', decompound_mode: 'discard', discard_punctuation: true });
    expect(analysis.filter).toEqual({ korner_part_of_speech: { type: 'nori_part_of_speech' } });
    expect(analysis.analyzer.korner_index).toEqual({ type: 'custom', tokenizer: 'korner_nori', filter: ['korner_part_of_speech', 'lowercase'] });
    expect(analysis.analyzer.korner_search).toEqual(analysis.analyzer.korner_index);
    expect(JSON.stringify(template)).not.toContain('readingform');
  });

  it('puts the synonyms in a strict synonym graph filter of the search analyzer, and the user dictionary in the tokenizer', () => {
    const analysis = (indexTemplate({ synonyms: ['威海, 웨이하이', '기재부 => 기획재정부'], dictionary: ['웨이하이', '경인아라뱃길 경인 아라 뱃길'] }) as Json).template.settings.analysis;
    expect(analysis.filter.korner_synonyms).toEqual({ type: 'synonym_graph', synonyms: ['威海, 웨이하이', '기재부 => 기획재정부'], lenient: false });
    expect(analysis.analyzer.korner_search.filter).toEqual(['korner_part_of_speech', 'lowercase', 'korner_synonyms']);
    expect(analysis.analyzer.korner_index.filter).toEqual(['korner_part_of_speech', 'lowercase']);
    expect(analysis.tokenizer.korner_nori.user_dictionary_rules).toEqual(['웨이하이', '경인아라뱃길 경인 아라 뱃길']);
  });

  it('maps every field of the documents, each with the type its values need', () => {
    const properties = template.template.mappings.properties;
    expect(Object.keys(properties).sort()).toEqual([...SEARCH_FIELDS].sort());
    expect(properties.text).toEqual({ type: 'text', analyzer: 'korner_index', search_analyzer: 'korner_search' });
    for (const facet of ['id', 'person', 'place', 'organization', 'time', 'link', 'gloss', 'hangul']) expect(properties[facet]).toEqual({ type: 'keyword' });
    expect(properties.date).toEqual({ type: 'date', format: 'strict_date_optional_time||yyyy-MM||yyyy' });
    expect(properties.date_range).toEqual({ type: 'date_range', format: 'strict_date_optional_time||yyyy-MM||yyyy' });
    expect(properties.quantity).toEqual({ type: 'nested', properties: { value: { type: 'double' }, unit: { type: 'keyword' } } });
    expect(properties.entities).toEqual({ type: 'object', enabled: false });
  });
});

describe('the Solr schema commands', () => {
  const schema = solrSchema() as Json;

  it('add korner_text with the Korean factories, and no synonym filter or dictionary unless given', () => {
    const text = schema['add-field-type'].find((type: Json) => type.name === 'korner_text');
    expect(text.indexAnalyzer.tokenizer).toEqual({ class: 'solr.KoreanTokenizerFactory', decompoundMode: 'discard', outputUnknownUnigrams: 'false', discardPunctuation: 'true' });
    expect(text.indexAnalyzer.filters.map((f: Json) => f.class)).toEqual(['solr.KoreanPartOfSpeechStopFilterFactory', 'solr.LowerCaseFilterFactory']);
    expect(text.queryAnalyzer).toEqual(text.indexAnalyzer);
  });

  it('name the synonym file in the query analyzer and the user dictionary in the tokenizer', () => {
    const text = (solrSchema({ synonymsFile: 'korner-synonyms.txt', dictionaryFile: 'userdict_ko.txt' }) as Json)['add-field-type'][0];
    expect(text.queryAnalyzer.filters.at(-1)).toEqual({ class: 'solr.SynonymGraphFilterFactory', synonyms: 'korner-synonyms.txt', format: 'solr', ignoreCase: 'true', expand: 'true' });
    expect(text.indexAnalyzer.filters.map((f: Json) => f.class)).not.toContain('solr.SynonymGraphFilterFactory');
    expect(text.indexAnalyzer.tokenizer.userDictionary).toBe('userdict_ko.txt');
  });

  it('add a field for every field of the Solr documents but the uniqueKey id, of a type they add', () => {
    const solrDocumentFields = Object.keys(solrFields(searchDocument({ id: 'd', line: 1, text: '' }, { labels: 'long', offsets: 'utf16' }))).filter((f) => f !== 'id');
    const fields = schema['add-field'] as Json[];
    expect(fields.map((f) => f.name).sort()).toEqual(solrDocumentFields.sort());
    const types = new Set((schema['add-field-type'] as Json[]).map((t) => t.name));
    for (const field of fields) expect(types.has(field.type), field.name).toBe(true);
    expect(fields.find((f) => f.name === 'entities_json')).toMatchObject({ indexed: false, stored: true });
    expect(fields.find((f) => f.name === 'date_range')).toMatchObject({ type: 'korner_date_range' });
  });
});

describe('rule files', () => {
  it('keep the lines that are rules: no blank lines, no comments, no byte-order mark', () => {
    expect(ruleLines('\uFEFF# korner synonyms\n威海, 웨이하이\r\n\n  # note\n기재부 => 기획재정부  \n')).toEqual(['威海, 웨이하이', '기재부 => 기획재정부']);
  });
});
