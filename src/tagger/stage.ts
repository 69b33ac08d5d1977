import { prefixMatchesOf } from '../analyzer/prefixMatches.js';
import { addCandidate } from '../document/createDocument.js';
import type { Token } from '../document/types.js';
import type { Capability, Stage } from '../pipeline/stage.js';
import { contextOf } from '../pipeline/windows.js';
import { shiftTokens } from '../analyzer/stage.js';
import type { Resources } from '../resources/resources.js';
import { precompileWasm } from '../wasm/runtime.js';
import { calibrationFromTable, type ScoreCalibration } from './calibration.js';
import { EMISSIONS_WASM } from './emissionsWasm.js';
import { loadTaggerLexicon } from './lexicon.js';
import { decodeModel } from './model.js';
import { Tagger } from './tagger.js';

export const DEFAULT_MODEL = 'tagger/model.bin';
/** The score calibration fitted for the default model (see calibration.ts). */
export const DEFAULT_CALIBRATION = 'tagger/calibration.tsv';

export interface TaggerStageOptions {
  /** Dictionary file of the model (default `tagger/model.bin`). */
  model?: string;
  /**
   * Dictionary file of the score calibration (see calibration.ts), or null for the posterior probabilities as they
   * are. Default: `tagger/calibration.tsv` with the default model, none with another model (a calibration is fitted
   * for one model).
   */
  calibration?: string | null;
  /** Candidates scoring below this are not pushed at all (default 0: all; RunOptions.minScore filters later). */
  threshold?: number;
  /** Whether to require `tokens` (default true): without an analyzer, the model's token features are missing. */
  requireTokens?: boolean;
  /**
   * Whether to compute entity scores (default true). Without them every score is 1 and the tagger is about a
   * third faster (the forward-backward pass is a quarter of its time); `minScore` then keeps all its entities.
   */
  scores?: boolean;
}

/** Loads the tagger (model and lexicon) once per Resources. */
export function loadTagger(resources: Resources, model = DEFAULT_MODEL): Promise<Tagger> {
  return resources.derived(`tagger:${model}`, async () => {
    const [bytes, lexicon] = await Promise.all([resources.binary(model), loadTaggerLexicon(resources)]);
    return new Tagger(decodeModel(bytes), lexicon);
  }, 'loader');
}

/**
 * Tokens overlapping `[from, to)` into `out` (cleared first), given tokens sorted by start; `cursor` walks forward
 * across calls.
 */
function tokensIn(tokens: readonly Token[], from: number, to: number, cursor: { at: number }, out: Token[]): Token[] {
  while (cursor.at < tokens.length && tokens[cursor.at]!.end <= from) cursor.at++;
  out.length = 0;
  for (let k = cursor.at; k < tokens.length && tokens[k]!.start < to; k++) out.push(tokens[k]!);
  return out;
}

/**
 * The longest span tagged at once, in UTF-16 units. A longer sentence (a document without sentence ends, a
 * table, a list) is tagged in pieces cut at white space, so that memory stays bounded by this length and not by
 * the input (the decoder keeps 13 scores and back-pointers per unit). Real sentences are far shorter: the
 * longest of the KLUE sample has under 500 characters.
 */
export const MAX_TAGGED_SPAN = 2048;

/** `[start, end)` in pieces of at most `max` units, cut after white space where there is some in the second half. */
export function splitLongRange(
  text: string,
  start: number,
  end: number,
  max = MAX_TAGGED_SPAN,
): { start: number; end: number }[] {
  const pieces: { start: number; end: number }[] = [];
  let from = start;
  while (end - from > max) {
    let cut = from + max;
    let at = cut;
    while (at > from + (max >> 1) && !/\s/.test(text[at - 1]!)) at--;
    if (at > from + (max >> 1)) cut = at;
    else if (/[\uDC00-\uDFFF]/.test(text[cut]!)) cut--; // never between the halves of a surrogate pair
    pieces.push({ start: from, end: cut });
    from = cut;
  }
  pieces.push({ start: from, end });
  return pieces;
}

/**
 * The statistical entity tagger: a character-level BIO tagger (averaged perceptron, constrained Viterbi) that adds
 * candidates with source 'tagger' and a posterior `score`. It tags each sentence of `doc.sentences` (the whole
 * text when there are none) and reads the analyzer's tokens for part-of-speech and name-class features.
 */
export function createTaggerStage(options: TaggerStageOptions = {}): Stage {
  let tagger: Tagger | undefined;
  let calibration: ScoreCalibration | undefined;
  const calibrationFile = options.calibration !== undefined ? options.calibration : options.model === undefined || options.model === DEFAULT_MODEL ? DEFAULT_CALIBRATION : null;
  /** The tokens of the range being tagged, reused between ranges (the tagger keeps no reference to them). */
  const inRange: Token[] = [];
  const threshold = options.threshold ?? 0;
  const tagOptions = { scores: options.scores !== false };
  const requires: Capability[] = options.requireTokens === false ? ['text'] : ['tokens'];
  return {
    name: 'tagger',
    requires,
    provides: ['candidates'],
    async setup(resources) {
      await precompileWasm(EMISSIONS_WASM);
      tagger = await loadTagger(resources, options.model);
      if (calibrationFile) {
        const file = calibrationFile;
        calibration = await resources.derived(`tagger:calibration:${file}`, async () => calibrationFromTable(await resources.table(file)), 'loader');
      }
    },
    run(doc) {
      if (!tagger) throw new Error('the tagger stage ran before its setup; create it through createExtractor');
      const text = doc.text;
      const ranges = doc.sentences && doc.sentences.length > 0 ? doc.sentences : [{ start: 0, end: text.length }];
      // The features read three characters and a word past each range: a window of a long document is tagged in
      // its context (its offsets plus `shift`), with the analyzer's tokens of that context, so that its edges are
      // tagged as in one run over the whole document.
      const context = contextOf(doc);
      const tagged = context ? context.text : text;
      const shift = context ? context.shift : 0;
      const tokens = context ? (doc.window!.contextTokens ?? shiftTokens(doc.tokens ?? [], -shift, Infinity)) : (doc.tokens ?? []);
      const cursor = { at: 0 };
      doc.candidates ??= [];
      // The analyzer's trie matches spare the lexicon a second walk of mecab-ko-dic over the same text. (The lexicon
      // checks that they are for this text, so leaving them set when tagging throws is harmless.)
      tagger.lexicon.usePrefixMatches(prefixMatchesOf(tokens, tagged));
      for (const sentence of ranges) {
        const long = sentence.end - sentence.start > MAX_TAGGED_SPAN;
        for (const range of long ? splitLongRange(text, sentence.start, sentence.end) : [sentence]) {
          const from = range.start + shift;
          const to = range.end + shift;
          const rangeTokens = tokens.length > 0 ? tokensIn(tokens, from, to, cursor, inRange) : undefined;
          for (const entity of tagger.tag(tagged, from, to, rangeTokens, tagOptions)) {
            const score = calibration && tagOptions.scores ? calibration.apply(entity.score) : entity.score;
            if (score < threshold) continue;
            addCandidate(doc, { start: entity.start - shift, end: entity.end - shift, type: entity.type, source: 'tagger', score });
          }
        }
      }
      tagger.lexicon.usePrefixMatches(undefined);
    },
  };
}
