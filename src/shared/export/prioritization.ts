/**
 * The prioritisation as portfolio artefacts: a CSV (for a spreadsheet) and a Markdown page, each
 * with the chosen framework, the rationale notes and the table of every item's inputs, scores and
 * places under each framework. Pure string building; no DOM.
 */
import type { Framework, Prioritization } from '../model/schema';
import { FRAMEWORK_FORMULAS, FRAMEWORK_LABELS, FRAMEWORKS } from '../scoring/frameworks';
import { formatNumber, formatPercent, formatScore, plainNumber } from '../scoring/format';
import type { PrioritizationItem } from '../scoring/items';
import { QUADRANTS, quadrantOf } from '../scoring/matrix';
import { moscowLabel } from '../scoring/moscow';
import { rankedIdsThenUnscored, type Ranking } from '../scoring/ranking';
import { impactLabel } from '../scoring/rice';
import type { ScoreResult } from '../scoring/score';

export interface PrioritizationExport {
  productName: string;
  prioritization: Prioritization;
  /** The items in scope, in backlog order. */
  items: readonly PrioritizationItem[];
  rankings: Record<Framework, Ranking>;
}

// --- CSV (RFC 4180) ---

/**
 * One CSV field: quoted when it holds a comma, a quote, CR or LF (quotes doubled), as RFC 4180 says.
 * Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) is prefixed
 * with an apostrophe; numbers are written as numbers.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record (no line break). */
export function csvRecord(fields: readonly (string | number | null)[]): string {
  return fields.map(csvField).join(',');
}

function describeResult(result: ScoreResult | undefined): string {
  if (!result) return 'missing';
  if (result.status === 'scored') return 'scored';
  if (result.status === 'missing') return `missing ${result.missing.join(', ')}`;
  return `invalid: ${result.message}`;
}

function orderedItems(data: PrioritizationExport): PrioritizationItem[] {
  const byId = new Map(data.items.map((i) => [i.id, i]));
  return rankedIdsThenUnscored(data.rankings[data.prioritization.framework])
    .map((id) => byId.get(id))
    .filter((i): i is PrioritizationItem => i !== undefined);
}

function quadrantName(item: PrioritizationItem): string | null {
  const { impact, effort } = item.scores.rice;
  if (impact === null || effort === null || !(effort > 0)) return null;
  return QUADRANTS[quadrantOf(impact, effort)].label;
}

function scoreOf(ranking: Ranking, id: string): number | null {
  return ranking.byId.get(id)?.score ?? null;
}

function positionOf(ranking: Ranking, id: string): number | null {
  return ranking.byId.get(id)?.position ?? null;
}

/**
 * The CSV: a few "key,value" records (product, framework, formula, scope, reach period, rationale
 * notes), an empty record, then the table — header and one record per item in the chosen ranking's
 * order (unscored items last). Every record has the same number of fields (RFC 4180); CRLF line ends.
 */
export function prioritizationCsv(data: PrioritizationExport): string {
  const { prioritization: p, rankings } = data;
  const chosen = FRAMEWORK_LABELS[p.framework];
  const header = [
    `Rank (${chosen})`,
    'ID',
    'Title',
    `Reach (${p.reachPeriod})`,
    'Impact',
    'Confidence %',
    'Effort (person-months)',
    'RICE score',
    'RICE rank',
    'Quadrant',
    'ICE impact',
    'ICE confidence',
    'ICE ease',
    'ICE score',
    'ICE rank',
    'WSJF business value',
    'WSJF time criticality',
    'WSJF risk reduction / opportunity enablement',
    'WSJF job size',
    'WSJF score',
    'WSJF rank',
    'MoSCoW',
    'MoSCoW rank',
    `${chosen} status`,
  ];
  const width = header.length;
  const pad = (fields: (string | number | null)[]) => [...fields, ...new Array<null>(Math.max(0, width - fields.length)).fill(null)];
  const meta = [
    pad(['Product', data.productName]),
    pad(['Framework', chosen]),
    pad(['Formula', FRAMEWORK_FORMULAS[p.framework]]),
    pad(['Scope', p.scope]),
    pad(['Reach period', p.reachPeriod]),
    pad(['Rationale notes', p.notes]),
    pad([]),
  ];
  const rows = orderedItems(data).map((item) => {
    const { rice, ice, wsjf, moscow } = item.scores;
    const score = (f: Framework) => {
      const s = scoreOf(rankings[f], item.id);
      return s === null ? null : plainNumber(s);
    };
    return [
      positionOf(rankings[p.framework], item.id),
      item.id,
      item.title,
      rice.reach,
      rice.impact,
      rice.confidence,
      rice.effort,
      score('rice'),
      positionOf(rankings.rice, item.id),
      quadrantName(item),
      ice.impact,
      ice.confidence,
      ice.ease,
      score('ice'),
      positionOf(rankings.ice, item.id),
      wsjf.businessValue,
      wsjf.timeCriticality,
      wsjf.riskReduction,
      wsjf.jobSize,
      score('wsjf'),
      positionOf(rankings.wsjf, item.id),
      moscow === null ? null : moscowLabel(moscow),
      positionOf(rankings.moscow, item.id),
      describeResult(rankings[p.framework].results.get(item.id)),
    ];
  });
  return [...meta, header, ...rows].map(csvRecord).join('\r\n') + '\r\n';
}

