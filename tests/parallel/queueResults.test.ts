import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRecords } from '../../src/cli/records.js';
import type { Extractor } from '../../src/extractor.js';
import { RECORD_FORMATS as ALL_FORMATS, writerOf } from '../../src/formats/records.js';

/** The formats a queue run writes: all but those written as files per document (brat), which it refuses. */
const RECORD_FORMATS = ALL_FORMATS.filter((format) => !writerOf(format).files);
import { createExtractor } from '../../src/index.js';
import { runJobs } from '../../src/parallel/queueJobs.js';
import { failedJobOutcomes, parseStoredOutcomes, storeOutcomes, writeRunOutput, type StoredOutcome } from '../../src/parallel/queueResults.js';
import { runRecordJob, type JobSettings, type RecordOutcome } from '../../src/parallel/recordJob.js';
import { runCli } from '../cli/run.js';

let dir: string;
let extractor: Extractor;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'korner-queue-results-'));
  extractor = await createExtractor();
});

/** A run done the way workers do it: the input in jobs of `perJob` records, each run on its own, stored, read back. */
async function queuedOutput(path: string, settings: JobSettings, perJob: number): Promise<{ stdout: string; warnings: string[]; errors: number }> {
  const records = readRecords([path], settings.mode, { maxBytes: 1 << 20, warn: () => undefined });
  const stored: string[] = [];
  for await (const job of runJobs('r', settings, '', records, { records: perJob, units: 1 << 16 })) {
    stored.push(storeOutcomes(runRecordJob({ extractor }, job.records, settings)));
  }
  let stdout = '';
  const warnings: string[] = [];
  const count = await writeRunOutput(
    settings.format,
    stored.map((s, seq) => parseStoredOutcomes(s, `r.${seq}`)),
    async (text) => void (stdout += text),
    (message) => warnings.push(message),
  );
  return { stdout, warnings, errors: count.errors };
}

describe('a run assembled from its jobs', () => {
  const lines = [
    '{"id":"a","text":"유정복 인천시장은 16일 인천시청에서 만났다.","referenceDate":"2016-05-17"}',
    'not json',
    '{"id":"c","text":"서울","meta":{"k":1}}',
    '{"id":"d","text":"오는 27일","referenceDate":"2016-02-30"}',
    '{"id":"e","text":"기재부는 3조5천억원을 발표했다."}',
  ];

  it.each(RECORD_FORMATS.flatMap((format) => [1, 2, 5].map((perJob) => [format, perJob] as const)))(
    'is byte for byte what korner extract writes (--format %s, %i records a job), warnings included',
    async (format, perJob) => {
      const path = join(dir, 'in.jsonl');
      writeFileSync(path, `${lines.join('\n')}\n`);
      const extract = await runCli(['extract', '--input', 'jsonl', '--format', format, '--workers', '1', path]);
      const queued = await queuedOutput(path, { mode: 'jsonl', format, runOptions: {} }, perJob);
      expect(queued.stdout).toBe(extract.stdout);
      expect(queued.warnings.join('\n')).toBe(extract.stderr);
      expect(queued.errors).toBe(2);
    },
  );

  it.each(RECORD_FORMATS)('of no documents is what korner extract writes for empty input (--format %s)', async (format) => {
    const path = join(dir, 'empty.txt');
    writeFileSync(path, '');
    const extract = await runCli(['extract', '--format', format, '--workers', '1', path]);
    expect((await queuedOutput(path, { mode: 'text', format, runOptions: {} }, 3)).stdout).toBe(extract.stdout);
  });
});

describe('stored outcomes', () => {
  it('are the same bytes each time a job runs (what makes a retried job idempotent)', () => {
    const settings: JobSettings = { mode: 'text', format: 'jsonl', runOptions: { referenceDate: '2024-03-14' } };
    const records = [
      { id: 'x:1', line: 1, text: '부산항에서 21일 김민수 해양수산부 장관이 말했다.' },
      { id: 'x:2', line: 2, text: '' },
    ];
    expect(storeOutcomes(runRecordJob({ extractor }, records, settings))).toBe(storeOutcomes(runRecordJob({ extractor }, records, settings)));
  });

  it.each([
    ['not JSON', '{'],
    ['not a list', '{"body":"x"}'],
    ['a list of something else', '[1,2]'],
  ])('refuse a stored value that is %s, naming the job', (_title, stored) => {
    expect(() => parseStoredOutcomes(stored, 'r.7')).toThrow(/job r\.7.*korner queue remove/);
  });

  it('keep a body in parts, and the output writes it as the parts joined', async () => {
    const whole: StoredOutcome[] = [{ body: '{"id":"a","entities":[1,2]}' }, { body: '{"id":"b"}' }];
    const inParts: StoredOutcome[] = [{ body: new Set(['{"id":"a","entities":[', '1,2]}']) }, { body: '{"id":"b"}' }];
    const stored = parseStoredOutcomes(storeOutcomes(inParts), 'r.0');
    expect(stored[0]!.body).toEqual(['{"id":"a","entities":[', '1,2]}']);
    for (const format of ['jsonl', 'json'] as const) {
      const written: string[] = [];
      for (const jobs of [[whole], [stored]]) {
        let text = '';
        await writeRunOutput(format, jobs, async (t) => void (text += t), () => undefined);
        written.push(text);
      }
      expect(written[1]).toBe(written[0]);
    }
  });
});

describe('failedJobOutcomes', () => {
  const job = {
    run: 'news',
    seq: 3,
    settings: { mode: 'jsonl', format: 'jsonl', runOptions: {} } satisfies JobSettings,
    records: [
      { id: 'a', line: 7, text: '서울' },
      { id: 'in.jsonl:8', line: 8, error: { code: 'KORNER_INPUT_JSON' as const, message: 'in.jsonl:8: malformed JSON' } },
      { id: 'c', line: 9, text: '부산' },
    ],
  };

  it('puts an error record in place of every document, keeping the input errors their own', () => {
    const outcomes: RecordOutcome[] = failedJobOutcomes(job, 'out of memory');
    const bodies = outcomes.map((o) => JSON.parse(o.body as string) as { id: string; line: number; error: { code: string; message: string } });
    expect(bodies.map((b) => [b.id, b.line, b.error.code])).toEqual([
      ['a', 7, 'KORNER_QUEUE'],
      ['in.jsonl:8', 8, 'KORNER_INPUT_JSON'],
      ['c', 9, 'KORNER_QUEUE'],
    ]);
    expect(bodies[0]!.error.message).toMatch(/job news\.3 failed \(out of memory\).*korner queue retry --run news/);
    expect(outcomes.every((o) => o.error !== undefined)).toBe(true);
    expect(outcomes[0]!.error!.warning).toMatch(/^a: korner: job news\.3 failed/);
    expect(outcomes[1]!.error!.warning).toBe('in.jsonl:8: malformed JSON');
  });

  it('writes them in the run\'s format', () => {
    const [pretty] = failedJobOutcomes({ ...job, settings: { ...job.settings, format: 'pretty' } }, 'gone');
    expect(pretty!.body).toMatch(/^# a\n {2}error korner: job news\.3 failed \(gone\)/);
  });
});
