/**
 * Trello board JSON import: lists and card order, both label forms, archived cards and lists,
 * checklists as acceptance criteria, due dates, Markdown descriptions, custom fields, comments.
 */
import { describe, expect, it } from 'vitest';
import { planColumns } from '../../../src/shared/import/statusColumns';
import { parseTrelloJson } from '../../../src/shared/import/trello';
import { ImportError } from '../../../src/shared/import/types';
import { fixtureText, resultOf, sourceStatusOf, story } from './importFixtures';

describe('a current Trello board export', () => {
  const result = resultOf('trello-board.json');

  it('makes one status per open list, in board order (empty lists too), and stories in list then card order', () => {
    expect(result.source).toBe('trello');
    expect(result.suggestedName).toBe('Reader app');
    expect(result.statuses.map((s) => [s.name, s.category, s.count])).toEqual([
      ['Icebox', 'backlog', 0],
      ['Backlog', 'backlog', 2],
      ['Up next', 'todo', 1],
      ['Doing', 'in-progress', 1],
      ['Done ✅', 'done', 1],
    ]);
    expect(result.stories.map((s) => s.story.title)).toEqual([
      'Push notification settings',
      'Offline reading',
      'Dark mode',
      'Log in with passkeys',
      'Crash when rotating on the article screen',
    ]);
    expect(sourceStatusOf(result, 'Dark mode')).toBe('Up next');
    expect(story(result, 'Dark mode').id).toBe('trello-dk7mq2pl');
  });

  it('names labels from the board’s labels array, and an unnamed label by its colour', () => {
    expect(story(result, 'Dark mode').labels).toEqual(['iOS', 'Android', 'UX research']);
    expect(story(result, 'Offline reading').labels).toEqual(['red']);
  });

  it('turns a checklist into acceptance criteria in checklist-item order, and notes which items are complete', () => {
    const dark = story(result, 'Dark mode');
    expect(dark.acceptanceCriteria).toEqual([
      { id: 'trello-dk7mq2pl-ac1', text: 'Follows the system setting by default' },
      { id: 'trello-dk7mq2pl-ac2', text: 'Can be switched in Settings → Appearance' },
      { id: 'trello-dk7mq2pl-ac3', text: 'Charts and images stay legible (contrast ≥ 4.5:1)' },
    ]);
    expect(dark.notes).toContain('Checklist “Acceptance criteria”: 1 of 3 complete (Follows the system setting by default)');
  });

  it('prefixes criteria with their checklist when a card has several', () => {
    expect(story(result, 'Log in with passkeys').acceptanceCriteria.map((c) => c.text)).toEqual([
      'Acceptance criteria: Sign in with a passkey on iOS 17+',
      'Acceptance criteria: Fall back to password when no passkey exists',
      'QA: Test on a shared iPad',
    ]);
  });

  it('keeps due dates, members, custom fields, attachments and comments (oldest first) in the notes; story points become the estimate', () => {
    const dark = story(result, 'Dark mode');
    expect(dark.estimate).toBe(5);
    expect(dark.notes).toContain('Due: 2024-04-12');
    expect(dark.notes).toContain('Members: Amara Okafor, Jonas Berg');
    expect(dark.notes).toContain('Release: 2.4');
    expect(dark.notes).toContain('Comments:\n- 2024-03-12 — Amara Okafor: Top request in March reviews.\n- 2024-03-15 — Jonas Berg: Design says: use the OS accent colour.');
    expect(story(result, 'Log in with passkeys').notes).toContain('Due: 2024-03-29 (marked complete)');
    expect(story(result, 'Push notification settings').notes).toContain('- settings-sketch.png (https://trello.com/1/cards/');
  });

  it('keeps the Markdown description and takes out a clearly marked acceptance-criteria section', () => {
    expect(story(result, 'Dark mode').description).toBe('Lots of requests in app reviews.\n\nSee the **design file** for colours.');
    const offline = story(result, 'Offline reading');
    expect(offline.acceptanceCriteria.map((c) => c.text)).toEqual(['Saved articles open without a connection', 'A banner says when the content was last updated']);
    expect(offline.description).toBe('Commuters lose signal in tunnels.\n\n## Open questions\nHow much storage may we use?');
  });

  it('leaves archived cards out by default and counts them; includes them when asked', () => {
    expect(result.skipped).toContainEqual({ row: null, ref: 'Old splash screen animation', reason: 'It is archived.' });
    expect(result.warnings).toContain('1 archived card was left out. Tick “Include archived cards” to import them.');
    const withArchived = resultOf('trello-board.json', { trello: { archivedLists: 'skip', includeArchivedCards: true } });
    expect(story(withArchived, 'Old splash screen animation').notes).toContain('(archived)');
    expect(withArchived.counts.stories).toBe(result.counts.stories + 1);
  });

  it('skips an archived list with its cards, or imports it as a closed column when chosen', () => {
    expect(result.skipped).toContainEqual({ row: null, ref: 'Sprint 3 retro actions', reason: 'It is in the archived list “Sprint 3 (old)”.' });
    expect(result.statuses.some((s) => s.closed)).toBe(false);
    const asColumn = resultOf('trello-board.json', { trello: { archivedLists: 'column', includeArchivedCards: false } });
    expect(asColumn.statuses.at(-1)).toEqual({ name: 'Sprint 3 (old) (archived)', category: 'done', count: 1, closed: true });
    expect(sourceStatusOf(asColumn, 'Sprint 3 retro actions')).toBe('Sprint 3 (old) (archived)');
    const plan = planColumns(asColumn, []);
    expect(plan.options.at(-1)?.column).toMatchObject({ name: 'Sprint 3 (old) (archived)', category: 'done' });
  });

  it('skips a card without a name, with the reason', () => {
    expect(result.skipped).toContainEqual({ row: null, ref: 'Nn0nAm3d', reason: 'It has no name.' });
    expect(result.counts).toEqual({ read: 8, stories: 5, epics: 0, skipped: 3, blankRows: 0 });
  });
});

