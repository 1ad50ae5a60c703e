import type { Liquid } from 'liquidjs';
import { setImmediate as ioTurn } from 'node:timers/promises';
import { pageInputKey, pageKey, pageKeyBase } from '../cache/page-key.js';
import type { Theme } from '../load/theme.js';
import type { WorkerPool } from '../parallel/worker-pool.js';
import type { Article, SiteConfig } from '../types.js';
import type { Writer } from '../write/writer.js';
import { outputFileOf, renderPage, type PageJob } from './page-job.js';
import { type RenderBatch, type RenderItem, type Rendered } from './render-task.js';
import type { HeapPacer } from './heap-pacer.js';
import type { SitemapEntry } from './sitemaps.js';

export interface RenderPagesOptions {
  engine: Liquid;
  theme: Theme;
  config: SiteConfig;
  writer: Writer;
  /** Render on these threads when the writer can take files written elsewhere; else in this thread. */
  pool?: WorkerPool;
  onPage?: (done: number) => void;
  /**
   * An article's identity (its record and body) on cached builds, so pages that list what they are
   * made of (`PageJob.dependsOn`) are keyed without building their view; see `pageInputKey`.
   */
  identityOf?: (a: Article) => string;
  /** The archive's shape (`archiveShapeKey`), for list pages keyed by what they show (`PageJob.dependsOnArchive`). */
  archiveShape?: string;
  /** The build's heap pacer: rendering checks it as it queues pages. */
  heap: HeapPacer;
}

/** Pages per task, and tasks in flight per thread: enough to keep threads busy, few enough to bound memory. */
const BATCH = 128;
const INFLIGHT_PER_THREAD = 2;
/**
 * Articles shown per task, counted by `PageJob.dependsOn` (an article page shows up to eight: itself,
 * its neighbours and related articles). A batch closes at `BATCH` pages or at this many articles
 * shown, whichever comes first: 128 on-this-day pages of a 100,000-article archive show 35,000
 * articles, and four such batches in flight, each a copy in a thread's heap, added 100 MB to the
 * build's peak memory.
 */
const BATCH_ARTICLES = BATCH * 8;

/**
 * Renders and writes every page the plan yields, and collects the sitemap's entries. Pages are
 * planned here (views built from the site model, one job at a time) and rendered either here or on
 * worker threads, by the same `renderPage` from the same view, so the output is the same either way.
 * `keyBase` is what every page key shared (`pageKeyBase`), when the writer keeps unchanged pages:
 * the site-wide files made after the pages are keyed on it too.
 */
