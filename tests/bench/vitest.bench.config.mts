import { defineConfig } from 'vitest/config';

/** `npm run bench`: one long-running file, its console printed as it goes (not buffered per test). */
export default defineConfig({
  test: {
    include: ['tests/bench/bench.run.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 20 * 60_000,
    hookTimeout: 60_000,
    disableConsoleIntercept: true,
    reporters: ['dot'],
  },
});
