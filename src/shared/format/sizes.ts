/** Counts and byte sizes written the way messages show them. */

/** "134,217,728" */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const MIB = 1024 * 1024;

/** "134,217,728 bytes (128 MiB)", "268,435,457 bytes (256.0 MiB)", or "1,024 bytes" below a MiB. */
export function bytesWithMiB(bytes: number): string {
  if (bytes < MIB) return `${groupDigits(bytes)} bytes`;
  const mib = bytes / MIB;
  return `${groupDigits(bytes)} bytes (${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB)`;
}
