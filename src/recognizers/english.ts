import { addCandidate } from '../document/createDocument.js';
import type { EntityType } from '../document/types.js';
import type { Stage } from '../pipeline/stage.js';
import { requireIfResolvable } from '../resources/nodeRequire.js';

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
      const load = requireIfResolvable('compromise');
      if (load) {
        loadLater = () => {
          const module = load() as Nlp | { default: Nlp };
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

