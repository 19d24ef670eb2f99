/**
 * Timing probes that run inside the page (installed with `page.addInitScript(installProbes)`).
 *
 * "Painted" is measured the way Chromium's own input-to-paint tools do: once the DOM shows the
 * change, wait for the next animation frame, then for a task posted from it (a MessageChannel
 * message), which runs after that frame's style, layout and paint. The start of an input is the
 * earlier of the key event's own timestamp (set when the browser received the input, so it also
 * counts time the event waited for a busy main thread) and `performance.now()` in a capture-phase
 * listener on `window`, which runs before any of the app's handlers.
 *
 * The function must be self-contained: Playwright sends its source text to the page.
 */

export type ArmSpec =
  /** A key press, until any DOM change under `root` (a selector), painted. */
  | { kind: 'key-mutation'; key: string; root: string; timeoutMs: number }
  /** A key press in the focused field, until its `input` event, painted. */
  | { kind: 'key-input'; key: string; timeoutMs: number }
  /** A key press, until the story card `storyId` shows in another column or position, painted. */
  | { kind: 'key-moved'; key: string; storyId: string; timeoutMs: number }
  /** Navigate to `hash`, until the board is visible and one of its cards takes focus, painted. */
  | { kind: 'open-board'; hash: string; timeoutMs: number };

export type ArmResult = { ok: true; ms: number; inputDelayMs: number } | { ok: false; reason: string };

export interface BenchProbes {
  /** Resolves with `performance.now()` just after the next frame has been painted. */
  afterPaint(): Promise<number>;
  /** Start a measurement and return its id (the input is then sent from outside, by Playwright). */
  arm(spec: ArmSpec): number;
  /** The outcome of measurement `id` (waits for it). */
  result(id: number): Promise<ArmResult>;
  /** Record the start time of every animation frame until `stopFrames`. */
  startFrames(): void;
  /** The recorded frame start times (ms). */
  stopFrames(): number[];
  /** "column:position" of a story card, or null when it is not in the DOM. */
  cardPlace(storyId: string): string | null;
  /** When the last `open-board` measurement changed the route (`performance.now()`), or null. */
  lastOpenStart: number | null;
}

declare global {
  interface Window {
    __bench?: BenchProbes;
  }
}

export function installProbes(): void {
  const afterPaint = (): Promise<number> =>
    new Promise((resolve) => {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      });
    });

  const cardPlace = (storyId: string): string | null => {
    const card = document.querySelector(`[data-story-id="${CSS.escape(storyId)}"]`);
    if (!card) return null;
    const column = card.closest('[data-column-id]')?.getAttribute('data-column-id') ?? '?';
    const row = card.closest('li');
    let position = row?.getAttribute('data-index') ?? null;
    if (position === null && row?.parentElement) position = String(Array.prototype.indexOf.call(row.parentElement.children, row));
    return `${column}:${position ?? '?'}`;
  };

  const results = new Map<number, Promise<ArmResult>>();
  let nextId = 1;
  let frames: number[] = [];
  let recording = false;

  const arm = (spec: ArmSpec): number => {
    const id = nextId;
    nextId += 1;
    const cleanups: (() => void)[] = [];
    const cleanup = () => {
      for (const fn of cleanups.splice(0)) fn();
    };
    const promise = new Promise<ArmResult>((resolve) => {
      let start: number | null = null;
      let eventStamp: number | null = null;
      let finishing = false;
      const finish = () => {
        if (finishing || start === null) return;
        finishing = true;
        cleanup();
        const began = start;
        const stamp = eventStamp;
        void afterPaint().then((end) => {
          // The event's own timestamp, when it is sane (same clock, not in the future, not stale).
          const from = stamp !== null && stamp <= began && began - stamp < 5000 ? stamp : began;
          resolve({ ok: true, ms: end - from, inputDelayMs: began - from });
        });
      };
      const timer = setTimeout(() => {
        cleanup();
        resolve({ ok: false, reason: start === null ? `no "${spec.kind === 'open-board' ? spec.hash : spec.key}" input was seen` : `the expected change did not happen within ${spec.timeoutMs} ms` });
      }, spec.timeoutMs);
      cleanups.push(() => clearTimeout(timer));

      if (spec.kind === 'open-board') {
        const ready = (): boolean => {
          const board = document.querySelector('section[aria-label="Board"]');
          if (!board) return false;
          const box = board.getBoundingClientRect();
          if (box.width === 0 || box.height === 0) return false;
          const card = board.querySelector<HTMLElement>('[data-story-id]');
          if (!card) return false;
          card.focus({ preventScroll: true });
          return document.activeElement === card;
        };
        const failed = (): string | null => {
          const alert = document.querySelector('[role="alert"]');
          return alert && /could not be opened/i.test(alert.textContent ?? '') ? (alert.textContent ?? 'could not be opened') : null;
        };
        const observer = new MutationObserver(() => {
          const problem = failed();
          if (problem) {
            cleanup();
            resolve({ ok: false, reason: problem.trim().slice(0, 200) });
            return;
          }
          if (ready()) finish();
        });
        observer.observe(document.body, { subtree: true, childList: true });
        cleanups.push(() => observer.disconnect());
        start = performance.now();
        probes.lastOpenStart = start;
        window.location.hash = spec.hash;
        return;
      }

      const onKey = (event: KeyboardEvent) => {
        if (event.key !== spec.key || start !== null) return;
        start = performance.now();
        eventStamp = event.timeStamp;
      };
      window.addEventListener('keydown', onKey, true);
      cleanups.push(() => window.removeEventListener('keydown', onKey, true));

      if (spec.kind === 'key-input') {
        const field = document.activeElement;
        if (!field) {
          cleanup();
          resolve({ ok: false, reason: 'nothing has focus' });
          return;
        }
        const onInput = () => finish();
        field.addEventListener('input', onInput);
        cleanups.push(() => field.removeEventListener('input', onInput));
        return;
      }

      if (spec.kind === 'key-mutation') {
        const root = document.querySelector(spec.root);
        if (!root) {
          cleanup();
          resolve({ ok: false, reason: `no element matches ${spec.root}` });
          return;
        }
        const observer = new MutationObserver(() => finish());
        observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
        cleanups.push(() => observer.disconnect());
        return;
      }

      const before = cardPlace(spec.storyId);
      const observer = new MutationObserver(() => {
        if (start === null) return;
        const now = cardPlace(spec.storyId);
        if (now !== null && now !== before) finish();
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-index', 'data-column-id'] });
      cleanups.push(() => observer.disconnect());
    });
    results.set(id, promise);
    return id;
  };

  const probes: BenchProbes = {
    afterPaint,
    arm,
    result: (id) => results.get(id) ?? Promise.resolve({ ok: false, reason: `no measurement ${id}` }),
    startFrames: () => {
      frames = [];
      recording = true;
      const loop = (time: number) => {
        if (!recording) return;
        frames.push(time);
        requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    },
    stopFrames: () => {
      recording = false;
      return frames;
    },
    cardPlace,
    lastOpenStart: null,
  };
  window.__bench = probes;
}
