/**
 * Bytes to text with the platform's WHATWG `TextDecoder` (the same in browsers, workers and Node):
 * strict UTF-8 first; if the bytes are not valid UTF-8 (a file Excel saved as "CSV" on Windows), as
 * Windows-1252, and the preview says so. A UTF-8 byte-order mark is removed.
 */
import type { TextEncodingName } from './types';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** The file started with a UTF-8 byte-order mark (Excel's "CSV UTF-8" does this). */
  hadBom: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function startsWithBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

/**
 * Windows-1252's characters for bytes 0x80–0x9F (WHATWG Encoding), keyed by the C1 control code
 * point a Latin-1 reading gives them. Node 20's `TextDecoder('windows-1252')` takes a Latin-1 fast
 * path and returns those control characters (nodejs/node#56542); browsers decode correctly, and
 * then there is nothing left to fix. The five bytes Windows-1252 leaves undefined stay as they are.
 */
const WINDOWS_1252_C1: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž',
  0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0)] ?? c);
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  const hadBom = startsWithBom(bytes);
  const body = hadBom ? bytes.subarray(3) : bytes;
  try {
    // ignoreBOM: true, because the mark was already removed above and a second one is content.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { text, encoding: 'utf-8', hadBom };
  } catch {
    // Every byte has a meaning in Windows-1252, so this never fails.
    return { text: decodeWindows1252(body), encoding: 'windows-1252', hadBom };
  }
}

/** Text handed over as a string (pasted, or already decoded): only the byte-order mark goes. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** What the preview says about how the file was read. */
export function describeEncoding(encoding: TextEncodingName | null): string | null {
  if (encoding === 'windows-1252') return 'The file is not valid UTF-8, so it was decoded as Windows-1252 (the encoding Excel uses on Windows). Check that accented letters look right.';
  return null;
}
