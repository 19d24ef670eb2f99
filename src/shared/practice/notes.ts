/**
 * Learning notes: short explanations of the concepts the practice checks rely on, written for
 * someone new to product management. Each rubric check links to one; the exercise panel shows it.
 */

export const NOTE_IDS = [
  'invest',
  'definition-of-ready',
  'acceptance-criteria',
  'estimation',
  'story-splitting',
  'rice',
  'capacity-planning',
  'outcome-roadmaps',
  'dependencies',
  'specs',
  'success-metrics',
  'north-star',
  'heart',
] as const;
export type NoteId = (typeof NOTE_IDS)[number];

export interface LearningNote {
  id: NoteId;
  title: string;
  /** One sentence: the idea in a nutshell. */
  summary: string;
  /** A few short paragraphs. */
  body: readonly string[];
  /** A worked example. */
  example: string;
  related: readonly NoteId[];
}

export const NOTES: Readonly<Record<NoteId, LearningNote>> = {
  invest: {
    id: 'invest',
    title: 'INVEST: what makes a good user story',
    summary: 'A good story is Independent, Negotiable, Valuable, Estimable, Small and Testable.',
    body: [
      'A user story is a promise of a conversation, not a specification: “As a <who>, I want <what>, so that <why>.” Bill Wake’s INVEST checklist is the quickest way to see whether a story is ready to be talked about and built.',
      'Independent: it can be built and released on its own. Negotiable: it states the need, and leaves the team room to find the solution. Valuable: someone specific gets something out of it — that is what “so that” is for. Estimable: the team understands it well enough to size it. Small: it fits comfortably in one sprint. Testable: everyone can agree when it is done, because it has acceptance criteria.',
      'The coach checks the letters it can read from the text (a user, a benefit, criteria, an estimate, a size). Independent and Negotiable need your judgement.',
    ],
    example: '“Notifications” fails almost every letter. “As a shift worker, I want a reminder two hours before my shift, so that I don’t miss it” is valuable, small and testable once it has criteria and an estimate.',
    related: ['definition-of-ready', 'acceptance-criteria', 'story-splitting'],
  },
  'definition-of-ready': {
    id: 'definition-of-ready',
    title: 'The Definition of Ready',
    summary: 'A team’s shared checklist for when a story may enter a sprint.',
    body: [
      'The Definition of Ready (DoR) is the list of things a story must have before the team commits to it: usually a user and a benefit, testable acceptance criteria, an estimate, a size that fits a sprint, and a link to the goal it serves.',
      'It exists to stop half-understood work from entering a sprint, where it turns into questions, delays and rework. Refinement is the work of getting the top of the backlog to “ready”, a sprint or two ahead.',
      'A DoR is a tool, not a gate to hide behind: keep it short, and change it when the team learns something. This product’s DoR is on the board; the coach checks the items that name a check.',
    ],
    example: 'A ready story: a named user and benefit, three Given/When/Then criteria, estimated at 5 points, under the “Payroll export you can trust” epic.',
    related: ['invest', 'acceptance-criteria', 'estimation'],
  },
  'acceptance-criteria': {
    id: 'acceptance-criteria',
    title: 'Acceptance criteria that can be tested',
    summary: 'Criteria say, in checkable terms, what must be true for the story to be done.',
    body: [
      'Acceptance criteria turn a story into something a tester — or anyone — can verify. Each one describes an observable result, not an implementation. Two to five is typical; more usually means the story should be split.',
      'A popular format is Given / When / Then: Given a starting situation, When the user does something, Then this observable result happens. It forces you to name the situation and the result.',
      'Avoid words that cannot be tested: “fast”, “easy”, “intuitive”, “seamless”, “user-friendly”, “etc.”. Replace each with a number or an observable behaviour: “the list loads in under 2 seconds on 4G”, “a first-time user completes it without help in a usability test”.',
    ],
    example: 'Given a household member ticks an item on the shared list, when another member opens the list, then the item shows as bought with who bought it — within 5 seconds.',
    related: ['invest', 'definition-of-ready'],
  },
  estimation: {
    id: 'estimation',
    title: 'Estimating with story points',
    summary: 'Points compare the size of stories with each other; they are not hours.',
    body: [
      'Story points express how big a piece of work is relative to others — effort, complexity and uncertainty together. Teams use a Fibonacci-like scale (1, 2, 3, 5, 8, 13, …) because the gaps grow with uncertainty: nobody can tell a 14 from a 15.',
      'The conversation matters more than the number. When one person says 2 and another 13, one of them knows something the other doesn’t — that is the point of estimating together.',
      'A story above the team’s split threshold (here 8 points) is too uncertain to commit to: split it rather than argue about its size.',
    ],
    example: 'A team that finishes about 30 points a sprint can plan six 5-point stories, but a single 20-point story is a gamble.',
    related: ['story-splitting', 'definition-of-ready'],
  },
  'story-splitting': {
    id: 'story-splitting',
    title: 'Splitting large stories',
    summary: 'Split along the way users get value — never into technical layers.',
    body: [
      'A large story hides risk and takes long to give feedback. Split it into smaller stories that each still deliver something a user can see and check — a thin vertical slice through the whole system, not “the backend” and “the frontend”.',
      'Three dependable patterns: by workflow step (capture → review → save), by acceptance criterion (each rule becomes its own story), and by data variation (one kind of input first — one payroll provider, one evidence type — the others later).',
      'After a split, every part needs its own criteria and estimate, and each should fit in a sprint. Often one part turns out to be the valuable one and the rest can wait: that is a good result.',
    ],
    example: '“Scan a receipt to add what I bought” (13 points) → “Photograph a receipt”, “Review the recognised lines”, “Add the confirmed lines to the pantry” — each 3 to 5 points.',
    related: ['estimation', 'invest'],
  },
  rice: {
    id: 'rice',
    title: 'RICE and its scales',
    summary: 'RICE = Reach × Impact × Confidence ÷ Effort: value per unit of work.',
    body: [
      'Intercom’s RICE score compares very different ideas on one number. Reach: how many people (or events) it affects in a period — here the product’s reach period. Impact: how much it moves the goal for each of them, on a fixed scale: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal. Confidence: how sure you are of the reach and impact, as a percentage: 100% high, 80% medium, 50% low — below 50% is a moonshot. Effort: person-months of work for everyone involved, at least half a month.',
      'The fixed scales are what make scores comparable: if one person’s “high impact” is 10 and another’s is 2, the ranking measures who scored, not the ideas.',
      'RICE is a thinking tool. When the score disagrees with your gut, say why — a legal obligation, a dependency, a bet — and write it down.',
    ],
    example: '25,000 households per quarter × 1 (medium) × 80% ÷ 2 person-months = 10,000.',
    related: ['capacity-planning'],
  },
  'capacity-planning': {
    id: 'capacity-planning',
    title: 'Choosing what fits the capacity',
    summary: 'A plan is a choice: the most value that fits the time the team really has.',
    body: [
      'Ranking by RICE is not yet a plan. The team has a fixed amount of time — say 14 person-months in a quarter — and the question is which set of items gives the most value within it. Sometimes the second-best item does not fit, and two smaller ones give more together.',
      'Compare the total score of your chosen set with the best total that would fit. Close to the best is good; far below means you left value on the table — or that something other than RICE drove the choice, which is fine if you can say what.',
      'Leave some slack: teams rarely have all their nominal capacity, because of support, bugs and meetings.',
    ],
    example: 'With 6 person-months, three items of 2 months scoring 60k, 50k and 40k beat one item of 5 months scoring 100k.',
    related: ['rice'],
  },
  'outcome-roadmaps': {
    id: 'outcome-roadmaps',
    title: 'Outcome roadmaps vs output roadmaps',
    summary: 'A roadmap should say which results you are trying to change, not just which features ship when.',
    body: [
      'An output roadmap is a list of features with dates: it promises things, and success means shipping them. An outcome roadmap is organised around goals — “new households still planning in week 4” — and each item is a bet on moving one. Success means the metric moved.',
      'Now / Next / Later replaces false precision with honesty: Now is what the team is doing, Next is what is being shaped, Later is what we believe matters but have not planned. Exact dates belong only where you are confident.',
      'A goal you care about should show up in more than one horizon: work now, and the next bet lined up. An item with no goal is a feature on a list — ask which outcome it serves, or whether it belongs on the roadmap at all.',
    ],
    example: 'Instead of “Q1: widget, Q2: dark mode”: Goal “reminders people keep switched on” — Now: daily digest; Next: quiet hours; Later: learned reminder times.',
    related: ['dependencies', 'success-metrics'],
  },
  dependencies: {
    id: 'dependencies',
    title: 'Dependencies on a roadmap',
    summary: 'Something that needs another item cannot sensibly start before that item ends.',
    body: [
      'A dependency means one item needs another one finished first. On a roadmap it shows as an order: the dependency ends before the dependent item starts, or sits in an earlier (or the same) horizon.',
      'A dependent item scheduled before its dependency is a plan that cannot happen: either the dependency is not real, the dates are wishful, or the order must change. A loop (A needs B, B needs A) means nothing can start.',
      'Question every dependency: many are “nicer after”, not “needs”. Removing a false one is often the cheapest way to make a plan work.',
    ],
    example: '“Cost-splitting for flat-shares” needs the live shared list; if the live list ends in March, cost-splitting starts in April.',
    related: ['outcome-roadmaps'],
  },
  specs: {
    id: 'specs',
    title: 'One-page briefs and PRDs',
    summary: 'A spec explains the problem, who has it, how you will know it worked, and what you will and won’t build.',
    body: [
      'A one-page brief pitches an idea: the problem and its evidence, who it is for, one success metric, the solution sketch, and what is out of scope. A PRD (product requirements document) adds the requirements, the UX, risks and the launch plan.',
      'Reviewers read a spec for the same things every time, so each section should say something specific. Non-goals are as useful as goals: they keep scope small and show you made trade-offs.',
      'Link each requirement to the backlog story that delivers it (type # in the editor), so nothing is forgotten and every story has a reason. Leave no “TBD”: write the decision, or an open question with an owner.',
    ],
    example: 'Problem: “22% of new households still plan in week 4; exit surveys name set-up effort.” Metric: “week-4 retention from 22% to 30% by June.” Non-goal: “no meal kits.”',
    related: ['success-metrics'],
  },
  'success-metrics': {
    id: 'success-metrics',
    title: 'Success metrics that can fail',
    summary: 'A success metric says what you measure, which way it should move, by how much and by when.',
    body: [
      'A good metric can fail. “Users are happier” cannot; “NPS from 21 to 30 by June” can. Write the baseline (where it is today), the target, and the date.',
      'Measure outcomes (behaviour or results that matter to users and the business), not outputs (features shipped). Add a guardrail: a metric that must not get worse while you push the main one — e.g. support tickets, unsubscribe rate.',
      'Leading metrics move soon after a change (activation this week); lagging ones move later (annual churn). Teams steer by leading metrics and confirm with lagging ones.',
    ],
    example: 'Share of pay runs corrected after export: 11.4% → under 3% by end of Q2; guardrail: export time stays under 30 seconds.',
    related: ['north-star', 'heart', 'specs'],
  },
  'north-star': {
    id: 'north-star',
    title: 'North-star metric and its inputs',
    summary: 'One metric that captures the value users get, broken into inputs teams can move.',
    body: [
      'A north-star metric captures the core value users get from the product and predicts long-term business results: for a meal planner, households cooking three or more planned meals a week; for a scheduling tool, shifts filled without a manager stepping in.',
      'It is too slow and too broad for one team to move directly, so you break it into input metrics — the drivers each team can influence: how many people activate, how often they come back, how well a key task works. Together the inputs form a metric tree.',
      'Check it the other way round: could the north star go up while users are worse off? If so, pick another, or add a guardrail.',
    ],
    example: 'North star: services running in production on the platform. Inputs: days from request to first deploy (task success), teams deploying weekly (engagement), services renewed each year (retention).',
    related: ['heart', 'success-metrics'],
  },
  heart: {
    id: 'heart',
    title: 'Google’s HEART framework',
    summary: 'Five kinds of user-experience metric: Happiness, Engagement, Adoption, Retention, Task success.',
    body: [
      'HEART (Kerry Rodden and colleagues at Google) helps choose metrics for the user experience. Happiness: attitudes, e.g. satisfaction or NPS. Engagement: how much people use it, e.g. sessions per week. Adoption: new users of the product or a feature. Retention: users who keep coming back. Task success: efficiency, effectiveness and errors, e.g. time to complete, error rate.',
      'For each category you use, go from a goal to a signal (what would tell you) to a metric (how you count it). You rarely need all five; pick the ones that matter for the goal.',
      'Input metrics from different HEART categories keep a metric tree balanced: adoption without retention is a leaky bucket.',
    ],
    example: 'Goal: managers publish rotas faster. Signal: less time editing. Metric (task success): median minutes from first edit to publish, 142 → 60.',
    related: ['north-star', 'success-metrics'],
  },
};

export function isNoteId(value: unknown): value is NoteId {
  return typeof value === 'string' && (NOTE_IDS as readonly string[]).includes(value);
}
