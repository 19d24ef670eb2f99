/** The backlog board's cards as a learner uses them: find, open, rename. */
import { expect, type Page } from '@playwright/test';

/** The cards of the board's Backlog column. */
export function cards(page: Page) {
  return page.getByRole('region', { name: 'Board' }).getByRole('list', { name: 'Backlog stories' }).getByRole('button');
}

/** Open the nth card of the Backlog column and answer the story editor's Title field. */
export async function titleFieldOf(page: Page, nth: number) {
  await cards(page).nth(nth).click();
  return page.getByRole('complementary', { name: 'Story' }).getByLabel('Title');
}

/** Rename the nth card of the Backlog column; answers the story's id. */
export async function rename(page: Page, nth: number, title: string): Promise<string> {
  const storyId = (await cards(page).nth(nth).getAttribute('data-story-id')) ?? '';
  expect(storyId).not.toBe('');
  const field = await titleFieldOf(page, nth);
  await field.fill(title);
  await field.press('Enter');
  return storyId;
}
