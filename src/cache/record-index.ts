import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { forEachJsonLine, writeJsonLines } from './lines-file.js';
import path from 'node:path';
import type { BodyRef } from './body-store.js';
import type { ParsedRecord } from '../parallel/parse-task.js';

/** What the cache keeps per article file: its parsed record and where its body lies. */
export interface CachedParse {
  record: ParsedRecord;
  body: BodyRef;
}

/**
 * One `[contentKey, {record, body}]` JSON array per line. Lines, not one JSON document, so the index
 * is read and written an entry at a time: at 100,000 articles the whole index as one string is
 * 80–170 MB of heap on top of the records themselves, at the build's busiest moment.
 */
const INDEX = 'records.ndjson';

/** Whether a build has saved an index here: without one every file is parsed, so none need hashing first. */
export function hasRecordIndex(dir: string): boolean {
  return existsSync(path.join(dir, INDEX));
}

/**
 * Cached parses by content key; entries whose body is not all there (its pack file gone, or cut
 * short: a full disk, a copy interrupted) are dropped, and their files parsed again. A body past a
 * pack's end used to fail every later build, in the middle of rendering, until the cache was deleted.
 */
export function loadRecordIndex(dir: string): Map<string, CachedParse> {
  const file = path.join(dir, INDEX);
  if (!existsSync(file)) return new Map();
  try {
    const packSizes = new Map(readdirSync(dir).filter((f) => f.endsWith('.pack')).map((f) => [f, statSync(path.join(dir, f)).size]));
    const index = new Map<string, CachedParse>();
    forEachJsonLine(file, (value) => {
      const [key, entry] = value as [string, CachedParse];
      const size = packSizes.get(entry.body.pack);
      if (size !== undefined && entry.body.offset + entry.body.length <= size) index.set(key, entry);
    });
    return index;
  } catch {
    return new Map(); // a damaged index only costs a cold build
  }
}

/**
 * Saves the index of the files this build saw (so the cache does not grow with deleted files),
 * atomically, and deletes pack files no entry points into any more.
 */
export function saveRecordIndex(dir: string, entries: Map<string, CachedParse>): void {
  writeJsonLines(path.join(dir, INDEX), entries);
  const live = new Set([...entries.values()].map((e) => e.body.pack));
  for (const f of readdirSync(dir)) if (f.endsWith('.pack') && !live.has(f)) rmSync(path.join(dir, f), { force: true });
}
