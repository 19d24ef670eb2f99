/**
 * A spec document of realistic length in tiptap JSON: a title, a status line, the sections of a PRD
 * with paragraphs, bullet and numbered lists, a metrics table, and now and then a reviewer's note.
 * About the size of the samples' PRD (10–15 kB of JSON).
 */
import type { DocNode } from '../../../src/shared/model/schema';
import type { Random } from './prng';
import { BENEFITS, GOALS, OUTCOMES, ROLES, SPEC_SECTIONS, SPEC_SENTENCES } from './vocabulary';

const text = (value: string, bold = false): DocNode => (bold ? { type: 'text', text: value, marks: [{ type: 'bold' }] } : { type: 'text', text: value });
const paragraph = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const heading = (level: number, value: string): DocNode => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const listItem = (value: string): DocNode => ({ type: 'listItem', content: [paragraph(text(value))] });

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

function prose(random: Random, sentences: number): string {
  return random.sample(SPEC_SENTENCES, sentences).join(' ');
}

function metricsTable(random: Random): DocNode {
  const cell = (type: 'tableHeader' | 'tableCell', value: string): DocNode => ({ type, content: [paragraph(text(value))] });
  const header: DocNode = { type: 'tableRow', content: ['Metric', 'Baseline', 'Target', 'By'].map((h) => cell('tableHeader', h)) };
  const rows = random.sample(GOALS, random.int(3, 5)).map(
    (goal): DocNode => ({
      type: 'tableRow',
      content: [cell('tableCell', goal.metric), cell('tableCell', goal.baseline), cell('tableCell', goal.target), cell('tableCell', random.pick(['End of Q1', 'End of Q2', 'End of Q3', 'Launch + 6 weeks']))],
    }),
  );
  return { type: 'table', content: [header, ...rows] };
}

function section(random: Random, title: string): DocNode[] {
  const nodes: DocNode[] = [heading(2, title)];
  for (let i = random.int(1, 3); i > 0; i -= 1) nodes.push(paragraph(text(prose(random, random.int(2, 4)))));
  switch (title) {
    case 'Who it is for':
      nodes.push({
        type: 'bulletList',
        content: random.sample(ROLES, random.int(3, 5)).map((role) => ({
          type: 'listItem',
          content: [paragraph(text(`${capitalise(role)}: `, true), text(`${random.pick(BENEFITS)}.`))],
        })),
      });
      break;
    case 'Goals and success metrics':
      nodes.push(metricsTable(random));
      break;
    case 'Requirements':
      nodes.push({ type: 'orderedList', attrs: { start: 1 }, content: random.sample(OUTCOMES, random.int(4, 8)).map((o) => listItem(capitalise(o))) });
      break;
    case 'Risks and open questions':
      nodes.push({ type: 'bulletList', content: random.sample(SPEC_SENTENCES, random.int(2, 4)).map(listItem) });
      if (random.chance(0.5)) {
        nodes.push({ type: 'blockquote', content: [paragraph({ type: 'text', text: `Reviewer note: ${random.pick(SPEC_SENTENCES)}`, marks: [{ type: 'italic' }] })] });
      }
      break;
    default:
      break;
  }
  return nodes;
}

/** A PRD-shaped document about `topic`. */
export function generateSpecDoc(random: Random, title: string): DocNode {
  const content: DocNode[] = [
    heading(1, title),
    paragraph(text('Status: ', true), text(`Draft v0.${random.int(1, 9)} — for review. `), text('Owner: ', true), text('PM, platform squad.')),
  ];
  for (const name of SPEC_SECTIONS) content.push(...section(random, name));
  content.push({ type: 'horizontalRule' }, paragraph(text(prose(random, 2))));
  return { type: 'doc', content };
}
