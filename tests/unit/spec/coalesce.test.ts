import { describe, expect, it } from 'vitest';
import { createCoalescer, type CoalescerTimers } from '../../../src/shared/spec/coalesce';

/** A fake clock: timers fire when the test advances time. */
function fakeTimers() {
  let now = 0;
  let next = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const api: CoalescerTimers = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = next++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (id) => void timers.delete(id as number),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].fn();
    }
    now = end;
  };
  return { api, advance };
}

describe('createCoalescer', () => {
  it('saves once after the changes have been idle for idleMs', () => {
    const clock = fakeTimers();
    let saves = 0;
    const c = createCoalescer(() => (saves += 1), { idleMs: 1000, maxWaitMs: 1500 }, clock.api);
    c.change();
    clock.advance(300);
    c.change();
    clock.advance(999);
    expect(saves).toBe(0);
    clock.advance(1);
    expect(saves).toBe(1);
    expect(c.pending()).toBe(false);
    clock.advance(5000);
    expect(saves).toBe(1);
  });

  it('saves at most maxWaitMs after the first unsaved change while typing goes on', () => {
    const clock = fakeTimers();
    const saveTimes: number[] = [];
    const c = createCoalescer(() => saveTimes.push(clock.api.now()), { idleMs: 1000, maxWaitMs: 1500 }, clock.api);
    // A keystroke every 100 ms for 4 seconds: 40 keystrokes.
    for (let i = 0; i < 40; i += 1) {
      c.change();
      clock.advance(100);
    }
    clock.advance(2000);
    expect(saveTimes).toEqual([1500, 3000, 4500]);
  });

  it('flush saves at once, only when something is pending; cancel drops the pending save', () => {
    const clock = fakeTimers();
    let saves = 0;
    const c = createCoalescer(() => (saves += 1), { idleMs: 1000, maxWaitMs: 1500 }, clock.api);
    c.flush();
    expect(saves).toBe(0);
    c.change();
    c.flush();
    expect(saves).toBe(1);
    clock.advance(2000);
    expect(saves).toBe(1);
    c.change();
    c.cancel();
    clock.advance(2000);
    expect(saves).toBe(1);
  });
});
