/**
 * JSON text as pure ASCII: every character above U+007F written as a `\uXXXX` escape (a character
 * outside the BMP as its two escaped surrogates, as JSON allows). Parsing gives the same value.
 *
 * Why: a browser decodes an all-ASCII response body much faster than UTF-8 with a few non-ASCII
 * characters (a curly apostrophe is enough to make the whole body a two-byte string): the page
 * saves more time than the escaping costs here (README: Performance).
 */
const NON_ASCII = /[\u0080-\uffff]/g;

function escapeChar(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

export function asciiJson(json: string): string {
  return json.replace(NON_ASCII, escapeChar);
}

/** The bytes of a JSON text made ASCII-only (each character is one byte). */
export function asciiJsonBytes(json: string): Buffer {
  return Buffer.from(asciiJson(json), 'latin1');
}

/** The compact ASCII JSON of a JSON file's value (for any JSON text; null if it does not parse). */
export function compactAsciiJson(fileBytes: Uint8Array): Buffer | null {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(fileBytes));
  } catch {
    return null;
  }
  return asciiJsonBytes(JSON.stringify(value));
}
