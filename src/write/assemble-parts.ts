import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import { folderId, MANIFEST, readManifest, rebindManifest, writeManifest, type Manifest } from './incremental-writer.js';
import { stagingPrefixOf } from './build-lock.js';
import { swapIn } from './disk-writer.js';
import { checkRelativePath } from './writer.js';

/**
 * A build split over machines renders its pages in parts (`build --page-shard K/N`), each into its
 * own output folder, and one build puts the parts together (`--pages-from`). Each part leaves the
 * keys of the files it wrote in its folder, under this name, for that build.
 */
export const PART_RECORD = '.news-archive-part.ndjson';

/**
 * After a page shard's build: its record (the manifest the build saved in its cache) into its output
 * folder, and the folder recorded again as it now is, so the part's next build there is incremental.
 */
export function savePartRecord(cacheDir: string, outDir: string): void {
  copyFileSync(path.join(cacheDir, MANIFEST), path.join(outDir, PART_RECORD));
  rebindManifest(cacheDir, outDir);
}

export interface Assembled {
  /** The parts put together, beside the output folder; swapped in for it once the build succeeds. */
  folder: string;
  /** The record of that folder, for the build's writer (the cache's own record is left as it is). */
  manifest: string;
  files: number;
}

/**
 * Puts the parts' files together in a new folder beside the output folder (hard links where the file
 * system allows, copies where not) and records that folder as if a build had written it, keys
 * included. The build that follows is then an incremental one on that folder: every page a part
 * rendered under the key this build finds for it is kept as it is (a part's files are trusted like
 * the output folder's own), and so is every search shard a part indexed; only what is left is made
 * (the site-wide files, and any page no part had or whose key differs: a part made from other input
 * is simply not used). A file two parts have comes from the first. Nothing is left behind on failure.
 */
export function assembleParts(outDir: string, parts: readonly string[]): Assembled | { problem: string } {
  const missing = parts.filter((p) => !existsSync(path.join(p, PART_RECORD)));
  if (missing.length > 0) return { problem: `${missing.join(', ')} is not the output folder of a "build --page-shard K/N" run` };
  const folder = `${stagingPrefixOf(outDir)}parts-${process.pid}-${randomBytes(4).toString('hex')}`;
  const manifest = `${folder}.ndjson`;
  const files = new Map<string, string>();
  const records: Record<string, unknown>[] = [];
  let part = '';
  try {
    mkdirSync(folder, { recursive: true });
    const madeDirs = new Set<string>();
    for (part of parts) {
      const record = readManifest(path.join(part, PART_RECORD));
      records.push(record?.records ?? {});
      const root = realpathSync(part) + path.sep;
      for (const [rel, key] of record?.files ?? []) {
        if (files.has(checkRelativePath(rel))) continue;
        const from = path.join(part, rel);
        // A part is another machine's output: only its own regular files are taken, never a link (to a file or a folder) out of it.
        const stat = lstatSync(from, { throwIfNoEntry: false });
        if (!stat) throw new Error(`${rel} is in its record but not in the folder`);
        if (!stat.isFile() || !realpathSync(from).startsWith(root)) throw new Error(`${rel} is not a file of the folder itself (a link?)`);
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
    writeManifest(manifest, { outId: folderId(folder)!, files, records: joinRecords(records) } satisfies Manifest);
  } catch (err) {
    discardAssembled({ folder, manifest });
    return { problem: `${part}: ${err instanceof Error ? err.message : String(err)}` };
  }
  return { folder, manifest, files: files.size };
}

/** After the build on the parts put together succeeded: they become the output folder, and the cache records it. */
export async function installAssembled(assembled: Assembled, outDir: string, cacheDir: string): Promise<void> {
  await swapIn(assembled.folder, outDir);
  rebindManifest(cacheDir, outDir);
  discardAssembled(assembled);
}

/** Removes the parts put together, after a build on them failed (or after they were swapped in: the record alone). */
export function discardAssembled(assembled: Pick<Assembled, 'folder' | 'manifest'>): void {
  rmSync(assembled.folder, { recursive: true, force: true });
  rmSync(assembled.manifest, { force: true });
}

/**
 * The parts' small records (the search index's: every page indexed, with its hash), joined member by
 * member. A record some part lacks is left out altogether: a part built without search recorded no
 * page as indexed, and its pages must be indexed now, not taken as opting out of search.
 */
function joinRecords(records: readonly Record<string, unknown>[]): Record<string, unknown> {
  const names = Object.keys(records[0] ?? {}).filter((name) => records.every((r) => name in r));
  return Object.fromEntries(names.map((name) => [name, records.map((r) => r[name]).reduce(joinValues)]));
}

function joinValues(a: unknown, b: unknown): unknown {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(a) || !isObject(b)) return a;
  const joined: Record<string, unknown> = { ...a };
  for (const [name, value] of Object.entries(b)) joined[name] = name in joined ? joinValues(joined[name], value) : value;
  return joined;
}
