import { describe, expect, it } from 'vitest';
import { tuneV8ForBatchRuns } from '../../src/cli/v8Tuning.js';

describe('tuneV8ForBatchRuns', () => {
  it.each([
    ['node was started with an interrupt budget', ['--interrupt-budget=1000'], false],
    ['with the underscore spelling', ['--interrupt_budget=1000'], false],
    ['with the value as its own argument', ['--interrupt-budget', '1000'], false],
    ['node was started with other flags', ['--max-old-space-size=4096', '--enable-source-maps'], true],
    ['node was started with none', [], true],
  ])('sets the budget unless the user chose one: %s', (_title, execArgv, expected) => {
    expect(tuneV8ForBatchRuns(execArgv)).toBe(expected);
  });
});
