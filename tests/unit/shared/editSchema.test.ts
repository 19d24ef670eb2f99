import { describe, expect, it } from 'vitest';
import {
  BoardPatchSchema,
  EDIT_TYPES,
  EditSchema,
  patchSchema,
  StoryPatchSchema,
  type Edit,
  type EditType,
} from '../../../src/shared/edits/editSchema';
import { StorySchema, type Story } from '../../../src/shared/model/schema';
import { sampleEdits } from './sampleEdits';

const edits = sampleEdits();

function accepts(value: unknown): boolean {
  return EditSchema.safeParse(value).success;
}

function issuePaths(value: unknown): string[] {
  const result = EditSchema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((i) => i.path.map(String).join('.'));
}

describe('EditSchema accepts a valid edit of every type', () => {
  it('has a sample for exactly the types in EDIT_TYPES', () => {
    expect(Object.keys(edits).sort()).toEqual([...EDIT_TYPES].sort());
    expect(new Set(EDIT_TYPES).size).toBe(EDIT_TYPES.length);
  });

  it.each([...EDIT_TYPES])('%s', (type) => {
    const edit = edits[type as EditType];
    const result = EditSchema.safeParse(edit);
    expect(result.success ? 'ok' : result.error.issues).toBe('ok');
    if (result.success) expect(result.data).toEqual(edit);
  });

  it('survives a JSON round trip (edits are plain data)', () => {
    for (const edit of Object.values(edits)) expect(EditSchema.parse(JSON.parse(JSON.stringify(edit)))).toEqual(edit);
  });
});

describe('EditSchema rejects', () => {
  it('an unknown type, a missing type and values that are not objects', () => {
    expect(accepts({ type: 'story.explode', id: 's1' })).toBe(false);
    expect(accepts({ id: 's1' })).toBe(false);
    expect(accepts(null)).toBe(false);
    expect(accepts('story.delete')).toBe(false);
    expect(accepts([{ type: 'story.delete', id: 's1' }])).toBe(false);
  });

  it('extra keys on an edit', () => {
    expect(accepts({ type: 'story.delete', id: 's1', cascade: true })).toBe(false);
    expect(accepts({ ...edits['story.move'], column: 'done' })).toBe(false);
    expect(accepts({ ...edits.batch, undoable: false })).toBe(false);
  });

  it('missing fields', () => {
    expect(accepts({ type: 'story.delete' })).toBe(false);
    expect(accepts({ type: 'story.move', id: 's1', status: 'todo' })).toBe(false);
    expect(accepts({ type: 'column.delete', id: 'todo' })).toBe(false);
    expect(accepts({ type: 'roadmap.schedule', id: 'i1', start: '2026-01-01' })).toBe(false);
    expect(accepts({ type: 'roadmap.schedule', id: 'i1', start: null, end: null })).toBe(true);
  });

  it('a patch with an unknown key', () => {
    expect(issuePaths({ type: 'story.update', id: 's1', patch: { colour: 'red' } })).toEqual(['patch.colour']);
    expect(issuePaths({ type: 'product.update', patch: { schemaVersion: 3 } })).toEqual(['patch.schemaVersion']);
    expect(issuePaths({ type: 'board.update', patch: { columns: [] } })).toEqual(['patch.columns']);
    expect(issuePaths({ type: 'story.update', id: 's1', patch: { toString: 'x' } })).toEqual(['patch.toString']);
    const polluted: unknown = JSON.parse('{"type":"story.update","id":"s1","patch":{"__proto__":{"title":"x"}}}');
    expect(issuePaths(polluted)).toEqual(['patch.__proto__']);
  });

  it.each([
    ['story.update', { type: 'story.update', id: 's1', patch: { id: 's9' } }],
    ['epic.update', { type: 'epic.update', id: 'e1', patch: { id: 'e9' } }],
    ['column.update', { type: 'column.update', id: 'todo', patch: { id: 'x' } }],
    ['roadmapItem.update', { type: 'roadmapItem.update', id: 'i1', patch: { id: 'x', title: 'ok' } }],
    ['product.update', { type: 'product.update', patch: { id: 'other-product' } }],
  ])('a %s patch that tries to change the id', (_type, edit) => {
    expect(issuePaths(edit)).toEqual(['patch.id']);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a number for a title', { type: 'story.update', id: 's1', patch: { title: 42 } }, 'patch.title'],
    ['a negative estimate', { type: 'story.update', id: 's1', patch: { estimate: -3 } }, 'patch.estimate'],
    ['a bad status id', { type: 'story.update', id: 's1', patch: { status: 'no spaces allowed' } }, 'patch.status'],
    ['criteria as a string', { type: 'story.update', id: 's1', patch: { acceptanceCriteria: '- a\n- b' } }, 'patch.acceptanceCriteria'],
    ['a bad horizon', { type: 'roadmapItem.update', id: 'i1', patch: { horizon: 'soon' } }, 'patch.horizon'],
    ['a bad date', { type: 'milestone.update', id: 'm1', patch: { date: '2026-02-30' } }, 'patch.date'],
    ['a bad colour', { type: 'lane.update', id: 'l1', patch: { color: 'blue' } }, 'patch.color'],
    ['an undefined value', { type: 'goal.update', id: 'g1', patch: { title: undefined } }, 'patch.title'],
    ['a WIP limit of 0', { type: 'column.update', id: 'todo', patch: { wipLimit: 0 } }, 'patch.wipLimit'],
    ['an empty product name', { type: 'product.update', patch: { name: '' } }, 'patch.name'],
    ['a RICE confidence over 100', { type: 'score.set', target: 'story', id: 's1', patch: { rice: { confidence: 101 } } }, 'patch.rice.confidence'],
    ['an unknown RICE field', { type: 'score.set', target: 'story', id: 's1', patch: { rice: { value: 1 } } }, 'patch.rice.value'],
  ])('a patch value of the wrong type: %s', (_name, edit, path) => {
    expect(issuePaths(edit)).toContain(path);
  });

  it('a story.update patch with scores (scores change through score.set)', () => {
    expect(issuePaths({ type: 'story.update', id: 's1', patch: { scores: { rice: { reach: 1 } } } })).toEqual(['patch.scores']);
    expect(issuePaths({ type: 'epic.update', id: 'e1', patch: { scores: { moscow: 'must' } } })).toEqual(['patch.scores']);
  });

  it('a score.set for a target other than a story or an epic, or with extra keys', () => {
    expect(accepts({ type: 'score.set', target: 'goal', id: 'g1', patch: {} })).toBe(false);
    expect(accepts({ type: 'score.set', target: 'story', id: 's1', patch: { kano: 'delighter' } })).toBe(false);
  });

  it('a batch inside a batch', () => {
    const inner: Edit = { type: 'batch', label: 'inner', edits: [{ type: 'story.delete', id: 's1' }] };
    expect(accepts({ type: 'batch', label: 'outer', edits: [inner] })).toBe(false);
    expect(accepts({ type: 'batch', label: 'outer', edits: [{ type: 'story.delete', id: 's1' }] })).toBe(true);
  });

  it('10,000 nested batches, without overflowing the stack', () => {
    let edit: Record<string, unknown> = { type: 'story.delete', id: 's1' };
    for (let i = 0; i < 10_000; i += 1) edit = { type: 'batch', label: `level ${i}`, edits: [edit] };
    expect(() => EditSchema.safeParse(edit)).not.toThrow();
    expect(accepts(edit)).toBe(false);
  });

  it('a spec document nested 100,000 deep, without overflowing the stack', () => {
    let node: Record<string, unknown> = { type: 'text', text: 'x' };
    for (let i = 0; i < 100_000; i += 1) node = { type: 'blockquote', content: [node] };
    const edit = { type: 'spec.update', id: 'sp1', patch: { content: node } };
    expect(() => EditSchema.safeParse(edit)).not.toThrow();
    expect(issuePaths(edit)).toEqual(['patch.content']);
  });

  it('an entity to add that is itself invalid', () => {
    const story = edits['story.add'].story;
    expect(accepts({ type: 'story.add', story: { ...story, id: 'bad id' } })).toBe(false);
    expect(accepts({ type: 'story.add', story: { ...story, rank: '7' } })).toBe(false);
    expect(accepts({ type: 'story.add', story, index: -1 })).toBe(false);
    expect(accepts({ type: 'story.add', story, index: 1.5 })).toBe(false);
    const item = edits['roadmapItem.add'].item;
    expect(accepts({ type: 'roadmapItem.add', item: { ...item, start: '2026-05-01', end: '2026-04-01' } })).toBe(false);
  });
});