describe('an old Trello export with labelNames and colour-only card labels', () => {
  const result = resultOf('trello-board-old-labels.json');

  it('names each colour label from the board’s labelNames, or by its colour when unnamed', () => {
    expect(story(result, 'Frost date lookup by postcode').labels).toEqual(['Quick win', 'Research']);
    expect(story(result, 'Seed packet photos upload fails').labels).toEqual(['Bug', 'orange']);
    expect(story(result, 'Companion planting chart').labels).toEqual(['Quick win']);
  });

  it('reads checklists linked by idChecklists, ordered by position', () => {
    expect(story(result, 'Frost date lookup by postcode').acceptanceCriteria.map((c) => c.text)).toEqual(['Works for UK postcodes', 'Uses the Met Office frost data']);
  });

  it('falls back to card ids when there is no shortLink', () => {
    expect(story(result, 'Companion planting chart').id).toBe('trello-51a2b3c4d5e6f70812345703');
    expect(result.statuses.map((s) => s.name)).toEqual(['To Do', 'Doing', 'Done']);
  });
});

describe('refusals', () => {
  it('refuses JSON that is not a board, and text that is not JSON', () => {
    expect(() => parseTrelloJson('{"name":"x"}')).toThrow(ImportError);
    expect(() => parseTrelloJson('{"lists": [')).toThrow(/not valid JSON/);
  });

  it('skips a card that is not an object Trello would write instead of failing the board', () => {
    const board = JSON.parse(fixtureText('trello-board-old-labels.json')) as { cards: unknown[] };
    board.cards.push({ name: 'no id' });
    const result = parseTrelloJson(JSON.stringify(board));
    expect(result.stories).toHaveLength(3);
    expect(result.skipped).toContainEqual({ row: null, ref: 'card 4', reason: 'It is not a card Trello would write (no id).' });
  });
});
