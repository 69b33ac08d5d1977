// Preloaded into the processes that scripts/bench/large.mjs measures (node --import): prints the process's peak
// resident set at exit, for every thread of it, where the bench can find it on standard error.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\nKORNER_BENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
