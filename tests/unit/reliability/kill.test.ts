/**
 * The kill test in `npm test`: 30 SIGKILLs at seeded random moments of a process that saves a
 * product continuously (500 under `npm run test:stress`; `PM_KILLS` and `PM_KILL_SEED` override).
 * See `killHarness.ts` for what is checked after every kill.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildKillChild, describeKillStats, runKillTest } from './killHarness';

const KILLS = Number(process.env['PM_KILLS'] ?? 30);
const SEED = Number(process.env['PM_KILL_SEED'] ?? 20_240_607);

let bundle: string;
let cleanup: () => void = () => undefined;

beforeAll(async () => {
  ({ bundle, cleanup } = await buildKillChild());
}, 60_000);

afterAll(() => cleanup());

describe('a saving process killed with SIGKILL', () => {
  it(`leaves the last completed version or the one in flight, whole and valid, ${KILLS} times`, async () => {
    const stats = await runKillTest(bundle, { kills: KILLS, seed: SEED });
    console.log(describeKillStats(stats));
    expect(stats.kills).toBe(KILLS);
    // The children really were saving when killed (the stress run, with 500 kills, also requires
    // kills in the middle of writes and renames; 30 are too few to demand that every time).
    expect(stats.writesCompleted).toBeGreaterThan(0);
  }, 600_000);

  it('catches a writer that is not crash-safe (self-test: in-place writes are torn by a kill)', async () => {
    const outcome = await runKillTest(bundle, { kills: 20, seed: SEED + 1, unsafeWriter: true, maxDelayMs: 150 }).then(
      (stats) => `survived: ${describeKillStats(stats)}`,
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    expect(outcome).toMatch(/is neither the last completed version .* nor the one in flight|does not parse|lists .*broken/);
  }, 120_000);
});
