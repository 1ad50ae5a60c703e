import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { OutputChangedError, type Writer } from '../write/writer.js';
import { sha256 } from '../cache/keys.js';
import { ShardPlan } from './shard-plan.js';
import { shardKey, type ShardPage } from './shard-key.js';
import { INDEXED_MARKER } from './marker.js';
import { searchProjection } from './search-projection.js';
import { DEFAULT_CONFIG } from '../load/config.js';

/** Where Pagefind's bundle (UI scripts, index chunks) goes under the output folder. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

/**
 * The list of shards the search page merges into the first one, under the bundle folder: a script,
 * loaded before the search page's own, so Pagefind's UI starts as the page loads, with no fetch first.
 */
export const SHARDS_FILE = 'shards.js';

/**
 * How many pages may be in Pagefind's queue at once: enough to hide the round trip, few enough to
 * bound memory. (Adding pages one at a time does not make Pagefind's filter and meta files
 * byte-stable: Pagefind writes them in hash-map order, upstream issue Pagefind/pagefind#638.)
 */
const MAX_IN_FLIGHT = 64;

/**
 * Pages per shard at most, unless the config says otherwise (`searchShardPages`). Pagefind's process
 * grows by about 0.2 MB per article page until the index is written, so this bounds it near 400 MB
 * whatever the archive's size; more shards cost the reader one small entry and meta file each per
 * search, and add near-match results.
 */
export const MAX_SHARD_PAGES = DEFAULT_CONFIG.searchShardPages;

/**
 * Pages handed over with new bytes (written, or staged by a render thread) and not yet indexed, at
 * most, before `drained` makes the build wait. Render threads write pages faster than Pagefind
 * indexes them: at 100,000 articles an unbounded queue held most of the archive's pages when
 * rendering ended. Enough to keep Pagefind busy. Pages kept from the previous build do not count:
 * each waits as its path only, and holding the build back behind them made a one-article rebuild
 * key its remaining pages only after Pagefind had indexed the changed shard, one after the other.
 */
const MAX_BACKLOG = 1024;

/** Files of one index, as opposed to Pagefind's scripts, styles and WebAssembly, which every shard shares. */
const isIndexFile = (p: string) => p === 'pagefind-entry.json' || p.endsWith('.pf_meta') || /^(index|fragment|filter)\//.test(p);

/** The search shards of a build with these options: the index's own, and the one page shards follow (see page-shard.ts). */
export function searchShardPlan(options: Pick<SearchOptions, 'maxShardPages' | 'pagesPerYear'>): ShardPlan {
  return new ShardPlan(options.maxShardPages ?? MAX_SHARD_PAGES, options.pagesPerYear);
}

export interface SearchOptions {
  /** Pages per shard at most (small in tests; see MAX_SHARD_PAGES). */
  maxShardPages?: number;
  /** Indexed pages per year folder (`2019` → 312), so shards end on year edges (see ShardPlan). */
  pagesPerYear?: Iterable<readonly [string, number]>;
  /** Told of each shard when it is done: whether the previous build's index files were kept (for tests). */
  onShard?: (name: string, kept: boolean) => void;
  /**
   * Called after each page is read for the index and each shard's file is written: the build's heap
   * pacer. Every page read back and sent to Pagefind leaves its HTML, its JSON and base64 copies
   * behind, and once rendering is over nothing else paces this thread's heap: at 100,000 articles
   * V8 let that garbage grow the process to 1.3 GB before a full collection.
   */
  pace?: () => void;
  /**
   * The build renders only some of the site's pages (`--page-shard`): a shard is the first one (with
   * Pagefind's scripts) when it is the whole site's first, and neither an empty index nor the list of
   * shards is written (the build that puts the parts together writes the list).
   */
  partial?: boolean;
}

interface Shard {
  name: string;
  /** The first shard, in `pagefind/` with Pagefind's scripts; the others are merged into it. */
  root: boolean;
  /** Its pages so far, in order: paths and hashes only, never their HTML. */
  pages: ShardPage[];
  /**
   * Pagefind's index, once the shard is being indexed. An incremental build opens it only when the
   * shard turns out to differ from the previous build's (see `SearchIndexingWriter`).
   */
  index: PagefindIndex | undefined;
  pending: Set<Promise<void>>;
  errors: string[];
}

