import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeFs } from '../../src/main/core/fsAdapter';
import { RECOVERY_REASONS, saveRecoveredVersion } from '../../src/main/core/recoveredVersions';
import { parseProductText } from '../../src/shared/model/productFile';
import type { Product } from '../../src/shared/model/schema';
import { expect, expectNoSeriousAxeViolations, SAMPLES_DIR, test } from './fixtures';

/** The Larder sample as a learner might have left it: renamed, with a story of their own. */
function learnersLarder(): Product {
  const parsed = parseProductText(readFileSync(join(SAMPLES_DIR, 'larder.product.json'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.reason);
  const [first, ...rest] = parsed.product.stories;
  if (!first) throw new Error('the Larder sample has no stories');
  return {
    ...parsed.product,
    name: 'Larder notes',
    summary: 'My unsaved summary that another program nearly replaced',
    stories: [{ ...first, title: 'Warn me before the milk goes off' }, ...rest],
  };
}

test('a version the app set aside is listed, restored as a copy, and deleted after confirming', async ({ app, shell }) => {
  await expect(app.getByRole('heading', { name: 'PM Practice Workspace' })).toBeVisible();
  await expect(app.getByRole('heading', { name: 'Recovered versions' })).toHaveCount(0);
  // Set aside exactly as the app does when the learner takes the version on disk.
  const product = learnersLarder();
  const saved = await saveRecoveredVersion(nodeFs, shell.folder, product, RECOVERY_REASONS.tookDiskVersion, Date.now());
  await app.reload();

  const list = app.getByRole('list', { name: 'Recovered versions' });
  const item = list.getByRole('listitem').filter({ hasText: 'Larder notes' });
  await expect(item.getByRole('heading', { name: 'Larder notes' })).toBeVisible();
  await expect(item.getByText(`${RECOVERY_REASONS.tookDiskVersion}.`)).toBeVisible();
  await expect(item.getByText(`${product.stories.length} stories`)).toBeVisible();
  await expect(item.locator('time')).toHaveAttribute('datetime', new Date(saved.savedAt).toISOString());
  await expectNoSeriousAxeViolations(app, 'start screen with a recovered version');

  // Restore: a new product appears (and is announced); nothing opens by itself.
  const startUrl = app.url();
  await item.getByRole('button', { name: /^Restore as a copy Larder notes, set aside / }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Restored “Larder notes” as a copy: “Larder notes (recovered)” is now in Your products.' })).toBeVisible();
  expect(app.url()).toBe(startUrl);
  const products = app.getByRole('list', { name: 'Your products' });
  await expect(products.getByRole('link', { name: 'Larder notes (recovered)' })).toBeVisible();
  // The recovered version is kept until it is deleted.
  await expect(item).toBeVisible();

  await products.getByRole('button', { name: 'Open Larder notes (recovered)' }).click();
  await expect(app.getByRole('region', { name: 'Board' }).getByRole('button', { name: /^Warn me before the milk goes off/ })).toBeVisible();
  const restored = shell.readProduct('larder-notes-recovered');
  expect([restored['name'], restored['summary']]).toEqual(['Larder notes (recovered)', product.summary]);
  await app.getByRole('link', { name: '← All products' }).click();

  // Delete: asks first; Escape keeps it, confirming deletes it for good.
  const deleteButton = item.getByRole('button', { name: /^Delete… Larder notes, set aside / });
  await deleteButton.focus();
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: 'Delete this recovered version?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoSeriousAxeViolations(app, 'the delete confirmation');
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(item).toBeVisible();

  await deleteButton.click();
  await dialog.getByRole('button', { name: 'Delete recovered version' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Deleted the recovered version of “Larder notes”.' })).toBeVisible();
  await expect(app.getByRole('heading', { name: 'Recovered versions' })).toHaveCount(0);
  const recovered = join(shell.folder, '.backups', 'recovered');
  expect(existsSync(recovered) ? readdirSync(recovered) : []).toEqual([]);
  // The restored copy stays.
  await expect(products.getByRole('link', { name: 'Larder notes (recovered)' })).toBeVisible();
});
