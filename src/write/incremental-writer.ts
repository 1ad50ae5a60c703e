import { existsSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { sameBytes } from './same-bytes.js';
import { sha256 } from '../cache/keys.js';
import { forEachJsonLine, writeJsonLines } from '../cache/lines-file.js';
import { applyPatch, journalDirOf, rollBack } from './commit-journal.js';
import { DiskWriter } from './disk-writer.js';
import { folderContents, markOutput } from './output-marker.js';
import { checkRelativePath, type Writer } from './writer.js';

/**
 * What the last successful build wrote: every file's key, and which folder it wrote them into. On
 * disk, a first line with everything but the files, then one `[file, key]` line per file, read and
 * written a megabyte at a time: at 100,000 articles the file list is 19 MB, and made into one object
 * and one string at the end of a build it was the build's peak memory.
 */
export interface Manifest {
  /**
   * Identity of the output folder after the build (device, inode, birth and change times), so a folder
   * replaced or changed at its top by anyone else is rebuilt in full, not patched. Inode numbers alone
   * are reused when a folder is deleted and made again.
   */
  outId: string;
  files: Map<string, string>;
  /** The whole-build key and the build's summary, so an identical build can stop before rendering. */
  build?: { key: string; summary: unknown };
  /** Small records of wrappers (the search index's), by name: see `Writer.saveRecord`. */
  records?: Record<string, unknown>;
}

export const MANIFEST = 'pages.ndjson';
/** The record's name before it was written a line per file; removed when a build commits. */
const LEGACY_MANIFEST = 'pages.json';
const MAX_INFLIGHT = 32;

/**
 * Whether every one of `files` is in `dir`, checked at the start of every cached build: one `existsSync`
 * a file, 0.15–0.18 s for the 33,737 files of the 20,000-article minimal site here (0.17–0.24 s with a
 * `path.join` each), in a no-change rebuild of 1.1–1.5 s (`node scripts/output-check-timing.mjs <cache
 * dir> <output folder>`).
 */
export function everyFileIn(dir: string, files: Iterable<string>): boolean {
  // The paths are the manifest's, checked when written (`checkRelativePath`): joined as they are.
  const prefix = path.resolve(dir) + path.sep;
  for (const rel of files) if (!existsSync(prefix + rel)) return false;
  return true;
}

export function folderId(dir: string): string | undefined {
  try {
    const s = statSync(dir);
    return s.isDirectory() ? `${s.dev}:${s.ino}:${s.birthtimeMs}:${s.ctimeMs}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A `DiskWriter` that skips what has not changed. With no usable record of the previous build it
 * behaves exactly like `DiskWriter` (a whole new staging folder swapped in). With one, pages whose
 * key is unchanged are neither rendered nor written; changed files are staged, and on `commit` they
 * are moved into the output folder and files the site no longer has are moved out, under a journal
 * (see `commit-journal.ts`) that puts the previous output back if the patch fails or is killed.
 * The output folder is untouched until then, so a failed build leaves it as it was.
 */
export class IncrementalDiskWriter implements Writer {
  private readonly staging: DiskWriter;
  private readonly previous: Map<string, string> | undefined;
  private readonly previousBuild: Manifest['build'];
  private build: Manifest['build'];
  private readonly previousRecords: Manifest['records'];
  private readonly records: Record<string, unknown> = {};
  /** The previous build's grouped files by group, indexed on first use. */
  private groups: Map<string, string[]> | undefined;
  private readonly files = new Map<string, string>();
  private readonly staged: string[] = [];
  private readonly manifestFile: string;
  /** Writes in flight: rendering the next page overlaps writing the last ones. */
  private readonly inflight = new Set<Promise<void>>();
  private failure: unknown;

  /**
   * `previousManifest`: where the previous build's record is read from, when it is not the cache's
   * own (page shards put together are recorded beside them, so the cache's record of the output
   * folder stays as it was until this build succeeds).
   */
  constructor(readonly outDir: string, cacheDir: string, previousManifest?: string) {
    this.staging = new DiskWriter(outDir);
    this.manifestFile = path.join(cacheDir, MANIFEST);
    const recorded = this.readPrevious(previousManifest ?? this.manifestFile);
    // A file of the previous build missing from the folder (deleted by hand) would stay missing if its
    // page were kept, and with no change at all the build would stop before looking: such a folder is
    // no longer the one recorded, and the build makes the whole site again.
    const manifest = recorded && everyFileIn(outDir, recorded.files.keys()) ? recorded : undefined;
    this.previous = manifest?.files;
    this.previousBuild = manifest?.build;
    this.previousRecords = manifest?.records;
  }

  previousGroup(group: string): string[] {
    if (!this.groups) {
      this.groups = new Map();
      for (const [rel, key] of this.previous ?? []) {
        const end = key.indexOf('#');
        if (end < 0) continue;
        const g = key.slice(0, end);
        const list = this.groups.get(g);
        if (list) list.push(rel);
        else this.groups.set(g, [rel]);
      }
    }
    return this.groups.get(group) ?? [];
  }

  previousRecord(name: string): unknown {
    return this.previousRecords?.[name];
  }

  saveRecord(name: string, value: unknown): void {
    this.records[name] = value;
  }

  lastBuild(buildKey: string): unknown {
    return this.previousBuild?.key === buildKey ? this.previousBuild.summary : undefined;
  }

  recordBuild(buildKey: string, summary: unknown): void {
    this.build = { key: buildKey, summary };
  }

  /** True when this build only patches the previous output instead of replacing it. */
  get incremental(): boolean {
    return this.previous !== undefined;
  }

  private readPrevious(file: string): Manifest | undefined {
    if (!existsSync(file)) return undefined;
    try {
      // Another output folder's record (or an unreadable one) is no record.
      return readManifest(file, (head) => head.outId === folderId(this.outDir));
    } catch {
      return undefined;
    }
  }

  forgetPrevious(): void {
    rmSync(this.manifestFile, { force: true });
  }

  reuse(relativePath: string, key: () => string): boolean {
    const rel = checkRelativePath(relativePath);
    const k = key();
    this.files.set(rel, k);
    return this.previous?.get(rel) === k;
  }

  get stagingDir(): string {
    return this.staging.stagingDir;
  }

  previousKey(relativePath: string): string | undefined {
    return this.previous?.get(relativePath);
  }

  adopt(relativePath: string, key: string | undefined, written: boolean): void {
    const rel = checkRelativePath(relativePath);
    if (key !== undefined) this.files.set(rel, key);
    if (written) this.staged.push(rel);
  }

  async write(relativePath: string, data: string | Uint8Array): Promise<void> {
    const rel = checkRelativePath(relativePath);
    // Files written without a page key (articles.json, assets) are keyed by their bytes.
    let k = this.files.get(rel);
    if (k === undefined) this.files.set(rel, (k = `data:${sha256(data)}`));
    const before = this.previous?.get(rel);
    if (before === k) return;
    // A page with a new key but the same bytes stays where it is (see sameBytes). A file keyed by
    // its bytes (`data:`) whose key changed has changed.
    let bytes = data;
    if (before !== undefined && !k.startsWith('data:')) {
      bytes = typeof data === 'string' ? Buffer.from(data) : data; // encoded once, to compare and to write
      if (sameBytes(path.join(this.outDir, rel), bytes)) return;
    }
    if (this.failure) throw this.failure;
    const p = this.staging.write(rel, bytes).then(
      () => void this.inflight.delete(p),
      (err: unknown) => void ((this.failure ??= err), this.inflight.delete(p)),
    );
    this.inflight.add(p);
    this.staged.push(rel);
    if (this.inflight.size >= MAX_INFLIGHT) await Promise.race(this.inflight);
  }

  private async settle(): Promise<void> {
    await Promise.all(this.inflight);
    if (this.failure) throw this.failure;
  }

  async commit(): Promise<void> {
    await this.settle();
    if (!this.previous) {
      rmSync(this.manifestFile, { force: true });
      await this.staging.commit();
    } else {
      rmSync(this.manifestFile, { force: true });
      // Only what changed moves: staged files into place, files the site no longer has out. Kept
      // files are never touched, so the cost follows the change, not the size of the site.
      const out = path.resolve(this.outDir);
      const removed = [...this.previous.keys()].filter((rel) => !this.files.has(rel));
      const journalDir = journalDirOf(this.staging.stagingDir);
      try {
        applyPatch(out, this.staging.stagingDir, journalDir, { changed: this.staged, removed });
      } catch (err) {
        rollBack(journalDir);
        rmSync(journalDir, { recursive: true, force: true });
        await this.staging.abort();
        throw err;
      }
      await this.staging.abort();
      // The folder's identity changes with every patch, not only with one that adds or removes a file
      // at its top: another copy of the cache (an older one restored, a second --cache-dir) then no
      // longer matches it, and cannot have its stale pages kept as if they were still there.
      // Best effort: a folder whose times this user may not set (owned by another) keeps them, as before.
      const now = new Date();
      try {
        utimesSync(out, now, now);
      } catch {
        // the patch is in place either way
      }
    }
    writeManifest(this.manifestFile, { outId: folderId(this.outDir)!, build: this.build, records: this.records, files: this.files });
    rmSync(path.join(path.dirname(this.manifestFile), LEGACY_MANIFEST), { force: true });
  }

  async abort(): Promise<void> {
    await Promise.all(this.inflight);
    await this.staging.abort();
  }
}

/**
 * A manifest file as written. With `accept`, only a manifest whose head it accepts: the rest of the
 * file is not read otherwise (a build's own record of its output folder; `assemble-parts.ts` reads
 * parts' records whichever folder they were written for).
 */
export function readManifest(file: string, accept: (head: Omit<Manifest, 'files'>) => boolean = () => true): Manifest | undefined {
  let manifest: Manifest | undefined;
  let count: unknown;
  forEachJsonLine(file, (value) => {
    if (manifest) return void manifest.files.set(...(value as [string, string]));
    const { fileCount, ...head } = value as Omit<Manifest, 'files'> & { fileCount?: unknown };
    if (!accept(head)) return false;
    count = fileCount;
    manifest = { ...head, files: new Map() };
  });
  // A file cut short at a line's end reads as whole: without its count it would make a build think
  // the files it lost were never there, and leave them in the output folder for good.
  return manifest && manifest.files.size === count ? manifest : undefined;
}

/** Writes the record of an output folder to `file`, as a build that wrote it would have. */
export function writeManifest(file: string, manifest: Manifest): void {
  const { files, ...head } = manifest;
  writeJsonLines(file, manifestValues({ ...head, fileCount: files.size }, files));
}

/**
 * Whether the cache in `cacheDir` records `outDir` as the folder its last build wrote (its first line
 * only is read): an output folder made before outputs were marked is still known as a build's own.
 */
export function recordsOutput(cacheDir: string, outDir: string): boolean {
  const file = path.join(cacheDir, MANIFEST);
  const id = folderId(outDir);
  if (id === undefined || !existsSync(file)) return false;
  let recorded = false;
  try {
    forEachJsonLine(file, (head) => {
      recorded = (head as { outId?: unknown }).outId === id;
      return false;
    });
  } catch {
    return false;
  }
  return recorded;
}

/**
 * Marks an output folder written before outputs were marked (see output-marker.ts) that the cache in
 * `cacheDir` records as its last output, and records it again as it now is (the mark changes the
 * folder's identity, so the build stays incremental). Done once, before anything else can happen to the
 * folder: a patch that fails, or a build that forgets the cache's record, would otherwise leave a
 * folder that nothing says is a build's, and every later build would refuse it.
 */
export function markRecordedOutput(cacheDir: string, outDir: string): void {
  if (folderContents(outDir).kind !== 'unmarked' || !recordsOutput(cacheDir, outDir)) return;
  markOutput(outDir);
  rebindManifest(cacheDir, outDir);
}

/** After the output folder was put in place by a rename (which changes its identity), records it as the folder the manifest describes. */
export function rebindManifest(cacheDir: string, outDir: string): void {
  const file = path.join(cacheDir, MANIFEST);
  const manifest = readManifest(file);
  if (manifest) writeManifest(file, { ...manifest, outId: folderId(outDir)! });
}

function* manifestValues(head: Omit<Manifest, 'files'> & { fileCount: number }, files: Map<string, string>): Generator<unknown> {
  yield head;
  yield* files;
}
