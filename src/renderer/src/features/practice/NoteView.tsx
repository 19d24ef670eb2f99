import { useId } from 'react';
import { NOTES, type NoteId } from '../../../../shared/practice/notes';

/** A learning note: the concept in a sentence, a few short paragraphs, an example, related notes. */
export function NoteView({ noteId, onOpenNote, headingLevel = 4 }: { noteId: NoteId; onOpenNote: (id: NoteId) => void; headingLevel?: 3 | 4 | 5 }) {
  const note = NOTES[noteId];
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="pr-note" aria-labelledby={headingId}>
      <Heading id={headingId} className="pr-note-title">
        {note.title}
      </Heading>
      <p className="pr-note-summary">{note.summary}</p>
      {note.body.map((paragraph) => (
        <p key={paragraph.slice(0, 40)}>{paragraph}</p>
      ))}
      <p className="pr-note-example">
        <strong>Example: </strong>
        {note.example}
      </p>
      {note.related.length > 0 && (
        <p className="pr-note-related">
          <span className="muted">Related: </span>
          {note.related.map((id) => (
            <button key={id} type="button" className="link-button" onClick={() => onOpenNote(id)}>
              {NOTES[id].title}
            </button>
          ))}
        </p>
      )}
    </section>
  );
}

/** A "Learn: …" button that shows a note inline (and lets the learner follow related notes). */
export function NoteToggle({ noteId, open, onToggle, onOpenNote }: { noteId: NoteId; open: boolean; onToggle: () => void; onOpenNote: (id: NoteId) => void }) {
  const regionId = useId();
  return (
    <div className="pr-note-toggle">
      <button type="button" className="pr-learn" aria-expanded={open} aria-controls={regionId} onClick={onToggle}>
        Learn: {NOTES[noteId].title}
      </button>
      <div id={regionId} hidden={!open}>
        {open && <NoteView noteId={noteId} onOpenNote={onOpenNote} headingLevel={5} />}
      </div>
    </div>
  );
}
