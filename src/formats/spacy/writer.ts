import type { Token } from '../../document/types.js';
import { labelOf } from '../labels.js';
import { OffsetConverter } from '../offsets.js';
import { splitSentences } from '../../text/sentences.js';
import { LINE_FRAMING, type FormatWriter, type RecordContent, type ResolvedWriterOptions } from '../writer.js';

/**
 * spaCy's `Doc.to_json()` shape, one object a line: `{"text", "ents": [{"start","end","label"}], "sents":
 * [{"start","end"}], "tokens": [{"id","start","end","tag"?}], "_": {"id"}}`, offsets in code points. `Doc.from_json`
 * rebuilds a Doc from the words `text[start:end]` and whether a space follows each, so the tokens here are such
 * that it gives back the text exactly: every character is in a token but the single spaces after tokens, any other
 * white space is a token of its own (as spaCy's tokenizer makes one), and every entity and sentence starts and ends
 * at a token boundary (an entity inside 유정복은 splits the word into 유정복 and 은).
 */

/** Offsets where a token must start or end: entity and sentence edges, and the morphemes' edges when asked for. */
function boundaries(record: RecordContent, text: string, morphemes: Iterable<Token> | undefined): { cuts: Uint8Array; tags: Map<number, string> } {
  const cuts = new Uint8Array(text.length + 1);
  const tags = new Map<number, string>();
  for (const entity of record.entities ?? []) cuts[entity.start] = cuts[entity.end] = 1;
  for (const sentence of splitSentences(text)) cuts[sentence.start] = cuts[sentence.end] = 1;
  for (const token of morphemes ?? []) {
    cuts[token.start] = cuts[token.end] = 1;
    tags.set(token.start, `${token.end}\t${token.pos}`);
  }
  return { cuts, tags };
}

function isWhiteSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x3000 || code === 0x85 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x1680 || code === 0x202f || code === 0x205f;
}

interface SpacyToken {
  id: number;
  start: number;
  end: number;
  tag?: string;
}

/** The tokens of a text in UTF-16 offsets (see above for the rule). */
function tokensOf(text: string, cuts: Uint8Array, tags: Map<number, string>): SpacyToken[] {
  const tokens: SpacyToken[] = [];
  const push = (start: number, end: number): void => {
    const token: SpacyToken = { id: tokens.length, start, end };
    const tag = tags.get(start);
    if (tag !== undefined && tag.startsWith(`${end}\t`)) token.tag = tag.slice(tag.indexOf('\t') + 1);
    tokens.push(token);
  };
  let at = 0;
  while (at < text.length) {
    if (isWhiteSpace(text.charCodeAt(at))) {
      // A run of white space: one plain space after a token is that token's trailing space; the rest is a token.
      let end = at;
      while (end < text.length && isWhiteSpace(text.charCodeAt(end))) end++;
      const start = tokens.length > 0 && text.charCodeAt(at) === 0x20 ? at + 1 : at;
      if (start < end) push(start, end);
      at = end;
      continue;
    }
    let end = at + 1;
    while (end < text.length && !isWhiteSpace(text.charCodeAt(end)) && cuts[end] === 0) end++;
    push(at, end);
    at = end;
  }
  return tokens;
}

function* spacyParts(record: RecordContent, options: ResolvedWriterOptions): Generator<string> {
  if (record.error) {
    yield JSON.stringify({ text: '', ents: [], sents: [], tokens: [], _: { id: record.id, line: record.line, error: record.error } });
    return;
  }
  const text = record.text ?? '';
  const { cuts, tags } = boundaries(record, text, options.tokens === 'morpheme' ? record.morphemes : undefined);
  const points = new OffsetConverter(text, 'codepoint');
  const ents = (record.entities ?? []).map((e) => ({ start: points.fromUtf16(e.start), end: points.fromUtf16(e.end), label: labelOf(e.type, options.labels) }));
  const sentencePoints = new OffsetConverter(text, 'codepoint');
  const sents = splitSentences(text).map((s) => ({ start: sentencePoints.fromUtf16(s.start), end: sentencePoints.fromUtf16(s.end) }));
  const tokenPoints = new OffsetConverter(text, 'codepoint');
  const tokens = tokensOf(text, cuts, tags).map((t) => ({ ...t, start: tokenPoints.fromUtf16(t.start), end: tokenPoints.fromUtf16(t.end) }));
  yield JSON.stringify({ text, ents, sents, tokens, _: { id: record.id, ...record.extra } });
}

export const spacyWriter: FormatWriter = {
  name: 'spacy',
  summary: "one spaCy Doc.to_json() object a line (code points; Doc.from_json reads it)",
  labels: 'long',
  offsets: { default: 'codepoint', fixed: true },
  framing: LINE_FRAMING,
  tokenBased: true,
  needsMorphemes: (options) => options.tokens === 'morpheme',
  parts: (record, options) => spacyParts(record, options),
};
