import type { Stage } from '../pipeline/stage.js';
import { normalizeText } from './normalize.js';

/** Sets `doc.normalized`: NFKC text with a map back to the original offsets. */
export function createNormalizeStage(): Stage {
  return {
    name: 'normalize',
    requires: ['text'],
    provides: ['normalized'],
    run(doc) {
      doc.normalized = normalizeText(doc.text);
    },
  };
}
