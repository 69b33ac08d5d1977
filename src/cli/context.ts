import type { Output } from './output.js';

/** What a command may use of the outside world: injected so that tests can run commands in-process. */
export interface CliContext {
  stdout: Output;
  warn: (message: string) => void;
  /** Standard error, for a progress bar when it is a terminal (absent in tests: no bar). */
  stderr?: NodeJS.WriteStream;
  /** The process whose SIGINT and SIGTERM a long run catches to stop cleanly (absent in tests). */
  signals?: NodeJS.Process;
}
