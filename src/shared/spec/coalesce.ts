/**
 * Coalescing a stream of changes into few saves: after a change, save once the changes have been
 * idle for `idleMs`, but never later than `maxWaitMs` after the first unsaved change — so typing
 * saves about once a second, not once a keystroke, and a long burst still saves regularly.
 * `flush()` saves at once (on blur, on unmount, before switching documents). The timer functions
 * are injected, so the schedule is tested without waiting.
 */
export interface CoalescerTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export interface Coalescer {
  /** Note a change; the save runs when the schedule says so. */
  change(): void;
  /** Save now if anything is unsaved. */
  flush(): void;
  /** Forget unsaved changes (the caller took them another way) and stop the timer. */
  cancel(): void;
  /** True while a change is waiting to be saved. */
  pending(): boolean;
}

export function createCoalescer(save: () => void, options: { idleMs: number; maxWaitMs: number }, timers: CoalescerTimers): Coalescer {
  let firstChangeAt: number | null = null;
  let handle: unknown = null;

  const clear = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
  };
  const run = () => {
    clear();
    if (firstChangeAt === null) return;
    firstChangeAt = null;
    save();
  };
  return {
    change() {
      const now = timers.now();
      if (firstChangeAt === null) firstChangeAt = now;
      const deadline = firstChangeAt + options.maxWaitMs;
      const wait = Math.max(0, Math.min(options.idleMs, deadline - now));
      clear();
      handle = timers.setTimeout(run, wait);
    },
    flush: run,
    cancel() {
      clear();
      firstChangeAt = null;
    },
    pending: () => firstChangeAt !== null,
  };
}
