/**
 * The host goes away under the real page: the web shell is SIGKILLed and started again 20 times
 * (seeded, so a failure can be replayed) while the page edits. Every edit the page showed as saved
 * is on disk, and so is every other one once the host is back (the page sends it again by itself);
 * while the host is down the page says "Not saved" within two seconds, and it never sends more
 * than 30 requests in the 5 s after a kill. A page reloaded while the host is down keeps its
 * unsaved edits in the tab and offers them back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { mulberry32 } from '../bench/generate/prng';
import { expect, expectNoSeriousAxeViolations, openSample, startWebShell, test, waitForSaved, type WebShell } from './fixtures';
import { cards, rename } from './storyCards';

const TOKEN = 'host-restart-spec-token-0123456789';
const KILLS = 20;
const SEED = 20_261_208;

type Shell = WebShell & { child: ChildProcess };

function kill(shell: Shell): Promise<void> {
  return new Promise((resolve) => {
    if (shell.child.exitCode !== null || shell.child.signalCode !== null) return resolve();
    shell.child.once('exit', () => resolve());
    shell.child.kill('SIGKILL');
  });
}

const notSaved = (page: import('@playwright/test').Page) => page.getByRole('status').filter({ hasText: /^Not saved$/ });

test.describe('a host that goes away', () => {
  let folder: string;
  let shell: Shell;
  let port: number;

  test.beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'pm-e2e-restart-'));
    // Writes wait 300 ms, so kills land both before and after edits reach the disk.
    shell = await startWebShell(folder, { token: TOKEN, writeDelayMs: 300 });
    port = Number(new URL(shell.url).port);
  });
  test.afterEach(async () => {
    await kill(shell);
    rmSync(folder, { recursive: true, force: true });
  });

  const restart = async (): Promise<void> => {
    shell = await startWebShell(folder, { token: TOKEN, port, writeDelayMs: 300 });
  };

  test(`${KILLS} kills and restarts while editing: nothing shown as saved is lost, and the rest is saved when the host is back`, async ({ page }) => {
    test.setTimeout(300_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const requests: number[] = [];
    page.on('request', () => requests.push(Date.now()));
    await page.goto(shell.url);
    const id = await openSample(page, 'Larder');
    const rng = mulberry32(SEED);
    const latest = new Map<string, string>();
    /** When the page shows "Saved", every edit it made is on disk at that moment. */
    const expectShownSavedOnDisk = (when: string): void => {
      const onDisk = new Map(shell.readProduct(id).stories.map((s) => [s.id, s.title]));
      for (const [storyId, title] of latest) expect(onDisk.get(storyId), `${when}: story ${storyId}`).toBe(title);
    };
    let shownSaved = 0;
    let mostSent = 0;
    let n = 0;
    const edit = async (): Promise<void> => {
      n += 1;
      const title = `Edit ${n} of the restart test`;
      latest.set(await rename(page, Math.floor(rng() * 6), title), title);
    };

    for (let round = 0; round < KILLS; round += 1) {
      for (let k = 0, edits = 1 + Math.floor(rng() * 2); k < edits; k += 1) await edit();
      if (rng() < 0.5) {
        await waitForSaved(page);
        expectShownSavedOnDisk(`round ${round}, before the kill`);
        shownSaved += 1;
      }
      // The kill lands at a random moment: during the write delay, a write, or idle.
      await page.waitForTimeout(Math.floor(rng() * 400));
      await kill(shell);
      const killedAt = Date.now();
      if (rng() < 0.6) {
        await edit();
        await expect(notSaved(page), `round ${round}: "Not saved" within two seconds`).toBeVisible({ timeout: 2000 });
      }
      await page.waitForTimeout(300 + Math.floor(rng() * 1500));
      await restart();
      // The page recovers by itself: no reload, no click.
      await expect(page.getByRole('status').filter({ hasText: /^(Saved|Saving…|Not saved)$/ }), `round ${round}: saved after the restart`).toHaveText('Saved', { timeout: 15_000 });
      expectShownSavedOnDisk(`round ${round}, after the restart`);
      const waitLeft = killedAt + 5000 - Date.now();
      if (waitLeft > 0) await page.waitForTimeout(waitLeft);
      const sent = requests.filter((t) => t >= killedAt && t < killedAt + 5000).length;
      expect(sent, `round ${round}: requests in the 5 s after the kill`).toBeLessThanOrEqual(30);
      mostSent = Math.max(mostSent, sent);
    }

    expect(shownSaved, 'the seed shows "Saved" before some kills').toBeGreaterThan(3);
    expectShownSavedOnDisk('at the end');
    // The figures for the README's Reliability section.
    console.log(`host restarts: ${KILLS} kills, ${n} edits, "Saved" shown before ${shownSaved} kills, at most ${mostSent} requests in the 5 s after a kill`);
    expect(errors).toEqual([]);
  });

  test('reloading while the host is down asks first, and offers the unsaved edits back when it returns', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(shell.url);
    const id = await openSample(page, 'Larder');
    await waitForSaved(page);
    await kill(shell);
    const storyId = await rename(page, 0, 'Typed while the host was down');
    await expect(notSaved(page)).toBeVisible({ timeout: 2000 });
    const banner = page.getByRole('alert', { name: 'Not saved' });
    await expect(banner).toContainText('cannot be reached');
    await expect(banner.getByRole('button', { name: 'Download my version' })).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'not saved banner');

    // The page asks before it goes away with edits that are not on disk. (The host serves the page
    // too, so the reload itself fails until the host is back.)
    const asked = page.waitForEvent('dialog').then(async (dialog) => {
      expect(dialog.type()).toBe('beforeunload');
      await dialog.accept();
    });
    await expect(page.reload()).rejects.toThrow(/ERR_CONNECTION_REFUSED/);
    await asked;
    await restart();
    // The learner reloads again once the host is back (the token is remembered in the tab).
    await page.goto(`http://127.0.0.1:${port}/#/p/${id}/backlog`);
    const offer = page.getByRole('alert', { name: 'Unsaved changes from earlier' });
    await expect(offer).toBeVisible({ timeout: 15_000 });
    await expect(offer).toContainText('One change');
    await expectNoSeriousAxeViolations(page, 'unsaved changes offer');
    await offer.getByRole('button', { name: 'Apply them' }).click();
    await expect(cards(page).first()).toContainText('Typed while the host was down');
    await waitForSaved(page);
    expect(shell.readProduct(id).stories.find((s) => s.id === storyId)?.title).toBe('Typed while the host was down');
    // Applied once: a reload offers nothing more.
    await page.reload();
    await expect(cards(page).first()).toContainText('Typed while the host was down');
    await expect(page.getByRole('alert', { name: 'Unsaved changes from earlier' })).toHaveCount(0);
    expect(errors).toEqual([]);
  });
});
