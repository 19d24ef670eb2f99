/**
 * The portfolio pack: one standalone, print-ready HTML page for a product with a cover (product,
 * vision, author), the chosen specs, the roadmap (Now / Next / Later), the prioritisation table
 * (RICE ranking) and a backlog summary — the learner picks which parts go in.
 */
import { sortByRank } from '../model/rank';
import { HORIZONS, type Horizon, type Product } from '../model/schema';
import { formatScore, riceRanking } from '../spec/ranking';
import { escapeHtml, fileNameFrom, htmlAttrs, htmlPage } from './html';
import { specArticleHtml } from './spec';
import { SPEC_PAGE_CSS } from './specStyles';

export interface PortfolioOptions {
  cover: boolean;
  /** The specs to include, in this order. */
  specIds: readonly string[];
  roadmap: boolean;
  prioritization: boolean;
  backlog: boolean;
}

export type PortfolioPart = 'cover' | 'roadmap' | 'prioritization' | 'backlog';

export const PORTFOLIO_PART_LABELS: Record<PortfolioPart, string> = {
  cover: 'Cover page',
  roadmap: 'Roadmap (Now / Next / Later)',
  prioritization: 'Prioritisation (RICE ranking)',
  backlog: 'Backlog summary',
};

export function defaultPortfolioOptions(product: Pick<Product, 'specs'>): PortfolioOptions {
  return { cover: true, specIds: product.specs.map((s) => s.id), roadmap: true, prioritization: true, backlog: true };
}

/** True when the options include nothing at all. */
export function isEmptyPortfolio(options: PortfolioOptions): boolean {
  return !options.cover && options.specIds.length === 0 && !options.roadmap && !options.prioritization && !options.backlog;
}

const HORIZON_LABELS: Record<Horizon, string> = { now: 'Now', next: 'Next', later: 'Later' };
const TOP_STORIES = 10;
const RANKING_ROWS = 15;

function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

function coverHtml(product: Product, contents: { id: string; title: string }[]): string {
  const vision: [string, string][] = [
    ['For', product.vision.targetUsers],
    ['Who need', product.vision.needs],
    ['The product', product.vision.product],
    ['Value', product.vision.value],
  ];
  const visionRows = vision.filter(([, v]) => v.trim() !== '');
  const goals = product.goals.filter((g) => g.title.trim() !== '');
  const goalItems = goals.map((g) => {
    const measure = [g.metric, g.baseline && g.target ? `${g.baseline} → ${g.target}` : g.target, g.timeframe].filter((x) => x.trim() !== '').join(' · ');
    return `<li><strong>${escapeHtml(g.title)}</strong>${measure ? ` <span class="muted">— ${escapeHtml(measure)}</span>` : ''}</li>`;
  });
  return [
    '<section class="page cover" aria-label="Cover">',
    '<p class="kicker">Product portfolio</p>',
    `<h1>${escapeHtml(product.name)}</h1>`,
    product.summary.trim() ? `<div class="summary">${paragraphs(product.summary)}</div>` : '',
    visionRows.length > 0
      ? `<dl>${visionRows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`
      : '',
    goalItems.length > 0 ? `<h2>Goals</h2><ul>${goalItems.join('')}</ul>` : '',
    product.author.trim() ? `<p class="author">Prepared by <strong>${escapeHtml(product.author.trim())}</strong></p>` : '',
    contents.length > 1
      ? `<nav class="contents" aria-label="Contents"><h2>Contents</h2><ol>${contents.map((c) => `<li><a href="#${escapeHtml(c.id)}">${escapeHtml(c.title)}</a></li>`).join('')}</ol></nav>`
      : '',
    '</section>',
  ]
    .filter((l) => l !== '')
    .join('\n');
}

