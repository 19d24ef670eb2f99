/**
 * Every list in a product file has a maximum, taken from `LIST_LIMITS`, and a list one item too
 * long is refused with that limit's own sentence and the path to the list.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateProduct } from '../../bench/generate/generateProduct';
import { boundedList, LIST_LIMITS, type ListLimit } from '../../../src/shared/model/limits';
import { ProductSchema } from '../../../src/shared/model/schema';
import { ExerciseSchema } from '../../../src/shared/model/exerciseSchema';
import { minimalInput, richInput } from './productBuilders';

interface FoundList {
  path: string;
  max: number | null;
  message: string | null;
}

/** The `.max()` of an array schema, if it has one. */
function maxOf(array: z.ZodArray): { max: number; message: string | null } | null {
  for (const check of array.def.checks ?? []) {
    const def = check._zod.def as { check: string; maximum?: number; error?: (issue: unknown) => unknown };
    if (def.check === 'max_length' && typeof def.maximum === 'number') {
      const message = def.error?.({});
      return { max: def.maximum, message: typeof message === 'string' ? message : null };
    }
  }
  return null;
}

/** Every array schema reachable from `schema`, through objects, wrappers, pipes, unions and lazy schemas. */
function listsIn(schema: z.ZodType, path = '', seen = new Set<z.ZodType>(), out: FoundList[] = []): FoundList[] {
  if (seen.has(schema)) return out;
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const visit = (inner: unknown, at: string): void => {
    if (inner instanceof z.ZodType) listsIn(inner, at, seen, out);
  };
  switch (def.type) {
    case 'object':
      for (const [key, field] of Object.entries((schema as z.ZodObject).shape)) visit(field, path ? `${path}.${key}` : key);
      break;
    case 'array': {
      const found = maxOf(schema as z.ZodArray);
      out.push({ path, max: found?.max ?? null, message: found?.message ?? null });
      visit((schema as z.ZodArray).element, `${path}[]`);
      break;
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      visit(def.innerType, path);
      break;
    case 'pipe':
      visit(def.in, path);
      visit(def.out, path);
      break;
    case 'lazy':
      visit((def.getter as () => unknown)(), path);
      break;
    case 'union':
      for (const option of def.options as unknown[]) visit(option, path);
      break;
    case 'record':
      visit(def.valueType, `${path}{}`);
      break;
    case 'intersection':
      visit(def.left, path);
      visit(def.right, path);
      break;
    default:
      break;
  }
  return out;
}

describe('list limits', () => {
  const lists = listsIn(ProductSchema);
  const limits = Object.values(LIST_LIMITS) as ListLimit[];

  it('finds the lists of every part of the product, exercises and spec documents included', () => {
    const paths = lists.map((l) => l.path);
    for (const path of ['stories', 'stories[].acceptanceCriteria', 'stories[].labels', 'board.columns', 'roadmap.items[].dependsOn', 'specs[].linkedStoryIds', 'practice.exercises', 'practice.exercises[].rubric']) {
      expect(paths).toContain(path);
    }
    expect(paths.some((p) => p.startsWith('specs[].content') && p.endsWith('content'))).toBe(true);
    expect(lists.length).toBeGreaterThan(35);
  });

  it('gives every list in the product schema a maximum from LIST_LIMITS, with its own sentence', () => {
    const unbounded = lists.filter((l) => l.max === null).map((l) => l.path);
    expect(unbounded).toEqual([]);
    for (const list of lists) {
      const limit = limits.find((l) => l.max === list.max && l.message === list.message);
      expect(limit, `${list.path}: max ${String(list.max)} "${String(list.message)}" is not one of LIST_LIMITS`).toBeDefined();
    }
  });

  it('leaves room for the benchmark product and the largest import', () => {
    const bench = generateProduct({ stories: 10_000, seed: 7 });
    expect(ProductSchema.safeParse(bench).success).toBe(true);
    expect(LIST_LIMITS.stories.max).toBeGreaterThanOrEqual(45_000);
    expect(LIST_LIMITS.roadmapItems.max).toBeGreaterThan(bench.roadmap.items.length);
  });

  const tooLong = <T>(limit: ListLimit, make: (i: number) => T): T[] => Array.from({ length: limit.max + 1 }, (_, i) => make(i));
  const product = (patch: (input: Record<string, unknown>) => void): Record<string, unknown> => {
    const input = richInput();
    patch(input);
    return input;
  };
  const story = (extra: Record<string, unknown>): Record<string, unknown> => ({ id: 's9', title: 'Long', status: 'backlog', rank: 'a9', ...extra });

  const cases: { name: string; input: Record<string, unknown>; path: (string | number)[]; limit: ListLimit }[] = [
    {
      name: 'acceptance criteria of a story',
      input: product((p) => (p.stories as unknown[]).push(story({ acceptanceCriteria: tooLong(LIST_LIMITS.acceptanceCriteria, (i) => ({ id: `ac${i}`, text: 'Given, when, then' })) }))),
      path: ['stories', 4, 'acceptanceCriteria'],
      limit: LIST_LIMITS.acceptanceCriteria,
    },
    {
      name: 'labels of a story',
      input: product((p) => (p.stories as unknown[]).push(story({ labels: tooLong(LIST_LIMITS.labels, (i) => `label-${i}`) }))),
      path: ['stories', 4, 'labels'],
      limit: LIST_LIMITS.labels,
    },
    {
      name: 'board columns',
      input: { ...minimalInput(), board: { columns: tooLong(LIST_LIMITS.boardColumns, (i) => ({ id: `c${i}`, name: `Column ${i}` })) } },
      path: ['board', 'columns'],
      limit: LIST_LIMITS.boardColumns,
    },
    {
      name: 'a persona’s goals',
      input: { ...minimalInput(), personas: [{ id: 'p1', name: 'Dana', goals: tooLong(LIST_LIMITS.personaGoals, (i) => `goal ${i}`) }] },
      path: ['personas', 0, 'goals'],
      limit: LIST_LIMITS.personaGoals,
    },
    {
      name: 'marks on a piece of spec text',
      input: { ...minimalInput(), specs: [{ id: 'sp1', title: 'PRD', template: 'prd', content: { type: 'doc', content: [{ type: 'text', text: 'x', marks: tooLong(LIST_LIMITS.docMarks, () => ({ type: 'bold' })) }] } }] },
      path: ['specs', 0, 'content', 'content', 0, 'marks'],
      limit: LIST_LIMITS.docMarks,
    },
  ];

  it.each(cases)('refuses one item too many in the $name with the limit’s sentence and the path', ({ input, path, limit }) => {
    const result = ProductSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.message === limit.message);
    expect(issue?.path).toEqual(path);
    expect(limit.message).toMatch(/can have at most [\d,]+ /);
  });

  it('accepts a list of exactly the maximum', () => {
    const input = product((p) => (p.stories as unknown[]).push(story({ labels: Array.from({ length: LIST_LIMITS.labels.max }, (_, i) => `label-${i}`) })));
    expect(ProductSchema.safeParse(input).success).toBe(true);
  });

  it('bounds the exercise format with the same limits', () => {
    const exercise = { id: 'x', title: 'X', brief: 'Do it.', view: 'backlog', rubric: [{ id: 'r', label: 'R', rule: { check: 'roadmap-dependencies' } }], hints: tooLong(LIST_LIMITS.hints, (i) => `hint ${i}`) };
    const result = ExerciseSchema.safeParse(exercise);
    expect(result.error?.issues.map((i) => i.message)).toContain(LIST_LIMITS.hints.message);
    expect(boundedList(z.string(), LIST_LIMITS.hints).safeParse(['a']).success).toBe(true);
  });
});
