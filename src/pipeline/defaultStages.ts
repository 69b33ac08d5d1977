import { createEnglishStage } from '../recognizers/english.js';
import { createUserDictionaryStage } from '../recognizers/userDictionary.js';
import { createAliasStage } from '../resolve/aliases.js';
import { createOverlapStage } from '../resolve/overlap.js';
import { createLanguageStage } from '../text/language.js';
import { createNormalizeStage } from '../text/normalizeStage.js';
import { createSentenceStage } from '../text/sentences.js';
import type { Stage } from './stage.js';

/**
 * The standard pipeline, in order: normalise → language → sentences → tokens → recognisers → overlap resolution →
 * gloss links → aliases. Each call returns fresh stage objects, so extractors never share state.
 */
export function defaultStages(): Stage[] {
  return [
    createNormalizeStage(),
    createLanguageStage(),
    createSentenceStage(),
    createUserDictionaryStage(),
    createEnglishStage(),
    createOverlapStage(),
    createAliasStage(),
  ];
}
