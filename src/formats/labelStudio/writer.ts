import { arrayParts } from '../arrayParts.js';
import { codePointEntities } from '../codepointSpans.js';
import { jsonWriter } from '../json.js';
import type { FormatWriter, RecordContent, ResolvedWriterOptions } from '../writer.js';

/**
 * Label Studio's tasks with pre-annotations, as its import guide gives them for named entities: one JSON array of
 * `{"data":{"text","id",...},"predictions":[{"model_version","score","result":[{"id","from_name","to_name",
 * "type":"labels","value":{"start","end","score","text","labels":["PS"]},"score"}]}]}`, offsets in code points
 * (Label Studio stores code points since its fix for texts with emoji). The guide's example puts a region's score
 * in `value`, Label Studio's ML backends put it on the result: it is written in both places.
 *
 * An error record is a task without predictions: `{"data":{"text"?,"id"},"meta":{"error":{code,message},"line"}}`.
 * It keeps output task N answering input record N, imports as a task to look at (Label Studio keeps a task's
 * `meta`), and shows the text when it was read.
 */

/** Names of data fields the writer sets itself: an input field of that name is not passed through. */
const OWN_FIELDS = new Set(['text', 'id']);

/** A result id that is the same on every run, short, and distinct within a task (entities do not overlap). */
function resultId(documentId: string | number, start: number, end: number): string {
  // FNV-1a over the id and the span, in base 36.
  let hash = 0x811c9dc5;
  const key = `${documentId}\u0000${start}\u0000${end}`;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return `${hash.toString(36).padStart(7, '0')}-${start}`;
}

/** The task's data: the text and id, then the input record's own fields. */
function taskData(record: RecordContent, text: string | undefined): Record<string, unknown> {
  const data: Record<string, unknown> = text === undefined ? {} : { text };
  const extra = record.extra ?? {};
  data.id = typeof extra.id === 'string' || typeof extra.id === 'number' ? extra.id : record.id;
  for (const [name, value] of Object.entries(extra)) if (!OWN_FIELDS.has(name)) data[name] = value;
  return data;
}

/** The mean score of the entities that have one (the task's score, by which Label Studio sorts); undefined when none has. */
function meanScore(record: RecordContent): number | undefined {
  let sum = 0;
  let count = 0;
  for (const entity of record.entities ?? []) {
    if (entity.score === undefined) continue;
    sum += entity.score;
    count++;
  }
  return count === 0 ? undefined : sum / count;
}

function* taskParts(record: RecordContent, options: ResolvedWriterOptions): Generator<string> {
  if (record.error) {
    yield JSON.stringify({ data: taskData(record, record.text), meta: { error: record.error, line: record.line } });
    return;
  }
  const text = record.text ?? '';
  const { fromName, toName, modelVersion } = options.labelStudio;
  const data = taskData(record, text);
  const results = (function* () {
    for (const { start, end, label, entity } of codePointEntities(text, record.entities ?? [], options.labels)) {
      const score = entity.score;
      const value = { start, end, ...(score === undefined ? {} : { score }), text: entity.text, labels: [label] };
      const result = { id: resultId(data.id as string | number, start, end), from_name: fromName, to_name: toName, type: 'labels', value };
      yield JSON.stringify(score === undefined ? result : { ...result, score });
    }
  })();
  const score = meanScore(record);
  const head = JSON.stringify({ data, predictions: [{ model_version: modelVersion, ...(score === undefined ? {} : { score }), result: [] }] });
  yield* arrayParts(head.slice(0, -4), results, ']}]}');
}

export const labelStudioWriter: FormatWriter = {
  name: 'label-studio',
  summary: 'Label Studio tasks with predictions, one JSON array (code points; see examples/label-studio/config.xml)',
  labels: 'klue',
  offsets: { default: 'codepoint', fixed: true },
  framing: jsonWriter.framing,
  parts: (record, options) => taskParts(record, options),
};
