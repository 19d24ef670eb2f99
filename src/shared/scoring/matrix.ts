/**
 * The impact/effort 2×2: which quadrant an item falls in, where its point and label go on a chart,
 * and how a position on the chart maps back to inputs (for dragging a point).
 *
 * Axes: RICE impact (Intercom's 0.25–3, bottom to top) against effort in person-months (left to
 * right); both on log scales, because both are ratio scales (double the effort is the same step
 * anywhere). Thresholds: impact of 1 (Medium) or more is high; effort of 2 person-months or less is
 * low. They are fixed rather than medians so a point does not change quadrant when another moves.
 */
import { EFFORT_STEP, RICE_IMPACT_SCALE } from './rice';

export const MATRIX_THRESHOLDS = {
  /** Impact at or above this is high. */
  highImpactFrom: 1,
  /** Effort at or below this (person-months) is low. */
  lowEffortUpTo: 2,
} as const;

export type Quadrant = 'quick-win' | 'big-bet' | 'fill-in' | 'time-sink';

export const QUADRANTS: Record<Quadrant, { label: string; description: string }> = {
  'quick-win': { label: 'Quick wins', description: 'High impact, low effort: do these first.' },
  'big-bet': { label: 'Big bets', description: 'High impact, high effort: plan and slice them.' },
  'fill-in': { label: 'Fill-ins', description: 'Low impact, low effort: do them when there is slack.' },
  'time-sink': { label: 'Time sinks', description: 'Low impact, high effort: question or drop them.' },
};

export const QUADRANT_ORDER: readonly Quadrant[] = ['quick-win', 'big-bet', 'fill-in', 'time-sink'];

export function quadrantOf(impact: number, effort: number): Quadrant {
  const high = impact >= MATRIX_THRESHOLDS.highImpactFrom;
  const low = effort <= MATRIX_THRESHOLDS.lowEffortUpTo;
  if (high) return low ? 'quick-win' : 'big-bet';
  return low ? 'fill-in' : 'time-sink';
}

const IMPACT_VALUES = [...RICE_IMPACT_SCALE.map((s) => s.value)].sort((a, b) => a - b);

/** The scale impact nearest to `value` (on the log scale the chart uses). */
export function snapImpact(value: number): number {
  const v = Math.max(value, 1e-6);
  let best = IMPACT_VALUES[0] as number;
  for (const s of IMPACT_VALUES) if (Math.abs(Math.log2(s) - Math.log2(v)) < Math.abs(Math.log2(best) - Math.log2(v))) best = s;
  return best;
}

/** `value` rounded to the nearest half person-month, at least half a month. */
export function snapEffort(value: number): number {
  return Math.max(EFFORT_STEP, Math.round(value / EFFORT_STEP) * EFFORT_STEP);
}

/** One keyboard step: up/down moves impact along the scale, right/left adds/removes half a month. */
export function nudge(impact: number, effort: number, direction: 'up' | 'down' | 'left' | 'right'): { impact: number; effort: number } {
  switch (direction) {
    case 'up':
      return { impact: IMPACT_VALUES.find((s) => s > impact) ?? impact, effort };
    case 'down':
      return { impact: [...IMPACT_VALUES].reverse().find((s) => s < impact) ?? impact, effort };
    case 'right':
      return { impact, effort: snapEffort(effort + EFFORT_STEP) };
    case 'left':
      return { impact, effort: Math.max(EFFORT_STEP, snapEffort(effort - EFFORT_STEP)) };
  }
}

export interface MatrixScales {
  width: number;
  height: number;
  /** Effort range shown, person-months. */
  effortMin: number;
  effortMax: number;
  x: (effort: number) => number;
  y: (impact: number) => number;
  effortAt: (x: number) => number;
  impactAt: (y: number) => number;
}

const IMPACT_LOG_MIN = Math.log2(0.25) - 0.35;
const IMPACT_LOG_MAX = Math.log2(3) + 0.35;

/** Log scales for a plot of `width` × `height` px that shows `efforts`. */
export function matrixScales(width: number, height: number, efforts: readonly number[]): MatrixScales {
  const positive = efforts.filter((e) => e > 0 && Number.isFinite(e));
  const effortMin = Math.min(EFFORT_STEP, ...positive);
  const effortMax = Math.max(8, ...positive);
  const lo = Math.log2(effortMin) - 0.3;
  const hi = Math.log2(effortMax) + 0.3;
  const x = (effort: number) => ((Math.log2(Math.max(effort, effortMin)) - lo) / (hi - lo)) * width;
  const y = (impact: number) => (1 - (Math.min(Math.max(Math.log2(Math.max(impact, 1e-6)), IMPACT_LOG_MIN), IMPACT_LOG_MAX) - IMPACT_LOG_MIN) / (IMPACT_LOG_MAX - IMPACT_LOG_MIN)) * height;
  const effortAt = (px: number) => 2 ** (lo + (Math.min(Math.max(px, 0), width) / width) * (hi - lo));
  const impactAt = (py: number) => 2 ** (IMPACT_LOG_MIN + (1 - Math.min(Math.max(py, 0), height) / height) * (IMPACT_LOG_MAX - IMPACT_LOG_MIN));
  return { width, height, effortMin, effortMax, x, y, effortAt, impactAt };
}

