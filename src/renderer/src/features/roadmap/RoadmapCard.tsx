import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo } from 'react';
import type { RoadmapItem } from '../../../../shared/model/schema';
import type { RoadmapFinding } from '../../../../shared/roadmap/checks';
import { formatRange } from '../../../../shared/roadmap/dates';
import type { Progress } from '../../../../shared/roadmap/progress';
import { FindingBadge } from './FindingBadge';
import { CONFIDENCE_LABELS, STATUS_LABELS } from './labels';
import type { RoadmapData } from './useRoadmapData';
import './RoadmapCard.css';

export const BOARD_INSTRUCTIONS_ID = 'rm-board-instructions';

interface CardBodyProps {
  item: RoadmapItem;
  data: RoadmapData;
  progress: Progress | undefined;
  findings: RoadmapFinding[] | undefined;
  showLane: boolean;
}

/** What a card shows: lane, title, goal and its metric, linked epics, progress, dates, checks. */
export function RoadmapCardBody({ item, data, progress, findings, showLane }: CardBodyProps) {
  const goal = item.goalId ? data.goals.get(item.goalId) : undefined;
  const lane = item.laneId ? data.lanes.get(item.laneId) : undefined;
  const dates = formatRange(item.start, item.end);
  return (
    <>
      <div className="rm-card-top">
        {showLane && lane ? (
          <span className="rm-lane-tag">
            <span className="rm-dot" style={{ background: lane.color }} aria-hidden="true" />
            {lane.name}
          </span>
        ) : (
          <span />
        )}
        <span className={`rm-status rm-status-${item.status}`}>{STATUS_LABELS[item.status]}</span>
      </div>
      <span className="rm-card-title">{item.title}</span>
      {goal ? (
        <span className="rm-card-goal" title={goal.metric ? `Success metric: ${goal.metric}` : undefined}>
          <span className="rm-goal-icon" aria-hidden="true">◎</span>
          {goal.title}
        </span>
      ) : (
        <span className="rm-card-goal rm-card-nogoal">No goal linked</span>
      )}
      {item.epicIds.length > 0 && (
        <span className="rm-card-epics">
          {item.epicIds.map((id) => {
            const epic = data.epics.get(id);
            return epic ? (
              <span key={id} className="rm-epic-chip">
                <span className="rm-dot" style={{ background: epic.color }} aria-hidden="true" />
                {epic.title}
              </span>
            ) : null;
          })}
        </span>
      )}
      <span className="rm-card-foot">
        {progress && progress.total > 0 ? (
          <span className="rm-progress">
            <span className="rm-progress-bar" aria-hidden="true">
              <span className="rm-progress-done" style={{ width: `${Math.round((progress.ratio ?? 0) * 100)}%` }} />
              <span className="rm-progress-doing" style={{ width: `${Math.round((progress.inProgress / progress.total) * 100)}%` }} />
            </span>
            <span className="rm-progress-text">
              {progress.done}/{progress.total} done
            </span>
          </span>
        ) : (
          <span className="rm-progress-text muted">No stories linked</span>
        )}
        <span className="rm-card-meta">
          {dates && <span>{dates}</span>}
          <span className={`rm-confidence rm-confidence-${item.confidence}`}>{CONFIDENCE_LABELS[item.confidence]} confidence</span>
        </span>
      </span>
      {findings && findings.length > 0 && <FindingBadge findings={findings} />}
    </>
  );
}

/** A sentence for screen readers: everything the card shows, in words. */
export function describeItem(item: RoadmapItem, data: RoadmapData, progress: Progress | undefined, findings: RoadmapFinding[] | undefined): string {
  const goal = item.goalId ? data.goals.get(item.goalId) : undefined;
  const lane = item.laneId ? data.lanes.get(item.laneId) : undefined;
  const epics = item.epicIds.map((id) => data.epics.get(id)?.title).filter(Boolean);
  const parts = [
    lane ? `Lane ${lane.name}.` : '',
    goal ? `Goal: ${goal.title}.` : 'No goal linked.',
    epics.length > 0 ? `Epics: ${epics.join(', ')}.` : '',
    progress && progress.total > 0 ? `${progress.done} of ${progress.total} stories done.` : 'No stories linked.',
    `${STATUS_LABELS[item.status]}, ${CONFIDENCE_LABELS[item.confidence].toLowerCase()} confidence.`,
    formatRange(item.start, item.end),
    findings && findings.length > 0 ? `${findings.length} ${findings.length === 1 ? 'warning' : 'warnings'}: ${findings.map((f) => f.message).join(' ')}` : '',
  ];
  return parts.filter(Boolean).join(' ');
}

interface SortableCardProps {
  item: RoadmapItem;
  data: RoadmapData;
  selected: boolean;
  showLane: boolean;
  onOpen: (id: string) => void;
}

/** A board card: drag with the mouse, or Space / arrows / Space with the keyboard; click or Enter opens it. */
export const SortableRoadmapCard = memo(function SortableRoadmapCard({ item, data, selected, showLane, onOpen }: SortableCardProps) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, data: { type: 'item' } });
  const progress = data.progress.get(item.id);
  const findings = data.findingsByItem.get(item.id);
  const descriptionId = `rm-card-desc-${item.id}`;
  return (
    <li className="rm-card-slot">
      <div
        ref={setNodeRef}
        {...attributes}
        {...listeners}
        aria-roledescription="roadmap item"
        aria-label={item.title}
        aria-describedby={`${descriptionId} ${BOARD_INSTRUCTIONS_ID}`}
        data-item-id={item.id}
        className={`card rm-card${selected ? ' selected' : ''}${isDragging ? ' dragging' : ''}${findings ? ' has-findings' : ''}`}
        style={{ transform: CSS.Translate.toString(transform), transition }}
        onClick={() => onOpen(item.id)}
        onKeyDown={(e) => {
          listeners?.onKeyDown?.(e);
          if (e.key === 'Enter' && !isDragging && !e.defaultPrevented) {
            e.preventDefault();
            onOpen(item.id);
          }
        }}
      >
        <RoadmapCardBody item={item} data={data} progress={progress} findings={findings} showLane={showLane} />
        <span id={descriptionId} className="visually-hidden">
          {describeItem(item, data, progress, findings)}
        </span>
      </div>
    </li>
  );
});
