/** Turning file-system errors into sentences a learner can act on, and into `ApiError('io')`. */
import { ApiError } from '../../shared/api/contract';
import { AtomicWriteError } from './atomicWrite';
import { UnsafeFolderError } from './ensureFolder';
import { errorCode, type FsAdapter, type FsStats } from './fsAdapter';

const FS_ERROR_TEXT: Record<string, string> = {
  ENOSPC: 'Disk full (ENOSPC)',
  EDQUOT: 'Disk quota exceeded (EDQUOT)',
  EACCES: 'Permission denied (EACCES)',
  EPERM: 'Operation not permitted (EPERM)',
  EROFS: 'The disk is read-only (EROFS)',
  EIO: 'Disk input/output error (EIO)',
  EMFILE: 'Too many open files (EMFILE)',
  ENFILE: 'Too many open files (ENFILE)',
  ENOENT: 'A file or folder is missing (ENOENT)',
  ENOTDIR: 'A path is not a folder (ENOTDIR)',
  EISDIR: 'A path is a folder, not a file (EISDIR)',
  EBUSY: 'The file is in use by another program (EBUSY)',
  EEXIST: 'A file with that name already exists (EEXIST)',
  ETIMEDOUT: 'The disk did not answer in time (ETIMEDOUT)',
};

/** "Disk full (ENOSPC)", or the error's own message when it has no known code. */
export function describeFsError(error: unknown): string {
  if (error instanceof UnsafeFolderError) return error.message;
  const code = error instanceof AtomicWriteError ? error.code : errorCode(error);
  if (code && FS_ERROR_TEXT[code]) return FS_ERROR_TEXT[code];
  if (code) return `File-system error (${code})`;
  return error instanceof Error ? error.message : String(error);
}

/** True for errors that come from the file system (they carry an errno code). */
export function isFsError(error: unknown): boolean {
  return error instanceof AtomicWriteError || error instanceof UnsafeFolderError || errorCode(error) !== undefined;
}

/** Rethrow `error` as an `ApiError`: file-system errors become `io` with `action` in the message. */
export function toApiError(error: unknown, action: string): Error {
  if (error instanceof ApiError) return error;
  if (isFsError(error)) return new ApiError('io', `${describeFsError(error)} while ${action}.`);
  return error instanceof Error ? error : new Error(String(error));
}

/** `lstat`, or null when nothing is there; any other failure as an `ApiError` saying what was being done. */
export async function statOrNull(fs: FsAdapter, path: string, action: string): Promise<FsStats | null> {
  try {
    return await fs.lstat(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw toApiError(error, action);
  }
}
