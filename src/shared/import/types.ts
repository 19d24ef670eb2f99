/**
 * What every importer (Jira CSV, Trello JSON, generic CSV) produces: a proposal that nothing has
 * been written from yet. The preview shows it; `buildImportedProduct` / `importIntoProductEdit`
 * turn it into a product or one undoable edit.
 */
import type { ColumnCategory, Epic, Story } from '../model/schema';

export type ImportSource = 'jira' | 'trello' | 'csv';

/** How the file's bytes were read. `null` for JSON text handed over as a string. */
export type TextEncodingName = 'utf-8' | 'windows-1252';

/** A status (Jira), list (Trello) or status cell value (CSV) that stories are in. */
export interface SourceStatus {
  /** The name as the source writes it; the key of the status mapping. */
  name: string;
  /** What the status means for progress, guessed from the source (Jira's status category) or the name. */
  category: ColumnCategory;
  /** How many imported stories are in it. */
  count: number;
  /** The source itself said the status is closed (an archived Trello list). */
  closed: boolean;
}

export interface ImportedStory {
  /** A story valid per `StorySchema`; `status` is a placeholder until the status mapping is applied. */
  story: Story;
  /** The name of the story's `SourceStatus`. */
  sourceStatus: string;
  /** The source's own ordering (a valid rank kept from our CSV export), or null to rank by position. */
  keepRank: boolean;
}

/** A row or card that was not imported, and why. */
export interface SkippedRow {
  /** The spreadsheet row (header = row 1) or null for JSON sources. */
  row: number | null;
  /** What the person recognises it by: an issue key, a card name. */
  ref: string;
  reason: string;
}

export interface ImportCounts {
  /** Data rows / cards read from the file (blank rows not included). */
  read: number;
  stories: number;
  epics: number;
  skipped: number;
  /** Empty or comma-only rows, ignored. */
  blankRows: number;
}

export interface ImportResult {
  source: ImportSource;
  /** A name for a new product: the Jira project, the Trello board, or the file name. */
  suggestedName: string;
  encoding: TextEncodingName | null;
  /** Statuses / lists in source order; each one becomes a column or maps to an existing one. */
  statuses: SourceStatus[];
  /** Epics to add, valid per `EpicSchema`, in the source's order. */
  epics: Epic[];
  /** Stories to add in the source's order (the order becomes their ranks). */
  stories: ImportedStory[];
  skipped: SkippedRow[];
  warnings: string[];
  counts: ImportCounts;
}

/** Thrown when a file cannot be imported at all (not a CSV with a header, not a Trello board). */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
