import { describe, expect, it } from 'vitest';
import { parseProductText, serializeProduct } from '../../../src/shared/model/productFile';
import {
  EMPTY_DOC,
  EMPTY_SCORES,
  LIMITS,
  ProductSchema,
  StorySchema,
  type DocNode,
  type Product,
} from '../../../src/shared/model/schema';
import { minimalInput, richInput, richProduct } from './productBuilders';

type Json = Record<string, unknown>;

/** Parse `input` and return its issues as "path: message" (empty when it is valid). */
function issuesOf(input: unknown): { path: string; message: string; code: string }[] {
  const result = ProductSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message, code: i.code }));
}

/** A copy of `richInput()` changed by `mutate`. */
function richWith(mutate: (p: Json) => void): Json {
  const input = structuredClone(richInput());
  mutate(input);
  return input;
}

function at(value: unknown, ...path: (string | number)[]): Json {
  let current: unknown = value;
  for (const key of path) current = (current as Json)[key];
  return current as Json;
}

describe('ProductSchema: a minimal product', () => {
  it('parses and gets every default', () => {
    const p = ProductSchema.parse(minimalInput());
    expect(p).toEqual({
      schemaVersion: 2,
      id: 'tiny',
      name: 'Tiny',
      summary: '',
      author: '',
      vision: { targetUsers: '', needs: '', product: '', value: '' },
      personas: [],
      goals: [],
      epics: [],
      stories: [],
      board: {
        columns: [{ id: 'todo', name: 'To do', category: 'todo', wipLimit: null }],
        definitionOfReady: [],
        splitThreshold: 8,
      },
      roadmap: { lanes: [], items: [], milestones: [] },
      specs: [],
      prioritization: { scope: 'stories', framework: 'rice', reachPeriod: 'per quarter', learnerRanking: null, notes: '' },
      practice: { brief: '', exercises: [], attempts: [], snapshots: [] },
    });
  });

  it('fills the defaults of nested entities', () => {
    const p = richProduct();
    const s4 = p.stories.find((s) => s.id === 's4');
    expect(s4).toEqual({
      id: 's4',
      title: 'Sign up',
      asA: '',
      iWant: '',
      soThat: '',
      description: '',
      acceptanceCriteria: [],
      estimate: null,
      status: 'backlog',
      rank: 'a3',
      epicId: null,
      labels: [],
      scores: EMPTY_SCORES,
      splitFrom: null,
      splitInto: [],
      notes: '',
    });
    const s3 = p.stories.find((s) => s.id === 's3');
    expect(s3?.scores).toEqual({ ...EMPTY_SCORES, rice: { reach: 400, impact: 2, confidence: 80, effort: 1 } });
    expect(p.epics[2]).toMatchObject({ color: '#6b7280', goalId: null, status: 'open', scores: EMPTY_SCORES });
    expect(p.roadmap.items[1]).toMatchObject({ start: null, end: null, status: 'planned', confidence: 'medium', storyIds: [], goalId: null });
    expect(p.roadmap.lanes[1]).toMatchObject({ color: '#6b7280', capacity: null });
  });

  it('gives separate default objects to separate entities', () => {
    const p = ProductSchema.parse({
      ...minimalInput(),
      stories: [
        { id: 'a', title: 'A', status: 'todo', rank: 'a0' },
        { id: 'b', title: 'B', status: 'todo', rank: 'a1' },
      ],
    });
    expect(p.stories[0]?.scores).toEqual(p.stories[1]?.scores);
    expect(p.stories[0]?.scores).not.toBe(p.stories[1]?.scores);
  });

  it('accepts the rich test product', () => {
    expect(issuesOf(richInput())).toEqual([]);
  });
});

