import { useId, useState } from 'react';
import type { StoryReadiness } from '../../../../shared/coach/readiness';
import { newId } from '../../../../shared/model/ids';
import { rankBetween, sortByRank } from '../../../../shared/model/rank';
import { ESTIMATE_SCALE, type AcceptanceCriterion, type Product, type Story } from '../../../../shared/model/schema';
import type { StoryPatch } from '../../../../shared/edits/editSchema';
import { CommitField } from '../../components/CommitField';
import { CoachPanel } from './CoachPanel';
import { parseLabels } from './labels';
import { SplitDialog } from './SplitDialog';
import type { DocumentStore } from '../../state/documentStore';
import { LIMITS } from '../../../../shared/model/limits';

interface StoryEditorProps {
  store: DocumentStore;
  product: Product;
  story: Story;
  readiness: StoryReadiness | undefined;
  onClose: () => void;
  onOpenStory: (id: string) => void;
}

/** The story editor: a side panel that keeps the board in view. Every field commits one edit. */
export function StoryEditor({ store, product, story, readiness, onClose, onOpenStory }: StoryEditorProps) {
  const headingId = useId();
  const [splitting, setSplitting] = useState(false);
  const update = (patch: StoryPatch, label = 'Edit story') => store.dispatch({ type: 'story.update', id: story.id, patch }, label);
  const criteria = story.acceptanceCriteria;
  const setCriteria = (next: AcceptanceCriterion[], label: string) => update({ acceptanceCriteria: next }, label);

  const duplicate = () => {
    const ordered = sortByRank(product.stories);
    const index = ordered.findIndex((s) => s.id === story.id);
    const after = ordered[index + 1]?.rank ?? null;
    const copyId = newId('st');
    store.dispatch(
      {
        type: 'story.add',
        story: {
          ...story,
          id: copyId,
          title: `${story.title} (copy)`.slice(0, LIMITS.shortText),
          rank: rankBetween(story.rank, after),
          acceptanceCriteria: story.acceptanceCriteria.map((c, i) => ({ ...c, id: `${copyId}-ac${i + 1}` })),
          splitFrom: null,
          splitInto: [],
        },
      },
      'Duplicate story',
    );
    onOpenStory(copyId);
  };

  return (
    <aside className="story-editor" aria-labelledby={headingId}>
      <div className="panel-header">
        <h2 id={headingId}>Story</h2>
        <button type="button" onClick={onClose} aria-label="Close story editor">
          Close
        </button>
      </div>
      {story.splitFrom && (
        <p className="split-note">
          Split from{' '}
          <button type="button" className="link-button" onClick={() => story.splitFrom && onOpenStory(story.splitFrom)}>
            {product.stories.find((s) => s.id === story.splitFrom)?.title ?? 'a deleted story'}
          </button>
        </p>
      )}
      {story.splitInto.length > 0 && (
        <p className="split-note">
          This story was split into {story.splitInto.length}:{' '}
          {story.splitInto.map((id) => (
            <button key={id} type="button" className="link-button" onClick={() => onOpenStory(id)}>
              {product.stories.find((s) => s.id === id)?.title ?? 'a deleted story'}
            </button>
          ))}
        </p>
      )}
      <CommitField
        label="Title"
        value={story.title}
        onCommit={(title) => update({ title }, 'Rename story')}
        validate={(v) => (v.trim() ? null : 'A story needs a title.')}
        maxLength={LIMITS.shortText}
      />
      <fieldset className="user-story">
        <legend>User story</legend>
        <CommitField label="As a" value={story.asA} onCommit={(asA) => update({ asA })} placeholder="who benefits (a persona or role)" maxLength={LIMITS.shortText} />
        <CommitField label="I want" value={story.iWant} onCommit={(iWant) => update({ iWant })} placeholder="what they want to do" multiline />
        <CommitField label="So that" value={story.soThat} onCommit={(soThat) => update({ soThat })} placeholder="the benefit — why it matters" multiline />
      </fieldset>
      <CommitField label="Description" value={story.description} onCommit={(description) => update({ description })} multiline />

      <fieldset>
        <legend>Acceptance criteria</legend>
        <p className="field-hint">Write each as a testable statement, e.g. “Given … when … then …”.</p>
        <ol className="criteria-list">
          {criteria.map((c, i) => (
            <li key={c.id} className="criterion">
              <CommitField
                label={`Criterion ${i + 1}`}
                value={c.text}
                multiline
                onCommit={(text) => setCriteria(criteria.map((x) => (x.id === c.id ? { ...x, text } : x)), 'Edit acceptance criterion')}
              />
              <div className="criterion-actions">
                <button type="button" disabled={i === 0} aria-label={`Move criterion ${i + 1} up`} onClick={() => setCriteria(swap(criteria, i, i - 1), 'Reorder acceptance criteria')}>
                  ↑
                </button>
                <button
                  type="button"
                  disabled={i === criteria.length - 1}
                  aria-label={`Move criterion ${i + 1} down`}
                  onClick={() => setCriteria(swap(criteria, i, i + 1), 'Reorder acceptance criteria')}
                >
                  ↓
                </button>
                <button type="button" aria-label={`Remove criterion ${i + 1}`} onClick={() => setCriteria(criteria.filter((x) => x.id !== c.id), 'Remove acceptance criterion')}>
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ol>
        <button
          type="button"
          onClick={() => setCriteria([...criteria, { id: uniqueCriterionId(story), text: 'Given … when … then …' }], 'Add acceptance criterion')}
        >
          Add criterion
        </button>
      </fieldset>

      <div className="field-row">
        <div className="field">
          <label htmlFor={`${headingId}-estimate`}>Estimate (points)</label>
          <select
            id={`${headingId}-estimate`}
            value={story.estimate === null ? '' : String(story.estimate)}
            onChange={(e) => update({ estimate: e.target.value === '' ? null : Number(e.target.value) }, 'Estimate story')}
          >
            <option value="">? (not estimated)</option>
            {withCurrent(ESTIMATE_SCALE, story.estimate).map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${headingId}-status`}>Status</label>
          <select id={`${headingId}-status`} value={story.status} onChange={(e) => update({ status: e.target.value }, 'Change status')}>
            {product.board.columns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${headingId}-epic`}>Epic</label>
          <select id={`${headingId}-epic`} value={story.epicId ?? ''} onChange={(e) => update({ epicId: e.target.value || null }, 'Set epic')}>
            <option value="">No epic</option>
            {product.epics.map((epic) => (
              <option key={epic.id} value={epic.id}>
                {epic.title}
              </option>
            ))}
          </select>
        </div>
      </div>
      <CommitField
        label="Labels"
        hint="Separate labels with commas."
        value={story.labels.join(', ')}
        onCommit={(text) => update({ labels: parseLabels(text) }, 'Edit labels')}
      />
      <CoachPanel story={story} product={product} readiness={readiness} onOpenStory={onOpenStory} />
      <div className="actions panel-footer">
        <button type="button" onClick={() => setSplitting(true)}>
          Split story…
        </button>
        <button type="button" onClick={duplicate}>
          Duplicate story
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            store.dispatch({ type: 'story.delete', id: story.id }, 'Delete story');
            onClose();
          }}
        >
          Delete story
        </button>
      </div>
      {splitting && <SplitDialog store={store} product={product} story={story} onClose={() => setSplitting(false)} />}
    </aside>
  );
}

function swap<T>(list: readonly T[], a: number, b: number): T[] {
  const next = [...list];
  const x = next[a];
  const y = next[b];
  if (x === undefined || y === undefined) return next;
  next[a] = y;
  next[b] = x;
  return next;
}

function withCurrent(scale: readonly number[], current: number | null): number[] {
  return current === null || scale.includes(current) ? [...scale] : [...scale, current].sort((a, b) => a - b);
}


function uniqueCriterionId(story: Story): string {
  const taken = new Set(story.acceptanceCriteria.map((c) => c.id));
  for (let n = story.acceptanceCriteria.length + 1; ; n += 1) {
    const id = `${story.id}-ac${n}`;
    if (!taken.has(id)) return id;
  }
}
