/** Messages between the backlog and the duplicate-search Web Worker (plain, structured-cloneable data). */

/** What the duplicate search reads of a story. */
export interface StoryText {
  id: string;
  title: string;
  iWant: string;
}

export interface DuplicatesRequest {
  id: number;
  stories: StoryText[];
}

export type DuplicatesResponse = { id: number; groups: [string, string[]][] } | { id: number; error: string };
