import { labelOf } from '../labels.js';
import { OffsetConverter } from '../offsets.js';
import { formatValue } from '../pretty.js';
import type { FormatWriter, RecordContent, ResolvedWriterOptions } from '../writer.js';

/**
 * One entity a row, under a header: `id start end type text value canonical source score`. Offsets in code points
 * by default (spreadsheets and pandas count characters), `--offsets utf16|utf8` for others. A field that holds a
 * tab, a line break or a backslash has them written `\t`, `\n`, `\r`, `\\`, so that a row is always one line. An
 * error record is a comment line `# error ID line N: MESSAGE` (pandas: `read_csv(..., sep='\t', comment='#')`
 * skips it; the message also goes to standard error).
 */

export const TSV_HEADER = ['id', 'start', 'end', 'type', 'text', 'value', 'canonical', 'source', 'score'] as const;

const ESCAPES: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r', '\\': '\\\\' };

/** A field with its tabs, line breaks and backslashes escaped. */
export function tsvField(value: string): string {
  return value.replace(/[\t\n\r\\]/g, (char) => ESCAPES[char]!);
}

/** Rows per part of a long record's body. */
const ROWS_PER_PART = 4096;

function* tsvParts(record: RecordContent, options: ResolvedWriterOptions): Generator<string> {
  const id = tsvField(String(record.id));
  if (record.error) {
    yield `# error ${id} line ${record.line}: ${tsvField(record.error.message)}\n`;
    return;
  }
  const offsets = new OffsetConverter(record.text ?? '', options.offsets);
  const entities = record.entities ?? [];
  let part = '';
  for (let k = 0; k < entities.length; k++) {
    const entity = entities[k]!;
    const row = [
      id,
      offsets.fromUtf16(entity.start),
      offsets.fromUtf16(entity.end),
      labelOf(entity.type, options.labels),
      tsvField(entity.text),
      tsvField(formatValue(entity)),
      tsvField(entity.canonical ?? ''),
      entity.source,
      entity.score === undefined ? '' : String(entity.score),
    ];
    part += `${row.join('\t')}\n`;
    if ((k + 1) % ROWS_PER_PART === 0) {
      yield part;
      part = '';
    }
  }
  yield part;
}

export const tsvWriter: FormatWriter = {
  name: 'tsv',
  summary: 'one entity a row under a header: id, start, end, type, text, value, canonical, source, score',
  labels: 'long',
  offsets: { default: 'codepoint', fixed: false },
  framing: { open: `${TSV_HEADER.join('\t')}\n`, before: () => '', after: '', close: () => '' },
  parts: (record, options) => tsvParts(record, options),
};
