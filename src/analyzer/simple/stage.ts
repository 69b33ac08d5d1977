import type { Stage } from '../../pipeline/stage.js';
import { loadNameLexicon } from '../../recognizers/lexicon.js';
import { createSimpleTokenizer, type SimpleTokenizer } from './tokenizer.js';

/**
 * The `tokens` stage of the first tokenizer (see {@link createSimpleTokenizer}). It tokenises the original
 * `doc.text`, so token offsets are original offsets. The mecab-ko-dic analyzer replaces it under the same name.
 */
export function createSimpleTokenizerStage(): Stage {
  let tokenizer: SimpleTokenizer | undefined;
  return {
    name: 'tokens',
    requires: ['text'],
    provides: ['tokens'],
    async setup(resources) {
      tokenizer = createSimpleTokenizer(await loadNameLexicon(resources));
    },
    run(doc) {
      if (!tokenizer) throw new Error('the tokens stage ran before its setup: create the pipeline through createPipeline and call setup first');
      doc.tokens = tokenizer.tokenize(doc.text);
    },
  };
}