/** The inputs a point dropped at (x, y) stands for: impact snapped to the scale, effort to half-months. */
export function valuesAt(scales: MatrixScales, x: number, y: number): { impact: number; effort: number } {
  return { impact: snapImpact(scales.impactAt(y)), effort: snapEffort(scales.effortAt(x)) };
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MatrixInput {
  id: string;
  title: string;
  impact: number;
  effort: number;
}

export interface PlacedPoint {
  id: string;
  x: number;
  y: number;
  impact: number;
  effort: number;
  quadrant: Quadrant;
}

export interface PlacedLabel extends Rect {
  id: string;
  text: string;
  /** False when no place near the point was free: the title shows on hover/focus instead. */
  visible: boolean;
}

export interface MatrixLayout {
  scales: MatrixScales;
  points: PlacedPoint[];
  labels: PlacedLabel[];
  /** The quadrant boundaries in px. */
  dividerX: number;
  dividerY: number;
  quadrantCaptions: (Rect & { quadrant: Quadrant })[];
  effortTicks: { value: number; x: number }[];
  impactTicks: { value: number; label: string; y: number }[];
}

export interface MatrixOptions {
  pointRadius?: number;
  /** Longest label, in characters, before it is cut with "…". */
  maxLabelChars?: number;
  /** Estimated average character width (px) of the label font. */
  charWidth?: number;
  labelHeight?: number;
}

/** `text` cut to `max` characters with an ellipsis. */
export function truncateLabel(text: string, max: number): string {
  const t = text.trim();
  return t.length <= max ? t : `${t.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(r: Rect, width: number, height: number): boolean {
  return r.x >= 0 && r.y >= 0 && r.x + r.width <= width && r.y + r.height <= height;
}

const CAPTION_CHAR = 7;

/** A uniform grid over the plot that finds the rectangles near a rectangle without scanning them all. */
class RectIndex {
  private readonly cells = new Map<number, Rect[]>();
  constructor(private readonly cell: number) {}
  private keys(r: Rect): number[] {
    const out: number[] = [];
    const x0 = Math.floor(r.x / this.cell);
    const x1 = Math.floor((r.x + r.width) / this.cell);
    const y0 = Math.floor(r.y / this.cell);
    const y1 = Math.floor((r.y + r.height) / this.cell);
    for (let x = x0; x <= x1; x += 1) for (let y = y0; y <= y1; y += 1) out.push(x * 100_003 + y);
    return out;
  }
  add(r: Rect): void {
    for (const k of this.keys(r)) {
      const list = this.cells.get(k);
      if (list) list.push(r);
      else this.cells.set(k, [r]);
    }
  }
  overlapsAny(r: Rect): boolean {
    for (const k of this.keys(r)) for (const o of this.cells.get(k) ?? []) if (rectsOverlap(r, o)) return true;
    return false;
  }
}

/** At most this many labels are placed (most important first); the rest show on hover/focus. */
export const MAX_MATRIX_LABELS = 400;

/**
 * Lay out the chart: points (spread apart where they would sit on top of each other), quadrant
 * captions, and labels placed greedily — most important first (`inputs` order) — in the first free
 * spot around each point; a label with no free spot is hidden rather than drawn over another.
 * Collisions are looked up in grids, so large backlogs lay out in linear time.
 */
export function layoutMatrix(inputs: readonly MatrixInput[], width: number, height: number, options: MatrixOptions = {}): MatrixLayout {
  const r = options.pointRadius ?? 6;
  const maxChars = options.maxLabelChars ?? 24;
  const charWidth = options.charWidth ?? 6.6;
  const labelHeight = options.labelHeight ?? 16;
  const placeable = inputs.filter((i) => i.effort > 0 && Number.isFinite(i.effort) && Number.isFinite(i.impact));
  const scales = matrixScales(width, height, placeable.map((i) => i.effort));
  const dividerX = scales.x(Math.sqrt(MATRIX_THRESHOLDS.lowEffortUpTo * (MATRIX_THRESHOLDS.lowEffortUpTo + EFFORT_STEP)));
  const dividerY = scales.y(Math.sqrt(MATRIX_THRESHOLDS.highImpactFrom * 0.5));

  // Points: x from effort (kept on its quadrant's side of the divider), y from impact, then dodged
  // vertically (a beeswarm) so points with the same inputs do not hide each other.
  const gap = 2 * r + 2;
  const placed: PlacedPoint[] = [];
  const near = new Map<number, PlacedPoint[]>();
  const cellOf = (x: number, y: number) => Math.floor(x / gap) * 100_003 + Math.floor(y / gap);
  const free = (x: number, y: number) => {
    const cx = Math.floor(x / gap);
    const cy = Math.floor(y / gap);
    for (let dx = -1; dx <= 1; dx += 1) {
      for (let dy = -1; dy <= 1; dy += 1) {
        for (const p of near.get((cx + dx) * 100_003 + cy + dy) ?? []) if ((p.x - x) ** 2 + (p.y - y) ** 2 < gap * gap) return false;
      }
    }
    return true;
  };
  const byX = [...placeable].sort((a, b) => scales.x(a.effort) - scales.x(b.effort) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const input of byX) {
    const quadrant = quadrantOf(input.impact, input.effort);
    const lowEffort = quadrant === 'quick-win' || quadrant === 'fill-in';
    const highImpact = quadrant === 'quick-win' || quadrant === 'big-bet';
    let x = scales.x(input.effort);
    x = lowEffort ? Math.min(x, dividerX - r - 2) : Math.max(x, dividerX + r + 2);
    x = Math.min(Math.max(x, r), width - r);
    const baseY = scales.y(input.impact);
    const minY = highImpact ? r : dividerY + r + 2;
    const maxY = highImpact ? dividerY - r - 2 : height - r;
    let y = Math.min(Math.max(baseY, minY), maxY);
    let spread = false;
    for (let step = 0; step < 40; step += 1) {
      const offset = step === 0 ? 0 : Math.ceil(step / 2) * gap * (step % 2 === 1 ? -1 : 1);
      const candidate = baseY + offset;
      if (candidate < minY || candidate > maxY) continue;
      if (free(x, candidate)) {
        y = candidate;
        spread = true;
        break;
      }
    }
    const point = { id: input.id, x, y, impact: input.impact, effort: input.effort, quadrant };
    placed.push(point);
    // A point with no free spot overlaps others anyway; leaving it out of the index keeps lookups short.
    if (spread) {
      const key = cellOf(x, y);
      const list = near.get(key);
      if (list) list.push(point);
      else near.set(key, [point]);
    }
  }
  const pointById = new Map(placed.map((p) => [p.id, p]));

  const quadrantCaptions = QUADRANT_ORDER.map((quadrant) => {
    const text = QUADRANTS[quadrant].label;
    const w = text.length * CAPTION_CHAR + 12;
    const left = quadrant === 'quick-win' || quadrant === 'fill-in';
    const top = quadrant === 'quick-win' || quadrant === 'big-bet';
    return { quadrant, x: left ? 6 : width - w - 6, y: top ? 6 : height - 26, width: w, height: 20 };
  });

  const obstacles = new RectIndex(48);
  for (const c of quadrantCaptions) obstacles.add(c);
  for (const p of placed) obstacles.add({ x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r });
  const labels: PlacedLabel[] = [];
  let attempts = 0;
  for (const input of inputs) {
    const point = pointById.get(input.id);
    if (!point) continue;
    const text = truncateLabel(input.title, maxChars);
    const w = Math.ceil(text.length * charWidth) + 8;
    const h = labelHeight;
    const candidates: Rect[] = [
      { x: point.x + r + 3, y: point.y - h / 2, width: w, height: h },
      { x: point.x - r - 3 - w, y: point.y - h / 2, width: w, height: h },
      { x: point.x + r, y: point.y - r - h, width: w, height: h },
      { x: point.x + r, y: point.y + r, width: w, height: h },
      { x: point.x - r - w, y: point.y - r - h, width: w, height: h },
      { x: point.x - r - w, y: point.y + r, width: w, height: h },
      { x: point.x - w / 2, y: point.y - r - 2 - h, width: w, height: h },
      { x: point.x - w / 2, y: point.y + r + 2, width: w, height: h },
    ];
    attempts += 1;
    // (No candidate touches the point's own circle, so every obstacle counts.)
    const spot = attempts <= MAX_MATRIX_LABELS ? candidates.find((c) => inside(c, width, height) && !obstacles.overlapsAny(c)) : undefined;
    if (spot) {
      obstacles.add(spot);
      labels.push({ id: input.id, text, ...spot, visible: true });
    } else {
      const fallback = candidates[0] as Rect;
      labels.push({ id: input.id, text, ...fallback, visible: false });
    }
  }

  const effortTicks: { value: number; x: number }[] = [];
  for (let v = 0.5; v <= scales.effortMax * 1.01; v *= 2) effortTicks.push({ value: v, x: scales.x(v) });
  const impactTicks = RICE_IMPACT_SCALE.map((s) => ({ value: s.value, label: `${s.value} ${s.label}`, y: scales.y(s.value) }));

  return { scales, points: placed, labels, dividerX, dividerY, quadrantCaptions, effortTicks, impactTicks };
}
