import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/helpers/network-guard.ts'],
    // A ceiling against hangs, not a speed goal (those are in npm run bench): the sample-agency jobs render PDFs and
    // run whole cycles, which takes longer on a busy two-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
