/**
 * How big each part of a product file may be: text lengths and the most items each list may hold.
 * One place, so the schema, the importers, the exercise format and the tests agree. The figures
 * are far above anything a person makes by hand (the benchmark's largest product has 10,000
 * stories, 150 epics, 300 roadmap items and 20 specs; an import of a 50 MiB Jira export about
 * 45,000 stories), and low enough that a hostile or broken file is refused with a sentence naming
 * the list instead of being held in memory. Together with the file-size cap (`diskProduct.ts`)
 * they bound what the app ever has to read.
 *
 * Imports only zod and a formatter, so that both the product schema and the exercise schema can use it.
 */
import { z } from 'zod';
import { groupDigits } from '../format/sizes';

/** Text lengths and nesting. */
export const LIMITS = {
  shortText: 300,
  longText: 20_000,
  docDepth: 40,
} as const;

export interface ListLimit {
  /** The most items the list may hold. */
  readonly max: number;
  /** What a longer list is told, e.g. "A story can have at most 100 acceptance criteria". */
  readonly message: string;
}

function limit(max: number, owner: string, items: string): ListLimit {
  return { max, message: `${owner} can have at most ${groupDigits(max)} ${items}` };
}

const STORIES = 50_000;
const EPICS = 10_000;

/** The most items each list of a product may hold. */
export const LIST_LIMITS = {
  personas: limit(500, 'A product', 'personas'),
  personaGoals: limit(50, 'A persona', 'goals'),
  personaFrustrations: limit(50, 'A persona', 'frustrations'),
  goals: limit(1_000, 'A product', 'goals'),
  epics: limit(EPICS, 'A product', 'epics'),
  stories: limit(STORIES, 'A product', 'stories'),
  acceptanceCriteria: limit(100, 'A story', 'acceptance criteria'),
  labels: limit(50, 'A story', 'labels'),
  splitInto: limit(100, 'A story', 'parts it was split into'),
  boardColumns: limit(100, 'A board', 'columns'),
  definitionOfReady: limit(100, 'A Definition of Ready', 'items'),
  roadmapLanes: limit(200, 'A roadmap', 'lanes'),
  roadmapItems: limit(10_000, 'A roadmap', 'items'),
  milestones: limit(1_000, 'A roadmap', 'milestones'),
  itemEpics: limit(500, 'A roadmap item', 'linked epics'),
  itemStories: limit(5_000, 'A roadmap item', 'linked stories'),
  itemDependencies: limit(500, 'A roadmap item', 'dependencies'),
  specs: limit(1_000, 'A product', 'specs'),
  specLinkedStories: limit(5_000, 'A spec', 'linked stories'),
  docChildren: limit(20_000, 'A block in a spec', 'blocks or pieces of text inside it'),
  docMarks: limit(20, 'A piece of text in a spec', 'marks'),
  learnerRanking: limit(STORIES + EPICS, 'The ranking exercise', 'items'),
  exercises: limit(500, 'A product', 'exercises'),
  exerciseIds: limit(500, 'An exercise rule or scope', 'ids'),
  exerciseSpecTemplates: limit(3, 'An exercise scope', 'spec templates'),
  rubric: limit(20, 'An exercise', 'rubric criteria'),
  hints: limit(20, 'An exercise', 'hints'),
  referenceEdits: limit(5_000, 'A reference answer', 'edits'),
  attempts: limit(5_000, 'A product', 'recorded attempts'),
  attemptCriteria: limit(20, 'An attempt', 'criteria'),
  snapshots: limit(1_000, 'A product', 'exercise snapshots'),
} as const satisfies Record<string, ListLimit>;

/** `z.array(element)` refused, with the limit's own sentence, beyond `limit.max` items. */
export function boundedList<T extends z.ZodType>(element: T, limit: ListLimit): z.ZodArray<T> {
  return z.array(element).max(limit.max, limit.message);
}
