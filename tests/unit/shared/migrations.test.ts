import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateToCurrent, MigrationError } from '../../../src/shared/model/migrations';
import { parseProductJson, parseProductText, serializeProduct } from '../../../src/shared/model/productFile';
import { compareRanks, sortByRank } from '../../../src/shared/model/rank';
import { CURRENT_SCHEMA_VERSION, EntityIdSchema, type Product } from '../../../src/shared/model/schema';
import { deepFreeze } from './productBuilders';

const fixturePath = join(__dirname, '../../fixtures/v1.product.json');
const v1Text = readFileSync(fixturePath, 'utf8');
type Json = Record<string, unknown>;

function v1(): Json {
  return JSON.parse(v1Text) as Json;
}

function load(text: string): Product {
  const result = parseProductText(text);
  if (!result.ok) throw new Error(`expected the file to load: ${result.reason}`);
  return result.product;
}

function story(p: Product, id: string) {
  const found = p.stories.find((s) => s.id === id);
  if (!found) throw new Error(`no story ${id}`);
  return found;
}

describe('the v1 fixture', () => {
  it('is really a v1 file (so the test below exercises the migration)', () => {
    const raw = v1();
    expect(raw['schemaVersion']).toBe(1);
    const stories = raw['stories'] as Json[];
    expect(stories.every((s) => !('rank' in s) && !('estimate' in s))).toBe(true);
    expect(stories.some((s) => typeof s['acceptanceCriteria'] === 'string' && 'points' in s && 'rice' in s)).toBe(true);
    const items = (raw['roadmap'] as Json)['items'] as Json[];
    expect(items.every((i) => 'column' in i && !('horizon' in i) && !('rank' in i))).toBe(true);
  });
});

