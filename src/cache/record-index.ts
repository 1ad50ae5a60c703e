import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BodyRef } from './body-store.js';
import type { ParsedRecord } from '../parallel/parse-task.js';

/** What the cache keeps per article file: its parsed record and where its body lies. */
export interface CachedParse {
  record: ParsedRecord;
  body: BodyRef;
}

const INDEX = 'records.json';

/** Cached parses by content key; entries whose pack file has gone are dropped (they are parsed again). */
export function loadRecordIndex(dir: string): Map<string, CachedParse> {
  const file = path.join(dir, INDEX);
  if (!existsSync(file)) return new Map();
  try {
    const entries = JSON.parse(readFileSync(file, 'utf8')) as [string, CachedParse][];
    const packs = new Set(readdirSync(dir).filter((f) => f.endsWith('.pack')));
    return new Map(entries.filter(([, v]) => packs.has(v.body.pack)));
  } catch {
    return new Map(); // a damaged index only costs a cold build
  }
}

/**
 * Saves the index of the files this build saw (so the cache does not grow with deleted files),
 * atomically, and deletes pack files no entry points into any more.
 */
export function saveRecordIndex(dir: string, entries: Map<string, CachedParse>): void {
  const file = path.join(dir, INDEX);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify([...entries]));
  renameSync(tmp, file);
  const live = new Set([...entries.values()].map((e) => e.body.pack));
  for (const f of readdirSync(dir)) if (f.endsWith('.pack') && !live.has(f)) rmSync(path.join(dir, f), { force: true });
}