describe('ProductSchema: invalid products give specific issues', () => {
  it.each([
    ['Upper', 'A product id uses only a-z, 0-9 and single hyphens'],
    ['two--hyphens', 'A product id uses only a-z, 0-9 and single hyphens'],
    ['-leading', 'A product id uses only a-z, 0-9 and single hyphens'],
    ['../escape', 'A product id uses only a-z, 0-9 and single hyphens'],
    ['', 'A product id cannot be empty'],
    ['a'.repeat(65), 'A product id is at most 64 characters'],
  ])('refuses the product id %j', (id, message) => {
    const issues = issuesOf({ ...minimalInput(), id });
    expect(issues).toContainEqual(expect.objectContaining({ path: 'id', message }));
  });

  it.each(['has space', '-dash-first', 'slash/inside', 'dot.inside', ''])('refuses the entity id %j', (id) => {
    const issues = issuesOf(richWith((p) => void (at(p, 'stories', 1)['id'] = id)));
    expect(issues.map((i) => i.path)).toContain('stories.1.id');
  });

  it.each(['2026-02-30', '2026-13-01', '2025-02-29', '2026-04-31', '2026-00-10'])('refuses %s, which is not a calendar date', (date) => {
    const issues = issuesOf(richWith((p) => void (at(p, 'roadmap', 'milestones', 0)['date'] = date)));
    expect(issues).toEqual([expect.objectContaining({ path: 'roadmap.milestones.0.date', message: 'Not a real calendar date' })]);
  });

  it.each(['2026-2-3', '03/02/2026', '2026-03-02T00:00:00Z'])('refuses the date format %s', (date) => {
    const issues = issuesOf(richWith((p) => void (at(p, 'roadmap', 'items', 0)['start'] = date)));
    expect(issues).toContainEqual(expect.objectContaining({ path: 'roadmap.items.0.start', message: 'A date is written YYYY-MM-DD' }));
  });

  it('accepts a leap day in a leap year', () => {
    expect(issuesOf(richWith((p) => void (at(p, 'roadmap', 'milestones', 0)['date'] = '2028-02-29')))).toEqual([]);
  });

  it('refuses an estimate below zero', () => {
    const issues = issuesOf(richWith((p) => void (at(p, 'stories', 0)['estimate'] = -1)));
    expect(issues).toEqual([expect.objectContaining({ path: 'stories.0.estimate', code: 'too_small' })]);
  });

  it('refuses a RICE confidence above 100 and accepts exactly 100', () => {
    const over = issuesOf(richWith((p) => void (at(p, 'stories', 2, 'scores', 'rice')['confidence'] = 100.5)));
    expect(over).toEqual([expect.objectContaining({ path: 'stories.2.scores.rice.confidence', code: 'too_big' })]);
    expect(issuesOf(richWith((p) => void (at(p, 'stories', 2, 'scores', 'rice')['confidence'] = 100)))).toEqual([]);
  });

  it.each(['red', '#fff', '#12345g', '112233', '#1122334'])('refuses the colour %j', (color) => {
    const issues = issuesOf(richWith((p) => void (at(p, 'epics', 0)['color'] = color)));
    expect(issues).toEqual([{ path: 'epics.0.color', message: 'A colour is written #rrggbb', code: 'invalid_format' }]);
  });

  it('refuses a board with no columns', () => {
    const issues = issuesOf({ ...minimalInput(), board: { columns: [] } });
    expect(issues).toEqual([expect.objectContaining({ path: 'board.columns', message: 'A board needs at least one column' })]);
  });

  it('refuses a missing board, name or schemaVersion', () => {
    const { board: _board, ...noBoard } = minimalInput();
    expect(issuesOf(noBoard).map((i) => i.path)).toEqual(['board']);
    expect(issuesOf({ ...minimalInput(), name: '' })).toContainEqual(expect.objectContaining({ path: 'name', message: 'A product needs a name' }));
    expect(issuesOf({ ...minimalInput(), schemaVersion: 1 }).map((i) => i.path)).toEqual(['schemaVersion']);
  });

  it(`refuses a short text over LIMITS.shortText (${LIMITS.shortText}) characters and accepts one at the limit`, () => {
    const atLimit = richWith((p) => void (at(p, 'stories', 0)['title'] = 'x'.repeat(LIMITS.shortText)));
    expect(issuesOf(atLimit)).toEqual([]);
    const over = richWith((p) => void (at(p, 'stories', 0)['title'] = 'x'.repeat(LIMITS.shortText + 1)));
    expect(issuesOf(over)).toEqual([expect.objectContaining({ path: 'stories.0.title', code: 'too_big' })]);
    const persona = richWith((p) => void (at(p, 'personas', 0)['goals'] = ['ok', 'y'.repeat(LIMITS.shortText + 1)]));
    expect(issuesOf(persona).map((i) => i.path)).toEqual(['personas.0.goals.1']);
  });

  it('refuses a long text over LIMITS.longText', () => {
    const over = richWith((p) => void (at(p, 'stories', 0)['description'] = 'x'.repeat(LIMITS.longText + 1)));
    expect(issuesOf(over).map((i) => i.path)).toEqual(['stories.0.description']);
  });

  it('refuses ranks that are not fractional-index keys', () => {
    for (const rank of ['1', 'zzz', 'a00', 'a0 ', '', 'a!']) {
      const issues = issuesOf(richWith((p) => void (at(p, 'stories', 0)['rank'] = rank)));
      expect([...new Set(issues.map((i) => i.path))], rank).toEqual(['stories.0.rank']);
    }
  });

  it('refuses a roadmap item that ends before it starts', () => {
    const issues = issuesOf(richWith((p) => void Object.assign(at(p, 'roadmap', 'items', 0), { start: '2026-05-01', end: '2026-04-30' })));
    expect(issues.map((i) => i.path)).toEqual(['roadmap.items.0.end']);
  });
});

