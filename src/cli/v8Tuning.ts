import { setFlagsFromString } from 'node:v8';

/**
 * V8's interrupt budget for the CLI process: how much bytecode a function runs before V8 considers optimising it.
 * The default (67,584 in Node 20) optimises korner's large hot functions (the lattice, the tagger's emissions,
 * the date and quantity scanners) before they have seen their rarer branches, and each branch met later throws
 * the optimised code away and compiles it again; on one core that compiling takes time from the pipeline.
 * Measured with `korner extract` over klue-open-text (valgrind instruction counts, node --single-threaded
 * --predictable): 17.10 G with the default, 15.23 G at 200,000, 15.09 G at 400,000, 15.74 G at 800,000; over the
 * first 20,000 lines of nsmc-5mb 30.40 G -> 28.83 G at 400,000.
 */
export const CLI_INTERRUPT_BUDGET = 400_000;

/**
 * Sets the interrupt budget for this process, unless node was started with one (`node --interrupt-budget=N`).
 * Only the CLI calls this: it owns its process, where a library must not change V8 flags for its host.
 */
export function tuneV8ForBatchRuns(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((arg) => /^--interrupt[-_]budget(=|$)/.test(arg))) return false;
  setFlagsFromString(`--interrupt-budget=${CLI_INTERRUPT_BUDGET}`);
  return true;
}
