import { memo, useCallback, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { formatNumber } from '../../../../shared/scoring/format';
import type { PrioritizationItem } from '../../../../shared/scoring/items';
import { layoutMatrix, MATRIX_THRESHOLDS, nudge, QUADRANT_ORDER, QUADRANTS, quadrantOf, valuesAt, type MatrixInput, type MatrixScales, type PlacedPoint, type Quadrant } from '../../../../shared/scoring/matrix';
import type { Ranking } from '../../../../shared/scoring/ranking';
import { impactLabel } from '../../../../shared/scoring/rice';
import type { DocumentStore } from '../../state/documentStore';
import { setScores } from './dispatchEdit';
import { useElementWidth } from './useElementWidth';
import './MatrixView.css';

const MARGIN = { left: 96, right: 16, top: 12, bottom: 44 };
const PLOT_HEIGHT = 500;
/** Items listed under each quadrant below the chart (the chart itself shows all). */
const LIST_LIMIT = 40;

interface KeyMove {
  id: string;
  impact: number;
  effort: number;
}

interface PointerDrag {
  id: string;
  /** Offset from the pointer to the point's centre. */
  dx: number;
  dy: number;
  startX: number;
  startY: number;
  x: number;
  y: number;
  moved: boolean;
}

function describe(impact: number, effort: number): string {
  const label = impactLabel(impact);
  return `impact ${formatNumber(impact)}${label ? ` (${label})` : ''}, effort ${formatNumber(effort)} person-months — ${QUADRANTS[quadrantOf(impact, effort)].label}`;
}

interface PointHandlers {
  onPointerDown: (e: PointerEvent<HTMLButtonElement>) => void;
  onPointerMove: (e: PointerEvent<HTMLButtonElement>) => void;
  onPointerUp: (e: PointerEvent<HTMLButtonElement>) => void;
  onPointerCancel: (e: PointerEvent<HTMLButtonElement>) => void;
  onKeyDown: (e: KeyboardEvent<HTMLButtonElement>) => void;
  onBlur: (e: { currentTarget: HTMLButtonElement }) => void;
  onHover: (id: string | null) => void;
}

/**
 * The impact/effort 2×2: drag a point (or move it with the keyboard) to change its inputs. A pointer
 * drag moves the point's element directly and commits one edit on release, so the (possibly many)
 * other points are not re-rendered while it moves.
 */
export function MatrixView({ store, items, ranking }: { store: DocumentStore; items: readonly PrioritizationItem[]; ranking: Ranking }) {
  const figureRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(figureRef, 900);
  const plotWidth = Math.max(240, width - MARGIN.left - MARGIN.right);
  const helpId = useId();
  const [keyMove, setKeyMoveState] = useState<KeyMove | null>(null);
  const keyMoveRef = useRef<KeyMove | null>(null);
  const dragRef = useRef<PointerDrag | null>(null);
  const [readout, setReadout] = useState<{ x: number; y: number; text: string } | null>(null);
  const [hover, setHover] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const setKeyMove = (next: KeyMove | null) => {
    keyMoveRef.current = next;
    setKeyMoveState(next);
  };

  const byId = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);
  const { inputs, unplaced } = useMemo(() => {
    const placed: MatrixInput[] = [];
    const missing: PrioritizationItem[] = [];
    // Label priority: the RICE ranking first, then the rest in backlog order.
    for (const id of [...ranking.ordered.map((e) => e.id), ...ranking.unscored]) {
      const item = byId.get(id);
      if (!item) continue;
      const { impact, effort } = item.scores.rice;
      if (impact === null || effort === null || !(effort > 0)) missing.push(item);
      else placed.push({ id, title: item.title, impact, effort });
    }
    return { inputs: placed, unplaced: missing };
  }, [byId, ranking]);
  const layout = useMemo(() => layoutMatrix(inputs, plotWidth, PLOT_HEIGHT), [inputs, plotWidth]);
  const pointById = useMemo(() => new Map(layout.points.map((p) => [p.id, p])), [layout]);
  const { scales } = layout;

  const commit = useCallback(
    (item: PrioritizationItem, impact: number, effort: number) => {
      const { rice } = item.scores;
      if (rice.impact === impact && rice.effort === effort) {
        setAnnouncement(`${item.title} was not changed.`);
        return;
      }
      const problem = setScores(store, item, { rice: { impact, effort } }, `Move “${item.title}” on the matrix`);
      setAnnouncement(problem ?? `Moved ${item.title}: ${describe(impact, effort)}.`);
    },
    [store],
  );

  const handlers = useMemo((): PointHandlers => {
    const idOf = (el: HTMLElement) => el.dataset['itemId'] ?? '';
    const plotPoint = (e: PointerEvent) => {
      const rect = plotRef.current?.getBoundingClientRect();
      return { x: e.clientX - (rect?.left ?? 0), y: e.clientY - (rect?.top ?? 0) };
    };
    const restore = (el: HTMLElement, p: PlacedPoint | undefined) => {
      if (!p) return;
      el.style.left = `${p.x}px`;
      el.style.top = `${p.y}px`;
      el.classList.remove('is-moving');
    };
    return {
      onPointerDown: (e) => {
        const p = pointById.get(idOf(e.currentTarget));
        if (e.button !== 0 || !p) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        const at = plotPoint(e);
        dragRef.current = { id: p.id, dx: at.x - p.x, dy: at.y - p.y, startX: at.x, startY: at.y, x: p.x, y: p.y, moved: false };
      },
      onPointerMove: (e) => {
        const drag = dragRef.current;
        if (!drag || drag.id !== idOf(e.currentTarget)) return;
        const at = plotPoint(e);
        drag.x = Math.min(Math.max(at.x - drag.dx, 0), plotWidth);
        drag.y = Math.min(Math.max(at.y - drag.dy, 0), PLOT_HEIGHT);
        drag.moved = drag.moved || Math.hypot(at.x - drag.startX, at.y - drag.startY) > 3;
        if (!drag.moved) return;
        e.currentTarget.style.left = `${drag.x}px`;
        e.currentTarget.style.top = `${drag.y}px`;
        e.currentTarget.classList.add('is-moving');
        const v = valuesAt(scales, drag.x, drag.y);
        setReadout({ x: drag.x, y: drag.y, text: describe(v.impact, v.effort) });
      },
      onPointerUp: (e) => {
        const drag = dragRef.current;
        dragRef.current = null;
        setReadout(null);
        if (!drag || drag.id !== idOf(e.currentTarget)) return;
        restore(e.currentTarget, pointById.get(drag.id));
        const item = byId.get(drag.id);
        if (!item || !drag.moved) return;
        const v = valuesAt(scales, drag.x, drag.y);
        commit(item, v.impact, v.effort);
      },
      onPointerCancel: (e) => {
        const drag = dragRef.current;
        dragRef.current = null;
        setReadout(null);
        if (drag) restore(e.currentTarget, pointById.get(drag.id));
      },
      onKeyDown: (e) => {
        const id = idOf(e.currentTarget);
        const p = pointById.get(id);
        const item = byId.get(id);
        if (!p || !item) return;
        const current = keyMoveRef.current?.id === id ? keyMoveRef.current : null;
        const arrows: Record<string, 'up' | 'down' | 'left' | 'right'> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
        if (!current) {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            setKeyMove({ id, impact: p.impact, effort: p.effort });
            setAnnouncement(`Moving ${item.title}: ${describe(p.impact, p.effort)}. Up and down change impact, left and right change effort. Enter to drop, Escape to cancel.`);
          }
          return;
        }
        const direction = arrows[e.key];
        if (direction) {
          e.preventDefault();
          const next = nudge(current.impact, current.effort, direction);
          setKeyMove({ id, ...next });
          setAnnouncement(describe(next.impact, next.effort));
        } else if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          setKeyMove(null);
          commit(item, current.impact, current.effort);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          setKeyMove(null);
          setAnnouncement(`Cancelled: ${item.title} stays at ${describe(p.impact, p.effort)}.`);
        }
      },
      onBlur: (e) => {
        const id = idOf(e.currentTarget);
        if (keyMoveRef.current?.id === id) setKeyMove(null);
        setHover((h) => (h === id ? null : h));
      },
      onHover: setHover,
    };
  }, [pointById, byId, scales, plotWidth, commit]);

  const quadrantBox = (q: Quadrant) => {
    const left = q === 'quick-win' || q === 'fill-in';
    const top = q === 'quick-win' || q === 'big-bet';
    return { left: left ? 0 : layout.dividerX, top: top ? 0 : layout.dividerY, width: left ? layout.dividerX : plotWidth - layout.dividerX, height: top ? layout.dividerY : PLOT_HEIGHT - layout.dividerY };
  };

  const lists = useMemo(() => {
    const out = new Map<Quadrant, PrioritizationItem[]>(QUADRANT_ORDER.map((q) => [q, []]));
    for (const p of layout.points) {
      const item = byId.get(p.id);
      if (item) out.get(p.quadrant)?.push(item);
    }
    return out;
  }, [layout, byId]);

  const hovered = hover && !keyMove && !readout ? pointById.get(hover) : undefined;
  const keyReadout = keyMove ? { x: scales.x(keyMove.effort), y: scales.y(keyMove.impact), text: describe(keyMove.impact, keyMove.effort) } : null;
  const shownReadout = readout ?? keyReadout;

  return (
    <div className="pz-section">
      <p className="muted pz-legend" id={helpId}>
        Impact (RICE, 0.25–3) against effort (person-months), both on log scales. <strong>High impact</strong> is {MATRIX_THRESHOLDS.highImpactFrom} (Medium) or more; <strong>low effort</strong> is {MATRIX_THRESHOLDS.lowEffortUpTo} person-months or less. Drag a point to change its impact and effort (one undoable edit), or focus it and press Enter, move with the arrow keys, and press Enter to drop (Escape cancels).
      </p>
      <div ref={figureRef} className="pz-matrix-frame">
        <div className="pz-matrix" style={{ height: PLOT_HEIGHT + MARGIN.top + MARGIN.bottom }} role="group" aria-label="Impact/effort matrix">
          <span className="pz-axis-title is-y" aria-hidden="true">
            Impact ↑
          </span>
          <span className="pz-axis-title is-x" aria-hidden="true">
            Effort (person-months) →
          </span>
          <div ref={plotRef} className="pz-plot" style={{ left: MARGIN.left, top: MARGIN.top, width: plotWidth, height: PLOT_HEIGHT }}>
            {QUADRANT_ORDER.map((q) => (
              <div key={q} className={`pz-quadrant q-${q}`} style={quadrantBox(q)} aria-hidden="true" />
            ))}
            {layout.impactTicks.map((t) => (
              <span key={t.value} className="pz-tick is-y" style={{ top: t.y }} aria-hidden="true">
                {t.label}
              </span>
            ))}
            {layout.effortTicks.map((t) => (
              <span key={t.value} className="pz-tick is-x" style={{ left: t.x }} aria-hidden="true">
                {formatNumber(t.value)}
              </span>
            ))}
            {layout.quadrantCaptions.map((c) => (
              <span key={c.quadrant} className={`pz-quadrant-caption q-${c.quadrant}`} style={{ left: c.x, top: c.y }} aria-hidden="true">
                {QUADRANTS[c.quadrant].label}
              </span>
            ))}
            <PointsLayer layout={layout.points} labels={layout.labels} byId={byId} ranking={ranking} keyMove={keyMove} scales={scales} helpId={helpId} handlers={handlers} />
            {hovered && (
              <span className="pz-hover-label" style={{ left: hovered.x, top: hovered.y }} aria-hidden="true">
                {byId.get(hovered.id)?.title}
              </span>
            )}
            {shownReadout && (
              <span className="pz-readout" style={{ left: shownReadout.x, top: shownReadout.y }} aria-hidden="true">
                {shownReadout.text}
              </span>
            )}
          </div>
        </div>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <div className="pz-quadrant-lists">
        {QUADRANT_ORDER.map((q) => {
          const list = lists.get(q) ?? [];
          return (
            <section key={q} className={`pz-quadrant-list q-${q}`} aria-label={QUADRANTS[q].label}>
              <h3>
                {QUADRANTS[q].label} <span className="pz-count">{list.length}</span>
              </h3>
              <p className="muted">{QUADRANTS[q].description}</p>
              <ul>
                {list.slice(0, LIST_LIMIT).map((item) => (
                  <li key={item.id}>{item.title}</li>
                ))}
              </ul>
              {list.length > LIST_LIMIT && <p className="muted">…and {list.length - LIST_LIMIT} more.</p>}
            </section>
          );
        })}
      </div>
      {unplaced.length > 0 && (
        <details className="pz-unplaced">
          <summary>
            {unplaced.length} item{unplaced.length === 1 ? '' : 's'} not on the matrix (impact or effort missing)
          </summary>
          <ul>
            {unplaced.slice(0, 200).map((item) => (
              <li key={item.id}>{item.title}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** The points and their labels; re-rendered only when the layout or a keyboard move changes. */
const PointsLayer = memo(function PointsLayer({
  layout,
  labels,
  byId,
  ranking,
  keyMove,
  scales,
  helpId,
  handlers,
}: {
  layout: readonly PlacedPoint[];
  labels: readonly { id: string; text: string; x: number; y: number; width: number; height: number; visible: boolean }[];
  byId: ReadonlyMap<string, PrioritizationItem>;
  ranking: Ranking;
  keyMove: KeyMove | null;
  scales: MatrixScales;
  helpId: string;
  handlers: PointHandlers;
}) {
  return (
    <>
      {labels
        .filter((l) => l.visible && l.id !== keyMove?.id)
        .map((l) => (
          <span key={l.id} className="pz-point-label" style={{ left: l.x, top: l.y, width: l.width, height: l.height }} aria-hidden="true">
            {l.text}
          </span>
        ))}
      {layout.map((p) => {
        const item = byId.get(p.id);
        if (!item) return null;
        const moving = keyMove?.id === p.id ? keyMove : null;
        const position = ranking.byId.get(p.id)?.position;
        return (
          <button
            key={p.id}
            type="button"
            className={`pz-point q-${p.quadrant} ${moving ? 'is-moving' : ''}`}
            style={{ left: moving ? scales.x(moving.effort) : p.x, top: moving ? scales.y(moving.impact) : p.y }}
            aria-label={`${item.title}: ${describe(p.impact, p.effort)}${position ? `, RICE #${position}` : ''}`}
            aria-describedby={helpId}
            data-item-id={p.id}
            onPointerDown={handlers.onPointerDown}
            onPointerMove={handlers.onPointerMove}
            onPointerUp={handlers.onPointerUp}
            onPointerCancel={handlers.onPointerCancel}
            onKeyDown={handlers.onKeyDown}
            onBlur={handlers.onBlur}
            onFocus={() => handlers.onHover(p.id)}
            onMouseEnter={() => handlers.onHover(p.id)}
            onMouseLeave={() => handlers.onHover(null)}
          />
        );
      })}
    </>
  );
});
