import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimpleTokenizerStage } from '../../src/analyzer/simple/stage.js';
import { createDocument } from '../../src/document/createDocument.js';
import type { Entity, KornerDocument } from '../../src/document/types.js';
import type { Stage } from '../../src/pipeline/stage.js';
import { createOrganizationStage } from '../../src/recognizers/organization.js';
import { createPersonStage } from '../../src/recognizers/person.js';
import { createPlaceStage } from '../../src/recognizers/place.js';
import { Resources } from '../../src/resources/resources.js';
import type { UserEntry } from '../../src/resources/userDictionary.js';
import { repoRoot } from '../helpers.js';

/** Resources over the repository's dictionaries/ folder. */
export function dictionaryResources(userEntries: UserEntry[] = []): Resources {
  return new Resources({ read: async (name) => readFileSync(join(repoRoot, 'dictionaries', name)) }, userEntries);
}

/** Runs the first tokenizer and the three name stages, set up over the real dictionaries. */
export async function nameRunner(userEntries: UserEntry[] = []): Promise<(text: string) => KornerDocument> {
  const stages: Stage[] = [createSimpleTokenizerStage(), createPersonStage(), createPlaceStage(), createOrganizationStage()];
  const resources = dictionaryResources(userEntries);
  for (const stage of stages) await stage.setup?.(resources);
  return (text) => {
    const doc = createDocument(text);
    for (const stage of stages) stage.run(doc, {});
    return doc;
  };
}

/** `type:text` of the candidates of one source, in text order. */
export function found(doc: KornerDocument, source?: string): string[] {
  return (doc.candidates ?? [])
    .filter((e: Entity) => source === undefined || e.source === source)
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((e) => `${e.type}:${e.text}`);
}
