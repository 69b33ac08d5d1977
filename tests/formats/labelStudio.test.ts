import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { JsonArrayScanner } from '../../src/formats/labelStudio/arrayScanner.js';
import { labelStudioReader } from '../../src/formats/labelStudio/reader.js';
import { isReadError, type GoldDocument } from '../../src/formats/reader.js';
import { FRAMING, recordBody, recordParts, type RecordContent } from '../../src/formats/records.js';
import { createExtractor, type Extractor } from '../../src/index.js';
import { repoRoot } from '../helpers.js';
import { codePoint, collect, context, entityAt, linesOf, SAMPLE, SAMPLE_ENTITIES, spanOf, textsWithEntities } from './codepointHelpers.js';

interface Task {
  data: Record<string, unknown>;
  predictions?: { model_version: string; score?: number; result: { id: string; from_name: string; to_name: string; type: string; value: Record<string, unknown>; score?: number }[] }[];
  meta?: unknown;
}

/** The output of a run over `records`, joined as the CLI joins it. */
function output(records: RecordContent[], options = {}): string {
  const framing = FRAMING['label-studio'];
  return framing.open + records.map((r, i) => framing.before(i) + recordBody('label-studio', r, options) + framing.after).join('') + framing.close(records.length);
}

const tasksOf = (records: RecordContent[], options = {}): Task[] => JSON.parse(output(records, options));
const read = async (json: string) => collect(labelStudioReader.read(linesOf(json), context('export.json')));

describe('the Label Studio writer', () => {
  it('writes a task with predictions as the import guide has them, offsets in code points', () => {
    const [task] = tasksOf([{ id: 'a', line: 1, text: SAMPLE, entities: SAMPLE_ENTITIES }]);
    expect(Object.keys(task!)).toEqual(['data', 'predictions']);
    expect(task!.data).toEqual({ text: SAMPLE, id: 'a' });
    const [prediction] = task!.predictions!;
    expect(prediction!.model_version).toMatch(/^korner-\d/);
    expect(prediction!.score).toBeCloseTo((0.9 + 0.5 + 0.7) / 3);
    const start = codePoint(SAMPLE, SAMPLE.indexOf('유정복'));
    expect(prediction!.result[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-z]+-\d+$/),
      from_name: 'label',
      to_name: 'text',
      type: 'labels',
      value: { start, end: start + 3, score: 0.9, text: '유정복', labels: ['PS'] },
      score: 0.9,
    });
    expect(prediction!.result.map((r) => r.value.labels)).toEqual([['PS'], ['LC'], ['DT'], ['OG']]);
    // An entity without a score (a rule's) has none.
    expect(prediction!.result[2]).not.toHaveProperty('score');
    expect(prediction!.result[2]!.value).not.toHaveProperty('score');
    for (const result of prediction!.result) {
      const { start: s, end: e, text } = result.value as { start: number; end: number; text: string };
      expect([...SAMPLE].slice(s, e).join('')).toBe(text);
    }
  });

  it.each([
    ['result ids that are distinct within a task and the same on every run', { id: 'a', line: 1, text: SAMPLE, entities: SAMPLE_ENTITIES }, {}, (task: Task) => {
      const ids = task.predictions![0]!.result.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(tasksOf([{ id: 'a', line: 1, text: SAMPLE, entities: SAMPLE_ENTITIES }])[0]!.predictions![0]!.result.map((r) => r.id)).toEqual(ids);
    }],
    ['the names of --from-name, --to-name, --model-version and --labels long', { id: 'b', line: 1, text: '😀유정복', entities: [entityAt('😀유정복', '유정복', 'PERSON')] }, { labels: 'long', labelStudio: { fromName: 'ner', toName: 'doc', modelVersion: 'v2' } }, (task: Task) => {
      expect(task.predictions![0]).toMatchObject({ model_version: 'v2', result: [{ from_name: 'ner', to_name: 'doc', value: { start: 1, end: 4, labels: ['PERSON'] } }] });
      expect(task.predictions![0]).not.toHaveProperty('score');
    }],
    ['the input record’s fields in data, its own id kept', { id: 'in:1', line: 1, text: '서울', extra: { id: 12, source: 'news', text: 'old' }, entities: [] }, {}, (task: Task) => {
      expect(task.data).toEqual({ text: '서울', id: 12, source: 'news' });
      expect(task.predictions).toEqual([{ model_version: expect.any(String), result: [] }]);
    }],
    ['an error record as a task without predictions, the error in meta', { id: 'in:3', line: 3, error: { code: 'KORNER_INPUT_JSON', message: 'bad' } }, {}, (task: Task) => {
      expect(task).toEqual({ data: { id: 'in:3' }, meta: { error: { code: 'KORNER_INPUT_JSON', message: 'bad' }, line: 3 } });
    }],
  ] as [string, RecordContent, object, (task: Task) => void][])('writes %s', (_title, record, options, check) => {
    check(tasksOf([record], options)[0]!);
  });

  it('writes an array of tasks, empty or long', () => {
    expect(output([])).toBe('[]\n');
    const text = '서울 '.repeat(9000);
    const entities = Array.from({ length: 9000 }, (_, i) => entityAt(text, '서울', 'LOCATION', { score: 0.5 }, i * 3));
    const parts = [...recordParts('label-studio', { id: 'long', line: 1, text, entities })];
    expect(parts.length).toBeGreaterThan(2);
    const task = JSON.parse(parts.join('')) as Task;
    expect(task.predictions![0]!.result).toHaveLength(9000);
    expect(task.predictions![0]!.score).toBe(0.5);
  });
});

