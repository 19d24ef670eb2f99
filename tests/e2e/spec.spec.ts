/**
 * The Spec editor through the web shell: create a PRD from its template, write with Markdown
 * shortcuts, the / menu and story mentions, check what reaches the product file, export Markdown,
 * HTML and a PDF (the print stylesheet through Chromium), build the portfolio pack, and pass axe.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { exportAndRead, pdfTextOf, savedNotice } from './exports';
import { expect, test, waitForSaved, docScreenshot, expectNoSeriousAxeViolations } from './fixtures';

interface DiskNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DiskNode[];
  text?: string;
}
interface DiskSpec {
  id: string;
  title: string;
  template: string;
  content: DiskNode;
  linkedStoryIds: string[];
}

async function openSpecs(app: Page): Promise<void> {
  await app.getByRole('button', { name: 'Start practising with Larder' }).click();
  await app.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Spec' }).click();
  await expect(app.getByRole('heading', { name: 'Specs' })).toBeVisible();
}

function findNodes(node: DiskNode, type: string): DiskNode[] {
  const out: DiskNode[] = node.type === type ? [node] : [];
  for (const child of node.content ?? []) out.push(...findNodes(child, type));
  return out;
}

function textOf(node: DiskNode): string {
  return node.text ?? (node.content ?? []).map(textOf).join('');
}

test('create a PRD, write with shortcuts, the / menu and a mention; it is saved and survives a reload', async ({ app, shell }) => {
  await openSpecs(app);
  await app.getByRole('button', { name: 'New spec' }).click();
  const dialog = app.getByRole('dialog', { name: 'New spec' });
  await expect(dialog.getByRole('radio', { name: /PRD/ })).toBeChecked();
  await dialog.getByLabel('Title').fill('PRD: Shared meal plans');
  await dialog.getByRole('button', { name: 'Create spec' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('navigation', { name: 'Specs' }).getByRole('button', { name: /PRD: Shared meal plans/ })).toHaveAttribute('aria-current', 'page');

  const editor = app.getByRole('textbox', { name: 'Spec text' });
  // The template's sections and prompts are there, and the checks say what is missing.
  await expect(editor.getByRole('heading', { name: 'Goals and success metrics' })).toBeVisible();
  await expect(app.getByRole('complementary', { name: 'Spec checks and links' })).toContainText('Required sections');

  // After the last prompt, a new paragraph in plain text (not the prompt's italics).
  await editor.getByText('How you will release and learn').click();
  await app.keyboard.press('Control+End');
  // The browser moves the caret natively and tells the editor in a later selectionchange event:
  // wait until the caret is at the end of the last prompt and two frames have passed, so the
  // editor has read it before Enter (a person never types within those milliseconds).
  await expect(editor).toBeFocused();
  await expect
    .poll(() => app.evaluate(() => window.getSelection()?.anchorNode?.textContent?.includes('How you will release and learn') ?? false))
    .toBe(true);
  await app.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(null)))));
  await app.keyboard.press('Enter');
  // Markdown shortcuts: "## " makes a heading, "- " a bulleted list.
  await app.keyboard.type('## Rollout notes');
  await app.keyboard.press('Enter');
  await expect(editor.getByRole('heading', { level: 2, name: 'Rollout notes' })).toBeVisible();
  await app.keyboard.type('- Invite ten households');
  await app.keyboard.press('Enter');
  await app.keyboard.type('Collect feedback weekly');
  await app.keyboard.press('Enter');
  await app.keyboard.press('Enter');
  await expect(editor.locator('ul li', { hasText: 'Collect feedback weekly' })).toBeVisible();

  // A story mention: "#" opens the backlog search.
  await app.keyboard.type('Delivered by #');
  const mentions = app.getByRole('listbox', { name: 'Stories and epics' });
  await expect(mentions).toBeVisible();
  await app.keyboard.type('receipt');
  await expect(mentions.getByRole('option').first()).toContainText('Scan a supermarket receipt');
  await app.keyboard.press('Enter');
  await expect(mentions).toBeHidden();
  const chip = editor.getByRole('link', { name: /Story Scan a supermarket receipt to add everything I bought, Ready/ });
  await expect(chip).toBeVisible();
  await app.keyboard.press('Enter');

  // The / menu inserts a table.
  await app.keyboard.type('/table');
  const slash = app.getByRole('listbox', { name: 'Insert a block or section' });
  await expect(slash.getByRole('option', { name: /^Table/ })).toHaveAttribute('aria-selected', 'true');
  await app.keyboard.press('Enter');
  await expect(slash).toBeHidden();
  const table = editor.locator('table').last();
  await expect(table.locator('tr')).toHaveCount(3);
  await app.keyboard.type('Metric');
  await app.keyboard.press('Tab');
  await app.keyboard.type('Target');

  // Typing is saved as coalesced edits: wait until the file holds it.
  const specOnDisk = (): DiskSpec | undefined => (shell.readProduct('larder')['specs'] as DiskSpec[]).find((s) => s.title === 'PRD: Shared meal plans');
  const lastTableHeader = () => {
    const content = specOnDisk()?.content;
    return content ? findNodes(content, 'table').at(-1)?.content?.[0]?.content?.map(textOf) : undefined;
  };
  await expect.poll(lastTableHeader, { timeout: 15_000 }).toEqual(['Metric', 'Target', '']);
  await waitForSaved(app);
  const saved = specOnDisk();
  if (!saved) throw new Error('spec not on disk');
  expect(saved.template).toBe('prd');
  expect(findNodes(saved.content, 'heading').some((h) => h.attrs?.['level'] === 2 && textOf(h) === 'Rollout notes')).toBe(true);
  const list = findNodes(saved.content, 'bulletList').find((l) => textOf(l).includes('Invite ten households'));
  expect(list?.content?.map(textOf)).toEqual(['Invite ten households', 'Collect feedback weekly']);
  expect(findNodes(saved.content, 'mention')).toEqual([{ type: 'mention', attrs: { id: 'st-124', kind: 'story', mentionSuggestionChar: '#' } }]);
  const savedTable = findNodes(saved.content, 'table').at(-1);
  expect(savedTable?.content?.[0]?.content?.map(textOf)).toEqual(['Metric', 'Target', '']);
  expect(findNodes(savedTable ?? { type: 'x' }, 'tableHeader')).toHaveLength(3);

  // Reload: the same spec opens with the same content.
  await app.reload();
  const reloaded = app.getByRole('textbox', { name: 'Spec text' });
  await expect(reloaded.getByRole('heading', { level: 2, name: 'Rollout notes' })).toBeVisible();
  await expect(reloaded.getByRole('link', { name: /Story Scan a supermarket receipt/ })).toBeVisible();
  await expect(reloaded.locator('table').last().locator('th').first()).toHaveText('Metric');
  await expect(app.getByLabel('Title')).toHaveValue('PRD: Shared meal plans');
});

test('the toolbar follows the selection, and an outside change (shell undo, file on disk) shows in the editor', async ({ app, shell }) => {
  await openSpecs(app);
  const editor = app.getByRole('textbox', { name: 'Spec text' });
  await expect(editor.getByRole('heading', { name: 'Problem' })).toBeVisible();
  const toolbar = app.getByRole('toolbar', { name: 'Formatting' });

  // Put the cursor in the "Problem" heading: "Heading 2" is pressed, "Bold" is not.
  await editor.getByRole('heading', { name: 'Problem' }).click();
  await expect(toolbar.getByRole('button', { name: 'Heading 2' })).toHaveAttribute('aria-pressed', 'true');
  await expect(toolbar.getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'false');
  // Into a bold run: Bold is pressed.
  await editor.getByText('Status:', { exact: true }).click();
  await expect(toolbar.getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'true');
  await expect(toolbar.getByRole('button', { name: 'Heading 2' })).toHaveAttribute('aria-pressed', 'false');

  // Type, leave the editor (saved on blur), then undo in the shell: the text goes away again.
  await editor.getByRole('heading', { name: 'Problem' }).click();
  await app.keyboard.press('End');
  await expect(editor).toBeFocused();
  await app.keyboard.type(' statement');
  await app.getByLabel('Title').focus();
  await waitForSaved(app);
  await expect(editor.getByRole('heading', { name: 'Problem statement' })).toBeVisible();
  await app.getByRole('button', { name: 'Undo' }).first().click();
  await expect(editor.getByRole('heading', { name: 'Problem', exact: true })).toBeVisible();
  await waitForSaved(app);

  // Another program changes the file: a story is renamed and the spec gets a new paragraph.
  const product = shell.readProduct('larder');
  const stories = product['stories'] as { id: string; title: string }[];
  const story = stories.find((s) => s.id === 'st-115');
  if (!story) throw new Error('no st-115');
  story.title = 'Type in an unknown product';
  const spec = (product['specs'] as DiskSpec[])[0];
  if (!spec) throw new Error('no spec');
  spec.content.content?.push({ type: 'paragraph', content: [{ type: 'text', text: 'Mentioned from disk ' }, { type: 'mention', attrs: { id: 'st-115', kind: 'story', mentionSuggestionChar: '#' } }] });
  writeFileSync(join(shell.folder, 'larder.product.json'), `${JSON.stringify(product, null, 2)}\n`);
  await expect(editor.getByText('Mentioned from disk')).toBeVisible({ timeout: 15_000 });
  await expect(editor.getByRole('link', { name: /Story Type in an unknown product, Ready/ })).toBeVisible();
  await waitForSaved(app);

  // The story is deleted (and every link to it cleared): the mention stays as a visible "deleted story" chip.
  const next = shell.readProduct('larder');
  next.stories = next.stories.filter((s) => s.id !== 'st-115');
  const roadmap = next['roadmap'] as { items: { storyIds: string[] }[] };
  for (const item of roadmap.items) item.storyIds = item.storyIds.filter((id) => id !== 'st-115');
  for (const s of next['specs'] as DiskSpec[]) s.linkedStoryIds = s.linkedStoryIds.filter((id) => id !== 'st-115');
  writeFileSync(join(shell.folder, 'larder.product.json'), `${JSON.stringify(next, null, 2)}\n`);
  const deletedChip = editor.locator('.mention-chip', { hasText: 'deleted story' });
  await expect(deletedChip).toBeVisible({ timeout: 15_000 });
  await expect(deletedChip).toContainText('st-115');
  await expect(editor.getByRole('link', { name: /Type in an unknown product/ })).toHaveCount(0);
  await expect(app.getByRole('complementary', { name: 'Spec checks and links' })).toContainText('A mention points at a story that was deleted (st-115)');

  // Links: only web and e-mail addresses are accepted.
  await editor.getByText('Mentioned from disk').dblclick({ position: { x: 10, y: 6 } });
  await toolbar.getByRole('button', { name: 'Link' }).click();
  const address = app.getByLabel('Link address');
  await address.fill('javascript:alert(1)');
  await address.press('Enter');
  await expect(app.getByRole('alert').filter({ hasText: 'Links must be web addresses' })).toBeVisible();
  await address.fill('example.com/plan');
  await address.press('Enter');
  await expect(editor.getByRole('link', { name: 'Mentioned' })).toHaveAttribute('href', 'https://example.com/plan');
  await app.getByLabel('Title').focus();
  await expect
    .poll(() => JSON.stringify((shell.readProduct('larder')['specs'] as DiskSpec[])[0]?.content), { timeout: 15_000 })
    .toContain('{"type":"link","attrs":{"href":"https://example.com/plan"');
});

test('exports Markdown and HTML into the workspace, and the print stylesheet makes a PDF with the spec', async ({ app, shell }, testInfo) => {
  await openSpecs(app);
  await expect(app.getByLabel('Title')).toHaveValue('PRD: Scan to stock the pantry');

  const exportVia = async (name: string, fileName: string) => {
    await app.getByRole('button', { name: 'Export ▾' }).click();
    return exportAndRead(app, app.getByRole('button', { name }), shell, 'larder', fileName);
  };

  const md = await exportVia('Markdown (.md)', 'prd-scan-to-stock-the-pantry.md');
  expect(md.text.startsWith('# PRD: Scan to stock the pantry\n\n*Larder · PRD*\n\n## Scan to stock: barcode and receipt pantry entry\n')).toBe(true);
  expect(md.text).toContain('| Metric | Baseline | Target | By |\n| --- | --- | --- | --- |\n| New households with 15+ pantry items within 7 days | 31% | 55% | 2027-03-31 |');
  expect(md.text).toContain('\n### Problem\n');
  expect(md.text).toContain('**Non-goals:** e-receipts from email');
  expect(md.text).toContain('> *Reviewer note (design):');
  // What the learner sees: the notice with the whole path (docs/screenshots, light and dark).
  for (const colorScheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme });
    await docScreenshot(app, join(__dirname, `../../docs/screenshots/export-notice-${colorScheme}.png`));
  }
  await app.emulateMedia({ colorScheme: 'light' });

  const html = await exportVia('HTML page (.html)', 'prd-scan-to-stock-the-pantry.html');
  expect(html.text).toContain('<h1>PRD: Scan to stock the pantry</h1>');
  expect(html.text).toContain('<th scope="col"><p>Metric</p></th>');
  expect(html.text).toContain('@media print');
  expect(html.text).not.toMatch(/<script/i);

  // The web shell cannot make PDFs (export.pdf is unsupported): "PDF" prints the same exported page
  // (its own print stylesheet) from a hidden frame, where the browser's "Save as PDF" applies.
  await app.getByRole('button', { name: 'Export ▾' }).click();
  await app.getByRole('button', { name: 'PDF (.pdf)' }).click();
  await expect(app.frameLocator('iframe[title="Print preview: prd-scan-to-stock-the-pantry.pdf"]').getByRole('heading', { level: 1, name: 'PRD: Scan to stock the pantry' })).toBeAttached();
  await expect(app.getByRole('status').filter({ hasText: 'Opened the print dialog for prd-scan-to-stock-the-pantry.pdf' })).toBeVisible();

  // The print stylesheet: Chromium prints the exported page file (print media) to PDF; pdftotext reads it.
  const text = await pdfTextOf(app, readFileSync(html.path, 'utf8'), testInfo.outputPath('spec.pdf'));
  expect(text).toContain('PRD: Scan to stock the pantry');
  expect(text).toContain('Goals and success metrics');
  expect(text).toMatch(/New households with 15\+ pantry items/);
});

test('duplicate, rename and delete specs, each undoable', async ({ app, shell }) => {
  await openSpecs(app);
  const list = app.getByRole('navigation', { name: 'Specs' });
  await app.getByRole('button', { name: 'Duplicate' }).click();
  await expect(list.getByRole('button', { name: /PRD: Scan to stock the pantry \(copy\)/ })).toHaveAttribute('aria-current', 'page');
  const title = app.getByLabel('Title');
  await title.fill('PRD: Receipt scanning only');
  await title.press('Enter');
  await expect(list.getByRole('button', { name: /PRD: Receipt scanning only/ })).toBeVisible();
  await app.getByRole('button', { name: 'Delete' }).click();
  await expect(list.getByRole('button', { name: /Receipt scanning only/ })).toHaveCount(0);
  await app.getByRole('status').filter({ hasText: 'Deleted “PRD: Receipt scanning only”.' }).getByRole('button', { name: 'Undo' }).click();
  await expect(list.getByRole('button', { name: /PRD: Receipt scanning only/ })).toBeVisible();
  await waitForSaved(app);
  const specs = shell.readProduct('larder')['specs'] as DiskSpec[];
  expect(specs.map((s) => s.title)).toEqual(['PRD: Scan to stock the pantry', 'PRD: Receipt scanning only']);
  expect(specs[1]?.content).toEqual(specs[0]?.content);
});

test('portfolio pack: pick the parts, set the author, export one standalone page and say where it is', async ({ app, shell }) => {
  await openSpecs(app);
  await app.getByRole('button', { name: 'Portfolio pack…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Portfolio pack' });
  await dialog.getByLabel('Your name (on the cover)').fill('Alex Morgan');
  await dialog.getByLabel('Your name (on the cover)').press('Enter');
  await dialog.getByRole('checkbox', { name: 'Backlog summary' }).uncheck();
  await expectNoSeriousAxeViolations(app);
  const { path, text: html } = await exportAndRead(dialog, dialog.getByRole('button', { name: 'Export HTML' }), shell, 'larder', 'larder-portfolio.html');
  expect(html).toContain('<h1>Larder</h1>');
  expect(html).toContain('Prepared by <strong>Alex Morgan</strong>');
  expect(html).toContain('<h1>PRD: Scan to stock the pantry</h1>');
  expect(html).toContain('<h1>Roadmap</h1>');
  expect(html).toContain('<h1>Prioritisation</h1>');
  expect(html).not.toContain('<h1>Backlog summary</h1>');
  expect(html).not.toMatch(/<script/i);

  // The notice shows the whole path, copies it, passes axe, and goes when dismissed.
  const notice = savedNotice(dialog, path);
  await app.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await notice.getByRole('button', { name: 'Copy path' }).click();
  await expect(notice.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await app.evaluate(() => navigator.clipboard.readText())).toBe(path);
  await expectNoSeriousAxeViolations(app);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Saved to' })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Export HTML' })).toBeFocused();

  // Its PDF: the web shell prints the same page in the browser.
  await dialog.getByRole('button', { name: 'Export PDF' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Opened the print dialog for larder-portfolio.pdf' })).toBeVisible();
  await expect(app.frameLocator('iframe[title="Print preview: larder-portfolio.pdf"]').getByText('Prepared by Alex Morgan')).toBeAttached();

  await waitForSaved(app);
  expect(shell.readProduct('larder')['author']).toBe('Alex Morgan');
});

test('the spec view passes axe (slash menu and dialog open too); screenshots in light and dark', async ({ app }) => {
  await openSpecs(app);
  const editor = app.getByRole('textbox', { name: 'Spec text' });
  await expect(editor.getByRole('heading', { name: 'Problem' })).toBeVisible();
  await expectNoSeriousAxeViolations(app);
  const dir = join(__dirname, '../../docs/screenshots');
  await docScreenshot(app, join(dir, 'spec-light.png'));
  await app.emulateMedia({ colorScheme: 'dark' });
  await docScreenshot(app, join(dir, 'spec-dark.png'));
  await app.emulateMedia({ colorScheme: 'light' });

  // Live blocks and a mention, written into the Requirements section.
  await editor.getByRole('heading', { name: 'Requirements' }).click();
  await app.keyboard.press('End');
  await expect(editor).toBeFocused();
  await app.keyboard.press('Enter');
  await app.keyboard.type('Delivered by #receipt');
  await expect(app.getByRole('listbox', { name: 'Stories and epics' }).getByRole('option').first()).toContainText('Scan a supermarket receipt');
  await app.keyboard.press('Enter');
  await app.keyboard.type('and #torch');
  await app.keyboard.press('Enter');
  await app.keyboard.press('Enter');
  await app.keyboard.type('/rice');
  await app.keyboard.press('Enter');
  await expect(editor.getByText('Live from Prioritize')).toBeVisible();
  await app.keyboard.type('/');
  const slash = app.getByRole('listbox', { name: 'Insert a block or section' });
  await expect(slash).toBeVisible();
  await expectNoSeriousAxeViolations(app);
  await editor.getByRole('heading', { name: 'Requirements' }).scrollIntoViewIfNeeded();
  await docScreenshot(app, join(dir, 'spec-blocks-light.png'));
  await app.emulateMedia({ colorScheme: 'dark' });
  await docScreenshot(app, join(dir, 'spec-blocks-dark.png'));
  await app.emulateMedia({ colorScheme: 'light' });
  await app.keyboard.press('Escape');
  await app.keyboard.press('Backspace');

  await app.getByRole('button', { name: 'New spec' }).click();
  await expect(app.getByRole('dialog', { name: 'New spec' })).toBeVisible();
  await expectNoSeriousAxeViolations(app);
  await docScreenshot(app, join(dir, 'spec-new-light.png'));
  await app.keyboard.press('Escape');
  await expect(app.getByRole('dialog', { name: 'New spec' })).toBeHidden();
});
