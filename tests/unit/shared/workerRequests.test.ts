/**
 * The request bookkeeping every worker client shares: replies settle the request with their id,
 * progress does not settle it, a dropped request never settles, and after a failure the waiting
 * requests are handed back to be answered some other way.
 */
import { describe, expect, it } from 'vitest';
import { createWorkerRequests } from '../../../src/shared/worker/workerRequests';

type Reply = { id: number; done: string } | { id: number; progress: number } | { id: number; error: string };

function tracker() {
  const sent: { id: number; task: string }[] = [];
  const progress: number[] = [];
  const requests = createWorkerRequests<string, string, Reply>({
    send: (id, task) => sent.push({ id, task }),
    read(reply) {
      if ('progress' in reply) {
        progress.push(reply.progress);
        return null;
      }
      return 'error' in reply ? { error: reply.error } : { result: reply.done };
    },
  });
  return { requests, sent, progress };
}

const settled = async (promise: Promise<unknown>) => Promise.race([promise.then(() => 'settled', () => 'settled'), new Promise((r) => setTimeout(() => r('waiting'), 10))]);

describe('createWorkerRequests', () => {
  it('answers each request with the reply that carries its id, in any order', async () => {
    const { requests, sent, progress } = tracker();
    const a = requests.request('a');
    const b = requests.request('b');
    expect(sent).toEqual([{ id: a.id, task: 'a' }, { id: b.id, task: 'b' }]);
    requests.receive({ id: b.id, progress: 0.5 });
    requests.receive({ id: b.id, done: 'B' });
    requests.receive({ id: a.id, error: 'no' });
    expect(progress).toEqual([0.5]);
    await expect(b.promise).resolves.toBe('B');
    await expect(a.promise).rejects.toThrow('no');
  });

  it('leaves a dropped request unsettled and hands back the waiting ones after a failure', async () => {
    const { requests } = tracker();
    const dropped = requests.request('x');
    const waiting = requests.request('y');
    expect(requests.drop(dropped.id)).toBe(true);
    requests.receive({ id: dropped.id, done: 'late' });
    expect(await settled(dropped.promise)).toBe('waiting');
    const taken = requests.takeAll();
    expect(taken.map((t) => t.task)).toEqual(['y']);
    taken[0]?.resolve('elsewhere');
    await expect(waiting.promise).resolves.toBe('elsewhere');
    expect(requests.dropAll()).toBe(false);
  });
});
