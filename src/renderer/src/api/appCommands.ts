/**
 * Commands from the native menu (Electron only): New product, Undo, Redo. In the web shell there is
 * no menu, so subscribing does nothing. Undo/Redo arrive here only when the focus is not in a text
 * field (the preload lets text fields run their own undo).
 */
import type { AppCommand, PmWorkspaceBridge } from './bridge';

export function onAppCommand(
  listener: (command: AppCommand) => void,
  bridge: PmWorkspaceBridge | undefined = typeof window === 'undefined' ? undefined : window.pmWorkspace,
): () => void {
  if (!bridge) return () => undefined;
  return bridge.onCommand(listener);
}
