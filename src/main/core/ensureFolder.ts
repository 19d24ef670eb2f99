/** Making sure a folder the app writes into is a real folder, not a link leading elsewhere. */
import { errorCode, type FsAdapter } from './fsAdapter';

export class UnsafeFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeFolderError';
  }
}

/**
 * Create `dir` if missing; refuse (throw `UnsafeFolderError`) if it is a symbolic link or not a
 * folder, so that `.trash` or `.backups` can never send a file out of the workspace.
 */
export async function ensureRealFolder(fs: FsAdapter, dir: string): Promise<void> {
  try {
    const stats = await fs.lstat(dir);
    if (stats.isSymbolicLink) throw new UnsafeFolderError(`${dir} is a symbolic link; the app does not write through links. Remove the link.`);
    if (!stats.isDirectory) throw new UnsafeFolderError(`${dir} is not a folder. Move that file away.`);
    return;
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
  await fs.mkdir(dir);
  const stats = await fs.lstat(dir);
  if (stats.isSymbolicLink || !stats.isDirectory) throw new UnsafeFolderError(`${dir} could not be created as a folder.`);
}
