import type { Output } from './output.js';

/** What a command may use of the outside world: injected so that tests can run commands in-process. */
export interface CliContext {
  stdout: Output;
  warn: (message: string) => void;
}