describe('patchSchema', () => {
  it('does not fill defaults into a partial patch: a one-key patch stays one key', () => {
    expect(StoryPatchSchema.parse({ title: 'New title' })).toEqual({ title: 'New title' });
    const parsed = EditSchema.parse({ type: 'story.update', id: 's1', patch: { notes: '' } });
    expect(parsed.type === 'story.update' && Object.keys(parsed.patch)).toEqual(['notes']);
    expect(StoryPatchSchema.parse({})).toEqual({});
  });

  it('fills defaults inside a given value, as they would be in a parsed product', () => {
    const parsed = BoardPatchSchema.parse({ definitionOfReady: [{ id: 'dor2', text: 'Has a persona' }] });
    expect(parsed).toEqual({ definitionOfReady: [{ id: 'dor2', text: 'Has a persona', check: null }] });
  });

  it('drops unknown keys inside a given value', () => {
    const parsed = StoryPatchSchema.parse({ acceptanceCriteria: [{ id: 'ac1', text: 'x', legacy: true }] });
    expect(parsed).toEqual({ acceptanceCriteria: [{ id: 'ac1', text: 'x' }] });
  });

  it('allows only the keys it is given', () => {
    const TitleOnly = patchSchema<Story>(StorySchema, ['title']);
    expect(TitleOnly.safeParse({ title: 'x' }).success).toBe(true);
    expect(TitleOnly.safeParse({ notes: 'x' }).success).toBe(false);
    expect(TitleOnly.safeParse({ title: 'x', notes: 'x' }).success).toBe(false);
  });
});
