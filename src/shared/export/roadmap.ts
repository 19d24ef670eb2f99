/**
 * The roadmap as portfolio pieces: a standalone HTML page (inline CSS, no scripts, no external
 * resources, every piece of text HTML-escaped; it prints well, so "PDF" is this page printed) and
 * Markdown (a table per horizon). Pure string building: no DOM.
 */
import { escapeHtml, htmlPage } from './html';
import { HORIZONS, type Goal, type Horizon, type Product, type RoadmapItem } from '../model/schema';
import { daysBetween, formatDate, formatRange, type IsoDate } from '../roadmap/dates';
import { groupItems, itemsInHorizon } from '../roadmap/grouping';
import { indexStories, linkedStories, progressOf, type Progress } from '../roadmap/progress';
import { itemSpan, ticks, timelineRange } from '../roadmap/timeline';

export interface RoadmapExportOptions {
  /** The date the export is made (shown on it, and used for the timeline's today line). */
  today: IsoDate;
}

export const HORIZON_TITLES: Record<Horizon, string> = { now: 'Now', next: 'Next', later: 'Later' };
const HORIZON_BLURB: Record<Horizon, string> = {
  now: 'Committed and in flight',
  next: 'Planned, shaping now',
  later: 'Direction, not yet planned',
};
const STATUS_LABEL: Record<RoadmapItem['status'], string> = { planned: 'Planned', 'in-progress': 'In progress', done: 'Done', 'at-risk': 'At risk' };
const CONFIDENCE_LABEL: Record<RoadmapItem['confidence'], string> = { high: 'High confidence', medium: 'Medium confidence', low: 'Low confidence' };

/** `larder-roadmap.html` and the like. */
export function roadmapFileName(product: Pick<Product, 'id'>, extension: 'html' | 'md' | 'pdf'): string {
  return `${product.id}-roadmap.${extension}`;
}

/** A colour only if it is a plain `#rrggbb` (the schema guarantees it; this keeps the CSS safe regardless). */
function safeColor(color: string | null | undefined, fallback = '#6b7280'): string {
  return color && /^#[0-9a-fA-F]{6}$/.test(color) ? color : fallback;
}

interface ExportModel {
  product: Product;
  goals: Map<string, Goal>;
  lanes: Map<string, { name: string; color: string }>;
  epics: Map<string, { title: string; color: string }>;
  items: Map<string, RoadmapItem>;
  progress: Map<string, Progress>;
  stories: Map<string, { id: string; title: string }[]>;
}

function model(product: Product): ExportModel {
  const index = indexStories(product);
  const progress = new Map<string, Progress>();
  const stories = new Map<string, { id: string; title: string }[]>();
  for (const item of product.roadmap.items) {
    progress.set(item.id, progressOf(index, linkedStories(index, item)));
    stories.set(
      item.id,
      item.storyIds.map((id) => index.byId.get(id)).flatMap((s) => (s ? [{ id: s.id, title: s.title }] : [])),
    );
  }
  return {
    product,
    goals: new Map(product.goals.map((g) => [g.id, g])),
    lanes: new Map(product.roadmap.lanes.map((l) => [l.id, { name: l.name, color: l.color }])),
    epics: new Map(product.epics.map((e) => [e.id, { title: e.title, color: e.color }])),
    items: new Map(product.roadmap.items.map((i) => [i.id, i])),
    progress,
    stories,
  };
}

function progressText(p: Progress): string {
  if (p.total === 0) return 'No stories linked';
  return `${p.done} of ${p.total} ${p.total === 1 ? 'story' : 'stories'} done`;
}

function goalTarget(goal: Goal): string {
  if (goal.baseline && goal.target) return `${goal.baseline} → ${goal.target}`;
  if (goal.target) return `Target: ${goal.target}`;
  return goal.baseline ? `Baseline: ${goal.baseline}` : '';
}

// ---------------------------------------------------------------- HTML

