import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, useCallback, type CSSProperties, type KeyboardEvent } from 'react';
import type { Epic, Story } from '../../../../shared/model/schema';
import { IN_EXERCISE_TEXT, useInExercise } from '../practice/PracticeScope';

/** `ready`, a number of coach problems, or null (done stories show no badge). */
export type CardReadiness = 'ready' | number | null;

interface StoryCardProps {
  story: Story;
  epic: Epic | undefined;
  readiness: CardReadiness;
  selected: boolean;
  onOpen: (id: string) => void;
  /**
   * Whether the card slides when the cards around it move (its column is where a drag started or
   * went). A card of a column no drag has touched never moves; without the transition, picking a
   * card up and dropping it does not restyle every card on the board.
   */
  animate?: boolean;
}

/** The same object for every card: dnd-kit keeps a card's data while it does not change. */
const STORY_DATA = { type: 'story' };

function readinessText(readiness: CardReadiness): string {
  if (readiness === null) return '';
  if (readiness === 'ready') return 'Ready';
  return `${readiness} ${readiness === 1 ? 'issue' : 'issues'}`;
}

/** An epic as a chip in its colour. */
export function EpicChip({ epic }: { epic: Epic }) {
  return (
    <span className="epic-chip" style={{ borderColor: epic.color }}>
      <span className="epic-dot" style={{ background: epic.color }} aria-hidden="true" />
      {epic.title}
    </span>
  );
}

/** "Ready" or "3 issues" (nothing for done stories). */
export function ReadinessBadge({ readiness }: { readiness: CardReadiness }) {
  if (readiness === null) return null;
  return <span className={`ready-badge ${readiness === 'ready' ? 'is-ready' : 'not-ready'}`}>{readinessText(readiness)}</span>;
}

/**
 * The card content, shared by the sortable card and the drag overlay. Memoised: every sortable card
 * renders again on each step of a drag (dnd-kit's context changes), its content need not.
 */
export const StoryCardBody = memo(function StoryCardBody({ story, epic, readiness }: Pick<StoryCardProps, 'story' | 'epic' | 'readiness'>) {
  return (
    <>
      <span className="card-title">{story.title}</span>
      <span className="card-meta">
        {epic && <EpicChip epic={epic} />}
        {story.labels.map((label) => (
          <span key={label} className="label-chip">
            {label}
          </span>
        ))}
        {story.splitInto.length > 0 && <span className="label-chip split-chip">Split</span>}
        <ReadinessBadge readiness={readiness} />
        <span className="estimate" title="Estimate (points)">
          {story.estimate ?? '?'}
        </span>
      </span>
    </>
  );
});

/**
 * A draggable story card. Space picks it up (arrows move, Space drops, Escape cancels); Enter or a
 * click opens it in the story editor.
 */
export const StoryCard = memo(function StoryCard({ story, epic, readiness, selected, onOpen, animate = true }: StoryCardProps) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: story.id, data: STORY_DATA, transition: animate ? undefined : null });
  const style: CSSProperties = { transform: CSS.Translate.toString(transform), transition };
  const inExercise = useInExercise(story.id);
  const label = [
    story.title,
    story.estimate !== null ? `${story.estimate} points` : 'not estimated',
    epic ? `epic ${epic.title}` : null,
    readinessText(readiness) || null,
    inExercise ? IN_EXERCISE_TEXT : null,
  ]
    .filter(Boolean)
    .join(', ');
  const id = story.id;
  const onClick = useCallback(() => onOpen(id), [onOpen, id]);
  const dragKeyDown = listeners?.['onKeyDown'];
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        onOpen(id);
        return;
      }
      dragKeyDown?.(e);
    },
    [onOpen, id, dragKeyDown],
  );
  return (
    <div
      ref={setNodeRef}
      style={style}
      {...attributes}
      {...listeners}
      aria-roledescription="draggable story"
      aria-label={label}
      data-story-id={story.id}
      className={`card story-card ${selected ? 'selected' : ''} ${isDragging ? 'dragging' : ''} ${inExercise ? 'in-exercise' : ''}`}
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      <StoryCardBody story={story} epic={epic} readiness={readiness} />
    </div>
  );
});
