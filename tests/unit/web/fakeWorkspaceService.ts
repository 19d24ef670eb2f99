/**
 * A fake `WorkspaceService` for transport tests: it records every call (so a test can prove that
 * bad input never reached it), answers with fixed results, and lets the test push events.
 */
import { ApiError, type ApiInput, type ApiMethod, type ApiOutput, type WorkspaceEvent } from '../../../src/shared/api/contract';
import type { WorkspaceService } from '../../../src/main/core/service';

export interface RecordedCall {
  method: ApiMethod;
  input: unknown;
}

export class FakeWorkspaceService implements WorkspaceService {
  readonly calls: RecordedCall[] = [];
  closed = false;
  private readonly listeners = new Set<(event: WorkspaceEvent) => void>();

  get listenerCount(): number {
    return this.listeners.size;
  }

  emit(event: WorkspaceEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  subscribe(listener: (event: WorkspaceEvent) => void): () => void {
    const entry = (event: WorkspaceEvent): void => listener(event);
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private record<M extends ApiMethod>(method: M, input: ApiInput<M>): void {
    this.calls.push({ method, input });
  }

  'workspace.info' = async (input: ApiInput<'workspace.info'>): Promise<ApiOutput<'workspace.info'>> => {
    this.record('workspace.info', input);
    return { folder: '/fake/workspace', canChooseFolder: false };
  };

  'workspace.chooseFolder' = async (input: ApiInput<'workspace.chooseFolder'>): Promise<ApiOutput<'workspace.chooseFolder'>> => {
    this.record('workspace.chooseFolder', input);
    throw new ApiError('unsupported', 'No folder dialog here.');
  };

  'products.list' = async (input: ApiInput<'products.list'>): Promise<ApiOutput<'products.list'>> => {
    this.record('products.list', input);
    return {
      products: [{ status: 'ok', id: 'civic-cloud', name: 'Civic Cloud', summary: 'A fake product', storyCount: 3, modifiedAt: 1_700_000_000_000, migratedFrom: null }],
      samples: [],
    };
  };

  'product.open' = async (input: ApiInput<'product.open'>): Promise<ApiOutput<'product.open'>> => {
    this.record('product.open', input);
    throw new ApiError('not-found', `There is no product ${input.id}.`);
  };

  'product.create' = async (input: ApiInput<'product.create'>): Promise<ApiOutput<'product.create'>> => {
    this.record('product.create', input);
    return { id: input.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'product' };
  };

  'product.createFromSample' = async (input: ApiInput<'product.createFromSample'>): Promise<ApiOutput<'product.createFromSample'>> => {
    this.record('product.createFromSample', input);
    return { id: input.sampleId };
  };

  'product.duplicate' = async (input: ApiInput<'product.duplicate'>): Promise<ApiOutput<'product.duplicate'>> => {
    this.record('product.duplicate', input);
    return { id: `${input.id}-copy` };
  };

  'product.rename' = async (input: ApiInput<'product.rename'>): Promise<ApiOutput<'product.rename'>> => {
    this.record('product.rename', input);
    return { revision: 2 };
  };

  'product.delete' = async (input: ApiInput<'product.delete'>): Promise<ApiOutput<'product.delete'>> => {
    this.record('product.delete', input);
    return { trashId: `${input.id}.1700000000000` };
  };

  'trash.list' = async (input: ApiInput<'trash.list'>): Promise<ApiOutput<'trash.list'>> => {
    this.record('trash.list', input);
    return { entries: [] };
  };

  'trash.restore' = async (input: ApiInput<'trash.restore'>): Promise<ApiOutput<'trash.restore'>> => {
    this.record('trash.restore', input);
    return { id: input.trashId.split('.')[0] ?? 'restored' };
  };

  'recovery.list' = async (input: ApiInput<'recovery.list'>): Promise<ApiOutput<'recovery.list'>> => {
    this.record('recovery.list', input);
    return { entries: [] };
  };

  'recovery.restore' = async (input: ApiInput<'recovery.restore'>): Promise<ApiOutput<'recovery.restore'>> => {
    this.record('recovery.restore', input);
    return { id: `${input.recoveryId.split('.')[0] ?? 'product'}-recovered` };
  };

  'recovery.delete' = async (input: ApiInput<'recovery.delete'>): Promise<ApiOutput<'recovery.delete'>> => {
    this.record('recovery.delete', input);
    return {};
  };

  'product.applyEdits' = async (input: ApiInput<'product.applyEdits'>): Promise<ApiOutput<'product.applyEdits'>> => {
    this.record('product.applyEdits', input);
    return { status: 'applied', revision: input.baseRevision + 1 };
  };

  'product.sync' = async (input: ApiInput<'product.sync'>): Promise<ApiOutput<'product.sync'>> => {
    this.record('product.sync', input);
    return { status: 'edits', epoch: input.epoch, revision: input.knownRevision, savedRevision: input.knownRevision, batches: [], conflict: null, sentRevision: null };
  };

  'product.resolveConflict' = async (input: ApiInput<'product.resolveConflict'>): Promise<ApiOutput<'product.resolveConflict'>> => {
    this.record('product.resolveConflict', input);
    return { revision: 3, copyId: input.choice === 'keep-mine-as-copy' ? `${input.id}-my-copy` : null };
  };

  'product.saveCopy' = async (input: ApiInput<'product.saveCopy'>): Promise<ApiOutput<'product.saveCopy'>> => {
    this.record('product.saveCopy', input);
    return { id: 'saved-copy' };
  };

  'product.close' = async (input: ApiInput<'product.close'>): Promise<ApiOutput<'product.close'>> => {
    this.record('product.close', input);
    return {};
  };

  'product.flush' = async (input: ApiInput<'product.flush'>): Promise<ApiOutput<'product.flush'>> => {
    this.record('product.flush', input);
    return { revision: 1 };
  };

  'export.save' = async (input: ApiInput<'export.save'>): Promise<ApiOutput<'export.save'>> => {
    this.record('export.save', input);
    return { path: `/workspace/exports/${input.productId}/${input.fileName}` };
  };

  'export.pdf' = async (input: ApiInput<'export.pdf'>): Promise<ApiOutput<'export.pdf'>> => {
    this.record('export.pdf', input);
    return { path: `/workspace/exports/${input.productId}/${input.fileName}` };
  };
}
