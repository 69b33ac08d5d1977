import { defineConfig } from 'vitest/config';

// Two groups: every test file in parallel, then the linear-time test (tests/performance/) alone, so that the ratios
// of times it asserts are not measured while other test files take the cores.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 300_000,
    reporters: ['default', './scripts/vitest-summary.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/performance/**'], sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'timing', include: ['tests/performance/**/*.test.ts'], fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
