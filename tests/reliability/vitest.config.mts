/**
 * `npm run test:stress`: the long runs of the reliability tests (500 SIGKILLs). `npm test` runs
 * the same harnesses with smaller counts from tests/unit/reliability.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/reliability/**/*.stress.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30 * 60_000,
    hookTimeout: 120_000,
  },
});