const CSS = `
:root { --ink: #1b1d22; --muted: #5b606b; --line: #d9dbe0; --soft: #f3f4f6; --accent: #4451d6; --warn: #b42318; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font: 14px/1.5 Inter, "Segoe UI", system-ui, -apple-system, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1180px; margin: 0 auto; padding: 40px 32px 56px; }
header.doc { border-bottom: 3px solid var(--ink); padding-bottom: 16px; margin-bottom: 28px; }
.kicker { text-transform: uppercase; letter-spacing: .12em; font-size: 12px; font-weight: 700; color: var(--accent); margin: 0 0 6px; }
h1 { font-size: 30px; line-height: 1.15; margin: 0 0 8px; }
h2 { font-size: 18px; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 0; line-height: 1.3; }
p { margin: 0 0 6px; }
.summary { font-size: 15px; max-width: 75ch; }
.meta { color: var(--muted); font-size: 12px; margin-top: 8px; }
.muted { color: var(--muted); }
.goals { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 12px; list-style: none; padding: 0; margin: 0; }
.goal { border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 8px; padding: 10px 12px; break-inside: avoid; }
.goal .metric { font-size: 12px; color: var(--muted); margin-top: 4px; }
.goal .target { font-weight: 600; font-size: 13px; margin-top: 4px; }
.horizons { display: grid; grid-template-columns: repeat(3, 1fr); gap: 16px; align-items: start; }
.horizon > h3 { font-size: 13px; text-transform: uppercase; letter-spacing: .08em; }
.horizon > .blurb { font-size: 12px; color: var(--muted); margin-bottom: 8px; }
.items { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: 10px; }
.item { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; break-inside: avoid; background: #fff; }
.item .lane { display: inline-flex; align-items: center; gap: 6px; font-size: 11px; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; margin-bottom: 4px; }
.dot { display: inline-block; width: 8px; height: 8px; border-radius: 50%; flex: none; }
.item .outcome { font-size: 12px; margin-top: 6px; padding: 6px 8px; background: var(--soft); border-radius: 6px; }
.item .outcome.missing { background: #fde8e7; color: var(--warn); }
.item .desc { font-size: 12.5px; margin-top: 6px; }
.facts { display: flex; flex-wrap: wrap; gap: 4px 10px; font-size: 12px; color: var(--muted); margin-top: 6px; }
.links { font-size: 12px; margin: 6px 0 0; padding-left: 16px; }
.links li { margin: 1px 0; }
.bar { height: 5px; background: var(--soft); border-radius: 3px; overflow: hidden; margin-top: 8px; }
.bar > span { display: block; height: 100%; background: #2f9e44; }
.progress { font-size: 11px; color: var(--muted); margin-top: 2px; }
.empty { font-size: 12px; color: var(--muted); font-style: italic; }
.timeline { border: 1px solid var(--line); border-radius: 8px; overflow: hidden; break-inside: avoid; }
.tl-row { display: grid; grid-template-columns: 26% 74%; border-top: 1px solid var(--line); min-height: 26px; }
.tl-row:first-child { border-top: 0; }
.tl-label { padding: 4px 8px; font-size: 12px; border-right: 1px solid var(--line); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.tl-group .tl-label { font-weight: 700; background: var(--soft); }
.tl-group .tl-track { background: var(--soft); }
.tl-track { position: relative; }
.tl-tick { position: absolute; top: 0; bottom: 0; border-left: 1px solid #eceef2; }
.tl-head .tl-tick { font-size: 10.5px; color: var(--muted); padding: 5px 0 0 3px; border-left-color: var(--line); white-space: nowrap; overflow: hidden; }
.tl-bar { position: absolute; top: 5px; bottom: 5px; border-radius: 4px; min-width: 3px; }
.tl-today { position: absolute; top: 0; bottom: 0; border-left: 2px solid var(--warn); }
.tl-ms { position: absolute; top: 0; bottom: 0; border-left: 1px dashed var(--accent); }
.milestones { list-style: none; padding: 0; margin: 0; display: grid; gap: 6px; }
.milestones li { display: grid; grid-template-columns: 120px 1fr; gap: 12px; font-size: 13px; break-inside: avoid; }
.milestones time { font-weight: 600; }
footer { margin-top: 40px; font-size: 11px; color: var(--muted); border-top: 1px solid var(--line); padding-top: 8px; }
@media (max-width: 800px) { .horizons { grid-template-columns: 1fr; } }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { font-size: 12px; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 24px; }
  h2 { margin-top: 20px; }
  .item { padding: 7px 9px; }
  .item .desc, .links, .item .outcome { font-size: 11px; }
  h2 { break-after: avoid; }
  .horizons { grid-template-columns: repeat(3, 1fr); }
  a { color: inherit; text-decoration: none; }
}
`;

