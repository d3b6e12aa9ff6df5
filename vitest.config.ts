import { defineConfig } from 'vitest/config';

// Two projects, one command (`npm test`): Node tests on both CPUs first (the dialect matrix alone
// is some 6 CPU-minutes), then the real-browser tests, which build the extension and drive Debian
// Chromium one file at a time — never beside CPU-bound tests, which would make them flaky.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/*.test.ts'],
          environment: 'node',
          testTimeout: 20000,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/setup.ts'],
          testTimeout: 60000,
          hookTimeout: 90000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
