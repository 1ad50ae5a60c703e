import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Makes folders for files written one after another, each with a single `mkdir`. A recursive
 * `mkdir` of a page's folder whose day folder does not exist yet first fails on the page folder
 * (ENOENT), then makes the parents, then the page folder again: about half of all `mkdir` calls of
 * a cold build failed that way. Parents are made first here, and folders made (or found) are
 * remembered, so each folder costs about one call per thread.
 *
 * What is remembered is bounded: pages are written in date order, so only recent folders are asked
 * for again, and a set of every page folder of the build (each page has its own) grew each render
 * thread's heap by tens of megabytes at 100,000 articles. Forgetting a folder costs one failing
 * `mkdir` if it is asked for again, never a wrong answer.
 */
export class FolderMaker {
  private readonly made = new Set<string>();

  constructor(private readonly remember = 4096) {}

  /** How many folders are remembered now. */
  get remembered(): number {
    return this.made.size;
  }

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
    if (this.made.size >= this.remember) this.made.clear();
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