export async function renderPages(jobs: Iterable<PageJob>, o: RenderPagesOptions): Promise<{ pages: number; listed: SitemapEntry[]; keyBase: string | undefined }> {
  const listed: SitemapEntry[] = [];
  const stagingDir = o.writer.stagingDir;
  const parallel = o.pool !== undefined && o.pool.threads > 0 && stagingDir !== undefined && o.writer.adopt !== undefined;
  // A writer that keeps unchanged pages is asked first, with a key computed only if it wants one.
  const keyBase = o.writer.reuse || o.writer.previousKey ? pageKeyBase(o.config, o.theme) : undefined;
  const inputKey = (job: PageJob): string | undefined => {
    if (keyBase === undefined || !o.identityOf || !job.dependsOn) return undefined;
    if (job.dependsOnArchive && o.archiveShape === undefined) return undefined; // keyed by its view instead
    return pageInputKey(keyBase, job, job.dependsOn.map(o.identityOf), job.dependsOnArchive ? o.archiveShape : undefined);
  };
  /**
   * A list page keyed by its inputs (`dependsOnArchive`) is recorded under `<input key>/<view hash>`:
   * when the archive's shape changes (an article added or retitled), every list page's input key
   * changes, but a page whose view is the same as before is still not written again.
   */
  const listPage = (job: PageJob, input: string | undefined) =>
    job.dependsOnArchive && input !== undefined && o.writer.previousKey !== undefined && o.writer.adopt !== undefined;
  const previousParts = (previous: string | undefined) => {
    const cut = previous?.indexOf('/') ?? -1;
    return { previous, input: cut < 0 ? undefined : previous!.slice(0, cut), view: cut < 0 ? undefined : previous!.slice(cut + 1) };
  };
  let pages = 0;
  const { heap } = o;
  /**
   * Every BATCH pages that need no thread round trip (all pages on one thread; kept pages on many):
   * their keys' garbage is paced like a batch's views (at 100,000 articles a rebuild's kept pages
   * grew the heap by 200 MB in one stretch), and the build waits here if the writer is behind with
   * pages it was handed to index (the search index goes at Pagefind's pace; kept pages do not count).
   * Then a turn of the event loop: keying kept pages never waits on I/O otherwise, and Pagefind's
   * replies (and a render thread's batch) would wait for it. In a one-article rebuild of a full
   * search shard, Pagefind got its first page 0.8 s after the shard was opened, only once keying the
   * rest of the site was done, and the build then waited for it.
   */
  const breathe = async () => {
    heap.check();
    await o.writer.drained?.();
    await ioTurn();
  };
  if (!parallel) {
    for (const job of jobs) {
      if (pages % BATCH === 0) await breathe();
      const file = outputFileOf(job.path);
      const input = inputKey(job);
      let reused: boolean;
      if (listPage(job, input)) {
        const before = previousParts(o.writer.previousKey!(file));
        const viewKey = input === before.input ? undefined : pageKey(keyBase!, job);
        reused = viewKey === undefined || viewKey === before.view;
        if (reused) o.writer.adopt!(file, viewKey === undefined ? before.previous : `${input}/${viewKey}`, false);
        else o.writer.reuse?.(file, () => `${input}/${viewKey}`); // records the new key; the page is written below
      } else {
        reused = keyBase !== undefined && o.writer.reuse?.(file, () => input ?? pageKey(keyBase, job)) === true;
      }
      if (!reused) await o.writer.write(file, await renderPage(o.engine, job));
      // Counted outside the optional call: `onPage?.(++pages)` skips the increment when there is no `onPage`.
      pages++;
      o.onPage?.(pages);
      if (job.listed !== false) listed.push({ path: job.path, lastmod: job.lastmod });
    }
    return { pages, listed, keyBase };
  }

  const inflight = new Set<Promise<void>>();
  let failure: unknown;
  let items: RenderItem[] = [];
  let shown = 0; // articles the batch's views show
  // Batches are handed to the writer in the order they were sent, whichever thread finishes first, so
  // the writer sees pages in plan order, as on one thread (the search index depends on that order).
  let handedOver: Promise<unknown> = Promise.resolve();
  const send = () => {
    const batch: RenderBatch = { templates: o.theme.templates, keyBase, stagingDir: stagingDir!, outDir: o.writer.outDir, items };
    items = [];
    shown = 0;
    const rendered = o.pool!.run<Rendered[]>('renderBatch', batch);
    rendered.catch(() => undefined); // handled below, once the batches before it are handed over
    const p = handedOver
      .then(() => rendered)
      .then((done) => {
        for (const r of done) o.writer.adopt!(r.file, r.key, r.written, r.optsInToSearch);
        pages += done.length;
        o.onPage?.(pages);
      })
      .catch((err: unknown) => void (failure ??= err))
      .finally(() => inflight.delete(p));
    handedOver = p;
    inflight.add(p);
  };
  for (const job of jobs) {
    const file = outputFileOf(job.path);
    let key = inputKey(job);
    let previousKey = o.writer.previousKey?.(file);
    if (job.listed !== false) listed.push({ path: job.path, lastmod: job.lastmod });
    let byView = false;
    if (listPage(job, key)) {
      const before = previousParts(previousKey);
      if (key === before.input) key = before.previous; // kept under its whole previous key
      else (byView = true), (previousKey = before.view);
    }
    const kept = !byView && key !== undefined && key === previousKey;
    // Pages are adopted in plan order (the search index takes them in that order). A page known
    // unchanged with nothing queued before it is adopted here, without a round trip to a thread.
    if (kept && items.length === 0) {
      if (inflight.size > 0) await Promise.all(inflight);
      if (failure) break;
      o.writer.adopt!(file, key, false);
      if (++pages % BATCH === 0) await breathe();
      o.onPage?.(pages);
      continue;
    }
    // Else it goes without its view, only to keep its place in the order.
    items.push(kept ? { file, template: job.template, key } : { file, template: job.template, view: job.view, key, previousKey, byView });
    if (!kept) shown += job.dependsOn?.length ?? 1;
    if (items.length >= BATCH || shown >= BATCH_ARTICLES) {
      send();
      heap.check();
      while (inflight.size >= o.pool!.threadsFor('renderBatch') * INFLIGHT_PER_THREAD) await Promise.race(inflight);
      // The writer may be behind the threads (the search index goes at Pagefind's pace).
      await o.writer.drained?.();
      if (failure) break;
      // Once it has caught up (in the shipped theme, article pages come first and are the indexed ones), the
      // core left to Pagefind would stand idle for the rest of the pages.
      if (o.writer.caughtUp?.()) o.pool!.widen('renderBatch');
    }
  }
  if (items.length > 0 && !failure) send();
  await Promise.all(inflight);
  if (failure) throw failure;
  return { pages, listed, keyBase };
}