describe('migrating a v1 product file', () => {
  const result = parseProductText(v1Text);
  const p = load(v1Text);

  it('loads and reports that it was migrated from version 1', () => {
    expect(result.ok && result.migratedFrom).toBe(1);
    expect(p.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('keeps everything that did not change', () => {
    expect(p.id).toBe('tool-library');
    expect(p.name).toBe('Neighbourhood Tool Library');
    expect(p.personas.map((x) => x.id)).toEqual(['persona-dana', 'persona-sam']);
    expect(p.goals.map((g) => g.id)).toEqual(['goal-loans', 'goal-returns']);
    expect(p.epics.map((e) => e.id)).toEqual(['epic-borrow', 'epic-return']);
    expect(p.stories.map((s) => s.id)).toEqual(['story-search', 'story-request', 'story-reminder', 'story-rating']);
    expect(story(p, 'story-search')).toMatchObject({ asA: 'borrower', status: 'ready', epicId: 'epic-borrow', labels: ['search', 'mvp'] });
    expect(p.specs[0]?.content.content?.[0]).toEqual({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Problem' }] });
  });

  it('turns points into estimates (no points: not estimated)', () => {
    expect(p.stories.map((s) => s.estimate)).toEqual([5, 8, 3, null]);
    expect(JSON.parse(serializeProduct(p)).stories.some((s: Json) => 'points' in s)).toBe(false);
  });

  it('turns the newline-separated criteria into a list with ids, without the bullets', () => {
    expect(story(p, 'story-search').acceptanceCriteria).toEqual([
      { id: 'story-search-ac1', text: 'Given I type "drill", when I search, then I see drills within 1 km' },
      { id: 'story-search-ac2', text: 'Given no tool matches, when I search, then I see a suggestion to post a request' },
      { id: 'story-search-ac3', text: 'Results are sorted by distance' },
    ]);
    expect(story(p, 'story-request').acceptanceCriteria.map((c) => c.text)).toEqual([
      'Given a tool is free on my dates, when I request it, then the lender is notified',
      'Given the lender declines, when I look at my requests, then I see the reason',
    ]);
    expect(story(p, 'story-reminder').acceptanceCriteria).toHaveLength(1);
    expect(story(p, 'story-rating').acceptanceCriteria).toEqual([]);
  });

  it('moves rice under scores.rice and fills the missing inputs with null', () => {
    expect(story(p, 'story-search').scores.rice).toEqual({ reach: 800, impact: 2, confidence: 80, effort: 1.5 });
    expect(story(p, 'story-request').scores.rice).toEqual({ reach: 600, impact: 3, confidence: 50, effort: null });
    expect(story(p, 'story-reminder').scores.rice).toEqual({ reach: null, impact: null, confidence: null, effort: null });
    expect(story(p, 'story-search').scores.moscow).toBeNull();
  });

  it('gives stories ranks in their old array order', () => {
    const ranks = p.stories.map((s) => s.rank);
    expect(new Set(ranks).size).toBe(ranks.length);
    for (let i = 1; i < ranks.length; i += 1) expect(compareRanks(ranks[i - 1] ?? '', ranks[i] ?? '')).toBe(-1);
    expect(sortByRank([...p.stories].reverse()).map((s) => s.id)).toEqual(p.stories.map((s) => s.id));
  });

  it('turns column limits into WIP limits (0 or absent: no limit)', () => {
    expect(p.board.columns.map((c) => [c.id, c.wipLimit])).toEqual([
      ['backlog', null],
      ['ready', null],
      ['doing', 3],
      ['done', null],
    ]);
    expect(JSON.parse(serializeProduct(p)).board.columns.some((c: Json) => 'limit' in c)).toBe(false);
  });

  it('turns roadmap columns into horizons and ranks items in their old order', () => {
    expect(p.roadmap.items.map((i) => [i.id, i.horizon])).toEqual([
      ['item-mvp', 'now'],
      ['item-reminders', 'next'],
      ['item-ratings', 'later'],
    ]);
    expect(sortByRank([...p.roadmap.items].reverse()).map((i) => i.id)).toEqual(['item-mvp', 'item-reminders', 'item-ratings']);
    expect(p.roadmap.items[0]).toMatchObject({ start: '2026-01-05', end: '2026-03-27', storyIds: ['story-search', 'story-request'] });
  });

  it('is deterministic and leaves its input alone', () => {
    const input = deepFreeze(v1());
    const a = parseProductJson(input);
    const b = parseProductJson(input);
    expect(a).toEqual(b);
    expect(input).toEqual(v1());
    if (!a.ok) throw new Error(a.reason);
    expect(serializeProduct(a.product)).toBe(serializeProduct(p));
  });

  it('once saved, the file loads as a current file without migrating again', () => {
    const saved = serializeProduct(p);
    const again = parseProductText(saved);
    expect(again).toEqual({ ok: true, product: p, migratedFrom: null, sameAsFile: null });
    expect(parseProductText(saved, { checkSameAsFile: true })).toMatchObject({ ok: true, sameAsFile: true });
  });

  it('a migrated file is never its own product as JSON', () => {
    expect(parseProductJson(v1(), { checkSameAsFile: true })).toMatchObject({ ok: true, sameAsFile: false });
  });

  it('keeps criteria ids valid when the story id is already 64 characters long', () => {
    const raw = v1();
    const stories = raw['stories'] as Json[];
    const long = 'x'.repeat(64);
    Object.assign(stories[0] ?? {}, { id: long });
    (((raw['roadmap'] as Json)['items'] as Json[])[0] ?? {})['storyIds'] = ['story-request'];
    (((raw['specs'] as Json[])[0]) ?? {})['linkedStoryIds'] = [];
    const migrated = load(JSON.stringify(raw));
    const criteria = migrated.stories[0]?.acceptanceCriteria ?? [];
    expect(criteria).toHaveLength(3);
    for (const c of criteria) expect(EntityIdSchema.safeParse(c.id).success).toBe(true);
    expect(new Set(criteria.map((c) => c.id)).size).toBe(3);
  });

  it('refuses a damaged v1 list instead of loading it emptied', () => {
    const raw = v1();
    raw['stories'] = { 'story-search': { title: 'Search' } };
    const result = parseProductText(JSON.stringify(raw));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('stories');

    const items = v1();
    (items['roadmap'] as Json)['items'] = 'now: borrowing';
    const r2 = parseProductText(JSON.stringify(items));
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.reason).toContain('roadmap.items');
  });

  it('migrates a minimal v1 file that has no stories or roadmap', () => {
    const minimal = { schemaVersion: 1, id: 'tiny', name: 'Tiny', board: { columns: [{ id: 'todo', name: 'To do', limit: 2 }] } };
    const loaded = parseProductJson(minimal);
    expect(loaded.ok && loaded.product.stories).toEqual([]);
    expect(loaded.ok && loaded.product.board.columns[0]?.wipLimit).toBe(2);
    expect(loaded.ok && loaded.migratedFrom).toBe(1);
  });
});

describe('schemaVersion', () => {
  it('refuses a file from a newer app, naming the version and asking to update', () => {
    const result = parseProductJson({ ...v1(), schemaVersion: 99 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toContain('99');
    expect(result.reason).toMatch(/update the app/i);
  });

  it.each([
    ['missing', undefined],
    ['a string', '1'],
    ['a fraction', 1.5],
    ['zero', 0],
    ['negative', -1],
    ['null', null],
    ['an object', { major: 1 }],
  ])('refuses a schemaVersion that is %s', (_name, version) => {
    const raw = v1();
    if (version === undefined) delete raw['schemaVersion'];
    else raw['schemaVersion'] = version;
    const result = parseProductJson(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/schemaVersion/);
  });

  it.each([[[]], [42], ['text'], [null]])('refuses %j, which is not a JSON object', (value) => {
    const result = parseProductJson(value);
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/not a JSON object/) });
  });

  it('migrateToCurrent throws MigrationError, and leaves current files as they are', () => {
    expect(() => migrateToCurrent({ schemaVersion: 99 })).toThrow(MigrationError);
    const current = { schemaVersion: CURRENT_SCHEMA_VERSION, id: 'x' };
    expect(migrateToCurrent(current)).toEqual({ doc: current, fromVersion: CURRENT_SCHEMA_VERSION, migrated: false });
  });
});
