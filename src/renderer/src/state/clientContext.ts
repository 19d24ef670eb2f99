import { createContext, useContext } from 'react';
import type { WorkspaceClient } from '../../../shared/api/contract';

export const ClientContext = createContext<WorkspaceClient | null>(null);

/** The workspace client (IPC or HTTP); views never know which. */
export function useClient(): WorkspaceClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient used outside <App>');
  return client;
}
