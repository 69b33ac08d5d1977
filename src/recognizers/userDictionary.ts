import { addCandidate } from '../document/createDocument.js';
import type { UserEntry } from '../resources/userDictionary.js';
import type { Stage } from '../pipeline/stage.js';
import { PatternAutomaton } from '../text/patternAutomaton.js';

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Per UTF-16 unit, whether WORD_CHAR matches it alone: 0 not known yet, 1 no, 2 yes (a surrogate half is no). */
const wordUnits = new Uint8Array(0x10000);

function isWordUnit(unit: number): boolean {
  let known = wordUnits[unit]!;
  if (known === 0) wordUnits[unit] = known = WORD_CHAR.test(String.fromCharCode(unit)) ? 2 : 1;
  return known === 2;
}

function isLatinOrDigit(unit: number): boolean {
  return (unit >= 48 && unit <= 57) || (unit >= 65 && unit <= 90) || (unit >= 97 && unit <= 122);
}

/**
 * Finds the user's dictionary entries wherever they start a word (a particle may follow: 경인아라뱃길에서), the
 * longest at each start. An entry that ends in a Latin letter or digit must not run on into more of them (ETRI is
 * not found in ETRIX); a shorter entry at the same start may then be found.
 *
 * The entries are found in one pass of an Aho–Corasick automaton built in setup, in time linear in the text
 * however long they are (comparing every entry at every word start made one entry as long as the text quadratic).
 */
export function createUserDictionaryStage(): Stage {
  let automaton = new PatternAutomaton();
  /** The entry of each pattern id: the first of the entries with that surface, as a list in input order gives. */
  let entries: UserEntry[] = [];
  /** Per start offset of the text being read: the end of the longest entry found there (0: none) and its id. */
  let ends = new Int32Array(0);
  let ids = new Int32Array(0);
  return {
    name: 'userDictionary',
    requires: ['text'],
    provides: ['candidates'],
    setup(resources) {
      automaton = new PatternAutomaton();
      entries = [];
      for (const entry of resources.userEntries) {
        const id = automaton.add(entry.surface);
        if (id >= 0) entries[id] ??= entry;
      }
    },
    run(doc) {
      doc.candidates ??= [];
      if (automaton.size === 0) return;
      const text = doc.text;
      const n = text.length;
      if (ends.length < n) {
        ends = new Int32Array(Math.max(n, 2 * ends.length));
        ids = new Int32Array(ends.length);
      }
      ends.fill(0, 0, n);
      // Occurrences come by increasing end, so the last one kept at a start is the longest there.
      automaton.scan(text, 0, n, (start, end, id) => {
        if (start > 0 && isWordUnit(text.charCodeAt(start - 1))) return;
        if (end < n && isLatinOrDigit(text.charCodeAt(end - 1)) && isLatinOrDigit(text.charCodeAt(end))) return;
        ends[start] = end;
        ids[start] = id;
      });
      for (let start = 0; start < n; start++) {
        const end = ends[start]!;
        if (end === 0) continue;
        const entry = entries[ids[start]!]!;
        addCandidate(doc, {
          start,
          end,
          type: entry.type,
          source: 'userDictionary',
          ...(entry.canonical ? { canonical: entry.canonical } : {}),
        });
      }
    },
  };
}