/** A page for the index: its HTML in hand, or where to read it when it is needed. */
interface PageIn {
  path: string;
  html?: string;
  /** For pages not in hand: kept by the writer as they are in the output folder (same key, same bytes), or written into the staging folder. */
  on?: 'out' | 'staging';
  /** Told when the page is indexed (or has failed), for a caller that waits on it (`write`). */
  settled?: (err?: unknown) => void;
}

/** What the search index keeps with a build's keys (see `Writer.saveRecord`). */
interface SearchRecord {
  /**
   * Every page this build indexed, with the hash of its HTML: a page kept next time (same key, same
   * bytes) is known to be indexed, and by its hash, without being read; a page rendered again (its
   * key depends on its neighbours too) that comes out the same bytes leaves its shard unchanged.
   */
  indexed: Record<string, string>;
}
const RECORD = 'search';

/** A page's HTML, hashed short: 64 bits tell a changed page from an unchanged one, and keep the record small. */
const contentHash = (html: string) => sha256(html).slice(0, 16);

/**
 * A Writer that passes every file through to the real writer and feeds the HTML pages that opt in
 * to Pagefind, in the order they are written or kept, into one index per shard (see `ShardPlan`).
 * When a shard is complete its index is written through the same writer and deleted, so Pagefind's
 * memory stays bounded by one shard (two while one is written and the next fills). The first shard
 * goes to `pagefind/` with Pagefind's scripts, as a single index would; each later one to
 * `pagefind/<shard>/`, listed in `pagefind/shards.js` for the search page to merge. Everything goes
 * through the inner writer before its commit, so search is part of the atomic swap: if indexing
 * fails the build aborts and the previous output stays. Pages are indexed from memory, so
 * `MemoryWriter` works too.
 *
 * Incremental builds (a keyed inner writer that has the previous build's record): each shard's
 * files are kept under the key of its ordered pages and the hashes of their HTML (`shardKey`). Pages
 * kept from the previous build are only noted (path, and the hash recorded last time) and not read;
 * a page rendered again is hashed, and noted too if its bytes are the same as last time. A shard
 * whose key matches a shard of the previous build keeps that build's index files as they are
 * (`adopt`: left in place at commit), with no Pagefind work at all. A shard turns out different
 * either when a page with new bytes arrives (from then on it is indexed as it streams, after the
 * pages noted before it, read back from the output folder in their order) or at its end when its key
 * is unknown (then all its pages are read back and indexed). Either way Pagefind sees the same pages
 * in the same order as in a cold build. Cold builds stream every page into Pagefind as it arrives.
 */
export class SearchIndexingWriter implements Writer {
  private readonly plan: ShardPlan;
  private shard: Shard | undefined;
  /** The previous shard being written while the current one fills. */
  private closing: Promise<void> = Promise.resolve();
  /** Shards being written now (0 or 1), for `caughtUp`. */
  private shardsWriting = 0;
  private failure: unknown;
  private readonly merged: string[] = [];
  private readonly rootFiles = new Set<string>();
  private shards = 0;
  private stopped = false;
  private indexed = 0;
  /**
   * Pages to index, in the order they were written or kept, from `head` on: one loop (`pump`) takes
   * them one at a time. An array of small records, not a promise chain: a kept page waits as about 50
   * bytes instead of 800, so a queue the length of the archive costs little.
   */
  private pages: (PageIn | undefined)[] = [];
  private head = 0;
  private pump: Promise<void> = Promise.resolve();
  private pumping = false;
  /** The inner writer keeps files under keys across builds, so shards are keyed and recorded. */
  private readonly keyed: boolean;
  /** The pages the previous build indexed and their HTML's hashes, when shards can be kept from it. */
  private readonly wasIndexed: Map<string, string> | undefined;
  /** This build's indexed pages and hashes, recorded for the next one (keyed writers only). */
  private readonly indexedNow = new Map<string, string>();
  private readonly onShard: SearchOptions['onShard'];
  private readonly pace: () => void;
  private readonly partial: boolean;
  /** Pages with new bytes enqueued and not yet taken (see `drained`), and who waits for the queue to shorten. */
  private backlog = 0;
  private waiting: (() => void)[] = [];

