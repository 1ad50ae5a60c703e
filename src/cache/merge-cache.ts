import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { hasRecordIndex, loadRecordIndex, saveRecordIndex } from './record-index.js';

export interface CacheMerge {
  /** Records this cache did not have, now added with their bodies. */
  added: number;
  /** Records it had already. */
  known: number;
  /** Sources that hold no cache (not a `--cache-dir` of a build or a shard): then nothing is merged. */
  missing: string[];
}

/**
 * The cache folders under a `--cache-dir`: one per output folder it was used for, or the folder
 * itself when it is one of those.
 */
export function cacheFoldersIn(root: string): string[] {
  if (hasRecordIndex(root)) return [root];
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && hasRecordIndex(path.join(root, e.name)))
    .map((e) => path.join(root, e.name));
}

/**
 * Adds other caches' parsed records and their bodies (each shard's cache, parsed on another
 * machine by `build --shard K/N`) to the cache in `dir`. A record is found by its content key,
 * which holds the generator, the file's path as shown and its bytes, so a record made anywhere is
 * used only by a build that reads the same bytes under the same path with the same generator.
 */
export function mergeCaches(dir: string, sources: readonly string[]): CacheMerge {
  const folders = sources.map(cacheFoldersIn);
  const missing = sources.filter((_, i) => folders[i]!.length === 0);
  const merge: CacheMerge = { added: 0, known: 0, missing };
  if (missing.length > 0) return merge;
  mkdirSync(dir, { recursive: true });
  const index = loadRecordIndex(dir);
  const packs = new Set(readdirSync(dir).filter((f) => f.endsWith('.pack')));
  for (const folder of folders.flat()) {
    if (path.resolve(folder) === path.resolve(dir)) continue;
    // A pack is copied once, the first time one of its records is new here, under a name not taken.
    const copied = new Map<string, string>();
    for (const [key, entry] of loadRecordIndex(folder)) {
      if (index.has(key)) {
        merge.known++;
        continue;
      }
      let name = copied.get(entry.body.pack);
      if (name === undefined) {
        name = packs.has(entry.body.pack) ? `${entry.body.pack.slice(0, -'.pack'.length)}-${randomBytes(4).toString('hex')}.pack` : entry.body.pack;
        copyFileSync(path.join(folder, entry.body.pack), path.join(dir, name));
        packs.add(name);
        copied.set(entry.body.pack, name);
      }
      index.set(key, { record: entry.record, body: { ...entry.body, pack: name } });
      merge.added++;
    }
  }
  if (merge.added > 0) saveRecordIndex(dir, index);
  return merge;
}
