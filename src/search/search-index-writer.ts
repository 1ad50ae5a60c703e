import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Writer } from '../write/writer.js';
import { ShardPlan } from './shard-plan.js';

/** Where Pagefind's bundle (UI scripts, index chunks) goes under the output folder. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

/**
 * The list of shards the search page merges into the first one, under the bundle folder: a script,
 * loaded before the search page's own, so Pagefind's UI starts as the page loads, with no fetch first.
 */
export const SHARDS_FILE = 'shards.js';

/** Pages that opt in to search. Templates decide, with `data-pagefind-body` (articles only, in the shipped theme). */
const INDEXED_MARKER = 'data-pagefind-body';

/**
 * How many pages may be in Pagefind's queue at once: enough to hide the round trip, few enough to
 * bound memory. (Adding pages one at a time does not make Pagefind's filter and meta files
 * byte-stable: Pagefind writes them in hash-map order, upstream issue Pagefind/pagefind#638.)
 */
const MAX_IN_FLIGHT = 64;

/**
 * Pages per shard at most. Pagefind's process grows by about 0.2 MB per article page until the
 * index is written, so this bounds it near 400 MB whatever the archive's size; more shards cost
 * the reader one small entry and meta file each per search, and add near-match results.
 */
export const MAX_SHARD_PAGES = 2000;

/** Files of one index, as opposed to Pagefind's scripts, styles and WebAssembly, which every shard shares. */
const isIndexFile = (p: string) => p === 'pagefind-entry.json' || p.endsWith('.pf_meta') || /^(index|fragment|filter)\//.test(p);

export interface SearchOptions {
  /** Pages per shard at most (small in tests; see MAX_SHARD_PAGES). */
  maxShardPages?: number;
  /** Indexed pages per year folder (`2019` → 312), so shards end on year edges (see ShardPlan). */
  pagesPerYear?: Iterable<readonly [string, number]>;
}

interface Shard {
  name: string;
  index: PagefindIndex;
  pending: Set<Promise<void>>;
  errors: string[];
}

/**
 * A Writer that passes every file through to the real writer and feeds the HTML pages that opt in
 * to Pagefind as they are written, into one index per shard (see `ShardPlan`). When a shard is
 * complete its index is written through the same writer and deleted, so Pagefind's memory stays
 * bounded by one shard (two while one is written and the next fills). The first shard goes to
 * `pagefind/` with Pagefind's scripts, as a single index would; each later one to
 * `pagefind/<shard>/`, listed in `pagefind/shards.js` for the search page to merge. Everything
 * goes through the inner writer before its commit, so search is part of the atomic swap: if
 * indexing fails the build aborts and the previous output stays. Pages are indexed from memory,
 * so `MemoryWriter` works too.
 */
export class SearchIndexingWriter implements Writer {
  private readonly plan: ShardPlan;
  private shard: Shard | undefined;
  /** The previous shard being written while the current one fills. */
  private closing: Promise<void> = Promise.resolve();
  private failure: unknown;
  private readonly merged: string[] = [];
  private readonly rootFiles = new Set<string>();
  private finished = 0;
  private stopped = false;
  private indexed = 0;
  /** Pages to index, in the order they were written or kept: `add` runs one at a time. */
  private queue: Promise<void> = Promise.resolve();

  private constructor(private readonly inner: Writer, options: SearchOptions) {
    this.plan = new ShardPlan(options.maxShardPages ?? MAX_SHARD_PAGES, options.pagesPerYear);
  }

  static async wrap(inner: Writer, options: SearchOptions = {}): Promise<SearchIndexingWriter> {
    return new SearchIndexingWriter(inner, options);
  }

  /** Pages added to the index so far. */
  get pageCount(): number {
    return this.indexed;
  }

  /**
   * Every write to the inner writer, from the build and from a shard being written in the
   * background: after the first failure (or an abort) neither writes any more.
   */
  private async pass(relativePath: string, data: string | Uint8Array): Promise<void> {
    if (this.stopped) throw new Error(`search index: build stopped before ${relativePath} was written`);
    try {
      await this.inner.write(relativePath, data);
    } catch (err) {
      this.stopped = true;
      throw err;
    }
  }

  async write(relativePath: string, data: string | Uint8Array): Promise<void> {
    await this.pass(relativePath, data);
    await this.enqueue(relativePath, data);
  }

  // Incremental and parallel builds (see Writer): pages kept from the last build or written by worker
  // threads never pass through `write`, so they are read back from disk to be indexed all the same.
  get stagingDir(): string | undefined {
    return this.inner.stagingDir;
  }

  reuse(relativePath: string, key: () => string): boolean {
    const kept = this.inner.reuse?.(relativePath, key) ?? false;
    if (kept) this.enqueueFromDisk(relativePath, false);
    return kept;
  }

  adopt(relativePath: string, key: string | undefined, written: boolean): void {
    this.inner.adopt!(relativePath, key, written);
    this.enqueueFromDisk(relativePath, written);
  }

