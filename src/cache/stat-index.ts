import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ListedFile } from '../load/source-files.js';

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

interface SavedIndex {
  generator: string;
  entries: [string, StatEntry][];
}

const FILE = 'stats.json';
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
    let saved: SavedIndex | undefined;
    try {
      saved = JSON.parse(readFileSync(path.join(dir, FILE), 'utf8')) as SavedIndex;
    } catch {
      // no index yet, or a damaged one: every file is read
    }
    this.previous = new Map(saved?.generator === generator ? saved.entries : []);
  }

  /** The content key of an unchanged file, or undefined when it must be read. */
  keyOf(f: ListedFile): string | undefined {
    const e = this.previous.get(entryName(f));
    return e && e.stat === statId(f) ? e.key : undefined;
  }

  remember(f: ListedFile, key: string): void {
    this.current.set(entryName(f), { stat: statId(f), key });
  }

  /** Saves the files seen this build, except those too recently changed to be trusted. */
  save(now = Date.now()): void {
    const trusted = [...this.current].filter(([, e]) => {
      const [, mtime, ctime] = e.stat.split(':').map(Number);
      return Math.max(mtime!, ctime!) < now - RACY_MS;
    });
    const file = path.join(this.dir, FILE);
    const saved: SavedIndex = { generator: this.generator, entries: trusted };
    writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(saved));
    renameSync(`${file}.${process.pid}.tmp`, file);
  }
}