// --- Markdown ---

/** Text made safe inside a Markdown table cell: no line breaks, pipes and markup characters escaped. */
export function markdownCell(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/([\\`*_[\]<>|#])/g, '\\$1')
    .trim();
}

/** Text made safe as Markdown inline text (a heading, a list item). */
export function markdownInline(text: string): string {
  return markdownCell(text);
}

const dash = '—';

function riceCells(item: PrioritizationItem): string[] {
  const { reach, impact, confidence, effort } = item.scores.rice;
  const impactText = impact === null ? dash : `${formatNumber(impact)}${impactLabel(impact) ? ` (${impactLabel(impact)})` : ''}`;
  return [
    reach === null ? dash : formatNumber(reach),
    impactText,
    confidence === null ? dash : formatPercent(confidence),
    effort === null ? dash : formatNumber(effort),
  ];
}

function cellFor(ranking: Ranking, id: string, framework: Framework, item: PrioritizationItem): string {
  const entry = ranking.byId.get(id);
  if (!entry) return dash;
  if (framework === 'moscow') return `${item.scores.moscow === null ? dash : moscowLabel(item.scores.moscow)} (#${entry.position})`;
  return `${formatScore(entry.score)} (#${entry.position})`;
}

export function prioritizationMarkdown(data: PrioritizationExport): string {
  const { prioritization: p, rankings } = data;
  const chosen = p.framework;
  const lines: string[] = [];
  lines.push(`# Prioritisation ${dash} ${markdownInline(data.productName)}`, '');
  lines.push(`- **Framework:** ${FRAMEWORK_LABELS[chosen]} (${markdownInline(FRAMEWORK_FORMULAS[chosen])})`);
  lines.push(`- **Scope:** ${p.scope}`);
  lines.push(`- **Reach period:** ${markdownInline(p.reachPeriod)}`);
  const ranked = rankings[chosen].ordered.length;
  lines.push(`- **Items:** ${data.items.length} (${ranked} ranked by ${FRAMEWORK_LABELS[chosen]}, ${data.items.length - ranked} not scored)`, '');
  lines.push('## Rationale', '');
  lines.push(p.notes.trim() === '' ? '_No rationale notes yet._' : p.notes.trim(), '');
  lines.push(`## Ranking by ${FRAMEWORK_LABELS[chosen]}`, '');
  const others = FRAMEWORKS;
  lines.push(`| # | Item | Reach (${markdownCell(p.reachPeriod)}) | Impact | Confidence | Effort (person-months) | Quadrant | ${others.map((f) => FRAMEWORK_LABELS[f]).join(' | ')} |`);
  lines.push(`|---:|---|---:|---|---:|---:|---|${others.map(() => '---:').join('|')}|`);
  for (const item of orderedItems(data)) {
    const position = rankings[chosen].byId.get(item.id)?.position;
    const cells = [
      position === undefined ? dash : String(position),
      markdownCell(item.title),
      ...riceCells(item),
      quadrantName(item) ?? dash,
      ...others.map((f) => cellFor(rankings[f], item.id, f, item)),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  const unscored = rankings[chosen].unscored;
  if (unscored.length > 0) {
    lines.push('', `## Not scored by ${FRAMEWORK_LABELS[chosen]}`, '');
    const byId = new Map(data.items.map((i) => [i.id, i]));
    for (const id of unscored) {
      const item = byId.get(id);
      if (item) lines.push(`- ${markdownInline(item.title)} ${dash} ${markdownInline(describeResult(rankings[chosen].results.get(id)))}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** A file name for an export: `larder-prioritisation-rice.md`. */
export function prioritizationFileName(productId: string, framework: Framework, extension: 'csv' | 'md'): string {
  return `${productId}-prioritisation-${framework}.${extension}`;
}
