import { addCandidate } from '../document/createDocument.js';
import type { UserEntry } from '../resources/userDictionary.js';
import type { Stage } from '../pipeline/stage.js';

const WORD_CHAR = /[\p{L}\p{N}]/u;
const LATIN_OR_DIGIT = /[A-Za-z0-9]/;

/**
 * Finds the user's dictionary entries wherever they start a word (a particle may follow: 경인아라뱃길에서). An entry
 * that ends in a Latin letter or digit must not run on into more of them (ETRI is not found in ETRIX).
 */
export function createUserDictionaryStage(): Stage {
  let byFirst = new Map<string, UserEntry[]>();
  return {
    name: 'userDictionary',
    requires: ['text'],
    provides: ['candidates'],
    setup(resources) {
      byFirst = new Map();
      for (const entry of resources.userEntries) {
        const first = entry.surface[0]!;
        const list = byFirst.get(first) ?? [];
        list.push(entry);
        byFirst.set(first, list);
      }
      for (const list of byFirst.values()) list.sort((a, b) => b.surface.length - a.surface.length);
    },
    run(doc) {
      doc.candidates ??= [];
      if (byFirst.size === 0) return;
      const text = doc.text;
      for (let i = 0; i < text.length; i++) {
        const entries = byFirst.get(text[i]!);
        if (!entries) continue;
        if (i > 0 && WORD_CHAR.test(text[i - 1]!) && !WORD_CHAR.test(text[i]!)) continue;
        if (i > 0 && WORD_CHAR.test(text[i - 1]!)) continue;
        for (const entry of entries) {
          const end = i + entry.surface.length;
          if (!text.startsWith(entry.surface, i)) continue;
          if (LATIN_OR_DIGIT.test(text[end - 1]!) && end < text.length && LATIN_OR_DIGIT.test(text[end]!)) continue;
          addCandidate(doc, {
            start: i,
            end,
            type: entry.type,
            source: 'userDictionary',
            ...(entry.canonical ? { canonical: entry.canonical } : {}),
          });
          break;
        }
      }
    },
  };
}
