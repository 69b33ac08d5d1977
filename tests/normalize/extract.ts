import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDocument } from '../../src/document/createDocument.js';
import type { Entity, KornerDocument } from '../../src/document/types.js';
import type { Stage } from '../../src/pipeline/stage.js';
import { createDateTimeStage } from '../../src/recognizers/date.js';
import { createQuantityStage } from '../../src/recognizers/quantity.js';
import { memoryLoader } from '../../src/resources/loader.js';
import { Resources } from '../../src/resources/resources.js';
import { normalizeText } from '../../src/text/normalize.js';

const DICTIONARIES = join(__dirname, '..', '..', 'dictionaries');

/** Resources over the package's dictionaries folder. */
export function dictionaryResources(): Resources {
  const files: Record<string, string> = {};
  for (const name of readdirSync(DICTIONARIES)) if (name.endsWith('.tsv')) files[name] = readFileSync(join(DICTIONARIES, name), 'utf8');
  return new Resources(memoryLoader(files));
}

let stages: Promise<Stage[]> | undefined;

/** The date/time and quantity stages, set up once. */
export function numericStages(): Promise<Stage[]> {
  stages ??= (async () => {
    const resources = dictionaryResources();
    const list = [createDateTimeStage(), createQuantityStage()];
    for (const stage of list) await stage.setup?.(resources);
    return list;
  })();
  return stages;
}

/** Runs the numeric stages over `text` and resolves overlaps the way the extractor does (longest first). */
export async function extractNumeric(text: string, referenceDate?: string): Promise<{ doc: KornerDocument; entities: Entity[] }> {
  const doc = createDocument(text);
  doc.normalized = normalizeText(text);
  for (const stage of await numericStages()) stage.run(doc, referenceDate ? { referenceDate } : {});
  const sorted = (doc.candidates ?? []).slice().sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Uint8Array(text.length);
  const kept: Entity[] = [];
  for (const c of sorted) {
    if (taken.subarray(c.start, c.end).some((x) => x === 1)) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return { doc, entities: kept.sort((a, b) => a.start - b.start) };
}