function roadmapHtml(product: Product): string {
  const lanes = new Map(product.roadmap.lanes.map((l) => [l.id, l.name]));
  const goals = new Map(product.goals.map((g) => [g.id, g.title]));
  const byHorizon = (h: Horizon) => sortByRank(product.roadmap.items.filter((i) => i.horizon === h));
  const cell = (h: Horizon) => {
    const items = byHorizon(h);
    if (items.length === 0) return '<td><p class="muted">Nothing planned.</p></td>';
    return `<td><ul>${items
      .map((item) => {
        const meta = [item.laneId ? lanes.get(item.laneId) : null, item.status.replace('-', ' '), `${item.confidence} confidence`, item.goalId ? `Goal: ${goals.get(item.goalId) ?? ''}` : null]
          .filter((x): x is string => typeof x === 'string' && x.trim() !== '')
          .join(' · ');
        return `<li><strong>${escapeHtml(item.title)}</strong><span class="item-meta">${escapeHtml(meta)}</span></li>`;
      })
      .join('')}</ul></td>`;
  };
  const milestones = [...product.roadmap.milestones].sort((a, b) => a.date.localeCompare(b.date));
  return [
    '<section class="page" id="roadmap">',
    '<h1>Roadmap</h1>',
    '<p class="muted">Outcome-oriented horizons: what the team is doing now, what comes next, and what comes later.</p>',
    product.roadmap.items.length === 0
      ? '<p>The roadmap is empty.</p>'
      : `<table class="roadmap-table"><thead><tr>${HORIZONS.map((h) => `<th scope="col">${HORIZON_LABELS[h]}</th>`).join('')}</tr></thead><tbody><tr>${HORIZONS.map(cell).join('')}</tr></tbody></table>`,
    milestones.length > 0
      ? `<h2>Milestones</h2><table><thead><tr><th scope="col">Date</th><th scope="col">Milestone</th></tr></thead><tbody>${milestones
          .map((m) => `<tr><td>${escapeHtml(m.date)}</td><td>${escapeHtml(m.title)}</td></tr>`)
          .join('')}</tbody></table>`
      : '',
    '</section>',
  ]
    .filter((l) => l !== '')
    .join('\n');
}

function prioritizationHtml(product: Product): string {
  const ranking = riceRanking(product, RANKING_ROWS);
  const noun = ranking.scope === 'epics' ? 'epics' : 'stories';
  const num = (v: number | null, suffix = '') => `<td class="num">${v === null ? '' : escapeHtml(`${v}${suffix}`)}</td>`;
  const rows = ranking.rows
    .map(
      (r) =>
        `<tr><td class="num">${r.position}</td><td>${escapeHtml(r.title)} <span class="muted">(${escapeHtml(r.id)})</span></td>${num(r.rice.reach)}${num(r.rice.impact)}${num(r.rice.confidence, '%')}${num(r.rice.effort)}<td class="num"><strong>${escapeHtml(formatScore(r.score))}</strong></td></tr>`,
    )
    .join('');
  const notes: string[] = [];
  if (ranking.total > ranking.rows.length) notes.push(`Top ${ranking.rows.length} of ${ranking.total} scored ${noun}.`);
  if (ranking.unscored > 0) notes.push(`${ranking.unscored} unfinished ${noun} are not scored yet.`);
  return [
    '<section class="page" id="prioritization">',
    '<h1>Prioritisation</h1>',
    `<p class="muted">RICE score = Reach × Impact × Confidence ÷ Effort (Reach ${escapeHtml(product.prioritization.reachPeriod)}, Effort in person-months). Unfinished ${noun}, highest score first.</p>`,
    ranking.rows.length === 0
      ? `<p>No ${noun} have a complete RICE score yet.</p>`
      : `<table><thead><tr><th scope="col">#</th><th scope="col">${noun === 'epics' ? 'Epic' : 'Story'}</th><th scope="col">Reach</th><th scope="col">Impact</th><th scope="col">Confidence</th><th scope="col">Effort</th><th scope="col">RICE</th></tr></thead><tbody>${rows}</tbody></table>`,
    notes.length > 0 ? `<p class="muted">${escapeHtml(notes.join(' '))}</p>` : '',
    product.prioritization.notes.trim() ? `<h2>Notes</h2>${paragraphs(product.prioritization.notes)}` : '',
    '</section>',
  ]
    .filter((l) => l !== '')
    .join('\n');
}