  previousKey(relativePath: string): string | undefined {
    return this.inner.previousKey?.(relativePath);
  }

  lastBuild(buildKey: string): unknown {
    return this.inner.lastBuild?.(buildKey);
  }

  recordBuild(buildKey: string, summary: unknown): void {
    this.inner.recordBuild?.(buildKey, summary);
  }

  /** A page written into the staging folder, or kept as it is in the output folder. */
  private enqueueFromDisk(relativePath: string, written: boolean): void {
    if (!relativePath.endsWith('.html')) return;
    const dir = written ? this.inner.stagingDir : this.inner.outDir;
    if (dir === undefined) throw new Error(`search index: cannot read back ${relativePath}`);
    void this.enqueue(relativePath, readFileSync(path.join(dir, relativePath), 'utf8')).catch(() => undefined);
  }

  /** Indexes pages one after another (a shard may have to be started or written between two). */
  private enqueue(relativePath: string, data: string | Uint8Array): Promise<void> {
    const next = this.queue.then(() => this.add(relativePath, data));
    this.queue = next.catch((err: unknown) => void (this.failure ??= err));
    return next;
  }

  private async add(relativePath: string, data: string | Uint8Array): Promise<void> {
    if (typeof data !== 'string' || !relativePath.endsWith('.html') || !data.includes(INDEXED_MARKER)) return;
    if (this.failure) throw this.failure;
    const { name, isNew } = this.plan.next(relativePath);
    if (isNew || !this.shard) await this.startShard(name);
    const shard = this.shard!;
    // Pagefind derives the page URL from `sourcePath` (`2025/07/04/x/index.html` → `/2025/07/04/x/`);
    // the search page's script adds the base path, so the index does not depend on where the site is served.
    const job: Promise<void> = shard.index
      .addHTMLFile({ sourcePath: relativePath, content: data })
      .then(
        (r) => {
          if (r.errors.length > 0) shard.errors.push(...r.errors.map((e) => `${relativePath}: ${e}`));
          else this.indexed++;
        },
        (err: unknown) => void shard.errors.push(`${relativePath}: ${String(err)}`),
      )
      .finally(() => shard.pending.delete(job));
    shard.pending.add(job);
    if (shard.pending.size >= MAX_IN_FLIGHT) await Promise.race(shard.pending);
  }

  /** Hands the current shard to be written (after the one before it) and opens a new index. */
  private async startShard(name: string): Promise<void> {
    const previous = this.shard;
    this.shard = undefined;
    if (previous) {
      await this.closing;
      if (this.failure) throw this.failure;
      this.closing = this.finish(previous).catch((err: unknown) => void (this.failure ??= err));
    }
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`search index: ${errors.join('; ') || 'Pagefind did not start'}`);
    this.shard = { name, index, pending: new Set(), errors: [] };
  }

  /** Writes a complete shard's index through the inner writer and frees it in Pagefind. */
  private async finish(shard: Shard): Promise<void> {
    try {
      await Promise.all(shard.pending);
      if (shard.errors.length > 0) throw new Error(`search index failed:\n${shard.errors.join('\n')}`);
      const { files, errors } = await shard.index.getFiles();
      if (errors.length > 0) throw new Error(`search index failed:\n${errors.join('\n')}`);
      const root = this.finished++ === 0;
      if (!root) this.merged.push(`${shard.name}/`);
      for (const f of files) {
        if (root || isIndexFile(f.path)) {
          await this.pass(`${SEARCH_BUNDLE_DIR}/${root ? '' : `${shard.name}/`}${f.path}`, f.content);
          if (root) this.rootFiles.add(f.path);
        } else if (f.path.startsWith('wasm.') && !this.rootFiles.has(f.path)) {
          // A later shard's language may need a WebAssembly file the first one did not.
          await this.pass(`${SEARCH_BUNDLE_DIR}/${f.path}`, f.content);
          this.rootFiles.add(f.path);
        }
      }
    } finally {
      await shard.index.deleteIndex();
    }
  }

  async commit(): Promise<void> {
    await this.queue;
    if (this.failure) throw this.failure;
    // With nothing indexed, an empty index still gives the search page its scripts.
    if (!this.shard && this.finished === 0) await this.startShard('pages');
    const last = this.shard!;
    this.shard = undefined;
    await this.closing;
    if (this.failure) throw this.failure;
    await this.finish(last);
    await this.pass(`${SEARCH_BUNDLE_DIR}/${SHARDS_FILE}`, `window.newsArchiveSearchShards = ${JSON.stringify(this.merged)};\n`);
    await this.inner.commit();
  }

  async abort(): Promise<void> {
    this.stopped = true;
    await this.queue;
    await this.closing;
    const shard = this.shard;
    this.shard = undefined;
    if (shard) {
      await Promise.allSettled(shard.pending);
      await shard.index.deleteIndex().catch(() => undefined);
    }
    await this.inner.abort();
  }
}
