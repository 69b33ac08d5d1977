import { runQueueWorker } from '../../parallel/queueWorker.js';
import { parseCommandArgs, positiveInteger } from '../args.js';
import type { CliContext } from '../context.js';
import { Interrupt, SIGNAL_EXIT } from '../interrupt.js';
import { QUEUE_OPTIONS, QUEUE_OPTIONS_HELP, queueTarget, secondsOption } from '../queueOptions.js';

export const workerHelp = `Usage: korner worker [options]

Takes jobs from the queue that "korner queue add" fills, one at a time, extracts, and stores each job's results in
Redis. Start as many as you like, on any machines that reach the Redis server: one per core (a worker uses one),
e.g. "for i in $(seq $(nproc)); do korner worker --idle-exit 60 & done; wait". A job runs again when it throws
(up to the run's --attempts) or when its worker dies (another worker takes it once its lock expires); the results
hold each document once however often its job ran. Prints a line per job on standard error.

Options:
${QUEUE_OPTIONS_HELP}
  --idle-exit SECONDS          stop once the queue has nothing waiting, active or delayed and no job came for
                               SECONDS (default: keep waiting for jobs)
  --lock SECONDS               a job's lock (default 30): when a worker dies, its job goes to another worker
                               after about this long; give every worker of a queue the same
  --stalled-interval SECONDS   how often to look for jobs whose worker died (default 30)
  --max-stalled N              how often a job may lose its worker before it fails for good (default 1)
  -q, --quiet                  no line per job
  -h, --help                   show this help

Exit status: 0 stopped by --idle-exit; 2 usage error or no Redis; 130 or 143 stopped by SIGINT or SIGTERM (after
finishing the job it had; a second signal stops it at once, and the job goes to another worker).
`;

export async function runWorker(args: string[], context: CliContext): Promise<number> {
  const { values } = parseCommandArgs('worker', args, {
    ...QUEUE_OPTIONS,
    'idle-exit': { type: 'string' },
    lock: { type: 'string', default: '30' },
    'stalled-interval': { type: 'string', default: '30' },
    'max-stalled': { type: 'string', default: '1' },
    quiet: { type: 'boolean', short: 'q', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    await context.stdout.write(workerHelp);
    return 0;
  }
  const target = queueTarget(values);
  const idleExit = values['idle-exit'];
  const interrupt = new Interrupt(context.signals);
  try {
    const summary = await runQueueWorker({
      ...target,
      lockMs: secondsOption('worker', 'lock', values.lock!),
      stalledIntervalMs: secondsOption('worker', 'stalled-interval', values['stalled-interval']!),
      maxStalled: positiveInteger('worker', 'max-stalled', values['max-stalled']!),
      ...(idleExit === undefined ? {} : { idleExitMs: secondsOption('worker', 'idle-exit', idleExit, { zero: true }) }),
      stop: interrupt.arrived,
      log: context.warn,
      ...(values.quiet ? {} : { logJob: context.warn }),
    });
    context.warn(`korner worker: ${summary.why === 'idle' ? 'queue empty' : `stopped by ${interrupt.signal}`}, ${summary.jobs} job(s) done`);
    return interrupt.signal ? SIGNAL_EXIT[interrupt.signal] : 0;
  } finally {
    interrupt.dispose();
  }
}
