/**
 * File and folder names that work on every system a workspace may be copied to (a learner's
 * folder travels through git, zip files and sync services). Windows refuses two kinds of name that
 * Linux and macOS accept:
 *   - names it reserves for devices — CON, PRN, AUX, NUL, COM0–COM9 and LPT0–LPT9 (also with the
 *     superscript digits ¹ ² ³), in any case, with or without an extension: "con.txt" and
 *     "com1.product.json" open the device, not a file;
 *   - a trailing dot or space, which it silently drops ("notes." and "notes" are one file).
 * The app never creates a path segment with either: new product ids, the export folder of a
 * product, export file names and the names it derives from titles all pass this check.
 */

const DEVICE_DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '¹', '²', '³'];

/** The names Windows reserves for devices, lower-case. */
export const WINDOWS_DEVICE_NAMES: readonly string[] = ['con', 'prn', 'aux', 'nul', ...DEVICE_DIGITS.flatMap((d) => [`com${d}`, `lpt${d}`])];

const DEVICE_NAMES: ReadonlySet<string> = new Set(WINDOWS_DEVICE_NAMES);

/**
 * Why `segment` (one file or folder name, not a path) cannot be used on every system, or null when
 * it can. The device check reads the part before the first dot, as Windows does ("CON .md" too).
 */
export function portableFileNameProblem(segment: string): string | null {
  if (segment === '') return 'A file name cannot be empty.';
  if (/[. ]$/.test(segment)) return `"${segment}" ends in a dot or a space, which Windows drops from file names; choose another name.`;
  const stem = (segment.split('.')[0] ?? '').trimEnd().toLowerCase();
  if (DEVICE_NAMES.has(stem)) return `"${segment}" is a name Windows reserves for a device (${stem.toUpperCase()}); choose another name.`;
  return null;
}

/** True when `segment` can be a file or folder name on Windows, macOS and Linux alike. */
export function isPortableFileName(segment: string): boolean {
  return portableFileNameProblem(segment) === null;
}
