import type { Token } from '../document/types.js';
import type { Stage } from '../pipeline/stage.js';
import type { ResourceLoader } from '../resources/loader.js';
import type { Resources } from '../resources/resources.js';
import { contextOf } from '../pipeline/windows.js';
import { precompileWasm } from '../wasm/runtime.js';
import { Analyzer, type DecompoundMode } from './analyzer.js';
import { DICTIONARY_FOLDER, loadMecabDictionary, type MecabDictionary } from './dictionary.js';
import { LATTICE_WASM } from './latticeWasm.js';
import type { UserWord } from './userWords.js';

export interface AnalyzerStageOptions {
  /** Default `discard` (Elasticsearch's default for Nori). */
  decompound?: DecompoundMode;
  /** Default false: recognisers read symbols such as %, ~ and brackets. */
  discardPunctuation?: boolean;
  /** User words: objects, or TSV text (`surface<TAB>tag[<TAB>cost[<TAB>breakdown]]`). */
  userDictionary?: readonly UserWord[] | string;
  /**
   * Also add the pipeline's user entries (Resources.userEntries) as proper nouns: PERSON as NNP:person,
   * LOCATION as NNP:place, ORGANIZATION as NNP:other, so that a name the user lists stays one token.
   * Default false.
   */
  fromUserEntries?: boolean;
}

/** mecab-ko-dic, compiled once per loader and shared by the analyzers and the tagger's lexicon of every extractor. */
export function mecabDictionaryOf(resources: Resources): Promise<MecabDictionary> {
  const loader: ResourceLoader = { read: (name) => resources.binary(name) };
  return resources.derived(`analyzer:${DICTIONARY_FOLDER}`, () => loadMecabDictionary(loader), 'loader');
}

/** Copies of the tokens inside `[from, to)`, with offsets from `from` (the tokens are sorted by start). */
export function shiftTokens(tokens: readonly Token[], from: number, to: number): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    if (token.start < from || token.end > to) continue;
    out.push({ ...token, start: token.start - from, end: token.end - from });
  }
  return out;
}

const ENTRY_CLASSES = { PERSON: 'person', LOCATION: 'place', ORGANIZATION: 'other' } as const;

/**
 * The pipeline's token stage: mecab-ko-dic morphological analysis of `doc.text` (the original text, so that
 * offsets need no mapping). The dictionary is loaded in `setup`, once per Resources.
 */
export function createAnalyzerStage(options: AnalyzerStageOptions = {}): Stage {
  let analyzer: Analyzer | undefined;
  const tokenizeOptions = {
    decompound: options.decompound ?? 'discard',
    discardPunctuation: options.discardPunctuation ?? false,
  };
  return {
    name: 'tokens',
    requires: ['text'],
    provides: ['tokens'],
    async setup(resources: Resources) {
      const [dictionary] = await Promise.all([mecabDictionaryOf(resources), precompileWasm(LATTICE_WASM)]);
      analyzer = new Analyzer(dictionary, options.userDictionary);
      if (options.fromUserEntries) {
        const words: UserWord[] = [];
        for (const entry of resources.userEntries) {
          const nameClass = ENTRY_CLASSES[entry.type as keyof typeof ENTRY_CLASSES];
          if (nameClass && !/\s/.test(entry.surface)) words.push({ surface: entry.surface, pos: 'NNP', nameClass });
        }
        analyzer.addUserWords(words);
      }
    },
    run(doc) {
      if (!analyzer) throw new Error('korner: the tokens stage ran before its setup; create the pipeline with its setup.');
      const context = contextOf(doc);
      if (!context) {
        doc.tokens = analyzer.tokenize(doc.text, tokenizeOptions);
        return;
      }
      // A window of a long document: analysed in its context, and its own tokens given offsets into the window.
      const all = analyzer.tokenize(context.text, tokenizeOptions);
      doc.window!.contextTokens = all;
      doc.tokens = shiftTokens(all, context.shift, context.shift + doc.text.length);
    },
  };
}
