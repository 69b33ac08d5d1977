/**
 * The statistical entity tagger: character-level BIO tagging with an averaged structured perceptron over hashed
 * features (character n-grams, script shape, eojeol context, gazetteer matches, analyzer tags and name classes),
 * constrained Viterbi decoding and posterior span scores. The model is `dictionaries/tagger/model.bin`
 * (CC BY-SA 4.0, trained on KLUE-NER).
 */
export { createTaggerStage, loadTagger, DEFAULT_MODEL, DEFAULT_CALIBRATION, type TaggerStageOptions } from './stage.js';
export { ScoreCalibration, fitCalibration, calibrationFromTable, formatCalibrationTable, type CalibrationKnot } from './calibration.js';
export { Tagger, type TaggedEntity } from './tagger.js';
export { decodeModel, encodeModel, type ModelHeader, type TaggerModel } from './model.js';
export { extractFeatures, FEATURE_VERSION, type FeatureInput, type SentenceFeatures } from './features.js';
export { loadTaggerLexicon, TaggerLexicon, LEXICON_CLASSES, LEXICON_FILES, type LexiconClass } from './lexicon.js';
export { LABEL_COUNT, LABEL_TYPES, labelName, allowedTransition } from './labels.js';
export { viterbi, Posterior, type ChainScores } from './decode.js';
export { trainTagger, type TrainingSentence, type TrainOptions, type TrainResult } from './train.js';
