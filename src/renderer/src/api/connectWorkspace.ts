/**
 * Pick the transport for this renderer: the preload's IPC bridge in Electron, else the loopback
 * HTTP host of the page's own origin with the token from the address (`#token=…`). The token is
 * kept in `sessionStorage` (so a reload still works) and removed from the visible address.
 */
import { ApiError, type WorkspaceClient } from '../../../shared/api/contract';
import type { PmWorkspaceBridge } from './bridge';
import { createApi } from './createApi';
import { createHttpClient, type HttpClientOptions } from './httpClient';
import { createIpcClient } from './ipcClient';

export const TOKEN_STORAGE_KEY = 'pm-practice-workspace.token';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,256}$/;

export interface BrowserEnvironment {
  bridge: PmWorkspaceBridge | undefined;
  location: Pick<Location, 'hash' | 'origin' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** Call `listener` when the address's fragment changes (a new address pasted into the bar). */
  onHashChange?: (listener: () => void) => void;
  /** Load the page again (a page opened without a token that now has one). */
  reload?: () => void;
}

export function browserEnvironment(): BrowserEnvironment {
  let storage: Storage | null;
  try {
    storage = window.sessionStorage;
  } catch {
    storage = null; // storage disabled: the token then lives only in the address
  }
  return {
    bridge: window.pmWorkspace,
    location: window.location,
    history: window.history,
    sessionStorage: storage,
    onHashChange: (listener) => window.addEventListener('hashchange', listener),
    reload: () => window.location.reload(),
  };
}

/** The token in a `#token=…` fragment, if there is a well-formed one. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('token');
  return token !== null && TOKEN_PATTERN.test(token) ? token : null;
}

/** The token in the fragment, if any: remembered, and cleared from the visible address. */
function adoptHashToken(env: BrowserEnvironment): string | null {
  const fromHash = tokenFromHash(env.location.hash);
  if (fromHash === null) return null;
  try {
    env.sessionStorage?.setItem(TOKEN_STORAGE_KEY, fromHash);
  } catch {
    // quota or privacy mode: the session works until the next reload
  }
  env.history.replaceState(env.history.state, '', `${env.location.pathname}${env.location.search}`);
  return fromHash;
}

/** Take the token from the fragment (then remember it and clear the fragment) or from storage. */
export function takeSessionToken(env: BrowserEnvironment): string | null {
  const fromHash = adoptHashToken(env);
  if (fromHash !== null) return fromHash;
  let stored: string | null;
  try {
    stored = env.sessionStorage?.getItem(TOKEN_STORAGE_KEY) ?? null;
  } catch {
    stored = null;
  }
  return stored !== null && TOKEN_PATTERN.test(stored) ? stored : null;
}

/** A client whose every call fails with `unauthorized` (the web shell was opened without a token). */
function createTokenlessClient(): WorkspaceClient {
  return {
    api: createApi(() =>
      Promise.reject(
        new ApiError('unauthorized', 'This page has no session token. Open the full address printed by `npm run web` (it ends with #token=…).'),
      ),
    ),
    shell: 'web',
    subscribe: () => () => undefined,
  };
}

export function connectWorkspace(env: BrowserEnvironment = browserEnvironment(), httpOptions: HttpClientOptions = {}): WorkspaceClient {
  if (env.bridge) return createIpcClient(env.bridge);
  const token = takeSessionToken(env);
  if (token === null) {
    // Nothing could be edited without a token: once one is pasted, start again with it.
    env.onHashChange?.(() => {
      if (adoptHashToken(env) !== null) env.reload?.();
    });
    return createTokenlessClient();
  }
  const client = createHttpClient(env.location.origin, token, httpOptions);
  // A new address pasted after the web shell restarted: use its token, without a reload.
  env.onHashChange?.(() => {
    const next = adoptHashToken(env);
    if (next !== null) client.setToken(next);
  });
  return client;
}