/** A task of an export, pretty-printed over several lines as Label Studio writes it. */
const exportTask = (text: string, annotations: unknown[], extra: Record<string, unknown> = {}): string => JSON.stringify({ id: 1, data: { text }, annotations, ...extra }, null, 2);
const labels = (start: number, end: number, label: string, text?: string) => ({ type: 'labels', from_name: 'label', to_name: 'text', value: { start, end, labels: [label], ...(text === undefined ? {} : { text }) } });

describe('the Label Studio reader', () => {
  it('reads the first annotation that was not cancelled, offsets in code points, ids and data kept', async () => {
    const task = JSON.stringify({
      id: 41,
      data: { text: '😀유정복 서울', source: 'x' },
      annotations: [
        { was_cancelled: true, result: [labels(0, 1, 'PS')] },
        { result: [labels(5, 7, 'LC', '서울'), labels(1, 4, 'PS', '유정복'), { type: 'relation', from_id: 'a', to_id: 'b' }, { type: 'choices', value: { choices: ['x'] } }] },
        { result: [] },
      ],
      predictions: [{ result: [labels(0, 1, 'OG')] }],
    });
    const [document] = (await read(`[${task}]`)) as GoldDocument[];
    expect(document).toEqual({
      id: '41',
      line: 1,
      text: '😀유정복 서울',
      extra: { source: 'x' },
      entities: [
        { start: 2, end: 5, type: 'PERSON', text: '유정복' },
        { start: 6, end: 8, type: 'LOCATION', text: '서울' },
      ],
    });
  });

  it('reads a pretty-printed export task by task, each with the line it starts on', async () => {
    const first = exportTask('서울', [{ result: [labels(0, 2, 'LC')] }]);
    const json = `[\n${first},\n${JSON.stringify({ data: { text: '부산', id: 'b' }, annotations: [] })},\n${exportTask('대구', [], { predictions: [{ result: [labels(0, 2, 'LC')] }] })}\n]\n`;
    const items = (await read(json)) as GoldDocument[];
    const second = 2 + first.split('\n').length;
    expect(items.map((d) => [d.id, d.line, d.entities.length, d.unreadLabels])).toEqual([
      ['1', 2, 1, undefined],
      ['b', second, 0, undefined],
      ['1', second + 1, 0, 'predictions only'],
    ]);
  });

  it.each([
    ['a task that is not valid JSON', '{"data": {"text": x}, "annotations": []}', 'the task is not valid JSON'],
    ['a task without data.text', '{"data": {"html": "x"}, "annotations": []}', 'no "data" object with a string "text"'],
    ['an element that is not a task', '"just a string"', 'not a task object'],
    ['a span outside the text', JSON.stringify({ data: { text: '😀ab' }, annotations: [{ result: [labels(1, 4, 'PS')] }] }), 'outside the text (3 code points)'],
    ['a span whose text differs (UTF-16 offsets)', JSON.stringify({ data: { text: '😀ab' }, annotations: [{ result: [labels(2, 3, 'PS', 'a')] }] }), 'text "a" differs from the text at its offsets ("b")'],
    ['a labels result without labels', JSON.stringify({ data: { text: 'ab' }, annotations: [{ result: [{ type: 'labels', value: { start: 0, end: 1 } }] }] }), 'result 0 is not'],
    ['an unknown label', JSON.stringify({ data: { text: 'ab' }, annotations: [{ result: [labels(0, 1, 'Fact')] }] }), 'unknown label "Fact" (map it with --label-map FILE)'],
  ])('names the line where %s starts, and reads on', async (_title, bad, message) => {
    const json = `[\n${exportTask('a', [])},\n  ${bad},\n  {"data": {"text": "서울", "id": "next"}, "annotations": [{"result": [${JSON.stringify(labels(0, 2, 'LC'))}]}]}\n]`;
    const items = await read(json);
    expect(items).toHaveLength(3);
    expect(items[1]).toMatchObject({ id: 'export.json:9', line: 9, error: { code: 'KORNER_INPUT_JSON' } });
    expect(isReadError(items[1]!) && items[1].error.message).toMatch(new RegExp(`^export\\.json:9: .*${message.replace(/[().[\]]/g, '\\$&')}`));
    expect(items[2]).toMatchObject({ id: 'next', line: 10, entities: [{ type: 'LOCATION' }] });
  });

  it.each([
    ['not an array', '{"data": {"text": "a"}}', 1, 'not a JSON array'],
    ['an empty input', '', 0, 'empty input'],
    ['an array left open', '[{"data": {"text": "a"}, "annotations": []}', 1, 'not closed'],
    ['a task left open', '[\n{"data": {"text": "a"}, "annotations": [\n', 2, 'not closed'],
    ['text after the array', '[]\n[]', 2, 'after the end'],
  ])('names the line of %s', async (_title, json, line, message) => {
    const last = (await read(json)).at(-1)!;
    expect(last).toMatchObject({ line, error: { code: 'KORNER_INPUT_JSON' } });
    expect(isReadError(last) && last.error.message).toContain(message);
  });

  it('stops at a line the line reader could not read, and says so', async () => {
    async function* lines() {
      yield { line: 1, text: '[{"data": {"text": "a"}, "annotations": []},' };
      yield { line: 2, error: { code: 'KORNER_INPUT_TOO_LARGE' as const, message: 'export.json:2: record is larger than 10 bytes' } };
      yield { line: 3, text: '{"data": {"text": "b"}, "annotations": []}]' };
    }
    const items = await collect(labelStudioReader.read(lines(), context('export.json')));
    expect(items).toHaveLength(2);
    expect(items[1]).toMatchObject({ line: 2, error: { code: 'KORNER_INPUT_TOO_LARGE', message: expect.stringContaining('the rest of the JSON array is not read') } });
  });

  it.each([
    ['an export with annotations', `[\n${exportTask('a', [])}\n]`, true],
    ['tasks with predictions only', '  [{"data": {"text": "a"}, "predictions": []}]', true],
    ['a first task longer than the head', `[{"data": {"text": "${'가'.repeat(100)}`.slice(0, 60) + '", "x": 1, "annotations": [', true],
    ['an array of other objects', '[{"text": "a", "label": []}]', false],
    ['an empty array', '[]', false],
    ['doccano JSONL', '{"text": "a", "label": []}', false],
    ['a string that mentions the keys', '["\\"data\\": \\"annotations\\":"]', false],
  ])('detects %s: %s', (_title, head, expected) => {
    expect(labelStudioReader.detect(head)).toBe(expected);
  });

  it('scans strings with brackets, escapes and scalar elements', () => {
    const scanner = new JsonArrayScanner();
    const items = [...scanner.feed('[{"a": "]}\\"{"}, 1, "x]", [2, [3]]', 1), ...scanner.feed(', true]', 2), ...scanner.end(2)];
    expect(items).toEqual([
      { text: '{"a": "]}\\"{"}', line: 1 },
      { text: '1', line: 1 },
      { text: '"x]"', line: 1 },
      { text: '[2, [3]]', line: 1 },
      { text: 'true', line: 2 },
    ]);
  });
});

describe('Label Studio round trip', () => {
  let extractor: Extractor;
  beforeAll(async () => {
    extractor = await createExtractor();
  });

  /** The writer's predictions, turned into an annotation as a reviewer who accepts them all would export them. */
  const roundTrip = async (text: string, entities: RecordContent['entities']) => {
    const tasks = tasksOf([{ id: 'r', line: 1, text, entities }]).map((task) => ({ ...task, annotations: [{ result: task.predictions![0]!.result }] }));
    const [document] = await read(JSON.stringify(tasks, null, 1));
    expect(isReadError(document!)).toBe(false);
    expect((document as GoldDocument).text).toBe(text);
    expect((document as GoldDocument).entities.map(spanOf)).toEqual((entities ?? []).map(spanOf));
  };

  it('gives back the text and entities of examples/news.txt', async () => {
    const text = readFileSync(join(repoRoot, 'examples', 'news.txt'), 'utf8');
    const { entities } = extractor.extract(text);
    await roundTrip(text, entities);
  });

  it('gives back random texts with astral characters and their entities', async () => {
    await fc.assert(fc.asyncProperty(textsWithEntities, ({ text, entities }) => roundTrip(text, entities)), { numRuns: 300, seed: 20160527 });
  });
});
