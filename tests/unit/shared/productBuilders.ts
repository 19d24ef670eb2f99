/**
 * Hand-built products for the unit tests of src/shared: a minimal one and a small but complete one
 * whose entities refer to each other (so cascades on delete have something to clear).
 */
import { ProductSchema, type Product } from '../../../src/shared/model/schema';

/** The shortest input that is a valid product (everything else comes from defaults). */
export function minimalInput(): Record<string, unknown> {
  return {
    schemaVersion: 2,
    id: 'tiny',
    name: 'Tiny',
    board: { columns: [{ id: 'todo', name: 'To do' }] },
  };
}

export function minimalProduct(): Product {
  return ProductSchema.parse(minimalInput());
}

/**
 * A product with every kind of entity and references between them:
 * - epics e1 → goal g1, e2 → goal g2, e3 → no goal
 * - stories s1, s2 in epic e1; s3 in e2; s4 without an epic
 * - roadmap items i1 (lane l1, goal g1, epics e1+e2, stories s1+s3), i2 (lane l1, depends on i1,
 *   epic e1), i3 (lane l2, depends on i1 and i2, story s1)
 * - spec sp1 links s1 and s2
 */
export function richInput(): Record<string, unknown> {
  return {
    schemaVersion: 2,
    id: 'tool-library',
    name: 'Neighbourhood Tool Library',
    summary: 'Lend and borrow tools between neighbours.',
    vision: { targetUsers: 'Neighbours', needs: 'Occasional tools', product: 'A lending app', value: 'Less waste' },
    personas: [
      { id: 'p1', name: 'Dana', role: 'Borrower' },
      { id: 'p2', name: 'Sam', role: 'Lender' },
    ],
    goals: [
      { id: 'g1', title: 'More loans', metric: 'Loans per week', baseline: '10', target: '50', direction: 'increase' },
      { id: 'g2', title: 'Fewer no-shows', metric: 'No-show rate', baseline: '20%', target: '5%', direction: 'decrease' },
    ],
    epics: [
      { id: 'e1', title: 'Borrowing', goalId: 'g1', rank: 'a0' },
      { id: 'e2', title: 'Reminders', goalId: 'g2', rank: 'a1' },
      { id: 'e3', title: 'Onboarding', rank: 'a2' },
    ],
    stories: [
      { id: 's1', title: 'Search tools', status: 'backlog', rank: 'a0', epicId: 'e1', estimate: 3 },
      { id: 's2', title: 'Request a loan', status: 'todo', rank: 'a1', epicId: 'e1', estimate: 5 },
      {
        id: 's3',
        title: 'Reminder before pickup',
        status: 'doing',
        rank: 'a2',
        epicId: 'e2',
        scores: { rice: { reach: 400, impact: 2, confidence: 80, effort: 1 } },
      },
      { id: 's4', title: 'Sign up', status: 'backlog', rank: 'a3' },
    ],
    board: {
      columns: [
        { id: 'backlog', name: 'Backlog', category: 'backlog' },
        { id: 'todo', name: 'To do', category: 'todo' },
        { id: 'doing', name: 'Doing', category: 'in-progress', wipLimit: 3 },
        { id: 'done', name: 'Done', category: 'done' },
      ],
      definitionOfReady: [{ id: 'dor1', text: 'Has acceptance criteria', check: 'has-criteria' }],
    },
    roadmap: {
      lanes: [
        { id: 'l1', name: 'Core', color: '#112233' },
        { id: 'l2', name: 'Growth' },
      ],
      items: [
        {
          id: 'i1',
          title: 'Borrow flow',
          laneId: 'l1',
          goalId: 'g1',
          horizon: 'now',
          rank: 'a0',
          start: '2026-01-05',
          end: '2026-02-27',
          epicIds: ['e1', 'e2'],
          storyIds: ['s1', 's3'],
        },
        { id: 'i2', title: 'Reminders', laneId: 'l1', horizon: 'next', rank: 'a1', dependsOn: ['i1'], epicIds: ['e1'] },
        { id: 'i3', title: 'Referrals', laneId: 'l2', horizon: 'later', rank: 'a2', dependsOn: ['i1', 'i2'], storyIds: ['s1'] },
      ],
      milestones: [{ id: 'm1', title: 'Beta', date: '2026-03-02' }],
    },
    specs: [
      {
        id: 'sp1',
        title: 'Borrowing PRD',
        template: 'prd',
        content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Problem' }] }] },
        linkedStoryIds: ['s1', 's2'],
      },
    ],
  };
}

export function richProduct(): Product {
  return ProductSchema.parse(richInput());
}

/** Freeze a value and everything inside it, so that any mutation throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const top = stack.pop();
    if (typeof top !== 'object' || top === null || Object.isFrozen(top)) continue;
    Object.freeze(top);
    for (const child of Object.values(top)) stack.push(child);
  }
  return value;
}