describe('ProductSchema: references inside a product', () => {
  it.each<[string, (p: Json) => void, string]>([
    ['a story in a missing column', (p) => void (at(p, 'stories', 0)['status'] = 'nope'), 'stories.0.status'],
    ['a story in a missing epic', (p) => void (at(p, 'stories', 0)['epicId'] = 'nope'), 'stories.0.epicId'],
    ['an epic of a missing goal', (p) => void (at(p, 'epics', 0)['goalId'] = 'nope'), 'epics.0.goalId'],
    ['an item in a missing lane', (p) => void (at(p, 'roadmap', 'items', 0)['laneId'] = 'nope'), 'roadmap.items.0.laneId'],
    ['an item of a missing goal', (p) => void (at(p, 'roadmap', 'items', 0)['goalId'] = 'nope'), 'roadmap.items.0.goalId'],
    ['an item with a missing epic', (p) => void (at(p, 'roadmap', 'items', 0)['epicIds'] = ['e1', 'nope']), 'roadmap.items.0.epicIds.1'],
    ['an item with a missing story', (p) => void (at(p, 'roadmap', 'items', 2)['storyIds'] = ['nope']), 'roadmap.items.2.storyIds.0'],
    ['an item depending on a missing item', (p) => void (at(p, 'roadmap', 'items', 1)['dependsOn'] = ['nope']), 'roadmap.items.1.dependsOn.0'],
    ['an item depending on itself', (p) => void (at(p, 'roadmap', 'items', 1)['dependsOn'] = ['i2']), 'roadmap.items.1.dependsOn'],
    ['a spec linking a missing story', (p) => void (at(p, 'specs', 0)['linkedStoryIds'] = ['s1', 'nope']), 'specs.0.linkedStoryIds.1'],
    ['two stories with one id', (p) => void (at(p, 'stories', 3)['id'] = 's1'), 'stories.3.id'],
    ['two columns with one id', (p) => void (at(p, 'board', 'columns', 3)['id'] = 'todo'), 'board.columns.3.id'],
    ['two milestones with one id', (p) => void (at(p, 'roadmap')['milestones'] = [{ id: 'm', title: 'A', date: '2026-01-01' }, { id: 'm', title: 'B', date: '2026-01-02' }]), 'roadmap.milestones.1.id'],
  ])('refuses %s', (_name, mutate, path) => {
    expect(issuesOf(richWith(mutate)).map((i) => i.path)).toEqual([path]);
  });

  it('does not check split history or the learner ranking (they are history, not links)', () => {
    const input = richWith((p) => {
      Object.assign(at(p, 'stories', 0), { splitFrom: 'gone', splitInto: ['gone-a', 'gone-b'] });
      p['prioritization'] = { learnerRanking: ['gone', 's1'] };
    });
    expect(issuesOf(input)).toEqual([]);
  });
});