function itemCardHtml(m: ExportModel, item: RoadmapItem): string {
  const e = escapeHtml;
  const lane = item.laneId ? m.lanes.get(item.laneId) : undefined;
  const goal = item.goalId ? m.goals.get(item.goalId) : undefined;
  const progress = m.progress.get(item.id) ?? { done: 0, inProgress: 0, total: 0, ratio: null };
  const epics = item.epicIds.flatMap((id) => {
    const epic = m.epics.get(id);
    return epic ? [`<li><span class="dot" style="background:${safeColor(epic.color)}"></span> Epic: ${e(epic.title)}</li>`] : [];
  });
  const stories = (m.stories.get(item.id) ?? []).map((s) => `<li>Story ${e(s.id)}: ${e(s.title)}</li>`);
  const deps = item.dependsOn.flatMap((id) => {
    const dep = m.items.get(id);
    return dep ? [e(dep.title)] : [];
  });
  const dates = formatRange(item.start, item.end);
  const parts = [
    `<li class="item" id="item-${e(item.id)}">`,
    lane ? `<div class="lane"><span class="dot" style="background:${safeColor(lane.color)}"></span>${e(lane.name)}</div>` : '',
    `<h3>${e(item.title)}</h3>`,
    goal
      ? `<div class="outcome"><strong>Outcome:</strong> ${e(goal.title)}${goal.metric ? `<br><span class="muted">Measured by: ${e(goal.metric)}${goalTarget(goal) ? ` (${e(goalTarget(goal))})` : ''}</span>` : ''}</div>`
      : `<div class="outcome missing">No outcome linked yet</div>`,
    item.description ? `<p class="desc">${e(item.description)}</p>` : '',
    `<div class="facts"><span>${e(STATUS_LABEL[item.status])}</span><span>${e(CONFIDENCE_LABEL[item.confidence])}</span>${dates ? `<span>${e(dates)}</span>` : ''}</div>`,
    epics.length + stories.length > 0 ? `<ul class="links">${[...epics, ...stories].join('')}</ul>` : '',
    deps.length > 0 ? `<p class="facts">Depends on: ${deps.join('; ')}</p>` : '',
    progress.total > 0
      ? `<div class="bar" aria-hidden="true"><span style="width:${Math.round((progress.ratio ?? 0) * 100)}%"></span></div><div class="progress">${e(progressText(progress))}</div>`
      : '',
    `</li>`,
  ];
  return parts.filter(Boolean).join('');
}

function goalsHtml(m: ExportModel): string {
  const e = escapeHtml;
  if (m.product.goals.length === 0) return '<p class="empty">No goals defined yet.</p>';
  const served = new Map<string, number>();
  for (const item of m.product.roadmap.items) if (item.goalId) served.set(item.goalId, (served.get(item.goalId) ?? 0) + 1);
  const cards = m.product.goals.map((g) => {
    const count = served.get(g.id) ?? 0;
    return [
      `<li class="goal">`,
      `<h3>${e(g.title)}</h3>`,
      g.metric ? `<div class="metric">${e(g.metric)}</div>` : '',
      goalTarget(g) ? `<div class="target">${e(goalTarget(g))}${g.timeframe ? ` <span class="muted">· ${e(g.timeframe)}</span>` : ''}</div>` : '',
      `<div class="metric">${count === 0 ? 'No roadmap item serves this goal yet' : `${count} roadmap ${count === 1 ? 'item serves' : 'items serve'} this goal`}</div>`,
      `</li>`,
    ].join('');
  });
  return `<ul class="goals">${cards.join('')}</ul>`;
}

