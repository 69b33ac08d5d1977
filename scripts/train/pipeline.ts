/**
 * The pipeline the tagger scripts evaluate (the default stages, completed with what they still lack, plus the
 * tagger) and the resolution policies they compare.
 */
import type { Entity } from '../../src/document/types.js';
import { createAnalyzerStage } from '../../src/analyzer/stage.js';
import { defaultStages } from '../../src/pipeline/defaultStages.js';
import type { Stage } from '../../src/pipeline/stage.js';
import { createDateTimeStage } from '../../src/recognizers/date.js';
import { createOrganizationStage } from '../../src/recognizers/organization.js';
import { createPersonStage } from '../../src/recognizers/person.js';
import { createPlaceStage } from '../../src/recognizers/place.js';
import { createQuantityStage } from '../../src/recognizers/quantity.js';
import { DEFAULT_SOURCE_PRIORITY, resolveOverlaps } from '../../src/resolve/overlap.js';
import { createTaggerStage } from '../../src/tagger/stage.js';

const RESOLVERS = new Set(['resolveOverlaps', 'aliases', 'links', 'hanja']);

/** Default stages up to the candidates, completed with the stages the integrator has not wired yet, then the tagger. */
export function candidateStages(model?: string, keepDefaultTokens = false): Stage[] {
  // The tagger was trained on the mecab-ko-dic analyzer's tokens: put it in place of any other 'tokens' stage.
  const defaults = defaultStages().map((stage) =>
    stage.provides.includes('tokens') && !keepDefaultTokens ? createAnalyzerStage() : stage,
  );
  const stages: Stage[] = [];
  const names = new Set(defaults.map((s) => s.name));
  const provided = new Set(defaults.flatMap((s) => s.provides));
  for (const stage of defaults) {
    if (RESOLVERS.has(stage.name) || stage.requires.includes('entities')) continue;
    stages.push(stage);
    if (stage.name === 'sentences' && !provided.has('tokens')) stages.push(createAnalyzerStage());
  }
  if (!stages.some((s) => s.provides.includes('tokens'))) stages.splice(1, 0, createAnalyzerStage());
  const extra: [string, () => Stage][] = [
    ['dateTime', createDateTimeStage],
    ['quantity', createQuantityStage],
    ['person', createPersonStage],
    ['place', createPlaceStage],
    ['organization', createOrganizationStage],
  ];
  for (const [name, create] of extra) if (!names.has(name)) stages.push(create());
  if (!names.has('tagger')) stages.push(createTaggerStage(model ? { model } : {}));
  return stages;
}

export type Policy = (candidates: readonly Entity[]) => Entity[];

export const overlaps = (a: Entity, b: Entity): boolean => a.start < b.end && b.start < a.end;

/** Greedy over groups in order: each group resolved by length and priority, kept where nothing earlier overlaps. */
function byGroups(groups: ((e: Entity) => boolean)[]): Policy {
  return (candidates) => {
    const chosen: Entity[] = [];
    for (const group of groups) {
      for (const entity of resolveOverlaps(candidates.filter(group), { order: 'length' })) {
        if (!chosen.some((kept) => overlaps(kept, entity))) chosen.push(entity);
      }
    }
    return chosen.sort((a, b) => a.start - b.start);
  };
}

export const isTagger = (e: Entity): boolean => e.source === 'tagger';
export const isUser = (e: Entity): boolean => e.source === 'userDictionary';
export const isRule = (e: Entity): boolean => !isTagger(e) && !isUser(e);
const FIGURES = new Set(['DATE', 'TIME', 'QUANTITY']);

export const POLICIES: Record<string, Policy> = {
  // What the default pipeline does: its stage list has no person rules, and resolveOverlaps ranks by priority.
  default: (c) => resolveOverlaps(c.filter((e) => e.source !== 'person')),
  'priority first, with the person rules': (c) => resolveOverlaps(c),
  'figure rules, then tagger (no name rules)': byGroups([isUser, (e) => isRule(e) && FIGURES.has(e.type), isTagger]),
  'figure rules, tagger, name rules scoring >= 0.9': byGroups([
    isUser,
    (e) => isRule(e) && FIGURES.has(e.type),
    isTagger,
    (e) => isRule(e) && (e.score ?? 1) >= 0.9,
  ]),
  'figure rules, tagger, organisation rules': byGroups([
    isUser,
    (e) => isRule(e) && FIGURES.has(e.type),
    isTagger,
    (e) => e.source === 'organization',
  ]),
  'rules only': (c) => resolveOverlaps(c.filter((e) => !isTagger(e)), { order: 'length' }),
  'tagger only': (c) => resolveOverlaps(c.filter((e) => isTagger(e) || isUser(e)), { order: 'length' }),
  'longest first, tagger 20': (c) => resolveOverlaps(c, { order: 'length', priority: { ...DEFAULT_SOURCE_PRIORITY, tagger: 20 } }),
  'longest first, tagger 70': (c) => resolveOverlaps(c, { order: 'length', priority: { ...DEFAULT_SOURCE_PRIORITY, tagger: 70 } }),
  'tagger first, rules fill gaps': byGroups([isUser, isTagger, isRule]),
  'rules first, tagger fills gaps': byGroups([isUser, isRule, isTagger]),
  'figure rules, then tagger, then name rules': byGroups([
    isUser,
    (e) => isRule(e) && FIGURES.has(e.type),
    isTagger,
    isRule,
  ]),
  'tagger>=0.5, rules, tagger<0.5': byGroups([isUser, (e) => isTagger(e) && (e.score ?? 1) >= 0.5, isRule, isTagger]),
  'tagger>=0.3, rules, tagger<0.3': byGroups([isUser, (e) => isTagger(e) && (e.score ?? 1) >= 0.3, isRule, isTagger]),
  'tagger>=0.7, rules, tagger<0.7': byGroups([isUser, (e) => isTagger(e) && (e.score ?? 1) >= 0.7, isRule, isTagger]),
};

