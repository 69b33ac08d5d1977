import { ERROR_CODES } from '../../errors.js';
import { goldEntities, type CodePointSpan } from '../codepointSpans.js';
import type { FormatReader, GoldDocument, InputLine, ReadContext, ReadItem } from '../reader.js';
import { JsonArrayScanner, type ScannedItem } from './arrayScanner.js';

/**
 * Label Studio's JSON export: one array of tasks `{"id","data":{"text",...},"annotations":[{"result":[...]}],
 * "predictions":[...]}`, where a named entity is a result of type `labels` with `value: {start, end, text,
 * labels}` in code points. The gold of a task is its first annotation that was not cancelled (Label Studio's
 * cancelled, "skipped", annotations say nothing about the text); a task without one is a document without
 * entities. Predictions are never gold: a task that has only predictions is marked `unreadLabels`, so that a file
 * of pre-annotations read as gold is told apart from a file with no entities.
 */

interface Task {
  id?: unknown;
  data?: unknown;
  annotations?: unknown;
  predictions?: unknown;
}

interface Annotation {
  result?: unknown;
  was_cancelled?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The spans of an annotation's `labels` results (other results, such as relations or choices, are not entities). */
function spansOf(annotation: Annotation, context: ReadContext): CodePointSpan[] | string {
  if (!Array.isArray(annotation.result)) return 'the annotation has no "result" list';
  const spans: CodePointSpan[] = [];
  for (const [i, result] of annotation.result.entries()) {
    if (!isObject(result) || result.type !== 'labels') continue;
    const value = result.value as { start?: unknown; end?: unknown; text?: unknown; labels?: unknown } | undefined;
    const labels = value?.labels;
    if (!isObject(value) || !Number.isInteger(value.start) || !Number.isInteger(value.end) || !Array.isArray(labels) || labels.length === 0 || !labels.every((l) => typeof l === 'string')) {
      return `result ${i} is not {"value": {"start": int, "end": int, "labels": [string, ...]}}`;
    }
    // A span with several labels is the entity of the first one that names one.
    const label = (labels as string[]).find((l) => context.labels.typeOf(l) !== null) ?? (labels[0] as string);
    const span: CodePointSpan = { start: value.start as number, end: value.end as number, label };
    if (typeof value.text === 'string') span.text = value.text;
    spans.push(span);
  }
  return spans;
}

/** One task of the export: its document, or the reason it is not one. */
function readTask(json: string, line: number, context: ReadContext): GoldDocument | string {
  let task: unknown;
  try {
    task = JSON.parse(json);
  } catch (error) {
    return `the task is not valid JSON (${(error as Error).message})`;
  }
  if (!isObject(task)) return 'the element is not a task object';
  const { id: taskId, data, annotations, predictions } = task as Task;
  if (!isObject(data) || typeof data.text !== 'string') return 'the task has no "data" object with a string "text"';
  if (annotations !== undefined && !Array.isArray(annotations)) return '"annotations" is not a list';
  const annotation = ((annotations ?? []) as unknown[]).find((a) => isObject(a) && a.was_cancelled !== true) as Annotation | undefined;
  const text = data.text;
  let spans: CodePointSpan[] = [];
  if (annotation) {
    const found = spansOf(annotation, context);
    if (typeof found === 'string') return found;
    spans = found;
  }
  const gold = goldEntities(text, spans, context.labels);
  if ('message' in gold) return `span ${gold.index}: ${gold.message}`;
  const own = data.id ?? taskId;
  const id = typeof own === 'string' || typeof own === 'number' ? String(own) : `${context.name}:${line}`;
  const document: GoldDocument = { id, line, text, entities: gold.entities };
  const extra = Object.fromEntries(Object.entries(data).filter(([name]) => name !== 'text'));
  if (Object.keys(extra).length > 0) document.extra = extra;
  if (!annotation && Array.isArray(predictions) && predictions.length > 0) document.unreadLabels = 'predictions only';
  return document;
}

function itemOf(item: ScannedItem, context: ReadContext): ReadItem {
  const where = `${context.name}:${item.line}`;
  const read = 'error' in item ? item.error : readTask(item.text, item.line, context);
  if (typeof read !== 'string') return read;
  return { id: where, line: item.line, error: { code: ERROR_CODES.INPUT_JSON, message: `${where}: ${read}` } };
}

/** Whether a parsed element is a task: `data`, and annotations or predictions. */
const isTask = (value: unknown): boolean =>
  isObject(value) && isObject(value.data) && (Array.isArray(value.annotations) || Array.isArray(value.predictions));

/** Whether the start of an input is an array whose first element is a Label Studio task. */
function looksLikeLabelStudio(head: string): boolean {
  const scanner = new JsonArrayScanner();
  const lines = head.split('\n');
  for (const [i, line] of lines.entries()) {
    const [first] = scanner.feed(line, i + 1);
    if (!first) continue;
    if ('error' in first) return false;
    try {
      return isTask(JSON.parse(first.text));
    } catch {
      return false;
    }
  }
  // A first task longer than the head: its keys, as far as they are there.
  const partial = scanner.pending;
  return partial.startsWith('{') && /"data"\s*:/.test(partial) && /"(?:annotations|predictions)"\s*:/.test(partial);
}

export const labelStudioReader: FormatReader = {
  name: 'label-studio',
  summary: "Label Studio's JSON export, an array of tasks (first annotation not cancelled; code points)",
  detect: looksLikeLabelStudio,
  async *read(lines: AsyncIterable<InputLine>, context: ReadContext): AsyncIterable<ReadItem> {
    const scanner = new JsonArrayScanner();
    let last = 0;
    for await (const line of lines) {
      last = line.line;
      if (line.error) {
        // What the line held is not known, so neither is where the next task starts: the rest cannot be read.
        const where = `${context.name}:${line.line}`;
        yield { id: where, line: line.line, error: { ...line.error, message: `${line.error.message} (the rest of the JSON array is not read)` } };
        return;
      }
      for (const item of scanner.feed(line.text ?? '', line.line)) yield itemOf(item, context);
    }
    for (const item of scanner.end(last)) yield itemOf(item, context);
  },
};
