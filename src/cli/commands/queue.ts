import { createWriteStream } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { ERROR_CODES, KornerError } from '../../errors.js';
import {
  addRun,
  jobsToCome,
  openQueue,
  queueCounts,
  removeRun,
  retryRun,
  runNames,
  runOutcomes,
  runStatus,
  type QueueSession,
  type QueueTarget,
  type RunStatus,
} from '../../parallel/queue.js';
import { shownUrl } from '../../parallel/queueClient.js';
import { checkName, newRunName } from '../../parallel/queueJobs.js';
import { writeRunOutput } from '../../parallel/queueResults.js';
import { DEFAULT_BATCH } from '../../pipeline/batches.js';
import { parseCommandArgs, positiveInteger } from '../args.js';
import type { CliContext } from '../context.js';
import { parseSettings, SETTINGS_OPTIONS } from '../extractSettings.js';
import { writerOf } from '../../formats/records.js';
import { Output } from '../output.js';
import { QUEUE_OPTIONS, QUEUE_OPTIONS_HELP, queueTarget, secondsOption } from '../queueOptions.js';
import { readRecords } from '../records.js';

export const queueHelp = `Usage: korner queue add|results|status|retry|remove [options]

Splits a corpus into jobs on a Redis queue (BullMQ), for "korner worker" processes on any number of machines,
and writes the results back in input order, byte for byte what "korner extract" writes for the same input and
options. Needs bullmq and ioredis (npm install bullmq ioredis) and a Redis server.

  korner queue add [options] [files...]   add a run: the files (or standard input) split into jobs; prints the
                                          run's name
  korner queue results --run NAME         write the run's results in input order
  korner queue status [--run NAME]        the runs of the queue and their jobs
  korner queue retry --run NAME           queue the run's failed jobs again
  korner queue remove --run NAME          delete the run (its jobs and results) from Redis

Run "korner queue <command> --help" for its options.
`;

const addHelp = `Usage: korner queue add [options] [files...]

Reads the files, or standard input when none (or "-") is given, exactly as "korner extract" does, and adds them
to the queue as one run: jobs of up to --batch documents or 64k characters, in input order. Each job carries its
records and the run's settings (the user dictionary's entries, not its file: workers need none of this machine's
files). Adding a run again (say, after the adder stopped) queues only the jobs that are neither queued nor done;
a run added again with another input or other settings is refused. Prints the run's name on standard output.

Options:
  --run NAME                   the run's name (default: run-<UTC date>-<time>-<4 hex digits>, printed)
  --batch N                    documents in one job, at most (default ${DEFAULT_BATCH.records}; a job also ends at 64k characters)
  --attempts N                 runs of a job that throws before it fails for good (default 3; a job whose
                               worker dies comes back by the worker's --max-stalled instead)
${QUEUE_OPTIONS_HELP}
  --input, --format, --reference-date, --types, --min-score, --user-dict, --id-prefix, --max-bytes
                               as for korner extract: they decide the run's output
  -h, --help                   show this help
`;

const resultsHelp = `Usage: korner queue results --run NAME [options]

Writes the outcomes of every job of the run in input order, in the run's --format: the same bytes as "korner
extract" with the same input and options. A job that failed for good gives an error record for each of its
documents, in their places. Writes nothing while jobs are still to come (see --wait).

Options:
  --run NAME                   the run (required)
  -o, --output FILE            write to FILE instead of standard output
  --wait SECONDS               wait up to SECONDS for the jobs still to come (default 0: do not wait)
${QUEUE_OPTIONS_HELP}
  -h, --help                   show this help

Exit status: 0 every document done; 1 some records are error records (bad input, or a job that failed for
good: "korner queue retry" queues those again); 2 usage error, unknown run or no Redis; 3 jobs still to come
(nothing written).
`;

const statusHelp = `Usage: korner queue status [--run NAME] [options]

Prints each run of the queue (or the one named) with its jobs: done, failed for good, active (held by a worker),
pending (waiting, or waiting to be retried), and the queue's own BullMQ counts.

Options:
  --run NAME                   only this run
  --json                       one JSON object instead of the table
${QUEUE_OPTIONS_HELP}
  -h, --help                   show this help
`;

