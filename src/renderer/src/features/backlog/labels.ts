/** Labels typed as "a, b, a" → ["a", "b"]. */
export function parseLabels(text: string): string[] {
  const labels = text
    .split(',')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  return [...new Set(labels)];
}
