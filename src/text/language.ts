import { franc } from 'franc';
import type { Stage } from '../pipeline/stage.js';

/** franc reads the script first, so Korean is decided at once; a sample keeps long documents cheap. */
const SAMPLE_LENGTH = 2048;

/** ISO 639-3 code of the text's language (`kor`, `eng`, ...), or `und` when franc cannot tell. */
export function detectLanguage(text: string): string {
  const sample = text.length > SAMPLE_LENGTH ? text.slice(0, SAMPLE_LENGTH) : text;
  if (sample.length >= MIN_LENGTH && mostlyHangul(sample)) return 'kor';
  return franc(sample, { minLength: MIN_LENGTH });
}

const MIN_LENGTH = 3;

/**
 * True when Hangul syllables (U+AC00–U+D7A3) are more than half of the sample's UTF-16 units. franc counts each
 * script's characters and answers `kor` for the Hangul script; only its Korean expression matches these
 * syllables, so no other script can then count as many, and franc's answer is `kor`: this check gives the same
 * result without running the twenty-odd script expressions over every line.
 */
function mostlyHangul(sample: string): boolean {
  const half = sample.length >> 1;
  let count = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c >= 0xac00 && c <= 0xd7a3 && ++count > half) return true;
  }
  return false;
}

/** Sets `doc.language` with franc (the whole document's, for each window of a long one). */
export function createLanguageStage(): Stage {
  return {
    name: 'language',
    requires: ['text'],
    provides: ['language'],
    run(doc) {
      // A window of a long document has the document's language (read from its start, as for a whole one).
      doc.language = detectLanguage(doc.window ? doc.window.documentText : doc.text);
    },
  };
}
