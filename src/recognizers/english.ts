import { addCandidate } from '../document/createDocument.js';
import type { EntityType, KornerDocument } from '../document/types.js';
import type { Stage } from '../pipeline/stage.js';
import { requireIfResolvable } from '../resources/nodeRequire.js';

/**
 * A run of Latin-script words with at least one capitalised word of two letters or more, joined by spaces, dots,
 * hyphens, apostrophes or ampersands: "Donald Trump", "New York Times". Linear: alternation of single characters.
 */
const LATIN_RUN = /[A-Za-z][A-Za-z.'&-]*(?: [A-Za-z][A-Za-z.'&-]*)*/g;
const CAPITALISED = /(?:^|\s)[A-Z][a-z]/;
/**
 * The longest stretch of a run given to compromise at once. compromise's time per character grows with the length
 * of what it reads (a run of 32,000 characters cost twice as much per character as one of 8,000), so a longer run
 * is read in pieces, cut after a sentence end or else at a space. Runs of real Korean text are far shorter.
 */
const MAX_PIECE = 2000;

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
        for (let from = 0; from < match[0].length; ) {
          const to = pieceEnd(match[0], from);
          findNames(doc, match[0].slice(from, to), match.index + from);
          from = to;
        }
      }
    },
  };

  /** Adds the names compromise finds in `run` (a run of Latin words, or a piece of one), which starts at `offset`. */
  function findNames(doc: KornerDocument, run: string, offset: number): void {
    const text = doc.text;
    if (!CAPITALISED.test(run) || !run.includes(' ')) return;
    nlp ??= loadLater!();
    const parsed = nlp(run);
    const found: [OffsetMatch[], EntityType][] = [
      [parsed.people().out('offset'), 'PERSON'],
      [parsed.places().out('offset'), 'LOCATION'],
      [parsed.organizations().out('offset'), 'ORGANIZATION'],
    ];
    for (const [matches, type] of found) {
      for (const m of matches) {
        let start = offset + m.offset.start;
        let end = start + m.offset.length;
        // compromise may include trailing punctuation in its offsets; keep the name only.
        while (end > start && !/[A-Za-z0-9]/.test(text[end - 1]!)) end--;
        while (start < end && !/[A-Za-z0-9]/.test(text[start]!)) start++;
        if (end > start) addCandidate(doc, { start, end, type, source: 'english' });
      }
    }
  }
}

/** Where the piece of `run` that starts at `from` ends: the whole rest, or at most MAX_PIECE cut as said there. */
function pieceEnd(run: string, from: number): number {
  if (run.length - from <= MAX_PIECE) return run.length;
  let space = -1;
  for (let k = from + MAX_PIECE; k > from + (MAX_PIECE >> 1); k--) {
    if (run.charCodeAt(k - 1) !== 32) continue;
    const before = run.charCodeAt(k - 2);
    if (before === 46 || before === 33 || before === 63) return k; // after ". ", "! " or "? "
    if (space < 0) space = k;
  }
  return space > 0 ? space : from + MAX_PIECE;
}

