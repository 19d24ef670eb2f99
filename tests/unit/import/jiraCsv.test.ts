/**
 * Jira CSV import, one realistic fixture per quirk of real exports: repeated columns, multi-line
 * quoted cells, mixed line endings, a BOM, Windows-1252 from Excel, blank rows, Server and Cloud
 * hierarchy columns, custom types and statuses, no Issue key column.
 */
import { describe, expect, it } from 'vitest';
import { describeEncoding } from '../../../src/shared/import/decode';
import { parseJiraCsv } from '../../../src/shared/import/jira';
import { ImportError } from '../../../src/shared/import/types';
import { fixtureText, resultOf, sourceStatusOf, story } from './importFixtures';

describe('Jira Cloud "all fields" export: repeated columns and Cloud hierarchy', () => {
  const result = resultOf('jira-cloud-all-fields.csv');

  it('is recognised as Jira and named after the project', () => {
    expect(result.source).toBe('jira');
    expect(result.suggestedName).toBe('Shopfront');
    expect(result.counts).toEqual({ read: 7, stories: 5, epics: 3, skipped: 0, blankRows: 0 });
  });

  it('reads every Labels and Sprint column (sprints become labels) and keeps every Comment and Attachment', () => {
    const applePay = story(result, 'Pay with Apple Pay');
    expect(applePay.labels).toEqual(['payments', 'mobile', 'SHOP Sprint 4', 'SHOP Sprint 5']);
    expect(applePay.notes).toContain('- 12/Mar/24 10:02 AM — 557058:f1e2d3: Apple Pay needs a merchant id first.');
    expect(applePay.notes).toContain('- 13/Mar/24 9:15 AM — 557058:a9b8c7: Merchant id requested; waiting on finance.');
    expect(applePay.notes).toContain('- mockup.png (https://shopfront.atlassian.net/secure/attachment/10200/mockup.png)');
    expect(applePay.notes).toContain('- flow.pdf (https://shopfront.atlassian.net/secure/attachment/10201/flow.pdf)');
    expect(applePay.notes).toContain('Components: Web checkout');
    expect(applePay.notes).toContain('Assignee: Tomás Ferreira');
    const bug = story(result, 'Coupon field rejects lowercase codes');
    expect(bug.labels).toEqual(['Bug', 'checkout', 'regression', 'bug-bash', 'SHOP Sprint 4']);
  });

  it('maps the user-story sentence, story point estimates and ids from issue keys', () => {
    const applePay = story(result, 'Pay with Apple Pay');
    expect(applePay).toMatchObject({
      id: 'shop-11',
      asA: 'returning shopper',
      iWant: 'to pay with Apple Pay',
      soThat: 'I do not type my card details on my phone',
      description: '',
      estimate: 5,
    });
    expect(story(result, 'Set up the loyalty points ledger').estimate).toBeNull();
  });

  it('links stories to epics through Parent (the issue id) and creates an epic the file only links to', () => {
    expect(result.epics.map((e) => [e.id, e.title])).toEqual([
      ['shop-1', 'Checkout revamp'],
      ['shop-2', 'Loyalty programme'],
      ['issue-10099', 'Gift cards'],
    ]);
    expect(story(result, 'Pay with Apple Pay').epicId).toBe('shop-1');
    expect(story(result, 'Set up the loyalty points ledger')).toMatchObject({ epicId: 'shop-2', labels: ['Task'] });
    expect(story(result, 'Check a gift card balance before paying').epicId).toBe('issue-10099');
    expect(result.warnings.some((w) => w.startsWith('An issue links to an epic that is not in the file') && w.includes('SHOP-15 → 10099'))).toBe(true);
  });

  it('orders the backlog by Jira’s Rank and takes status categories from "Status Category"', () => {
    expect(result.stories.map((s) => s.story.id)).toEqual(['shop-12', 'shop-11', 'shop-14', 'shop-13', 'shop-15']);
    expect(result.statuses.map((s) => [s.name, s.category, s.count])).toEqual([
      ['To Do', 'backlog', 1],
      ['Backlog', 'backlog', 1],
      ['Ready for Dev', 'todo', 1],
      ['In Progress', 'in-progress', 1],
      ['Done', 'done', 1],
    ]);
    expect(sourceStatusOf(result, 'Coupon field rejects lowercase codes')).toBe('Done');
  });

  it('names the columns it did not import', () => {
    const ignored = result.warnings.find((w) => w.includes('were not imported'));
    expect(ignored).toMatch(/^9 columns were not imported: Project type, Project lead, Creator, Updated, Votes, Watchers/);
    expect(ignored).not.toContain('Labels');
    expect(ignored).not.toContain('Comment');
  });
});

