/**
 * The browser-safe core: everything except the Node file loader. Pass a `loader` to `createExtractor`.
 */
export { createExtractor, validateReferenceDate } from './extractor.js';
export type { ExtractInput, Extractor, ExtractorOptions, ExtractResult } from './extractor.js';
export * from './document/types.js';
export { createDocument, addCandidate } from './document/createDocument.js';
export { KornerError, ERROR_CODES } from './errors.js';
export type { ErrorCode } from './errors.js';
export {
  Pipeline,
  createPipeline,
  insertAfter,
  insertBefore,
  removeStage,
  replaceStage,
} from './pipeline/pipeline.js';
export type { Capability, RunOptions, Stage } from './pipeline/stage.js';
export { DEFAULT_MIN_SCORE } from './pipeline/stage.js';
export { defaultStages, rulesOnlyStages } from './pipeline/defaultStages.js';
export { createNormalizeStage } from './text/normalizeStage.js';
export { createLanguageStage } from './text/language.js';
export { createSentenceStage } from './text/sentences.js';
export { createAnalyzerStage, loadAnalyzer, parseUserWords, Analyzer } from './analyzer/index.js';
export type { AnalyzerStageOptions, DecompoundMode, TokenizeOptions, UserWord } from './analyzer/index.js';
export { createSimpleTokenizerStage } from './analyzer/simple/stage.js';
export { createUserDictionaryStage } from './recognizers/userDictionary.js';
export { createDateTimeStage, findDateline } from './recognizers/date.js';
export { createQuantityStage } from './recognizers/quantity.js';
export { createPersonStage } from './recognizers/person.js';
export { createPlaceStage } from './recognizers/place.js';
export { createOrganizationStage } from './recognizers/organization.js';
export { createEnglishStage } from './recognizers/english.js';
export { createTaggerStage, loadTagger } from './tagger/index.js';
export type { TaggerStageOptions } from './tagger/index.js';
export { createOverlapStage } from './resolve/overlap.js';
export type { OverlapOptions } from './resolve/overlap.js';
export { createAliasStage } from './resolve/aliases.js';
export { createGlossLinkStage, HanjaReader, formatSynonyms, readMandarin, readSinoKorean, pinyinToHangul } from './hanja/index.js';
export { score, prf } from './eval/score.js';
export type { PRF, ScoreReport, ScoredSentence, ScoredSpan } from './eval/score.js';
export { parseGold, parseGoldLine } from './eval/gold.js';
export type { GoldEntity, GoldRecord } from './eval/gold.js';
export { splitOf, selectSplit } from './eval/split.js';
export { Resources } from './resources/resources.js';
export { memoryLoader } from './resources/loader.js';
export type { ResourceLoader } from './resources/loader.js';
export { parseTsv } from './resources/tsv.js';
export type { TsvTable } from './resources/tsv.js';
export { parseUserDictionary } from './resources/userDictionary.js';
export type { UserEntry } from './resources/userDictionary.js';
export { normalizeText, toOriginalSpan } from './text/normalize.js';
export { splitSentences } from './text/sentences.js';
export { detectLanguage } from './text/language.js';
export { resolveOverlaps, DEFAULT_SOURCE_PRIORITY } from './resolve/overlap.js';
export { formatDocument, formatDocuments } from './formats/write.js';
export type { WritableDocument } from './formats/write.js';
export { RECORD_FORMATS } from './formats/records.js';
export type { RecordFormat } from './formats/records.js';
export type { LabelStudioNames, TokenUnit, WriterOptions } from './formats/writer.js';
export { LABEL_SETS, LabelReader, labelOf, parseLabelMap } from './formats/labels.js';
export type { LabelMap, LabelSet } from './formats/labels.js';
export { OffsetConverter, OFFSET_UNITS } from './formats/offsets.js';
export type { OffsetUnit } from './formats/offsets.js';
export { readAnnotated } from './formats/annotated.js';
export { GOLD_FORMATS } from './formats/readers.js';
export type { GoldFormat } from './formats/readers.js';
export type { GoldDocument, ReadError, ReadItem } from './formats/reader.js';
export { isReadError } from './formats/reader.js';
export { searchDocument, calendarSpan, type SearchDocument, type SearchOptions } from './search/indexDocument.js';
