/** A promise-chain mutex: tasks run one at a time, in the order they asked. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();
  private held = 0;

  get busy(): boolean {
    return this.held > 0;
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    this.held += 1;
    const result = this.tail.then(task);
    this.tail = result.then(
      () => {
        this.held -= 1;
      },
      () => {
        this.held -= 1;
      },
    );
    return result;
  }

  /** Run `task` only if nothing holds or waits for the mutex; otherwise resolve to `null` at once. */
  tryRun<T>(task: () => Promise<T>): Promise<T | null> {
    if (this.busy) return Promise.resolve(null);
    return this.run(task);
  }
}