const runOnlyHelp = (command: string, what: string): string => `Usage: korner queue ${command} --run NAME [options]

${what}

Options:
  --run NAME                   the run (required)
${QUEUE_OPTIONS_HELP}
  -h, --help                   show this help
`;

const retryHelp = runOnlyHelp('retry', 'Queues the run\'s jobs that failed for good again, each with its attempts anew.');
const removeHelp = runOnlyHelp(
  'remove',
  'Deletes the run from Redis: its queued and failed jobs, its settings and its results. Refused while a worker holds one of its jobs.',
);

/** Exit status of "korner queue results" when jobs are still to come. */
export const RESULTS_INCOMPLETE = 3;

const COMMON = { ...QUEUE_OPTIONS, run: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } as const;

async function withQueue<T>(target: QueueTarget, context: CliContext, use: (session: QueueSession) => Promise<T>): Promise<T> {
  const session = await openQueue(target, context.warn);
  try {
    return await use(session);
  } finally {
    await session.close();
  }
}

function requiredRun(command: string, run: string | undefined): string {
  if (run === undefined) {
    throw new KornerError(ERROR_CODES.USAGE, `queue ${command}: --run NAME is required ("korner queue status" lists the runs).`);
  }
  return checkName('run', run);
}

async function runAdd(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('queue add', args, {
    ...SETTINGS_OPTIONS,
    ...COMMON,
    batch: { type: 'string' },
    attempts: { type: 'string', default: '3' },
  });
  if (values.help) return write(context, addHelp);
  const { settings, userDictionary, maxBytes, stdinName } = parseSettings('queue add', values);
  if (writerOf(settings.format).files) {
    throw new KornerError(ERROR_CODES.USAGE, `queue add: --format ${settings.format} is written as files per document, and "korner queue results" writes one output; run "korner extract --format ${settings.format} --out-dir DIR", or queue --format jsonl.`);
  }
  const target = queueTarget(values);
  const batch = values.batch === undefined ? DEFAULT_BATCH.records : positiveInteger('queue add', 'batch', values.batch);
  const attempts = positiveInteger('queue add', 'attempts', values.attempts!);
  const run = values.run === undefined ? newRunName() : checkName('run', values.run);
  if (values.run === undefined) context.warn(`korner: adding run ${run} (should this stop, run the same command with --run ${run} to finish it)`);
  const records = readRecords(positionals.length > 0 ? positionals : ['-'], settings.mode, {
    maxBytes,
    warn: context.warn,
    ...(stdinName ? { stdinName } : {}),
  });
  const added = await withQueue(target, context, (session) =>
    addRun(session, records, { run, settings, userDictionary, limits: { ...DEFAULT_BATCH, records: batch }, attempts }),
  );
  const done = added.done > 0 ? ` (${added.done} of them already done)` : '';
  context.warn(
    `korner: run ${run}: ${added.records} documents in ${added.jobs} jobs${done} on queue ${target.queue} at ${shownUrl(target.redis)}; ` +
      `start workers ("korner worker --queue ${target.queue}"), then "korner queue results --run ${run}".`,
  );
  return write(context, `${run}\n`);
}

function describeMissing(status: RunStatus): string {
  if (status.jobs === undefined) {
    return `run ${status.run} is not wholly added (its "korner queue add" is running, or stopped before the end: run it again with --run ${status.run})`;
  }
  return `run ${status.run} has ${status.active + status.pending} of ${status.jobs} jobs still to come (${status.active} active, ${status.pending} pending); start workers ("korner worker"), or wait for them with --wait SECONDS`;
}