function timelineHtml(m: ExportModel, today: IsoDate): string {
  const e = escapeHtml;
  const dated = m.product.roadmap.items.filter((i) => i.start !== null || i.end !== null);
  if (dated.length === 0) return '';
  const dates: IsoDate[] = [];
  for (const i of dated) {
    const span = itemSpan(i, 'months');
    if (span) dates.push(span.start, span.end);
  }
  for (const ms of m.product.roadmap.milestones) dates.push(ms.date);
  const range = timelineRange(dates, today, 'months', 0);
  const total = daysBetween(range.start, range.end);
  const pct = (date: IsoDate) => Math.max(0, Math.min(100, (daysBetween(range.start, date) / total) * 100));
  const fmt = (n: number) => `${n.toFixed(3)}%`;
  const months = ticks(range.start, range.end, 'months', 1);
  const grid = months.map((t) => `<div class="tl-tick" style="left:${fmt((t.x / total) * 100)}"></div>`).join('');
  const overlays = [
    today >= range.start && today < range.end ? `<div class="tl-today" style="left:${fmt(pct(today))}"></div>` : '',
    ...m.product.roadmap.milestones.map((ms) => `<div class="tl-ms" style="left:${fmt(pct(ms.date))}"></div>`),
  ].join('');
  const head = `<div class="tl-row tl-head"><div class="tl-label muted">${e(formatDate(range.start))} – ${e(formatDate(range.end))}</div><div class="tl-track">${months
    .map((t, i) => `<div class="tl-tick" style="left:${fmt((t.x / total) * 100)};width:${fmt((t.width / total) * 100)}">${e(i === 0 || t.label === 'Jan' ? t.longLabel : t.label)}</div>`)
    .join('')}</div></div>`;
  const rows: string[] = [head];
  for (const group of groupItems(m.product, m.product.roadmap.lanes.length > 0 ? 'lane' : 'none')) {
    const items = group.items.filter((i) => i.start !== null || i.end !== null);
    if (items.length === 0) continue;
    if (group.id !== null || m.product.roadmap.lanes.length > 0) {
      rows.push(`<div class="tl-row tl-group"><div class="tl-label">${e(group.label)}</div><div class="tl-track">${grid}</div></div>`);
    }
    const color = safeColor(group.color, '#4451d6');
    for (const item of items) {
      const span = itemSpan(item, 'months');
      if (!span) continue;
      const left = pct(span.start);
      const width = Math.max(0.6, pct(span.end) - left + 100 / total);
      const open = span.openStart || span.openEnd ? ';opacity:.5' : '';
      rows.push(
        `<div class="tl-row"><div class="tl-label" title="${e(item.title)}">${e(item.title)}</div><div class="tl-track">${grid}${overlays}<div class="tl-bar" style="left:${fmt(left)};width:${fmt(width)};background:${color}${open}"></div></div></div>`,
      );
    }
  }
  return `<div class="timeline">${rows.join('')}</div><p class="meta">Red line: ${e(formatDate(today))}. Dashed lines: milestones. Faded bars have only one of their dates.</p>`;
}

/** The roadmap as one standalone HTML document. */
export function roadmapHtml(product: Product, options: RoadmapExportOptions): string {
  const e = escapeHtml;
  const m = model(product);
  const horizons = HORIZONS.map((h) => {
    const items = itemsInHorizon(product.roadmap.items, h);
    return [
      `<section class="horizon" aria-labelledby="h-${h}">`,
      `<h3 id="h-${h}">${HORIZON_TITLES[h]} <span class="muted">(${items.length})</span></h3>`,
      `<p class="blurb">${HORIZON_BLURB[h]}</p>`,
      items.length > 0 ? `<ul class="items">${items.map((i) => itemCardHtml(m, i)).join('')}</ul>` : '<p class="empty">Nothing here yet.</p>',
      `</section>`,
    ].join('');
  }).join('');
  const milestones = [...product.roadmap.milestones].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const timeline = timelineHtml(m, options.today);
  const byline = [product.author ? `Prepared by ${e(product.author)}` : '', `Exported ${e(formatDate(options.today))}`].filter(Boolean).join(' · ');
  const body = [
    '<main>',
    '<header class="doc">',
    '<p class="kicker">Product roadmap</p>',
    `<h1>${e(product.name)}</h1>`,
    product.summary ? `<p class="summary">${e(product.summary)}</p>` : '',
    `<p class="meta">${byline}</p>`,
    '</header>',
    '<section aria-labelledby="goals"><h2 id="goals">Goals and outcomes</h2>',
    goalsHtml(m),
    '</section>',
    '<section aria-labelledby="horizons"><h2 id="horizons">Now, Next, Later</h2>',
    `<div class="horizons">${horizons}</div>`,
    '</section>',
    timeline ? `<section aria-labelledby="timeline"><h2 id="timeline">Timeline</h2>${timeline}</section>` : '',
    milestones.length > 0
      ? `<section aria-labelledby="milestones"><h2 id="milestones">Milestones</h2><ul class="milestones">${milestones
          .map((ms) => `<li><time datetime="${e(ms.date)}">${e(formatDate(ms.date))}</time><div><strong>${e(ms.title)}</strong>${ms.description ? `<br><span class="muted">${e(ms.description)}</span>` : ''}</div></li>`)
          .join('')}</ul></section>`
      : '',
    '<footer>Made with PM Practice Workspace.</footer>',
    '</main>',
  ]
    .filter((line) => line !== '')
    .join('\n');
  return htmlPage({ title: `${product.name} — Roadmap`, css: CSS, body: `\n${body}\n` });
}