  private constructor(private readonly inner: Writer, options: SearchOptions) {
    this.plan = searchShardPlan(options);
    this.onShard = options.onShard;
    this.pace = options.pace ?? (() => undefined);
    this.partial = options.partial === true;
    this.keyed = !!(inner.reuse && inner.adopt && inner.previousKey && inner.previousGroup && inner.saveRecord && inner.previousRecord);
    const record = this.keyed ? (inner.previousRecord!(RECORD) as SearchRecord | undefined) : undefined;
    if (record?.indexed && typeof record.indexed === 'object') this.wasIndexed = new Map(Object.entries(record.indexed));
  }

  static async wrap(inner: Writer, options: SearchOptions = {}): Promise<SearchIndexingWriter> {
    return new SearchIndexingWriter(inner, options);
  }

  /** Pages added to Pagefind's indexes by this build (pages of kept shards are not). */
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
    if (typeof data !== 'string' || !relativePath.endsWith('.html')) return;
    await new Promise<void>((resolve, reject) => this.enqueue({ path: relativePath, html: data, settled: (err) => (err === undefined ? resolve() : reject(err)) }));
  }

  // Incremental and parallel builds (see Writer): pages kept from the last build or written by worker
  // threads never pass through `write`; they are noted, and read back from disk when indexed.
  get stagingDir(): string | undefined {
    return this.inner.stagingDir;
  }

  get outDir(): string | undefined {
    return this.inner.outDir;
  }

  reuse(relativePath: string, key: () => string): boolean {
    const kept = this.inner.reuse?.(relativePath, key) ?? false;
    if (kept) this.enqueue({ path: relativePath, on: 'out' });
    return kept;
  }

  adopt(relativePath: string, key: string | undefined, written: boolean, optsInToSearch?: boolean): void {
    this.inner.adopt!(relativePath, key, written);
    // A written page without the marker would be read back only to be left out (see `add`): on the
    // main thread, which the writing phase waits on, that was about 6% of its time at 20,000 articles
    // with templates that index nothing.
    if (written && optsInToSearch === false) return;
    this.enqueue({ path: relativePath, on: written ? 'staging' : 'out' });
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

  /** Indexes pages one after another (a shard may have to be started or written between two). */
  private enqueue(page: PageIn): void {
    if (!page.path.endsWith('.html')) return page.settled?.();
    if (page.on !== 'out') this.backlog++;
    this.pages.push(page);
    if (!this.pumping) {
      this.pumping = true;
      this.pump = this.takeAll();
    }
  }

  /** Adds the queued pages in order until none is left; a failure is kept and fails every later page. */
  private async takeAll(): Promise<void> {
    while (this.head < this.pages.length) {
      const page = this.pages[this.head]!;
      this.pages[this.head++] = undefined;
      if (this.head >= 4096 && this.head * 2 >= this.pages.length) (this.pages = this.pages.slice(this.head)), (this.head = 0);
      try {
        await this.add(page);
        page.settled?.();
      } catch (err) {
        this.failure ??= err;
        page.settled?.(err);
      }
      if (page.on !== 'out') this.taken();
    }
    // In the same step as the last look at the queue (no await between), so a page enqueued after
    // this starts a new loop, and one enqueued before it was taken by this one.
    this.pages = [];
    this.head = 0;
    this.pumping = false;
  }

  /** The queue as it is now, taken to its end. */
  private async queueTaken(): Promise<void> {
    while (this.pumping) await this.pump;
  }

  private taken(): void {
    this.backlog--;
    // Let waiters go once the queue is half empty, not at every page, so they wake in batches.
    if (this.backlog > MAX_BACKLOG / 2 || this.waiting.length === 0) return;
    const waiting = this.waiting;
    this.waiting = [];
    for (const go of waiting) go();
  }

  /** See `Writer.caughtUp`: Pagefind has indexed pages, and none is waiting for it or being written. */
  caughtUp(): boolean {
    return this.indexed > 0 && !this.pumping && (this.shard?.pending.size ?? 0) === 0 && this.shardsWriting === 0;
  }

  /** Resolves at once unless more than MAX_BACKLOG pages with new bytes wait to be indexed; then once half of them are. */
  drained(): Promise<void> {
    if (this.backlog <= MAX_BACKLOG) return Promise.resolve();
    return new Promise((go) => this.waiting.push(go));
  }

  /** The HTML of a page not in hand: the output folder is untouched until commit, staged files are complete. */
  private htmlOf(page: PageIn): string {
    if (page.html !== undefined) return page.html;
    const dir = page.on === 'staging' ? this.inner.stagingDir : this.inner.outDir;
    if (dir === undefined) throw new Error(`search index: cannot read back ${page.path}`);
    try {
      return readFileSync(path.join(dir, page.path), 'utf8');
    } catch (err) {
      // A kept page gone from the output folder: every later build would fail here the same way,
      // so the previous build's record is dropped and the next build makes the whole site.
      if (page.on !== 'out' || (err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      this.inner.forgetPrevious?.();
      throw new OutputChangedError(path.join(dir, page.path));
    }
  }

  forgetPrevious(): void {
    this.inner.forgetPrevious?.();
  }

  private async add(page: PageIn): Promise<void> {
    if (this.failure) throw this.failure;
    // After an abort the rest of the queue is only let go: no page of it is read or indexed.
    if (this.stopped) throw new Error(`search index: build stopped before ${page.path} was indexed`);
    // A page kept from the previous build has the same bytes, so it opts in to search as it did then.
    let html: string | undefined;
    let hash: string;
    if (page.on === 'out' && this.wasIndexed !== undefined) {
      const was = this.wasIndexed.get(page.path);
      if (was === undefined) return;
      hash = was;
    } else {
      html = this.htmlOf(page);
      if (!html.includes(INDEXED_MARKER)) return;
      hash = this.keyed ? contentHash(html) : '';
    }
    if (this.keyed) this.indexedNow.set(page.path, hash);
    const { name, isNew } = this.plan.next(page.path);
    if (isNew || !this.shard) await this.startShard(name);
    const shard = this.shard!;
    shard.pages.push({ path: page.path, hash });
    if (!shard.index) {
      // Not indexing (yet): a page with the same bytes as last time (the output folder has them) is
      // only noted; a page that changed changes the shard.
      if (this.wasIndexed?.get(page.path) === hash) return;
      await this.startIndexing(shard, shard.pages.length - 1);
    }
    await this.addToIndex(shard, page.path, html ?? this.htmlOf(page));
    this.pace();
  }

  /** Opens the shard's index and adds its first `noted` pages, unchanged ones read back from the output folder. */
  private async startIndexing(shard: Shard, noted: number): Promise<void> {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`search index: ${errors.join('; ') || 'Pagefind did not start'}`);
    shard.index = index;
    for (const p of shard.pages.slice(0, noted)) {
      await this.addToIndex(shard, p.path, this.htmlOf({ path: p.path, on: 'out' }));
      this.pace();
    }
  }

  private async addToIndex(shard: Shard, relativePath: string, html: string): Promise<void> {
    // Pagefind derives the page URL from `sourcePath` (`2025/07/04/x/index.html` → `/2025/07/04/x/`);
    // the search page's script adds the base path, so the index does not depend on where the site is served.
    // Pagefind gets only the parts of the page it reads (see search-projection.ts).
    const job: Promise<void> = shard
      .index!.addHTMLFile({ sourcePath: relativePath, content: searchProjection(html) })
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

  /** Hands the current shard to be written (after the one before it) and starts a new one. */
  private async startShard(name: string): Promise<void> {
    const previous = this.shard;
    this.shard = undefined;
    if (previous) {
      await this.closing;
      if (this.failure) throw this.failure;
      this.shardsWriting++;
      this.closing = this.finish(previous)
        .catch((err: unknown) => void (this.failure ??= err))
        .finally(() => this.shardsWriting--);
    }
    const root = this.partial ? name === this.plan.firstShardName : this.shards === 0;
    this.shards++;
    const shard: Shard = { name, root, pages: [], index: undefined, pending: new Set(), errors: [] };
    this.shard = shard;
    // With no previous build to keep shards from, every page streams into Pagefind as it arrives.
    if (this.wasIndexed === undefined) await this.startIndexing(shard, 0);
  }

  /** Writes a complete shard's index through the inner writer (or keeps the previous build's) and frees it in Pagefind. */
  private async finish(shard: Shard): Promise<void> {
    try {
      const key = this.keyed ? shardKey(shard.name, shard.root, shard.pages) : undefined;
      if (!shard.index) {
        const previous = this.inner.previousGroup!(`search:${key}`);
        if (previous.length > 0) return this.keep(shard, previous);
        await this.startIndexing(shard, shard.pages.length);
      }
      await Promise.all(shard.pending);
      if (shard.errors.length > 0) throw new Error(`search index failed:\n${shard.errors.join('\n')}`);
      const { files, errors } = await shard.index!.getFiles();
      if (errors.length > 0) throw new Error(`search index failed:\n${errors.join('\n')}`);
      if (!shard.root) this.merged.push(`${shard.name}/`);
      for (const f of files) {
        let to: string | undefined;
        if (shard.root || isIndexFile(f.path)) to = `${SEARCH_BUNDLE_DIR}/${shard.root ? '' : `${shard.name}/`}${f.path}`;
        // A later shard's language may need a WebAssembly file the first one did not.
        else if (f.path.startsWith('wasm.') && !this.rootFiles.has(f.path)) to = `${SEARCH_BUNDLE_DIR}/${f.path}`;
        if (to === undefined) continue;
        if (!to.slice(SEARCH_BUNDLE_DIR.length + 1).includes('/')) this.rootFiles.add(f.path);
        // Keyed under the shard, so the next build can keep the shard's files as a group.
        const fileKey = `search:${key}#${sha256(f.content)}`;
        if (key !== undefined && this.inner.reuse!(to, () => fileKey)) continue;
        await this.pass(to, f.content);
        this.pace();
      }
      this.onShard?.(shard.name, false);
    } finally {
      await shard.index?.deleteIndex();
    }
  }

  /** Keeps a shard's files from the previous build: the same pages in the same order would give the same index. */
  private keep(shard: Shard, files: string[]): void {
    if (this.stopped) throw new Error(`search index: build stopped before shard ${shard.name} was kept`);
    if (!shard.root) this.merged.push(`${shard.name}/`);
    for (const rel of files) {
      const top = rel.slice(SEARCH_BUNDLE_DIR.length + 1);
      if (!top.includes('/')) {
        // A WebAssembly file a later shard added at the top: kept unless this build's first shard has it already.
        if (!shard.root && this.rootFiles.has(top)) continue;
        this.rootFiles.add(top);
      }
      this.inner.adopt!(rel, this.inner.previousKey!(rel), false);
    }
    this.onShard?.(shard.name, true);
  }

  async commit(): Promise<void> {
    await this.queueTaken();
    if (this.failure) throw this.failure;
    // With nothing indexed, an empty index still gives the search page its scripts.
    if (!this.shard && this.shards === 0 && !this.partial) await this.startShard('pages');
    const last = this.shard;
    this.shard = undefined;
    await this.closing;
    if (this.failure) throw this.failure;
    if (last) await this.finish(last);
    if (!this.partial) await this.pass(`${SEARCH_BUNDLE_DIR}/${SHARDS_FILE}`, `window.newsArchiveSearchShards = ${JSON.stringify(this.merged)};\n`);
    if (this.keyed) this.inner.saveRecord!(RECORD, { indexed: Object.fromEntries(this.indexedNow) } satisfies SearchRecord);
    await this.inner.commit();
  }

  async abort(): Promise<void> {
    this.stopped = true;
    await this.queueTaken();
    await this.closing;
    const shard = this.shard;
    this.shard = undefined;
    if (shard) {
      await Promise.allSettled(shard.pending);
      await shard.index?.deleteIndex().catch(() => undefined);
    }
    await this.inner.abort();
  }
}
