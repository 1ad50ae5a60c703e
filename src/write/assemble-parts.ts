import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { folderId, MANIFEST, readManifest, writeManifest } from './incremental-writer.js';
import { checkRelativePath } from './writer.js';

/**
 * A build split over machines renders its pages in parts (`build --page-shard K/N`), each into its
 * own output folder, and one build puts the parts together (`--pages-from`). Each part leaves the
 * keys of the files it wrote in its folder, under this name, for that build.
 */
export const PART_RECORD = '.news-archive-part.ndjson';

/** After a page shard's build: its record (the manifest the build saved in its cache) into its output folder. */
export function savePartRecord(cacheDir: string, outDir: string): void {
  copyFileSync(path.join(cacheDir, MANIFEST), path.join(outDir, PART_RECORD));
}

export interface Assembled {
  /** The parts put together, beside the output folder; swapped in for it once the build succeeds. */
  folder: string;
  files: number;
}

/**
 * Puts the parts' files together in a new folder beside the output folder (hard links where the file
 * system allows, copies where not) and records that folder in the cache as if a build had written
 * it, keys included. The build that follows is then an incremental one on that folder: every page a
 * part rendered under the key this build finds for it is kept, and so is every search shard a part
 * indexed, so only what is left is made (the site-wide files, and any page no part had or whose key
 * differs: a part made from other input is simply not used). A file two parts have comes from the first.
 */
export function assembleParts(outDir: string, cacheDir: string, parts: readonly string[]): Assembled | { problem: string } {
  const missing = parts.filter((p) => !existsSync(path.join(p, PART_RECORD)));
  if (missing.length > 0) return { problem: `${missing.join(', ')} is not the output folder of a "build --page-shard K/N" run` };
  const out = path.resolve(outDir);
  const folder = path.join(path.dirname(out), `.${path.basename(out)}.staging-parts-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(folder, { recursive: true });
  const files = new Map<string, string>();
  let records: Record<string, unknown> = {};
  const madeDirs = new Set<string>();
  for (const part of parts) {
    const manifest = readManifest(path.join(part, PART_RECORD));
    if (!manifest) continue;
    records = mergeRecords(records, manifest.records ?? {});
    for (const [rel, key] of manifest.files) {
      if (files.has(checkRelativePath(rel))) continue;
      const from = path.join(part, rel);
      // A part is another machine's output: only its regular files are taken, never a link to elsewhere.
      if (!lstatSync(from, { throwIfNoEntry: false })?.isFile()) {
        rmSync(folder, { recursive: true, force: true });
        return { problem: `${from} is in the part's record but is not a regular file there` };
      }
      const to = path.join(folder, rel);
      const dir = path.dirname(to);
      if (!madeDirs.has(dir)) mkdirSync(dir, { recursive: true }), madeDirs.add(dir);
      try {
        linkSync(from, to);
      } catch {
        copyFileSync(from, to); // another file system (or no hard links): a copy
      }
      files.set(rel, key);
    }
  }
  mkdirSync(cacheDir, { recursive: true });
  writeManifest(cacheDir, { outId: folderId(folder)!, files, records });
  return { folder, files: files.size };
}

/**
 * The parts' small records (the search index's: every page indexed and its hash), joined: objects
 * member by member, anything else from the first part that has it.
 */
function mergeRecords(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...a };
  for (const [name, value] of Object.entries(b)) {
    const mine = merged[name];
    const objects = [mine, value].every((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
    merged[name] = objects ? mergeRecords(mine as Record<string, unknown>, value as Record<string, unknown>) : (mine ?? value);
  }
  return merged;
}
