import type { Entity, KornerDocument } from '../document/types.js';
import type { Stage } from '../pipeline/stage.js';
import { loadNameLexicon, type NameLexicon } from '../recognizers/lexicon.js';

/**
 * Groups mentions of one thing under one `canonical` name inside a document:
 * - a mention the place and organisation dictionaries (or the user's) know gets their canonical name
 *   (기재부 → 기획재정부, 인천 → 인천광역시), whichever stage found it;
 * - an abbreviation link (ETRI ↔ 전자통신연구원) puts both entities under the expansion's canonical name;
 * - a mention whose text equals another mention's alias gets that canonical name too (기재부 twice, once resolved).
 */
export function resolveAliases(doc: KornerDocument, lexicon?: NameLexicon): void {
  const entities = doc.entities ?? [];
  if (entities.length === 0) return;
  if (lexicon) {
    for (const entity of entities) {
      if (entity.canonical) continue;
      const known = lexicon.names.get(entity.text);
      if (known?.canonical && known.type === entity.type) entity.canonical = known.canonical;
    }
  }
  // Built on the first abbreviation link: most documents have none.
  let byStart: Map<number, Entity> | undefined;
  for (const link of doc.links ?? []) {
    if (link.kind !== 'abbreviation' || !link.target) continue;
    if (!byStart) {
      byStart = new Map();
      for (const entity of entities) byStart.set(entity.start, entity);
    }
    const source = byStart.get(link.source.start);
    const target = byStart.get(link.target.start);
    if (!source || !target || source.end !== link.source.end || target.end !== link.target.end) continue;
    const canonical = target.canonical ?? source.canonical ?? target.text;
    source.canonical ??= canonical;
    target.canonical ??= canonical;
  }

  const canonicalByText = new Map<string, string>();
  for (const entity of entities) {
    if (entity.canonical && !canonicalByText.has(entity.text)) canonicalByText.set(entity.text, entity.canonical);
  }
  if (canonicalByText.size === 0) return;
  for (const entity of entities) {
    if (entity.canonical) continue;
    const canonical = canonicalByText.get(entity.text);
    if (canonical) entity.canonical = canonical;
  }
}

export function createAliasStage(): Stage {
  let lexicon: NameLexicon | undefined;
  return {
    name: 'aliases',
    requires: ['entities'],
    provides: ['canonical'],
    // A mention takes the canonical name of an equal mention anywhere in the document.
    scope: 'document',
    async setup(resources) {
      lexicon = await loadNameLexicon(resources);
    },
    run(doc) {
      resolveAliases(doc, lexicon);
    },
  };
}
