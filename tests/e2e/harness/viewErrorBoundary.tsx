/**
 * A page for tests/e2e/viewErrorBoundary.spec.ts: the app's ViewErrorBoundary around children that
 * fail for real (they throw while rendering), beside a "top bar" that must survive. What fails is
 * set on <body> by the spec: data-fail="render" fails at once, data-fail="drag" fails once a card
 * has been dragged some way (dnd-kit has taken the drag in by then). Drops are counted on <body>: data-drag-ends (every onDragEnd dnd-kit calls) and
 * data-commits (the ones the board committed).
 */
import { DndContext, PointerSensor, useDraggable, useSensor, useSensors } from '@dnd-kit/core';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useDragSession } from '../../../src/renderer/src/components/dnd/dragSession';
import { ViewErrorBoundary } from '../../../src/renderer/src/features/product/ViewErrorBoundary';

const body = document.body.dataset;
const count = (key: 'dragEnds' | 'commits') => {
  body[key] = String(Number(body[key] ?? '0') + 1);
};

function Failing({ when }: { when: string }): null {
  if (body['fail'] === when) throw new Error(`A ${when} that failed`);
  return null;
}

function Card() {
  const { setNodeRef, listeners, attributes, transform } = useDraggable({ id: 'card' });
  return (
    <button ref={setNodeRef} type="button" {...listeners} {...attributes} style={{ transform: transform ? `translate(${transform.x}px, ${transform.y}px)` : undefined, padding: 24 }}>
      Card
    </button>
  );
}

function Board() {
  const session = useDragSession();
  const [far, setFar] = useState(false);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }));
  return (
    <DndContext
      sensors={sensors}
      onDragStart={() => {
        session.begin();
      }}
      onDragMove={({ delta }) => setFar(Math.abs(delta.y) > 40)}
      onDragEnd={() => {
        count('dragEnds');
        setFar(false);
        if (session.end()) count('commits');
      }}
      onDragCancel={() => {
        session.end();
        setFar(false);
      }}
    >
      <p>The view works</p>
      <Card />
      <Failing when="render" />
      {far && <Failing when="drag" />}
    </DndContext>
  );
}

function Page() {
  return (
    <div>
      <nav aria-label="Views">
        <a href="#top">Top bar</a>
      </nav>
      <main>
        <ViewErrorBoundary view="Roadmap">
          <Board />
        </ViewErrorBoundary>
      </main>
    </div>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Page />);
