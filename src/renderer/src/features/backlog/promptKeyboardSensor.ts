/**
 * dnd-kit's keyboard sensor, without losing the keys pressed just after a card is picked up.
 *
 * `KeyboardSensor` starts listening for the arrow keys in a `setTimeout` after the pick-up, so
 * that the Space which picked the card up does not reach its listener too and drop the card at
 * once. While the browser renders the pick-up that timer can wait a noticeable moment, and an
 * arrow (or Space, or Escape) pressed in that moment did nothing: the card stayed where it was
 * (seen with `npm run bench` and in the keyboard e2e spec once the board got faster). This sensor
 * listens from the pick-up on, keeps those keys, and hands them to `KeyboardSensor`, one per task,
 * once it listens. Everything else is `KeyboardSensor`'s own behaviour.
 */
import { KeyboardCode, KeyboardSensor, type KeyboardSensorOptions, type KeyboardSensorProps, type SensorInstance } from '@dnd-kit/core';

const ARROWS: readonly string[] = [KeyboardCode.Down, KeyboardCode.Up, KeyboardCode.Left, KeyboardCode.Right];
const DEFAULT_CODES = { start: [KeyboardCode.Space, KeyboardCode.Enter], cancel: [KeyboardCode.Esc], end: [KeyboardCode.Space, KeyboardCode.Enter, KeyboardCode.Tab] };

/** The keys a keyboard drag reacts to once it is under way: the arrows, and the cancel and drop keys. */
export function dragKeyCodes(options: KeyboardSensorOptions): ReadonlySet<string> {
  const codes = options.keyboardCodes ?? DEFAULT_CODES;
  return new Set([...ARROWS, ...codes.cancel, ...codes.end]);
}

export class PromptKeyboardSensor implements SensorInstance {
  static activators = KeyboardSensor.activators;
  autoScrollEnabled = false;

  constructor(props: KeyboardSensorProps) {
    const target = props.event.target;
    const doc = target instanceof Node ? (target.ownerDocument ?? document) : document;
    const codes = dragKeyCodes(props.options);
    const early: KeyboardEvent[] = [];
    let finished = false;
    const keep = (event: KeyboardEvent) => {
      if (event === props.event || !codes.has(event.code)) return;
      // As KeyboardSensor does with these keys: no page scrolling, no click from Space. The key
      // belongs to the drag: it goes on only to KeyboardSensor, once (below), even if that starts
      // listening before this listener is removed.
      event.preventDefault();
      event.stopPropagation();
      early.push(event);
    };
    doc.addEventListener('keydown', keep, true);

    const inner = new KeyboardSensor({
      ...props,
      onEnd: () => {
        finished = true;
        props.onEnd();
      },
      onCancel: () => {
        finished = true;
        props.onCancel();
      },
    });
    this.autoScrollEnabled = inner.autoScrollEnabled;

    // Runs after KeyboardSensor's own timer (queued first): from then on it has the keys itself.
    const replay = () => {
      const next = early.shift();
      if (!next || finished) return;
      // Not bubbling: only the document's listeners (KeyboardSensor's) see the key a second time.
      doc.dispatchEvent(new KeyboardEvent('keydown', { key: next.key, code: next.code, shiftKey: next.shiftKey, altKey: next.altKey, ctrlKey: next.ctrlKey, metaKey: next.metaKey, cancelable: true, bubbles: false }));
      if (early.length > 0) setTimeout(replay);
    };
    setTimeout(() => {
      doc.removeEventListener('keydown', keep, true);
      replay();
    });
  }
}
