/** A small product for the practice tests, parsed through the real schema so every default is filled. */
import type { z } from 'zod';
import { ProductSchema, type DocNode, type Product, type Story } from '../../../src/shared/model/schema';
import { ExerciseSchema, type Exercise } from '../../../src/shared/model/exerciseSchema';

type StoryInput = Partial<Story> & { id: string };

/** A ready story (benefit, two testable criteria, 5 points, an epic); override to make it flawed. */
export function story(input: StoryInput): Story {
  return {
    title: `Export worked hours for ${input.id}`,
    asA: 'payroll administrator',
    iWant: 'to export approved hours as a payroll file',
    soThat: 'staff are paid correctly without re-keying hours',
    description: '',
    acceptanceCriteria: [
      { id: `${input.id}-ac1`, text: 'Given approved shifts for a pay period, when I export, then the file lists each worker’s hours by pay code.' },
      { id: `${input.id}-ac2`, text: 'Given an unapproved shift, when I export, then it is excluded and listed in a warning.' },
    ],
    estimate: 5,
    status: 'ready',
    rank: 'a0',
    epicId: 'ep-1',
    labels: [],
    scores: { rice: { reach: null, impact: null, confidence: null, effort: null }, ice: { impact: null, confidence: null, ease: null }, wsjf: { businessValue: null, timeCriticality: null, riskReduction: null, jobSize: null }, moscow: null },
    splitFrom: null,
    splitInto: [],
    notes: '',
    ...input,
  };
}

export function rice(reach: number | null, impact: number | null, confidence: number | null, effort: number | null): Story['scores'] {
  return { ...story({ id: 'x' }).scores, rice: { reach, impact, confidence, effort } };
}

export function product(overrides: Record<string, unknown> = {}): Product {
  return ProductSchema.parse({
    schemaVersion: 2,
    id: 'practice-test',
    name: 'Practice test',
    goals: [
      { id: 'g-1', title: 'Payroll right first time', metric: 'Pay runs corrected after export', baseline: '11%', target: '3%', heart: 'task-success' },
      { id: 'g-2', title: 'Rotas published in less time', metric: 'Median minutes to publish', baseline: '142', target: '60', heart: 'task-success' },
    ],
    epics: [{ id: 'ep-1', title: 'Payroll', rank: 'a0', goalId: 'g-1' }],
    stories: [story({ id: 'st-1', rank: 'a1' }), story({ id: 'st-2', rank: 'a2' })],
    board: {
      columns: [
        { id: 'backlog', name: 'Backlog', category: 'backlog' },
        { id: 'ready', name: 'Ready', category: 'todo' },
        { id: 'done', name: 'Done', category: 'done' },
      ],
      definitionOfReady: [
        { id: 'dor-1', text: 'Who and why', check: 'missing-benefit' },
        { id: 'dor-2', text: 'Criteria', check: 'no-acceptance-criteria' },
        { id: 'dor-3', text: 'Testable', check: 'vague-criteria' },
        { id: 'dor-4', text: 'Estimated', check: 'not-estimated' },
        { id: 'dor-5', text: 'Small', check: 'too-large' },
        { id: 'dor-6', text: 'Epic', check: 'no-epic' },
      ],
    },
    ...overrides,
  });
}

export function exercise(input: z.input<typeof ExerciseSchema>): Exercise {
  return ExerciseSchema.parse(input);
}

// --- tiptap JSON ---

export const text = (value: string): DocNode => ({ type: 'text', text: value });
export const p = (...content: (string | DocNode)[]): DocNode => ({ type: 'paragraph', content: content.map((c) => (typeof c === 'string' ? text(c) : c)) });
export const h = (level: number, value: string): DocNode => ({ type: 'heading', attrs: { level }, content: [text(value)] });
export const mention = (id: string): DocNode => ({ type: 'mention', attrs: { id, kind: 'story' } });
export const ul = (...items: (string | DocNode)[][]): DocNode => ({ type: 'bulletList', content: items.map((c) => ({ type: 'listItem', content: [p(...c)] })) });
const cell = (type: string, value: string): DocNode => ({ type, content: [value ? p(value) : { type: 'paragraph' }] });
export const table = (header: string[], rows: string[][]): DocNode => ({
  type: 'table',
  content: [{ type: 'tableRow', content: header.map((x) => cell('tableHeader', x)) }, ...rows.map((r) => ({ type: 'tableRow', content: header.map((_, i) => cell('tableCell', r[i] ?? '')) }))],
});
export const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });

/** A one-page brief that passes every completeness check, linking `storyId`. */
export function completeBrief(storyId: string): DocNode {
  return doc(
    h(2, 'Problem'),
    p('Payroll managers find export errors on payday: 11% of pay runs are corrected after export.'),
    h(2, 'Who it’s for'),
    p('Payroll managers at multi-site groups who run the export every fortnight.'),
    h(2, 'Goal and success metric'),
    ul(['Pay runs corrected after export from 11% to 3% by June']),
    h(2, 'Proposed solution'),
    p('Check the export before download and block it on missing payroll IDs.'),
    h(2, 'Scope and non-goals'),
    h(3, 'Non-goals'),
    ul(['No payroll connectors in this release.']),
    h(2, 'What we’ll build'),
    ul(['Block the export on missing payroll IDs ', mention(storyId)]),
  );
}

/** A metric tree with a north star and inputs in the given HEART categories. */
export function metricTree(categories: string[]): DocNode {
  return doc(
    h(2, 'North star metric'),
    ul(['Shifts worked as published and paid right first time: 81% to 92% by December']),
    h(2, 'Why this metric'),
    p('It captures the value every user gets from a shift going right.'),
    h(2, 'Input metrics'),
    table(
      ['HEART category', 'Signal', 'Input metric', 'Baseline', 'Target'],
      categories.map((c, i) => [c, 'A signal', `Input metric ${i + 1}`, `${10 + i}%`, `${20 + i}%`]),
    ),
    h(2, 'Guardrail metrics'),
    ul(['Compliance breaches stay below 0.5 per 1,000 shifts']),
  );
}
