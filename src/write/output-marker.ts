import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A file every output folder this generator writes holds at its top, so a later build knows the
 * folder is its own to replace. A build replaces its output folder whole; without the mark,
 * `--out docs` or `--out public` pointed at a folder of the user's own files deleted them. The same
 * idea as Sphinx's `.buildinfo`. Dot-named, so `ls` and file browsers do not show it; it holds only the
 * sentence below, so a host that serves it publishes nothing else.
 */
export const OUTPUT_MARKER = '.news-archive';

const MARKER_TEXT =
  'This folder is a site built by news-archive. Every build replaces it whole: keep no files of your own here.\n';

/** Puts the mark in `dir` (a folder about to become, or being, an output folder). */
export function markOutput(dir: string): void {
  const file = path.join(dir, OUTPUT_MARKER);
  if (!existsSync(file)) writeFileSync(file, MARKER_TEXT);
}

const FOLDER_VIEW_FILES = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/** What an existing folder holds, as far as replacing it goes. */
export type FolderContents =
  /** `empty`: nothing in it, or only what a file browser leaves there (`.DS_Store`). */
  | { kind: 'absent' | 'empty' | 'marked' }
  /** The first three of its entries (a file browser's own left out), sorted; `count` is how many there are in all. */
  | { kind: 'unmarked'; sample: string[]; count: number };

/** Whether `dir` may be replaced by a build: missing, empty, or marked as an earlier build's output. */
export function folderContents(dir: string): FolderContents {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    throw err;
  }
  if (names.includes(OUTPUT_MARKER)) return { kind: 'marked' };
  // What a file browser leaves in any folder it showed (macOS Finder, Windows Explorer) is nobody's work.
  names = names.filter((n) => !FOLDER_VIEW_FILES.has(n));
  if (names.length === 0) return { kind: 'empty' };
  names.sort();
  return { kind: 'unmarked', sample: names.slice(0, 3), count: names.length };
}
