import { EMPTY_SCORES, type Product, type Story } from '../../../src/shared/model/schema';

/** A well-formed, ready story; override fields to make it flawed. */
export function goodStory(overrides: Partial<Story> = {}): Story {
  return {
    id: 'st-1',
    title: 'Export worked hours to the payroll provider',
    asA: 'payroll administrator',
    iWant: 'to export approved hours as a payroll file',
    soThat: 'staff are paid correctly without re-keying hours',
    description: '',
    acceptanceCriteria: [
      { id: 'st-1-ac1', text: 'Given approved shifts for a pay period, when I export, then the file lists each worker’s hours by pay code.' },
      { id: 'st-1-ac2', text: 'Given an unapproved shift, when I export, then it is excluded and listed in a warning.' },
    ],
    estimate: 5,
    status: 'ready',
    rank: 'a0',
    epicId: 'ep-1',
    labels: [],
    scores: EMPTY_SCORES,
    splitFrom: null,
    splitInto: [],
    notes: '',
    ...overrides,
  };
}

export function productWith(stories: Story[], overrides: Partial<Product> = {}): Product {
  return {
    schemaVersion: 2,
    id: 'test-product',
    name: 'Test product',
    summary: '',
    author: '',
    vision: { targetUsers: '', needs: '', product: '', value: '' },
    personas: [],
    goals: [],
    epics: [{ id: 'ep-1', title: 'Payroll', description: '', color: '#336699', goalId: null, status: 'open', rank: 'a0', scores: EMPTY_SCORES }],
    stories,
    board: {
      columns: [
        { id: 'backlog', name: 'Backlog', category: 'backlog', wipLimit: null },
        { id: 'ready', name: 'Ready', category: 'todo', wipLimit: null },
        { id: 'done', name: 'Done', category: 'done', wipLimit: null },
      ],
      definitionOfReady: [],
      splitThreshold: 8,
    },
    roadmap: { lanes: [], items: [], milestones: [] },
    specs: [],
    prioritization: { scope: 'stories', framework: 'rice', reachPeriod: 'per quarter', learnerRanking: null, notes: '' },
    practice: { brief: '', exercises: [], attempts: [], snapshots: [] },
    ...overrides,
  };
}
