/** The messages between the import dialog and the import Web Worker (plain, structured-cloneable data). */
import type { FieldMapping } from '../../../../shared/import/csvFields';
import type { ImportPreview } from '../../../../shared/import/readImportFile';
import type { StatusMapping } from '../../../../shared/import/statusColumns';
import type { TrelloOptions } from '../../../../shared/import/trello';
import type { ImportResult } from '../../../../shared/import/types';
import type { Product } from '../../../../shared/model/schema';

export interface ReadOptions {
  /** Read a CSV as this kind instead of the detected one. */
  kind: 'jira' | 'csv' | null;
  trello: TrelloOptions;
  mapping: FieldMapping | null;
}

export type WorkerRequest =
  | { id: number; type: 'read'; fileName: string; bytes: ArrayBuffer; options: ReadOptions }
  | { id: number; type: 'build'; result: ImportResult; name: string; mapping: StatusMapping };

export type WorkerResponse =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'read'; preview: ImportPreview }
  | { id: number; type: 'build'; product: Product }
  | { id: number; type: 'error'; message: string };