describe('Jira Server export with multi-line quoted cells and mixed line endings', () => {
  const result = resultOf('jira-server-multiline.csv');

  it('reads all three rows although the rows end in CRLF, the cells contain LF and CRLF, and the last row ends in LF', () => {
    expect(result.stories.map((s) => s.story.id)).toEqual(['lib-21', 'lib-22', 'lib-23']);
    for (const { story: s } of result.stories) {
      expect(`${s.description}${s.notes}${s.acceptanceCriteria.map((c) => c.text).join('')}`).not.toContain('\r');
    }
  });

  it('keeps commas and doubled quotes inside cells', () => {
    const search = story(result, 'Search the catalogue, "fuzzy"');
    expect(search.description).toBe('Search by title, author, or ISBN — with "fuzzy" matching, e.g. "Tolkein" finds Tolkien.');
    expect(search.labels).toEqual(['search', 'catalogue']);
  });

  it('turns an "h3. Acceptance Criteria" bullet list into criteria and keeps the rest of the description', () => {
    const renew = story(result, 'Renew loans online');
    expect(renew.acceptanceCriteria.map((c) => c.text)).toEqual([
      'A member can renew any loan that has no hold on it, from "My loans"',
      'Renewing a loan with a hold shows "Someone is waiting for this item, so it cannot be renewed"',
      'After 3 renewals, the button is replaced by a note: "Please return, or ask at the desk"',
    ]);
    expect(renew.acceptanceCriteria.map((c) => c.id)).toEqual(['lib-21-ac1', 'lib-21-ac2', 'lib-21-ac3']);
    expect(renew.description).toBe(
      'Members keep forgetting due dates, so renewals pile up at the desk.\nRenewing online must respect holds, "no renewal" flags, and the 3-renewal limit.\n\nh3. Notes\nCheck with circulation staff, Monday 10:00, room "B, 2nd floor".',
    );
    expect(renew.notes).toContain('13/Feb/24 9:00 AM — mkowalski: Discussed in refinement:\nholds come first, then the limit.');
  });

  it('turns a Given/When/Then scenario into one criterion', () => {
    const fines = story(result, 'Pay fines, in the app');
    expect(fines.acceptanceCriteria.map((c) => c.text)).toEqual([
      'Scenario: paying an overdue fine\nGiven a member with a fine of €4.50\nWhen they pay by card in the app\nThen the fine is cleared, and a receipt is e-mailed',
    ]);
    expect(fines.description).toBe('Out of scope: cash, cheques.');
  });
});

describe('a UTF-8 file with a byte-order mark', () => {
  const result = resultOf('jira-cloud-bom.csv');

  it('finds the "Summary" column although the mark comes before it, and reads accents and emoji', () => {
    expect(result.encoding).toBe('utf-8');
    expect(result.stories.map((s) => s.story.title)).toEqual(['Café menu shows allergens', 'Naïve résumé upload']);
    expect(story(result, 'Café menu shows allergens')).toMatchObject({
      labels: ['menú', 'allergènes', 'Sprint 1 ☕'],
      description: 'Montrer les allergènes — gluten, lait, œufs 🥚.',
      estimate: 3,
    });
    expect(result.suggestedName).toBe('Café Órbita');
    expect(describeEncoding(result.encoding)).toBeNull();
  });
});

describe('a file Excel saved as Windows-1252', () => {
  const result = resultOf('jira-server-excel-1252.csv');

  it('is detected, decoded as Windows-1252, and says so', () => {
    expect(result.encoding).toBe('windows-1252');
    expect(describeEncoding(result.encoding)).toMatch(/decoded as Windows-1252/);
    expect(story(result, 'Crème brûlée recipe card')).toMatchObject({
      description: 'Show “step photos” – and the baker’s tip.\nPrice: €3.20',
      labels: ['recettes'],
      estimate: 2,
    });
    expect(story(result, 'Opening hours for Sundays')).toMatchObject({ description: 'Geöffnet: 8–12 Uhr', labels: ['Task'] });
    expect(result.suggestedName).toBe('Pâtisserie');
  });
});

describe('blank and comma-only rows', () => {
  const result = resultOf('jira-trailing-blank-rows.csv');

  it('ignores them (counted), and skips a row without a summary with the reason', () => {
    expect(result.stories.map((s) => s.story.title)).toEqual(['Export the timetable as PDF', 'Delay alerts by SMS']);
    expect(result.counts).toEqual({ read: 3, stories: 2, epics: 0, skipped: 1, blankRows: 5 });
    expect(result.skipped).toEqual([{ row: 4, ref: 'RAIL-4', reason: 'It has no Summary.' }]);
  });
});

