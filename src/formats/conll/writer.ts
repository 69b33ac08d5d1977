import type { Sentence } from '../../document/types.js';
import { BLOCK_FRAMING, type FormatWriter, type RecordContent, type ResolvedWriterOptions } from '../writer.js';
import { TokenTagger, wordAround, type Misplaced } from './labeler.js';
import { oneLine } from './lines.js';
import { sentencesOf, tokensOf } from './tokens.js';

/**
 * CoNLL-2003-style IOB2 columns, one token a line: `token<TAB>label`, or with `--tokens morpheme`
 * `token<TAB>POS<TAB>label`. Each document opens with CoNLL-2003's own `-DOCSTART- -X- O O` line (the line spaCy's
 * converter splits documents at; Hugging Face's and flair's readers skip it) and a blank line; sentences are
 * separated by blank lines. Comment lines `# key = value` come before a sentence's first token:
 *
 * - `# id = ID` on the document's first sentence;
 * - `# text = SENTENCE`, the sentence as it is in the text, so that a reader restores the text and its offsets;
 * - `# space_before = "JSON"` where the white space before a sentence is not `\n` (nor empty for the first), and
 *   `# space_after = "JSON"` on the last one where white space ends the text, so that the whole text comes back.
 *
 * A token holds no white space, so a token line never starts with `# ` and a comment is never read as a token.
 * An error record is `# id = ID` and `# error = MESSAGE` under its `-DOCSTART-` line.
 */

const DOCSTART = '-DOCSTART- -X- O O\n\n';

/** Token lines per part of a long document's body. */
const LINES_PER_PART = 2048;

/** The comment lines before a sentence's tokens. */
function sentenceComments(text: string, sentences: readonly Sentence[], index: number): string {
  const sentence = sentences[index]!;
  const before = text.slice(index === 0 ? 0 : sentences[index - 1]!.end, sentence.start);
  let comments = '';
  if (before !== (index === 0 ? '' : '\n')) comments += `# space_before = ${JSON.stringify(before)}\n`;
  if (index === sentences.length - 1 && sentence.end < text.length) comments += `# space_after = ${JSON.stringify(text.slice(sentence.end))}\n`;
  return `${comments}# text = ${text.slice(sentence.start, sentence.end)}\n`;
}

function misplacedWarning(text: string, misplaced: Misplaced, options: ResolvedWriterOptions): string {
  const unit = options.tokens === 'morpheme' ? 'morpheme' : 'token';
  const example = misplaced.example!;
  const entities = misplaced.count === 1 ? 'entity starts or ends' : 'entities start or end';
  const hint = options.tokens === 'morpheme' ? '' : ' --tokens morpheme keeps more of them.';
  return (
    `${misplaced.count} ${entities} inside a ${unit} (the first: ${example.text} in ${wordAround(text, example)}); CoNLL tags whole ` +
    `${unit}s, so ${misplaced.count === 1 ? 'it is' : 'they are'} written over the ${unit}s ${misplaced.count === 1 ? 'it touches' : 'they touch'}.${hint}`
  );
}

function* conllParts(record: RecordContent, options: ResolvedWriterOptions, warn: (message: string) => void): Generator<string> {
  const head = `${DOCSTART}# id = ${oneLine(String(record.id), 'id', warn)}\n`;
  if (record.error) {
    yield `${head}# error = ${oneLine(record.error.message, 'message')}\n\n`;
    return;
  }
  const text = record.text ?? '';
  if (options.tokens === 'morpheme' && !record.morphemes) throw new Error('conll: --tokens morpheme needs the record\'s morphemes (FormatWriter.needsMorphemes).');
  const sentences = sentencesOf(text);
  if (sentences.length === 0) {
    yield `${head}${text === '' ? '' : `# space_after = ${JSON.stringify(text)}\n`}\n`;
    return;
  }
  const tagger = new TokenTagger(record.entities ?? [], options.labels);
  let part = head;
  let lines = 0;
  let index = -1;
  for (const token of tokensOf(text, options.tokens === 'morpheme' ? record.morphemes : undefined)) {
    if (index < 0 || token.start >= sentences[index]!.end) {
      if (index >= 0) part += '\n';
      // Sentences hold all that is not white space and start at a token: the next token starts the next sentence.
      index++;
      part += sentenceComments(text, sentences, index);
      tagger.sentence();
    }
    const pos = token.pos === undefined ? '' : `${token.pos}\t`;
    part += `${text.slice(token.start, token.end)}\t${pos}${tagger.tag(token.start, token.end)}\n`;
    if (++lines === LINES_PER_PART) {
      yield part;
      part = '';
      lines = 0;
    }
  }
  yield `${part}\n`;
  const misplaced = tagger.finish();
  if (misplaced.count > 0) warn(misplacedWarning(text, misplaced, options));
}

export const conllWriter: FormatWriter = {
  name: 'conll',
  summary: 'CoNLL-2003 IOB2 columns: token<TAB>label, with --tokens morpheme token<TAB>POS<TAB>label',
  labels: 'klue',
  offsets: undefined,
  framing: BLOCK_FRAMING,
  tokenBased: true,
  needsMorphemes: (options) => options.tokens === 'morpheme',
  parts: conllParts,
};
