import { createHash } from 'node:crypto';
import { mkdir, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { markOutput } from './output-marker.js';
import { checkRelativePath, type Writer } from './writer.js';

export interface SyncChanges {
  /** Files written because they are new or their bytes changed, relative to the output folder. */
  written: string[];
  /** Files of the previous build that this build no longer produces. */
  removed: string[];
}

function digest(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('base64');
}

/**
 * The dev server's writer: reusable across builds, it holds a build in memory and on `commit`
 * writes only the files whose bytes changed since the last commit and deletes the ones no longer
 * produced. A build that fails before `commit` leaves the folder as it was. Not for `build`: there
 * the atomic `DiskWriter` swaps in a complete new folder instead.
 */
export class SyncWriter implements Writer {
  /** What is on disk now: relative path → content hash. Empty until the first commit, which clears the folder. */
  private onDisk: Map<string, string> | undefined;
  private staged = new Map<string, string | Uint8Array>();
  lastChanges: SyncChanges = { written: [], removed: [] };

  constructor(
    readonly outDir: string,
    /** Applied to each file before it is compared and written (the dev server's HTML script tag). */
    private readonly transform: (relativePath: string, data: string | Uint8Array) => string | Uint8Array = (_, d) => d,
  ) {}

  async write(relativePath: string, data: string | Uint8Array): Promise<void> {
    const rel = checkRelativePath(relativePath);
    this.staged.set(rel, this.transform(rel, data));
  }

  async commit(): Promise<void> {
    const staged = this.staged;
    this.staged = new Map();
    if (this.onDisk === undefined) {
      // Whatever an earlier session left there is unknown: start from an empty folder.
      await rm(this.outDir, { recursive: true, force: true });
      await mkdir(this.outDir, { recursive: true });
      markOutput(this.outDir);
      this.onDisk = new Map();
    }
    const written: string[] = [];
    const madeDirs = new Set<string>();
    for (const [rel, data] of staged) {
      const hash = digest(data);
      if (this.onDisk.get(rel) === hash) continue;
      const full = path.join(this.outDir, rel);
      const dir = path.dirname(full);
      if (!madeDirs.has(dir)) {
        await mkdir(dir, { recursive: true });
        madeDirs.add(dir);
      }
      await writeFile(full, data);
      this.onDisk.set(rel, hash);
      written.push(rel);
    }
    const removed: string[] = [];
    for (const rel of [...this.onDisk.keys()]) {
      if (staged.has(rel)) continue;
      await unlink(path.join(this.outDir, rel)).catch(() => undefined);
      this.onDisk.delete(rel);
      removed.push(rel);
    }
    this.lastChanges = { written, removed };
  }

  async abort(): Promise<void> {
    this.staged = new Map();
    this.lastChanges = { written: [], removed: [] };
  }
}
