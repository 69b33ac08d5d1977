import { describe, expect, it } from 'vitest';
import { createDocument } from '../../src/document/createDocument.js';
import { KornerError } from '../../src/errors.js';
import {
  createPipeline,
  insertAfter,
  insertBefore,
  removeStage,
  replaceStage,
} from '../../src/pipeline/pipeline.js';
import type { Stage } from '../../src/pipeline/stage.js';

function stage(name: string, requires: string[], provides: string[], run: Stage['run'] = () => {}): Stage {
  return { name, requires, provides, run };
}

const a = stage('a', ['text'], ['sentences']);
const b = stage('b', ['sentences'], ['tokens']);
const c = stage('c', ['tokens'], ['candidates']);

describe('createPipeline', () => {
  it('accepts stages whose requirements earlier stages provide', () => {
    expect(createPipeline([a, b, c]).names).toEqual(['a', 'b', 'c']);
  });

  it.each([
    ['a stage before the one it needs', [b, a], 'KORNER_PIPELINE_REQUIREMENT', /stage "b" requires "sentences"/],
    ['a requirement nobody provides', [a, c], 'KORNER_PIPELINE_REQUIREMENT', /stage "c" requires "tokens"/],
    ['two stages with one name', [a, a], 'KORNER_PIPELINE_STAGE', /two stages are named "a"/],
    ['something that is not a stage', [{} as Stage], 'KORNER_PIPELINE_STAGE', /must be an object/],
  ])('fails when created with %s', (_title, stages, code, message) => {
    let caught: unknown;
    try {
      createPipeline(stages as Stage[]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(KornerError);
    expect((caught as KornerError).code).toBe(code);
    expect((caught as KornerError).message).toMatch(message);
  });

  it('runs the stages in order on one document', () => {
    const seen: string[] = [];
    const pipeline = createPipeline([
      stage('one', ['text'], ['x'], () => seen.push('one')),
      stage('two', ['x'], ['y'], () => seen.push('two')),
    ]);
    pipeline.run(createDocument('글'), {});
    expect(seen).toEqual(['one', 'two']);
  });

  it('names the stage that threw', () => {
    const pipeline = createPipeline([
      stage('broken', ['text'], [], () => {
        throw new TypeError('boom');
      }),
    ]);
    expect(() => pipeline.run(createDocument('글'), {})).toThrow(/stage "broken" failed: boom/);
  });
});

describe('runBatch', () => {
  it('runs each stage over every document before the next stage, with each document its own options', () => {
    const seen: string[] = [];
    const pipeline = createPipeline([
      stage('one', ['text'], ['x'], (doc, options) => seen.push(`one ${doc.text} ${options.referenceDate}`)),
      stage('two', ['x'], ['y'], (doc) => seen.push(`two ${doc.text}`)),
    ]);
    const docs = [createDocument('가'), createDocument('나')];
    const out = pipeline.runBatch(docs, [{ referenceDate: '2016-05-17' }, { referenceDate: '2020-01-01' }]);
    expect(out).toEqual(docs);
    expect(seen).toEqual(['one 가 2016-05-17', 'one 나 2020-01-01', 'two 가', 'two 나']);
  });

  it('names the stage and the document that failed', () => {
    const pipeline = createPipeline([
      stage('picky', ['text'], [], (doc) => {
        if (doc.text === '나') throw new TypeError('boom');
      }),
    ]);
    expect(() => pipeline.runBatch([createDocument('가'), createDocument('나')], [{}, {}])).toThrow(
      /stage "picky" failed on document 1 of the batch: boom/,
    );
  });

  it.each([
    ['several documents, no offset', ['가', '나'], undefined, /failed on document 1 of the batch/],
    ['one document, no offset', ['나'], undefined, /failed: boom/],
    ['one document, part of a larger batch', ['나'], 7, /failed on document 7 of the batch/],
    ['several documents, part of a larger batch', ['가', '나'], 3, /failed on document 4 of the batch/],
  ])('names the failing document: %s', (_title, texts, firstIndex, message) => {
    const pipeline = createPipeline([
      stage('picky', ['text'], [], (doc) => {
        if (doc.text === '나') throw new TypeError('boom');
      }),
    ]);
    const docs = texts.map((text) => createDocument(text));
    expect(() => pipeline.runBatch(docs, docs.map(() => ({})), firstIndex)).toThrow(message);
  });

  it('wants one options object per document', () => {
    const pipeline = createPipeline([a]);
    expect(() => pipeline.runBatch([createDocument('가')], [])).toThrow(/1 documents but 0 option objects/);
  });
});

describe('editing stage lists', () => {
  const extra = stage('extra', ['sentences'], ['extra:thing']);

  it.each([
    ['insertAfter', insertAfter([a, b, c], 'a', extra), ['a', 'extra', 'b', 'c']],
    ['insertBefore', insertBefore([a, b, c], 'b', extra), ['a', 'extra', 'b', 'c']],
    ['replaceStage', replaceStage([a, b, c], 'b', { ...extra, provides: ['tokens'] }), ['a', 'extra', 'c']],
    ['removeStage', removeStage([a, b, c], 'c'), ['a', 'b']],
  ])('%s', (_name, stages, names) => {
    expect(createPipeline(stages).names).toEqual(names);
  });

  it('rejects an unknown stage name', () => {
    expect(() => removeStage([a], 'nope')).toThrow(/no stage named "nope"/);
  });

  it('rejects a removal that leaves a requirement unmet', () => {
    expect(() => createPipeline(removeStage([a, b, c], 'b'))).toThrow(/stage "c" requires "tokens"/);
  });
});
