import { useMemo, useState } from 'react';
import { newId } from '../../../../shared/model/ids';
import { rankBetween, sortByRank } from '../../../../shared/model/rank';
import { EMPTY_SCORES, type Column, type Epic, type Product, type Story } from '../../../../shared/model/schema';
import type { DocumentStore } from '../../state/documentStore';
import { StoryEditor } from './StoryEditor';

/** The backlog board: one column per status, cards in rank order, and the story editor panel. */
export function BacklogView({ store, product }: { store: DocumentStore; product: Product }) {
  const [openId, setOpenId] = useState<string | null>(null);
  const epics = useMemo(() => new Map(product.epics.map((e) => [e.id, e])), [product.epics]);
  const byColumn = useMemo(() => {
    const map = new Map<string, Story[]>();
    for (const c of product.board.columns) map.set(c.id, []);
    for (const s of sortByRank(product.stories)) map.get(s.status)?.push(s);
    return map;
  }, [product.stories, product.board.columns]);
  const open = openId ? product.stories.find((s) => s.id === openId) : undefined;

  const addStory = (column: Column, title: string) => {
    const inColumn = byColumn.get(column.id) ?? [];
    const last = inColumn[inColumn.length - 1];
    const id = newId('st');
    store.dispatch(
      {
        type: 'story.add',
        story: {
          id,
          title,
          asA: '',
          iWant: '',
          soThat: '',
          description: '',
          acceptanceCriteria: [],
          estimate: null,
          status: column.id,
          rank: rankBetween(last?.rank ?? null, null),
          epicId: null,
          labels: [],
          scores: EMPTY_SCORES,
          splitFrom: null,
          splitInto: [],
          notes: '',
        },
      },
      'Add story',
    );
  };

  return (
    <div className={`backlog ${open ? 'with-panel' : ''}`}>
      <section className="board" aria-label="Board">
        {product.board.columns.map((column) => {
          const stories = byColumn.get(column.id) ?? [];
          const over = column.wipLimit !== null && stories.length > column.wipLimit;
          return (
            <section key={column.id} className={`column ${over ? 'over-limit' : ''}`} aria-labelledby={`col-${column.id}`}>
              <header className="column-header">
                <h2 id={`col-${column.id}`}>{column.name}</h2>
                <span className="count" aria-label={column.wipLimit !== null ? `${stories.length} of ${column.wipLimit} (WIP limit${over ? ' exceeded' : ''})` : `${stories.length} stories`}>
                  {column.wipLimit !== null ? `${stories.length} / ${column.wipLimit}` : stories.length}
                </span>
              </header>
              <ul className="cards" aria-label={`${column.name} stories`}>
                {stories.map((story) => (
                  <li key={story.id}>
                    <StoryCard story={story} epic={story.epicId ? epics.get(story.epicId) : undefined} selected={story.id === openId} onOpen={() => setOpenId(story.id)} />
                  </li>
                ))}
              </ul>
              <NewStoryRow column={column} onAdd={(title) => addStory(column, title)} />
            </section>
          );
        })}
      </section>
      {open && <StoryEditor key={open.id} store={store} product={product} story={open} onClose={() => setOpenId(null)} onOpenStory={setOpenId} />}
    </div>
  );
}

function StoryCard({ story, epic, selected, onOpen }: { story: Story; epic: Epic | undefined; selected: boolean; onOpen: () => void }) {
  return (
    <button type="button" className={`card story-card ${selected ? 'selected' : ''}`} onClick={onOpen} aria-label={`${story.title}${story.estimate !== null ? `, ${story.estimate} points` : ', not estimated'}`}>
      <span className="card-title">{story.title}</span>
      <span className="card-meta">
        {epic && (
          <span className="epic-chip" style={{ borderColor: epic.color }}>
            <span className="epic-dot" style={{ background: epic.color }} aria-hidden="true" />
            {epic.title}
          </span>
        )}
        {story.labels.map((label) => (
          <span key={label} className="label-chip">
            {label}
          </span>
        ))}
        <span className="estimate" title="Estimate (points)">
          {story.estimate ?? '?'}
        </span>
      </span>
    </button>
  );
}

function NewStoryRow({ column, onAdd }: { column: Column; onAdd: (title: string) => void }) {
  const [title, setTitle] = useState('');
  return (
    <form
      className="new-story"
      onSubmit={(e) => {
        e.preventDefault();
        if (!title.trim()) return;
        onAdd(title.trim());
        setTitle('');
      }}
    >
      <label>
        <span className="visually-hidden">New story in {column.name}</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="+ New story" maxLength={300} />
      </label>
    </form>
  );
}
