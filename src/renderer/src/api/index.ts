/** The renderer's door to the workspace service: it gets a `WorkspaceClient` and never knows the transport. */
export { connectWorkspace, browserEnvironment, takeSessionToken, tokenFromHash, type BrowserEnvironment } from './connectWorkspace';
export { createHttpClient, openBrowserEventStream, type HttpClientOptions, type OpenEventStream } from './httpClient';
export { createIpcClient } from './ipcClient';
export { onAppCommand } from './appCommands';
export type { AppCommand, PmWorkspaceBridge } from './bridge';
