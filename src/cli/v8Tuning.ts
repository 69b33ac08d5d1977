import { setFlagsFromString } from 'node:v8';

/**
 * V8's interrupt budget for the CLI process: how much bytecode a function runs before V8 considers optimising it.
 * The default (67,584 in Node 20) optimises korner's large hot functions (the lattice, the tagger's emissions,
 * the date and quantity scanners) before they have seen their rarer branches, and each branch met later throws
 * the optimised code away and compiles it again; on one core that compiling takes time from the pipeline.
 * Measured with `korner extract` over klue-open-text (valgrind instruction counts, node --single-threaded
 * --predictable): 17.10 G with the default, 15.23 G at 200,000, 15.09 G at 400,000, 15.74 G at 800,000; over the
 * first 20,000 lines of nsmc-5mb 30.40 G -> 28.83 G at 400,000. With two worker threads (5 MB of KLUE text, median
 * of five runs, 2026-12-07) 400,000 was also the fastest: 4.28 s, against 4.55 s at 150,000 and 4.67 s by default.
 */
export const CLI_INTERRUPT_BUDGET = 400_000;

/**
 * How far V8 lets the heap grow past what its last full collection kept, in percent. By default it lets the old
 * generation grow to several times that, and a batch run promotes much garbage (the tokens of a batch live through
 * every stage of it), so the heap, and the process, grew with the input: peak RSS 424 MB over 5 MB of KLUE text as
 * lines, 746-764 MB for 20 MB as one document (whose entities stay live to the end). At 60: 302 MB and 510 MB, for
 * the same wall time on the lines and 7% more on the document (median of five and of three runs, 2026-12-07;
 * at 100: 328 MB and 551 MB; at 25 the document took 40% longer).
 */
export const CLI_HEAP_GROWING_PERCENT = 60;

/** The flags the CLI sets for its process, each unless node was started with it. */
const CLI_FLAGS: readonly { name: string; value: number }[] = [
  { name: 'interrupt-budget', value: CLI_INTERRUPT_BUDGET },
  { name: 'heap-growing-percent', value: CLI_HEAP_GROWING_PERCENT },
];

/**
 * Sets the interrupt budget and the heap growth for this process (and so for its worker threads), each unless
 * node was started with it (`node --interrupt-budget=N`, `--heap-growing-percent=N`); returns the flags it set.
 * Only the CLI calls this: it owns its process, where a library must not change V8 flags for its host.
 */
export function tuneV8ForBatchRuns(execArgv: readonly string[] = process.execArgv): string[] {
  const set: string[] = [];
  for (const { name, value } of CLI_FLAGS) {
    const pattern = new RegExp(`^--${name.replace(/-/g, '[-_]')}(=|$)`);
    if (execArgv.some((arg) => pattern.test(arg))) continue;
    setFlagsFromString(`--${name}=${value}`);
    set.push(`--${name}=${value}`);
  }
  return set;
}
