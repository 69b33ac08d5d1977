import { franc } from 'franc';
import type { Stage } from '../pipeline/stage.js';

/** franc reads the script first, so Korean is decided at once; a sample keeps long documents cheap. */
const SAMPLE_LENGTH = 2048;

/** ISO 639-3 code of the text's language (`kor`, `eng`, ...), or `und` when franc cannot tell. */
export function detectLanguage(text: string): string {
  const sample = text.length > SAMPLE_LENGTH ? text.slice(0, SAMPLE_LENGTH) : text;
  return franc(sample, { minLength: 3 });
}

/** Sets `doc.language` with franc. */
export function createLanguageStage(): Stage {
  return {
    name: 'language',
    requires: ['text'],
    provides: ['language'],
    run(doc) {
      doc.language = detectLanguage(doc.text);
    },
  };
}