function backlogHtml(product: Product): string {
  const columns = product.board.columns;
  const doneColumns = new Set(columns.filter((c) => c.category === 'done').map((c) => c.id));
  const epics = new Map(product.epics.map((e) => [e.id, e.title]));
  const columnNames = new Map(columns.map((c) => [c.id, c.name]));
  const points = (ids: readonly { estimate: number | null }[]) => ids.reduce((sum, s) => sum + (s.estimate ?? 0), 0);
  const countRows = columns.map((c) => {
    const stories = product.stories.filter((s) => s.status === c.id);
    return `<tr><th scope="row">${escapeHtml(c.name)}</th><td class="num">${stories.length}</td><td class="num">${points(stories)}</td></tr>`;
  });
  const total = `<tr><th scope="row">Total</th><td class="num"><strong>${product.stories.length}</strong></td><td class="num"><strong>${points(product.stories)}</strong></td></tr>`;
  const top = sortByRank(product.stories.filter((s) => !doneColumns.has(s.status))).slice(0, TOP_STORIES);
  const topRows = top
    .map(
      (s, i) =>
        `<tr><td class="num">${i + 1}</td><td>${escapeHtml(s.title)} <span class="muted">(${escapeHtml(s.id)})</span></td><td>${escapeHtml(s.epicId ? (epics.get(s.epicId) ?? '') : '')}</td><td>${escapeHtml(columnNames.get(s.status) ?? s.status)}</td><td class="num">${s.estimate === null ? '?' : s.estimate}</td></tr>`,
    )
    .join('');
  return [
    '<section class="page" id="backlog">',
    '<h1>Backlog summary</h1>',
    `<p class="muted">${product.stories.length} stories in ${product.epics.length} epics.</p>`,
    `<table><thead><tr><th scope="col">Column</th><th scope="col">Stories</th><th scope="col">Points</th></tr></thead><tbody>${countRows.join('')}${total}</tbody></table>`,
    top.length > 0
      ? `<h2>Top of the backlog</h2><table><thead><tr><th scope="col">#</th><th scope="col">Story</th><th scope="col">Epic</th><th scope="col">Status</th><th scope="col">Points</th></tr></thead><tbody>${topRows}</tbody></table>`
      : '',
    '</section>',
  ]
    .filter((l) => l !== '')
    .join('\n');
}

/** The portfolio as one standalone HTML page (inline CSS, no scripts, no external resources). */
export function portfolioToHtml(product: Product, options: PortfolioOptions): string {
  const specs = options.specIds.map((id) => product.specs.find((s) => s.id === id)).filter((s) => s !== undefined);
  const contents: { id: string; title: string }[] = [
    ...specs.map((s, i) => ({ id: `spec-${i + 1}`, title: s.title })),
    ...(options.roadmap ? [{ id: 'roadmap', title: 'Roadmap' }] : []),
    ...(options.prioritization ? [{ id: 'prioritization', title: 'Prioritisation' }] : []),
    ...(options.backlog ? [{ id: 'backlog', title: 'Backlog summary' }] : []),
  ];
  const parts: string[] = [];
  if (options.cover) parts.push(coverHtml(product, contents));
  specs.forEach((spec, i) => parts.push(specArticleHtml(spec, product, `spec-${i + 1}`)));
  if (options.roadmap) parts.push(roadmapHtml(product));
  if (options.prioritization) parts.push(prioritizationHtml(product));
  if (options.backlog) parts.push(backlogHtml(product));
  if (parts.length === 0) parts.push('<section class="page"><p>Nothing was chosen for this portfolio.</p></section>');
  return htmlPage({
    title: `${product.name} — portfolio${product.author.trim() ? ` by ${product.author.trim()}` : ''}`,
    css: SPEC_PAGE_CSS,
    body: `<main${htmlAttrs({ class: 'portfolio' })}>\n${parts.join('\n')}\n</main>`,
  });
}

/** `larder-portfolio.html` (or `.pdf`), whatever characters the product's name has. */
export function portfolioFileName(product: Pick<Product, 'name'>, extension: 'html' | 'pdf' = 'html'): string {
  return fileNameFrom(`${product.name} portfolio`, extension, 'portfolio');
}
