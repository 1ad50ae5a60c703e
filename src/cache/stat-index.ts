import { rmSync } from 'node:fs';
import path from 'node:path';
import type { ListedFile } from '../load/source-files.js';
import { forEachJsonLine, writeJsonLines } from './lines-file.js';

/**
 * Content keys remembered by file metadata, so an unchanged file is neither read nor hashed: the
 * same path with the same size, modification and change times and inode has the same bytes. Like
 * git's index, an entry is only trusted when the file's times are older than the moment the entry
 * was saved by a safe margin, so a file written again within the same clock tick is still read.
 */
interface StatEntry {
  stat: string;
  key: string;
}

/**
 * The generator's key as a JSON string on the first line, then `[name, stat, key]` a line: read and
 * written a line at a time (see lines-file.ts). `stats.json`, one JSON document, was its old form.
 */
const FILE = 'stats.ndjson';
const OLD_FILE = 'stats.json';
/** Files changed this recently before the index was saved are read again next time. */
const RACY_MS = 3000;

/** The content key holds the path as shown (relative to the working folder), so both name an entry. */
function entryName(f: ListedFile): string {
  return `${f.full}\0${f.file}`;
}

function statId(f: ListedFile): string {
  return `${f.stat.size}:${f.stat.mtimeMs}:${f.stat.ctimeMs}:${f.stat.ino}`;
}

export class StatIndex {
  private readonly previous: Map<string, StatEntry>;
  private readonly current = new Map<string, StatEntry>();

  /** `generator` is part of every content key: an index saved by another generator is not used. */
  constructor(private readonly dir: string, private readonly generator: string) {
    this.previous = new Map();
    try {
      let first = true;
      forEachJsonLine(path.join(dir, FILE), (value) => {
        if (first) return (first = false), value === generator; // another generator's keys are of no use
        const [name, stat, key] = value as [string, string, string];
        this.previous.set(name, { stat, key });
      });
    } catch {
      this.previous.clear(); // no index yet, or a damaged one: every file is read
    }
  }

  /** The content key of an unchanged file, or undefined when it must be read. */
  keyOf(f: ListedFile): string | undefined {
    const e = this.previous.get(entryName(f));
    return e && e.stat === statId(f) ? e.key : undefined;
  }

  remember(f: ListedFile, key: string): void {
    this.current.set(entryName(f), { stat: statId(f), key });
  }

  /** Saves the files seen this build, except those too recently changed to be trusted, and forgets them. */
  save(now = Date.now()): void {
    writeJsonLines(path.join(this.dir, FILE), this.trustedLines(now));
    rmSync(path.join(this.dir, OLD_FILE), { force: true });
    // Saving is its last use: a build holds its scan (and so this index) until loading ends.
    this.previous.clear();
    this.current.clear();
  }

  private *trustedLines(now: number): Generator<unknown> {
    yield this.generator;
    for (const [name, e] of this.current) {
      const [, mtime, ctime] = e.stat.split(':').map(Number);
      if (Math.max(mtime!, ctime!) < now - RACY_MS) yield [name, e.stat, e.key];
    }
  }
}
