import type { CliContext } from './context.js';
import { SIGNAL_EXIT } from './interrupt.js';
import { main } from './main.js';
import { Output } from './output.js';
import { tuneV8ForBatchRuns } from './v8Tuning.js';

tuneV8ForBatchRuns();

const context: CliContext = {
  stdout: new Output(process.stdout),
  warn: (message) => process.stderr.write(`${message}\n`),
  stderr: process.stderr,
  signals: process,
};
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // A closed pipe (korner ... | head) is a normal end, not a crash.
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
main(process.argv.slice(2), context).then(
  (status) => {
    // After a signal, standard input may still be open (a run stops without reading it to its end): exit now.
    if (status === SIGNAL_EXIT.SIGINT || status === SIGNAL_EXIT.SIGTERM) process.exit(status);
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`korner: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 70;
  },
);
