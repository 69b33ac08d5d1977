import type { Entity } from '../../document/types.js';
import { oneLine } from '../conll/lines.js';
import { labelOf, type LabelSet } from '../labels.js';
import { BLOCK_FRAMING, type FormatWriter, type RecordContent, type ResolvedWriterOptions } from '../writer.js';

/**
 * KLUE-NER's TSV, as in the KLUE benchmark's klue-ner-v1.1_dev.tsv: per document a line `## ID<TAB>TEXT` whose
 * text marks the entities `<유정복:PS>`, then one line per character `CHARACTER<TAB>TAG` (character-level IOB2,
 * a space a line of its own, spaces inside an entity tagged I- as KLUE does), and a blank line. Characters are
 * code points: an emoji is one line. KLUE's sentences are one line each; a document with line breaks or tabs is
 * still one record (output record N answers input record N), its `\n`, `\r` and `\t` written as those two
 * characters, with a warning; korner's reader reads them back. An error record is `## ID<TAB>` and `## error = MESSAGE`.
 */

/** What a character that cannot stand on a line of its own is written as. */
export const ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const BREAKS = /[\n\r\t]/g;

/** Character lines per part of a long document's body. */
const LINES_PER_PART = 4096;

/** KLUE's header text: the document with each entity marked `<text:TAG>`, line breaks and tabs escaped. */
function markedText(text: string, entities: readonly Entity[], labels: LabelSet): string {
  let marked = '';
  let at = 0;
  for (const entity of entities) {
    if (entity.start < at) continue;
    marked += `${text.slice(at, entity.start)}<${entity.text}:${labelOf(entity.type, labels)}>`;
    at = entity.end;
  }
  return (marked + text.slice(at)).replace(BREAKS, (c) => ESCAPES[c]!);
}

function* klueParts(record: RecordContent, options: ResolvedWriterOptions, warn: (message: string) => void): Generator<string> {
  const head = `## ${oneLine(String(record.id), 'id', warn)}\t`;
  if (record.error) {
    yield `${head}\n## error = ${oneLine(record.error.message, 'message')}\n\n`;
    return;
  }
  const text = record.text ?? '';
  const entities = record.entities ?? [];
  yield `${head}${markedText(text, entities, options.labels)}\n`;
  let part = '';
  let lines = 0;
  let escaped = 0;
  let next = 0;
  let previous = -1;
  for (let i = 0; i < text.length; ) {
    const width = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    while (next < entities.length && entities[next]!.end <= i) next++;
    let tag = 'O';
    if (next < entities.length && entities[next]!.start <= i) {
      tag = `${previous === next ? 'I' : 'B'}-${labelOf(entities[next]!.type, options.labels)}`;
      previous = next;
    } else previous = -1;
    const char = text.slice(i, i + width);
    const escape = ESCAPES[char];
    if (escape) escaped++;
    part += `${escape ?? char}\t${tag}\n`;
    i += width;
    if (++lines === LINES_PER_PART) {
      yield part;
      part = '';
      lines = 0;
    }
  }
  yield `${part}\n`;
  if (escaped > 0) {
    warn(
      `the text has ${escaped} line ${escaped === 1 ? 'break or tab' : 'breaks or tabs'}; a KLUE sentence is one line, so they are written as the ` +
        'two characters \\n, \\r or \\t (korner reads them back as they were; other readers of KLUE files see the two characters).',
    );
  }
}

export const klueWriter: FormatWriter = {
  name: 'klue',
  summary: "KLUE-NER's TSV: ## ID<TAB>text with <entity:TAG> marks, then one CHARACTER<TAB>TAG line per character",
  labels: 'klue',
  offsets: undefined,
  framing: BLOCK_FRAMING,
  parts: klueParts,
};
