/**
 * The full kill test: 500 SIGKILLs (override with PM_KILLS, reseed with PM_KILL_SEED) at seeded
 * random moments of a process that saves a product continuously. See
 * tests/unit/reliability/killHarness.ts for what is checked after every kill.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildKillChild, describeKillStats, runKillTest } from '../unit/reliability/killHarness';

const KILLS = Number(process.env['PM_KILLS'] ?? 500);
const SEED = Number(process.env['PM_KILL_SEED'] ?? 19_700_101);

let bundle: string;
let cleanup: () => void = () => undefined;

beforeAll(async () => {
  ({ bundle, cleanup } = await buildKillChild());
});

afterAll(() => cleanup());

describe('stress: a saving process killed with SIGKILL', () => {
  it(`survives ${KILLS} kills with the file whole, valid and never older than the last completed write`, async () => {
    const stats = await runKillTest(bundle, { kills: KILLS, seed: SEED });
    console.log(describeKillStats(stats));
    expect(stats.kills).toBe(KILLS);
    expect(stats.writesCompleted).toBeGreaterThan(KILLS);
    expect(stats.tempFilesLeft).toBeGreaterThan(KILLS / 20);
    expect(stats.inFlightAtKill).toBeGreaterThan(0);
  });
});
