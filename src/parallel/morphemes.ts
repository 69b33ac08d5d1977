import { Analyzer } from '../analyzer/analyzer.js';
import { mecabDictionaryOf } from '../analyzer/stage.js';
import type { Token } from '../document/types.js';
import type { Extractor } from '../extractor.js';
import { resolveWriterOptions, writerOf } from '../formats/records.js';
import { splitSentences } from '../text/sentences.js';
import type { JobSettings, JobTools } from './recordJob.js';

/** The analyzer's morphemes of a text, in text order, made sentence by sentence as they are read. */
export type MorphemeSource = (text: string) => Iterable<Token>;

/**
 * Morphemes one sentence at a time, with offsets into the whole text: a long document's tokens are never all held
 * at once. Compounds are split as the pipeline's tokens stage splits them (Nori's `discard`).
 */
export function morphemeSource(analyzer: Analyzer): MorphemeSource {
  return function* (text) {
    for (const sentence of splitSentences(text)) {
      for (const token of analyzer.tokenize(text.slice(sentence.start, sentence.end), { decompound: 'discard' })) {
        token.start += sentence.start;
        token.end += sentence.start;
        yield token;
      }
    }
  };
}

/** What a job with these settings needs: the extractor, and an analyzer over its dictionary if the format asks. */
export async function jobTools(extractor: Extractor, settings: JobSettings): Promise<JobTools> {
  const writer = writerOf(settings.format);
  if (!writer.needsMorphemes?.(resolveWriterOptions(settings.format, settings.writer))) return { extractor };
  return { extractor, morphemes: morphemeSource(new Analyzer(await mecabDictionaryOf(extractor.resources))) };
}
