import type { Entity } from '../document/types.js';
import type { Stage } from '../pipeline/stage.js';

/**
 * How much a source is trusted when two candidates of the same length overlap. Higher wins. Sources not listed
 * get 0. User entries come first: users add them to override everything else.
 */
export const DEFAULT_SOURCE_PRIORITY: Readonly<Record<string, number>> = {
  userDictionary: 100,
  dateTime: 60,
  quantity: 50,
  organization: 40,
  person: 35,
  place: 30,
  tagger: 20,
  english: 10,
};

export interface OverlapOptions {
  priority?: Readonly<Record<string, number>>;
}

/**
 * Chooses non-overlapping entities among the candidates: longer spans first (a name inside a longer name is part
 * of it: 인천 in 인천시청), then the higher source priority, then the higher score, then the earlier start.
 * Returns them sorted by start.
 */
export function resolveOverlaps(candidates: readonly Entity[], options: OverlapOptions = {}): Entity[] {
  const priority = options.priority ?? DEFAULT_SOURCE_PRIORITY;
  const ranked = [...candidates].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      (priority[b.source] ?? 0) - (priority[a.source] ?? 0) ||
      (b.score ?? 1) - (a.score ?? 1) ||
      a.start - b.start,
  );
  // The chosen spans never overlap, so sorted by start they are sorted by end too: one binary search finds the
  // only one that could overlap a candidate (n log n, not a scan of everything chosen so far per candidate).
  const chosen: Entity[] = [];
  for (const candidate of ranked) {
    if (candidate.end <= candidate.start) continue;
    let lo = 0;
    let hi = chosen.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (chosen[mid]!.end <= candidate.start) lo = mid + 1;
      else hi = mid;
    }
    if (lo < chosen.length && chosen[lo]!.start < candidate.end) continue;
    chosen.splice(lo, 0, candidate);
  }
  return chosen;
}

/** Turns `doc.candidates` into `doc.entities`. */
export function createOverlapStage(options: OverlapOptions = {}): Stage {
  return {
    name: 'resolveOverlaps',
    requires: ['candidates'],
    provides: ['entities'],
    run(doc) {
      doc.entities = resolveOverlaps(doc.candidates ?? [], options);
    },
  };
}
