import { addCandidate } from '../document/createDocument.js';
import type { EntityType } from '../document/types.js';
import type { Stage } from '../pipeline/stage.js';

/**
 * A run of Latin-script words with at least one capitalised word of two letters or more, joined by spaces, dots,
 * hyphens, apostrophes or ampersands: "Donald Trump", "New York Times". Linear: alternation of single characters.
 */
const LATIN_RUN = /[A-Za-z][A-Za-z.'&-]*(?: [A-Za-z][A-Za-z.'&-]*)*/g;
const CAPITALISED = /(?:^|\s)[A-Z][a-z]/;

type Nlp = (text: string) => {
  people(): { out(format: 'offset'): OffsetMatch[] };
  places(): { out(format: 'offset'): OffsetMatch[] };
  organizations(): { out(format: 'offset'): OffsetMatch[] };
};
interface OffsetMatch {
  text: string;
  offset: { start: number; length: number };
}

/**
 * English people, places and organisations inside Korean text, through compromise. Only Latin runs that look like
 * names reach it, so Korean text costs one regex scan. Acronyms alone (ETRI, MOU) are left to the gloss linker.
 */
export function createEnglishStage(): Stage {
  let nlp: Nlp | undefined;
  /** In Node, compromise (a third of a second to load) is required on the first run that needs it. */
  let loadLater: (() => Nlp) | undefined;
  return {
    name: 'english',
    requires: ['text'],
    provides: ['candidates'],
    async setup() {
      const require = nodeRequire();
      if (require) {
        loadLater = () => {
          const module = require('compromise') as Nlp | { default: Nlp };
          return typeof module === 'function' ? module : module.default;
        };
        return;
      }
      const module = (await import('compromise')) as unknown as { default: Nlp };
      nlp = module.default;
    },
    run(doc) {
      doc.candidates ??= [];
      if (!nlp && !loadLater) return;
      const text = doc.text;
      LATIN_RUN.lastIndex = 0;
      for (let match = LATIN_RUN.exec(text); match !== null; match = LATIN_RUN.exec(text)) {
        const run = match[0];
        if (!CAPITALISED.test(run) || !run.includes(' ')) continue;
        nlp ??= loadLater!();
        const parsed = nlp(run);
        const found: [OffsetMatch[], EntityType][] = [
          [parsed.people().out('offset'), 'PERSON'],
          [parsed.places().out('offset'), 'LOCATION'],
          [parsed.organizations().out('offset'), 'ORGANIZATION'],
        ];
        for (const [matches, type] of found) {
          for (const m of matches) {
            let start = match.index + m.offset.start;
            let end = start + m.offset.length;
            // compromise may include trailing punctuation in its offsets; keep the name only.
            while (end > start && !/[A-Za-z0-9]/.test(text[end - 1]!)) end--;
            while (start < end && !/[A-Za-z0-9]/.test(text[start]!)) start++;
            if (end > start) addCandidate(doc, { start, end, type, source: 'english' });
          }
        }
      }
    },
  };
}

/**
 * A synchronous `require` where Node gives one (process.getBuiltinModule, Node 20.16 and later), else undefined
 * (browsers, older Node: then setup awaits `import('compromise')` as before).
 */
function nodeRequire(): ((id: string) => unknown) | undefined {
  const getBuiltin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  if (typeof getBuiltin !== 'function') return undefined;
  try {
    type Require = ((id: string) => unknown) & { resolve(id: string): string };
    const module = getBuiltin('node:module') as { createRequire?: (from: string) => Require } | undefined;
    const require = module?.createRequire?.(import.meta.url);
    if (!require) return undefined;
    require.resolve('compromise'); // throws when it cannot be found: then import() reports it in setup
    return require;
  } catch {
    return undefined;
  }
}
