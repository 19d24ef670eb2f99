/**
 * Screenshots for the README (`npm run screenshots`): the start screen and each view, light and
 * dark, taken from the real app in the web shell. Not part of `npm test`.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';

const themes = ['light', 'dark'] as const;

async function shoot(page: Page, name: string): Promise<void> {
  for (const theme of themes) {
    await page.emulateMedia({ colorScheme: theme });
    await page.screenshot({ path: `docs/screenshots/${name}-${theme}.png` });
  }
}

test('README screenshots', async ({ app }) => {
  await expect(app.getByRole('heading', { name: 'Sample products' })).toBeVisible();
  await app.getByRole('button', { name: 'Start practising with Shiftwise' }).click();
  await app.getByRole('link', { name: '← All products' }).click();
  await expect(app.getByRole('list', { name: 'Your products' })).toBeVisible();
  await shoot(app, 'start');

  await app.getByRole('button', { name: /^Open Shiftwise/ }).click();
  const board = app.getByRole('region', { name: 'Board' });
  await expect(board).toBeVisible();
  await shoot(app, 'board');
  await board.locator('[data-story-id]').nth(3).click();
  await expect(app.getByRole('complementary', { name: 'Story' })).toBeVisible();
  await shoot(app, 'story-editor');
  await app.getByRole('button', { name: 'Close story editor' }).click();
  await app.getByRole('button', { name: 'List', exact: true }).click();
  await shoot(app, 'backlog-list');
});
