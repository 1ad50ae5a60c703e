import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Makes folders for files written one after another, each with a single `mkdir`. A recursive
 * `mkdir` of a page's folder whose day folder does not exist yet first fails on the page folder
 * (ENOENT), then makes the parents, then the page folder again: about half of all `mkdir` calls of
 * a cold build failed that way. Parents are made first here, and every folder made (or found) is
 * remembered, so each folder costs one call per thread.
 */
export class FolderMaker {
  private readonly made = new Set<string>();

  /** Makes `dir` and any missing parents; a folder another thread made meanwhile is fine. */
  ensure(dir: string): void {
    if (this.made.has(dir)) return;
    const parent = path.dirname(dir);
    if (parent !== dir) this.ensure(parent);
    try {
      mkdirSync(dir);
    } catch (err) {
      // Made meanwhile by another thread, or a root that answers EISDIR (macOS) or EPERM (Windows).
      if (!isFolder(dir)) throw err;
    }
    this.made.add(dir);
  }

  /** Makes the folder `file` goes in. */
  ensureParent(file: string): void {
    this.ensure(path.dirname(file));
  }
}

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
