/**
 * The entry point of `npm run bench` (run by vitest, which runs TypeScript in Node here). It never
 * fails because a budget is missed: the figures and their budgets are printed and written to
 * `bench-results/latest.json`.
 */
import { expect, it } from 'vitest';
import { runBench } from './runBench';

it('measures the app against the performance budgets', async () => {
  const report = await runBench();
  expect(report.figures.length).toBeGreaterThan(0);
}, 20 * 60_000);
