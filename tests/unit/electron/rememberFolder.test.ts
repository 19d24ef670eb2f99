/** The chosen workspace folder is remembered only after the service switched to it. */
import { describe, expect, it } from 'vitest';
import { ApiError, API_METHODS } from '../../../src/shared/api/contract';
import { withRememberedFolder } from '../../../src/main/electron/rememberFolder';
import { FakeWorkspaceService } from '../web/fakeWorkspaceService';

class ChoosingService extends FakeWorkspaceService {
  next: string | null | Error = null;
  override 'workspace.chooseFolder' = async () => {
    if (this.next instanceof Error) throw this.next;
    return { folder: this.next };
  };
}

describe('withRememberedFolder', () => {
  it('remembers a folder the service switched to, not a cancelled or failed choice', async () => {
    const service = new ChoosingService();
    const remembered: string[] = [];
    const wrapped = withRememberedFolder(service, async (folder) => void remembered.push(folder));
    service.next = null;
    await expect(wrapped['workspace.chooseFolder']({})).resolves.toEqual({ folder: null });
    service.next = new ApiError('io', 'Permission denied');
    await expect(wrapped['workspace.chooseFolder']({})).rejects.toMatchObject({ code: 'io' });
    service.next = '/home/me/pm';
    await expect(wrapped['workspace.chooseFolder']({})).resolves.toEqual({ folder: '/home/me/pm' });
    expect(remembered).toEqual(['/home/me/pm']);
  });

  it('still answers when remembering fails', async () => {
    const service = new ChoosingService();
    service.next = '/x';
    const wrapped = withRememberedFolder(service, () => Promise.reject(new Error('disk full')));
    await expect(wrapped['workspace.chooseFolder']({})).resolves.toEqual({ folder: '/x' });
  });

  it('passes every other method, events and close straight through', async () => {
    const service = new ChoosingService();
    const wrapped = withRememberedFolder(service, async () => undefined);
    for (const method of API_METHODS) expect(typeof wrapped[method]).toBe('function');
    await expect(wrapped['product.create']({ name: 'Via Wrapper' })).resolves.toEqual({ id: 'via-wrapper' });
    expect(service.calls).toEqual([{ method: 'product.create', input: { name: 'Via Wrapper' } }]);
    const events: unknown[] = [];
    const unsubscribe = wrapped.subscribe((event) => events.push(event));
    service.emit({ type: 'workspace.changed' });
    unsubscribe();
    expect(events).toEqual([{ type: 'workspace.changed' }]);
    await wrapped.close();
    expect(service.closed).toBe(true);
  });
});
