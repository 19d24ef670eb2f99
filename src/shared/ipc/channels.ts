/** IPC channel names shared by the preload and the main process (no imports: safe in both). */
export const IPC_METHOD_PREFIX = 'pm:';
export const IPC_EVENT_CHANNEL = 'pm:event';
export const IPC_COMMAND_CHANNEL = 'pm:command';

/** Commands the native menu sends to the renderer. */
export const APP_COMMANDS = ['undo', 'redo', 'new-product', 'import'] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

export function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && (APP_COMMANDS as readonly string[]).includes(value);
}

export function methodChannel(method: string): string {
  return `${IPC_METHOD_PREFIX}${method}`;
}