async function runResults(args: string[], context: CliContext): Promise<number> {
  const { values } = parseCommandArgs('queue results', args, { ...COMMON, output: { type: 'string', short: 'o' }, wait: { type: 'string', default: '0' } });
  if (values.help) return write(context, resultsHelp);
  const run = requiredRun('results', values.run);
  const waitMs = secondsOption('queue results', 'wait', values.wait!, { zero: true });
  return withQueue(queueTarget(values), context, async (session) => {
    const deadline = Date.now() + waitMs;
    let status = await runStatus(session, run);
    while (jobsToCome(status) > 0 && Date.now() < deadline) {
      await sleep(Math.min(500, deadline - Date.now()));
      status = await runStatus(session, run);
    }
    if (jobsToCome(status) > 0) {
      context.warn(`korner: ${describeMissing(status)}. Nothing written.`);
      return RESULTS_INCOMPLETE;
    }
    const file = values.output === undefined ? undefined : createWriteStream(values.output);
    const out = file ? new Output(file) : context.stdout;
    try {
      const count = await writeRunOutput(status.settings.format, runOutcomes(session, status), (text) => out.write(text), context.warn);
      if (status.failed.length > 0) {
        context.warn(
          `korner: ${status.failed.length} job(s) of run ${run} failed for good; their documents are error records in the output. Fix the cause, then "korner queue retry --run ${run}" and ask for the results again.`,
        );
      }
      return count.errors > 0 ? 1 : 0;
    } finally {
      if (file) await new Promise<void>((resolve) => file.end(resolve));
    }
  });
}

async function runStatusCommand(args: string[], context: CliContext): Promise<number> {
  const { values } = parseCommandArgs('queue status', args, { ...COMMON, json: { type: 'boolean', default: false } });
  if (values.help) return write(context, statusHelp);
  const target = queueTarget(values);
  return withQueue(target, context, async (session) => {
    const names = values.run === undefined ? await runNames(session) : [checkName('run', values.run)];
    const runs = [];
    for (const name of names) runs.push(await runStatus(session, name));
    const counts = await queueCounts(session);
    if (values.json) {
      const shown = runs.map(({ settings: _settings, ...status }) => status);
      return write(context, `${JSON.stringify({ queue: target.queue, counts, runs: shown })}\n`);
    }
    const rows = [
      ['run', 'jobs', 'done', 'failed', 'active', 'pending', 'documents'],
      ...runs.map((s) => [s.run, s.jobs === undefined ? 'adding' : String(s.jobs), String(s.done), String(s.failed.length), String(s.active), String(s.pending), String(s.records ?? '')]),
    ];
    const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
    const table = rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd());
    const queueLine = `queue ${target.queue}: ${Object.entries(counts).map(([state, n]) => `${n} ${state}`).join(', ')}`;
    return write(context, `${runs.length > 0 ? `${table.join('\n')}\n` : 'no runs\n'}${queueLine}\n`);
  });
}

async function runRetry(args: string[], context: CliContext): Promise<number> {
  const { values } = parseCommandArgs('queue retry', args, COMMON);
  if (values.help) return write(context, retryHelp);
  const run = requiredRun('retry', values.run);
  const retried = await withQueue(queueTarget(values), context, (session) => retryRun(session, run));
  context.warn(`korner: ${retried} failed job(s) of run ${run} queued again.`);
  return 0;
}

async function runRemove(args: string[], context: CliContext): Promise<number> {
  const { values } = parseCommandArgs('queue remove', args, COMMON);
  if (values.help) return write(context, removeHelp);
  const run = requiredRun('remove', values.run);
  await withQueue(queueTarget(values), context, async (session) => {
    await runStatus(session, run); // an unknown run is an error, not a silent success
    await removeRun(session, run);
  });
  context.warn(`korner: run ${run} removed.`);
  return 0;
}

async function write(context: CliContext, text: string): Promise<number> {
  await context.stdout.write(text);
  return 0;
}

const SUBCOMMANDS: Record<string, (args: string[], context: CliContext) => Promise<number>> = {
  add: runAdd,
  results: runResults,
  status: runStatusCommand,
  retry: runRetry,
  remove: runRemove,
};

export async function runQueue(args: string[], context: CliContext): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '-h' || name === '--help') {
    await context.stdout.write(queueHelp);
    return name === undefined ? 2 : 0;
  }
  const subcommand = SUBCOMMANDS[name];
  if (!subcommand) {
    throw new KornerError(ERROR_CODES.USAGE, `queue: unknown command "${name}"; the commands are ${Object.keys(SUBCOMMANDS).join(', ')} (korner queue --help).`);
  }
  return subcommand(rest, context);
}
