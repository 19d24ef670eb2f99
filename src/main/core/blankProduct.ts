/** A new, empty product with a board a team would start from. */
import { CURRENT_SCHEMA_VERSION, ProductSchema, type Product } from '../../shared/model/schema';

export function blankProduct(id: string, name: string): Product {
  return ProductSchema.parse({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id,
    name,
    board: {
      columns: [
        { id: 'backlog', name: 'Backlog', category: 'backlog', wipLimit: null },
        { id: 'ready', name: 'Ready', category: 'todo', wipLimit: null },
        { id: 'in-progress', name: 'In progress', category: 'in-progress', wipLimit: 3 },
        { id: 'review', name: 'In review', category: 'in-progress', wipLimit: null },
        { id: 'done', name: 'Done', category: 'done', wipLimit: null },
      ],
      definitionOfReady: [
        { id: 'dor-1', text: 'The story says who benefits and why', check: 'missing-benefit' },
        { id: 'dor-2', text: 'It has testable acceptance criteria', check: 'no-acceptance-criteria' },
        { id: 'dor-3', text: 'The acceptance criteria are specific, not vague', check: 'vague-criteria' },
        { id: 'dor-4', text: 'The team has estimated it', check: 'not-estimated' },
        { id: 'dor-5', text: 'It is small enough to finish in one sprint', check: 'too-large' },
        { id: 'dor-6', text: 'The team has discussed it in refinement', check: null },
      ],
      splitThreshold: 8,
    },
  });
}