describe('ProductSchema: spec documents', () => {
  function nestedDoc(levels: number): DocNode {
    let node: DocNode = { type: 'text', text: 'deep', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] };
    for (let i = 1; i < levels; i += 1) node = { type: i === levels - 1 ? 'doc' : 'blockquote', content: [node] };
    return node;
  }
  const withDoc = (content: unknown): Json => richWith((p) => void (at(p, 'specs', 0)['content'] = content));

  it(`accepts a document ${LIMITS.docDepth} levels deep, and the file it makes can be read back`, () => {
    const p = ProductSchema.parse(withDoc(nestedDoc(LIMITS.docDepth)));
    const reread = parseProductText(serializeProduct(p));
    expect(reread.ok ? reread.product : reread.reason).toEqual(p);
  });

  it('refuses a document nested far deeper than that, without overflowing the stack', () => {
    let deep: DocNode = { type: 'text', text: 'x' };
    for (let i = 0; i < 100_000; i += 1) deep = { type: 'blockquote', content: [deep] };
    const issues = issuesOf(withDoc(deep));
    expect(issues.map((i) => i.path)).toEqual(['specs.0.content']);
    expect(issues[0]?.message).toMatch(/nest/);
  });

  it('every document the schema accepts can be written and read back', () => {
    for (let levels = LIMITS.docDepth; levels <= LIMITS.docDepth + 10; levels += 1) {
      const parsed = ProductSchema.safeParse(withDoc(nestedDoc(levels)));
      if (!parsed.success) continue;
      const reread = parseProductText(serializeProduct(parsed.data));
      expect(reread.ok, `${levels} levels: ${reread.ok ? '' : reread.reason}`).toBe(true);
    }
  });

  it('gives a spec without content the empty document', () => {
    const p = ProductSchema.parse(richWith((i) => void (i['specs'] = [{ id: 'x', title: 'X', template: 'blank' }])));
    expect(p.specs[0]?.content).toEqual(EMPTY_DOC);
  });
});

/** A deep copy of `value` with the keys of every object in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  const out: Json = {};
  for (const key of Object.keys(value).reverse()) out[key] = reverseKeys((value as Json)[key]);
  return out;
}

describe('serializeProduct: canonical text', () => {
  const product = richProduct();
  const text = serializeProduct(product);

  it('writes keys in schema order whatever the input key order', () => {
    const reversed = reverseKeys(product) as Product;
    expect(Object.keys(reversed)[0]).toBe('practice');
    expect(serializeProduct(reversed)).toBe(text);
    const json = JSON.parse(text) as Json;
    expect(Object.keys(json)).toEqual(Object.keys(ProductSchema.shape));
    expect(Object.keys(at(json, 'stories', 0))).toEqual(Object.keys(StorySchema.shape));
  });

  it('indents with two spaces and ends with one newline', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('{');
    expect(lines[1]).toBe('  "schemaVersion": 2,');
    expect(lines[2]).toBe('  "id": "tool-library",');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    expect(text).not.toMatch(/\t/);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });

  it('is a fixed point: serialise(parse(serialise(p))) is identical', () => {
    const parsed = parseProductText(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(serializeProduct(parsed.product)).toBe(text);
  });

  it('drops keys the schema does not know', () => {
    const withExtra = { ...product, extra: 'x', stories: product.stories.map((s) => ({ ...s, legacy: 1 })) } as Product;
    expect(serializeProduct(withExtra)).toBe(text);
  });

  it("moving one story's rank changes exactly one line of the file", () => {
    const moved: Product = { ...product, stories: product.stories.map((s) => (s.id === 's4' ? { ...s, rank: 'a0V' } : s)) };
    const before = text.split('\n');
    const after = serializeProduct(moved).split('\n');
    expect(after).toHaveLength(before.length);
    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [[line, after[i]]]));
    expect(changed).toEqual([['      "rank": "a3",', '      "rank": "a0V",']]);
  });

  it('refuses to write an invalid product', () => {
    expect(() => serializeProduct({ ...product, id: 'Not Valid' })).toThrow();
    expect(() => serializeProduct({ ...product, board: { ...product.board, columns: [] } })).toThrow();
  });
});
