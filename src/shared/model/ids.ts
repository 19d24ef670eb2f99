/** Id helpers. Ids are random so that two people editing copies of one file rarely collide. */

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A short random id with a readable prefix, e.g. `story-k3x9q2m1`. */
export function newId(prefix: string, random: () => number = Math.random): string {
  let out = '';
  for (let i = 0; i < 8; i += 1) out += ALPHABET[Math.floor(random() * ALPHABET.length)] ?? '0';
  return `${prefix}-${out}`;
}

/** Latin letters that Unicode does not decompose into a base letter and an accent. */
const LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** A product id (file stem) derived from a name: `"Civic Cloud!"` → `civic-cloud`. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => LETTERS[letter] ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '');
  return slug || 'product';
}

/**
 * The first of `base`, `base-2`, `base-3`, … that `taken` does not contain and `usable` accepts
 * (e.g. a product id that makes a portable file name).
 */
export function uniqueId(base: string, taken: ReadonlySet<string>, usable: (id: string) => boolean = () => true): string {
  if (!taken.has(base) && usable(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate) && usable(candidate)) return candidate;
  }
}