describe('Jira Server hierarchy: Epic Link, Epic Name, sub-tasks, custom types and statuses', () => {
  const result = resultOf('jira-server-hierarchy.csv');

  it('makes epics from Epic rows, titled by Epic Name, coloured by Epic Colour, done when closed', () => {
    expect(result.epics.map((e) => ({ id: e.id, title: e.title, color: e.color, status: e.status }))).toEqual([
      { id: 'lib-1', title: 'Self-service', color: '#2563eb', status: 'open' },
      { id: 'lib-2', title: 'Accessibility', color: '#00875a', status: 'done' },
      { id: 'lib-99', title: 'LIB-99', color: expect.stringMatching(/^#[0-9a-f]{6}$/), status: 'open' },
    ]);
    expect(result.epics[0]?.description).toBe('Self-service renewals and holds\n\nEverything a member can do without queuing at the desk.');
  });

  it('links stories by Epic Link and puts sub-tasks under their parent’s epic, saying whose sub-task they are', () => {
    expect(story(result, 'Place a hold on a borrowed book')).toMatchObject({ id: 'lib-30', epicId: 'lib-1', estimate: 5, labels: [] });
    const subTask = story(result, 'Hold queue table and migration');
    expect(subTask).toMatchObject({ id: 'lib-31', epicId: 'lib-1', labels: ['Sub-task'] });
    expect(subTask.notes).toContain('Sub-task of LIB-30 “Place a hold on a borrowed book”');
    expect(story(result, 'E-mail when the held book is back').epicId).toBe('lib-1');
    const orphan = story(result, 'Sub-task of something not exported');
    expect(orphan.epicId).toBeNull();
    expect(orphan.notes).toContain('Sub-task of 29999 (not in the imported file)');
    expect(story(result, 'Migrate reading lists from the old OPAC').epicId).toBe('lib-99');
  });

  it('keeps custom issue types as labels and custom statuses as statuses with a guessed category', () => {
    expect(story(result, 'Spike: can the ILS push return events?')).toMatchObject({ labels: ['Spike'], epicId: 'lib-1' });
    expect(story(result, 'Colour contrast on the loan list')).toMatchObject({ labels: ['Technical Debt'], epicId: 'lib-2' });
    expect(result.statuses.map((s) => [s.name, s.category])).toEqual([
      ['Open', 'backlog'],
      ['Awaiting Design', 'todo'],
      ['In Progress', 'in-progress'],
      ['Blocked', 'in-progress'],
      ['QA', 'in-progress'],
      ['Closed', 'done'],
    ]);
    expect(sourceStatusOf(result, 'E-mail when the held book is back')).toBe('Blocked');
  });
});

describe('a "current fields" export without the Issue key column', () => {
  const result = resultOf('jira-cloud-no-issue-key.csv');

  it('derives ids from Issue id and links through Parent ids', () => {
    expect(result.epics.map((e) => [e.id, e.title])).toEqual([['issue-60001', 'Onboarding']]);
    expect(story(result, 'Sign up with e-mail')).toMatchObject({ id: 'issue-60002', epicId: 'issue-60001', estimate: 3, labels: ['auth'] });
  });

  it('leaves a story point value that is not a number unestimated, with a warning', () => {
    expect(story(result, 'Welcome tour').estimate).toBeNull();
    expect(result.warnings).toContain('A story point value is not a number; the story was left unestimated (issue 60003: “abc”).');
  });
});

describe('other hierarchy columns', () => {
  it('links by Cloud’s "Parent key", and by an old Server "Epic Link" that holds the epic’s name', () => {
    const cloud = parseJiraCsv('Summary,Issue key,Issue id,Issue Type,Status,Parent key,Parent summary\nBilling,PAY-1,1,Epic,To Do,,\nInvoices,PAY-2,2,Story,To Do,PAY-1,Billing\n');
    expect(cloud.stories[0]?.story.epicId).toBe('pay-1');
    const server = parseJiraCsv('Summary,Issue key,Issue Type,Status,Custom field (Epic Name),Custom field (Epic Link)\nBilling and invoices,PAY-1,Epic,Open,Billing,\nInvoices,PAY-2,Story,Open,,Billing\n');
    expect(server.epics[0]).toMatchObject({ id: 'pay-1', title: 'Billing' });
    expect(server.stories[0]?.story.epicId).toBe('pay-1');
  });
});

describe('refusals', () => {
  it('refuses a CSV without a Summary column, pointing to the generic import', () => {
    expect(() => parseJiraCsv('Key,Title\nA-1,Hello\n')).toThrow(ImportError);
    expect(() => parseJiraCsv('Key,Title\nA-1,Hello\n')).toThrow(/Other CSV/);
  });

  it('refuses an empty file', () => {
    expect(() => parseJiraCsv('\n\n')).toThrow(/empty/);
  });

  it('skips a repeated issue key and says where it first appeared', () => {
    const text = fixtureText('jira-trailing-blank-rows.csv').replace('Delay alerts by SMS,RAIL-5', 'Delay alerts by SMS,RAIL-3');
    const result = parseJiraCsv(text);
    expect(result.skipped).toContainEqual({ row: 5, ref: 'RAIL-3', reason: 'RAIL-3 appears again (first in row 2); only the first is imported.' });
  });
});
