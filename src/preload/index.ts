/**
 * The sandboxed preload (bundled to CommonJS; it may require only `electron`): exposes the
 * workspace bridge as `window.pmWorkspace` through `contextBridge`, never `ipcRenderer` itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge, domTextEditingHooks } from './bridge';

contextBridge.exposeInMainWorld('pmWorkspace', createBridge(ipcRenderer, domTextEditingHooks(document)));