// ---------------------------------------------------------------- Markdown

/** Text made safe for a Markdown table cell: one line, Markdown punctuation and HTML escaped. */
export function escapeMarkdownCell(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`)
    .trim();
}

function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The roadmap as Markdown: goals, then a table per horizon, then milestones. */
export function roadmapMarkdown(product: Product, options: RoadmapExportOptions): string {
  const c = escapeMarkdownCell;
  const m = model(product);
  const out: string[] = [`# ${c(product.name)} — Roadmap`, ''];
  if (product.summary) out.push(c(product.summary), '');
  out.push(`_${[product.author ? `Prepared by ${c(product.author)}` : '', `Exported ${formatDate(options.today)}`].filter(Boolean).join(' · ')}_`, '');

  out.push('## Goals and outcomes', '');
  if (product.goals.length === 0) out.push('No goals defined yet.', '');
  else {
    out.push(
      markdownTable(
        ['Goal', 'Success metric', 'Baseline', 'Target', 'Timeframe'],
        product.goals.map((g) => [c(g.title), c(g.metric), c(g.baseline), c(g.target), c(g.timeframe)]),
      ),
      '',
    );
  }

  for (const h of HORIZONS) {
    const items = itemsInHorizon(product.roadmap.items, h);
    out.push(`## ${HORIZON_TITLES[h]} — ${HORIZON_BLURB[h].toLowerCase()}`, '');
    if (items.length === 0) {
      out.push('Nothing here yet.', '');
      continue;
    }
    const rows = items.map((item) => {
      const goal = item.goalId ? m.goals.get(item.goalId) : undefined;
      const lane = item.laneId ? m.lanes.get(item.laneId) : undefined;
      const links = [
        ...item.epicIds.flatMap((id) => {
          const epic = m.epics.get(id);
          return epic ? [`Epic: ${c(epic.title)}`] : [];
        }),
        ...(m.stories.get(item.id) ?? []).map((s) => `${c(s.id)}: ${c(s.title)}`),
      ];
      const deps = item.dependsOn.flatMap((id) => {
        const dep = m.items.get(id);
        return dep ? [c(dep.title)] : [];
      });
      const itemCell = item.description ? `**${c(item.title)}**<br>${c(item.description)}` : `**${c(item.title)}**`;
      const outcome = goal ? `${c(goal.title)}${goal.metric ? `<br>_Metric:_ ${c(goal.metric)}` : ''}` : '_No outcome linked_';
      return [
        itemCell,
        outcome,
        lane ? c(lane.name) : '',
        c(formatRange(item.start, item.end)),
        `${STATUS_LABEL[item.status]}, ${CONFIDENCE_LABEL[item.confidence].toLowerCase()}`,
        links.join('<br>'),
        deps.join('<br>'),
        c(progressText(m.progress.get(item.id) ?? { done: 0, inProgress: 0, total: 0, ratio: null })),
      ];
    });
    out.push(markdownTable(['Item', 'Outcome', 'Theme', 'When', 'Status', 'Delivered by', 'Depends on', 'Progress'], rows), '');
  }

  const milestones = [...product.roadmap.milestones].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (milestones.length > 0) {
    out.push('## Milestones', '', markdownTable(['Date', 'Milestone', 'Notes'], milestones.map((ms) => [formatDate(ms.date), c(ms.title), c(ms.description)])), '');
  }
  return out.join('\n');
}
