import { describe, expect, it } from 'vitest';
import { CLI_HEAP_GROWING_PERCENT, CLI_INTERRUPT_BUDGET, tuneV8ForBatchRuns } from '../../src/cli/v8Tuning.js';

const budget = `--interrupt-budget=${CLI_INTERRUPT_BUDGET}`;
const growth = `--heap-growing-percent=${CLI_HEAP_GROWING_PERCENT}`;

describe('tuneV8ForBatchRuns', () => {
  it.each([
    ['node was started with an interrupt budget', ['--interrupt-budget=1000'], [growth]],
    ['with the underscore spelling', ['--interrupt_budget=1000'], [growth]],
    ['with the value as its own argument', ['--interrupt-budget', '1000'], [growth]],
    ['node was started with a heap growth', ['--heap-growing-percent=10'], [budget]],
    ['node was started with both', ['--heap_growing_percent=10', '--interrupt-budget=5'], []],
    ['node was started with other flags', ['--max-old-space-size=4096', '--enable-source-maps'], [budget, growth]],
    ['node was started with none', [], [budget, growth]],
  ])('sets each flag unless the user chose it: %s', (_title, execArgv, expected) => {
    expect(tuneV8ForBatchRuns(execArgv)).toEqual(expected);
  });
});
