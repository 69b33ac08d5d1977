import { createAnalyzerStage } from '../analyzer/stage.js';
import { createGlossLinkStage } from '../hanja/glossLinks.js';
import { createDateTimeStage } from '../recognizers/date.js';
import { createEnglishStage } from '../recognizers/english.js';
import { createOrganizationStage } from '../recognizers/organization.js';
import { createPersonStage } from '../recognizers/person.js';
import { createPlaceStage } from '../recognizers/place.js';
import { createQuantityStage } from '../recognizers/quantity.js';
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
    createAnalyzerStage(),
    createUserDictionaryStage(),
    createDateTimeStage(),
    createQuantityStage(),
    createPersonStage(),
    createPlaceStage(),
    createOrganizationStage(),
    createEnglishStage(),
    createOverlapStage(),
    createGlossLinkStage(),
    createAliasStage(),
  ];
}
