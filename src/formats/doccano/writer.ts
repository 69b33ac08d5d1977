import { arrayParts } from '../arrayParts.js';
import { codePointEntities } from '../codepointSpans.js';
import { LINE_FRAMING, errorRecordJson, type FormatWriter, type RecordContent, type ResolvedWriterOptions } from '../writer.js';

/**
 * doccano's sequence-labelling JSONL, as its import takes it: `{"id","text","label":[[start,end,"PS"],...]}` and
 * the input record's own fields after them, offsets in code points (doccano is Python). An error record is korner's
 * `{"id","line","error"}`, as in jsonl, so that output line N answers input record N.
 */

/** Names of fields the writer sets itself: an input field of that name is not passed through. */
const OWN_FIELDS = new Set(['id', 'text', 'label']);

/** The record's id as its input had it: a doccano record read back keeps its own id (a number, say) in `extra`. */
function originalId(record: RecordContent, passed: Record<string, unknown> | undefined): string | number {
  const id = passed?.id;
  return typeof id === 'string' || typeof id === 'number' ? id : record.id;
}

function* doccanoParts(record: RecordContent, options: ResolvedWriterOptions): Generator<string> {
  if (record.error) {
    yield errorRecordJson(record);
    return;
  }
  const text = record.text ?? '';
  const passed = JSON.stringify(Object.fromEntries(Object.entries(record.extra ?? {}).filter(([name]) => !OWN_FIELDS.has(name))));
  const head = JSON.stringify({ id: originalId(record, record.extra), text, label: [] });
  const triples = (function* () {
    for (const { start, end, label } of codePointEntities(text, record.entities ?? [], options.labels)) yield JSON.stringify([start, end, label]);
  })();
  yield* arrayParts(head.slice(0, -2), triples, passed === '{}' ? ']}' : `],${passed.slice(1)}`);
}

export const doccanoWriter: FormatWriter = {
  name: 'doccano',
  summary: 'doccano JSONL {"id","text","label":[[start,end,"PS"]]} (code points)',
  labels: 'klue',
  offsets: { default: 'codepoint', fixed: true },
  framing: LINE_FRAMING,
  parts: (record, options) => doccanoParts(record, options),
};
