export { createGlossLinkStage, GLOSS_LINK_SOURCE, linkGlosses } from './glossLinks.js';
export { composeWord, initialForm, medialForm } from './initialSound.js';
export { buildJapaneseData, japaneseOptions, type JapaneseData, matchJapanese, romajiToHangul } from './japanese.js';
export { createMandarinReader, loadMandarinLibraries, mandarinOptions, readMandarin, type MandarinReader } from './mandarin.js';
export { buildPinyinTable, normalizePinyin, pinyinToHangul, type PinyinTable } from './pinyin.js';
export { type Abbreviation, HANJA_TABLES, HanjaReader, type PreparedHanja } from './reader.js';
export { isAllHan, isHanCodePoint, isHangulSyllable, unifiedHan } from './script.js';
export {
  buildSinoKoreanData,
  matchSinoKorean,
  readSinoKorean,
  sinoKoreanAccepts,
  type SinoKoreanData,
} from './sinoKorean.js';
export { formatSynonyms, type SynonymOptions } from './synonyms.js';
