/**
 * The bench's workspace folders: generated products written as files before any host starts.
 *
 * - `main/` holds one product per size, for the board, editor, roadmap and memory measurements.
 * - `open-<n>/` holds identical copies of the n-story product under different ids, one per "open"
 *   run, so that every run opens a file the host has not opened (and cached) before, and a host
 *   only ever holds products of one size.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateProduct } from '../generate/generateProduct';
import { serializeProduct } from '../../../src/shared/model/productFile';

export const BENCH_SEED = 20_260_105;

export interface BenchProduct {
  stories: number;
  id: string;
  /** The file text, exactly as the app would write it. */
  text: string;
}

export interface OpenFolder {
  folder: string;
  /** Ids of the copies, one per run. */
  ids: string[];
}

export interface BenchWorkspace {
  mainFolder: string;
  products: Map<number, BenchProduct>;
  openFolders: Map<number, OpenFolder>;
  cleanup(): void;
}

/** The text of a product under another id (the product id is the first `"id"` key of the file). */
export function withProductId(text: string, fromId: string, toId: string): string {
  const from = `"id": "${fromId}"`;
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`The product text has no id "${fromId}".`);
  return `${text.slice(0, at)}"id": "${toId}"${text.slice(at + from.length)}`;
}

export function productFileName(id: string): string {
  return `${id}.product.json`;
}

export function createBenchWorkspace(sizes: readonly number[], openRuns: number): BenchWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'pm-bench-'));
  const mainFolder = join(root, 'main');
  mkdirSync(mainFolder);
  const products = new Map<number, BenchProduct>();
  const openFolders = new Map<number, OpenFolder>();
  for (const stories of sizes) {
    const product = generateProduct({ stories, seed: BENCH_SEED });
    const text = serializeProduct(product);
    products.set(stories, { stories, id: product.id, text });
    writeFileSync(join(mainFolder, productFileName(product.id)), text);
    const folder = join(root, `open-${stories}`);
    mkdirSync(folder);
    const ids: string[] = [];
    for (let run = 1; run <= openRuns; run += 1) {
      const id = `${product.id}-open-${run}`;
      writeFileSync(join(folder, productFileName(id)), withProductId(text, product.id, id));
      ids.push(id);
    }
    openFolders.set(stories, { folder, ids });
  }
  return { mainFolder, products, openFolders, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
