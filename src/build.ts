import { setImmediate as ioTurn } from 'node:timers/promises';
import type { Article, ContentError, SiteConfig, UnreadKeyNote } from './types.js';
import { loadParsedArticles } from './load/load-articles.js';
import { unreadKeyNotes } from './load/unread-keys.js';
import type { ParseCache } from './load/parse-cache.js';
import { loadTheme } from './load/theme.js';
import { buildSiteModel, type SiteModel } from './model/site.js';
import { selectPublished, type PublishRules, type Withheld } from './model/publishing.js';
import { assignUrls } from './model/site-model.js';
import { buildAssets, headersFile } from './render/assets.js';
import { createTemplateEngine } from './render/engine.js';
import { feedFiles } from './render/feeds.js';
import { articlesJsonChunks, planSite, renderContext } from './render/site-pages.js';
import { outputFileOf, renderPage, type PageJob } from './render/page-job.js';
import { writeChunks } from './write/write-chunks.js';
import { sitemapFiles } from './render/sitemaps.js';
import { writeSiteFile } from './render/site-files.js';
import { publishedEntries, urlErrors, type PublishedEntry, type PublishedList } from './model/published-urls.js';
import { redirectClashes, redirectJobs, redirectsFile } from './render/redirects.js';
import { SearchIndexingWriter, searchShardPlan, type SearchOptions } from './search/search-index-writer.js';
import type { ShardPlan } from './search/shard-plan.js';
import { inPageShard } from './search/page-shard.js';
import { templatesOptInToSearch } from './search/marker.js';
import type { SplitPart } from './load/shard.js';
import type { Writer } from './write/writer.js';
import { loadArticlesCached, scanInputs, type CachedLoad } from './cache/load-cached.js';
import { wholeBuildKey } from './cache/build-key.js';
import { sha256, sha256OfList } from './cache/keys.js';
import { archiveShapeKey, type Progress } from './cache/page-key.js';
import { PARALLEL_THRESHOLD } from './parallel/parse-pool.js';
import { renderThreadCount, WorkerPool } from './parallel/worker-pool.js';
import { renderPages } from './render/render-pages.js';
import { HeapPacer } from './render/heap-pacer.js';

export interface BuildOptions {
  inputDir: string;
  templatesDir: string;
  config: SiteConfig;
  /** Drafts and embargoes. Without rules (tests of other stages), drafts are left out and no date is embargoed. */
  publish?: PublishRules;
  /** The dev server's memory of parsed files, so unchanged files are not parsed again. */
  parseCache?: ParseCache;
  /**
   * Parse on `workers` threads through the content-hash cache in `dir`, keeping only small records
   * in memory (bodies are read back from the cache). Without it, everything is parsed in memory.
   */
  cache?: { dir: string; workers: number; threshold?: number };
  onProgress?: Progress;
  /** Build the Pagefind search index (default true); off for quick previews and fast tests. */
  search?: boolean;
  /** For tests: smaller search shards, and which of them were kept (see search/search-index-writer.ts). */
  searchIndex?: Pick<SearchOptions, 'maxShardPages' | 'onShard'>;
  /** The archive's list of published URLs: a build that would drop one fails (see model/published-urls.ts). */
  published?: PublishedList;
  /**
   * Render and index only this part of the pages (`--page-shard K/N`, see search/page-shard.ts), for a
   * build split over machines; the site-wide files (feeds, sitemaps, articles.json, assets) are left
   * to the build that puts the parts together.
   */
  pageShard?: SplitPart;
}

export interface BuildResult {
  errors: ContentError[];
  articles: number;
  pages: number;
  /** Articles valid but not published by the rules. */
  withheld: Withheld;
  /** Front-matter keys news-archive does not read, for a note (not an error). */
  unreadKeys: UnreadKeyNote[];
  /** What this build published, for the list of published URLs (only when `published` was given). */
  publishedUrls?: PublishedEntry[];
}

const DEFAULT_RULES: PublishRules = { today: '9999-12-31', drafts: false, future: true };

/**
 * Phase one, in memory: read, parse and validate every article and give each its URL, before
 * anything is rendered. URLs are assigned over all articles, drafts and embargoed ones included,
 * so publishing one later never renames another; `build` then applies the publishing rules, so
 * everything after (pages, indexes, articles.json, feeds, search) sees only published articles.
 */
export async function loadArticles(
  inputDir: string,
  cache?: ParseCache,
): Promise<{ articles: Article[]; errors: ContentError[]; unreadKeys: UnreadKeyNote[] }> {
  const { parsed, errors } = await loadParsedArticles(inputDir, cache);
  const unreadKeys = unreadKeyNotes(parsed);
  const { articles, errors: urlErrors } = assignUrls(parsed);
  return { articles, errors: [...errors, ...urlErrors], unreadKeys };
}

/**
 * The publishing rules, the list of published URLs and the model stage. The model keeps the
 * published records (their topics filled in); the loaded list, and with it any record not published,
 * is let go here, not held to the end of the build.
 */
function modelStage(
  loaded: { articles: Article[]; errors: ContentError[] },
  rules: PublishRules,
  options: BuildOptions,
): { model?: SiteModel; withheld: Withheld; errors: ContentError[]; count: number } {
  const { published, withheld } = selectPublished(loaded.articles, rules);
  const errors = [
    ...loaded.errors,
    ...urlErrors({ list: options.published, all: loaded.articles, published, inputDir: options.inputDir, errors: loaded.errors }),
  ];
  loaded.articles = [];
  if (errors.length > 0) return { withheld, errors, count: published.length };
  return { model: buildSiteModel(published), withheld, errors, count: published.length };
}

/** The pages of one page shard, in the plan's order. */
function* onlyPageShard(jobs: Iterable<PageJob>, shard: SplitPart, plan: ShardPlan): Generator<PageJob> {
  for (const job of jobs) if (inPageShard(job.path, shard, plan)) yield job;
}

async function commitBuild(writer: Writer, buildKey: string | undefined, result: BuildResult): Promise<BuildResult> {
  if (buildKey !== undefined) writer.recordBuild?.(buildKey, result);
  await writer.commit();
  return result;
}

/**
 * The whole build: load and validate everything, then render and write every page. Any content
 * error stops the build before rendering; any failure aborts the writer so no partial output lands.
 */
export async function build(options: BuildOptions, writer: Writer): Promise<BuildResult> {
  // One thread pool for parsing and rendering; builds smaller than the threshold stay on this thread.
  const threshold = options.cache?.threshold ?? PARALLEL_THRESHOLD;
  let pool: WorkerPool | undefined;
  const rules = options.publish ?? DEFAULT_RULES;
  // Loading the cache's indexes and copying records through the model stage leave much garbage behind.
  const heap = new HeapPacer();
  try {
    const theme = await loadTheme(options.templatesDir);
    if (options.cache && options.cache.workers > 0) {
      const indexesPages = options.search !== false && templatesOptInToSearch(theme.templates);
      pool = new WorkerPool(options.cache.workers, { renderBatch: renderThreadCount(options.cache.workers, indexesPages) });
    }
    // With the cache: find each file's content key first, and stop here if nothing changed at all.
    let scan = options.cache ? await scanInputs(options.inputDir, options.cache.dir, options.onProgress) : undefined;
    const settings = {
      rules,
      search: options.search !== false,
      published: options.published ? sha256(JSON.stringify(options.published)) : null,
      ...(options.pageShard ? { pageShard: options.pageShard } : {}),
    };
    // A cold build finds its input key only while parsing: it has no previous build to compare with.
    let buildKey = scan?.inputKey !== undefined ? wholeBuildKey(scan.inputKey, options.config, theme, settings) : undefined;
    const unchanged = buildKey !== undefined ? (writer.lastBuild?.(buildKey) as BuildResult | undefined) : undefined;
    if (unchanged) {
      scan!.stats.save();
      await writer.abort();
      return unchanged;
    }
    const loaded = options.cache
      ? await loadArticlesCached(options.inputDir, { ...options.cache, workers: pool ?? 0, threshold, onProgress: options.onProgress, heap, releaseThreads: true }, scan)
      : await loadArticles(options.inputDir, options.parseCache);
    if (scan) buildKey ??= wholeBuildKey((loaded as CachedLoad).inputKey, options.config, theme, settings);
    scan = undefined; // the file list and stat index, not needed past loading (a build's locals live to its end)
    const { unreadKeys } = loaded;
    heap.check();
    const { model, withheld, errors, count } = modelStage(loaded, rules, options);
    if (!model) {
      await writer.abort();
      return { errors, articles: count, pages: 0, withheld, unreadKeys };
    }
    heap.check();
    // Article pages are the indexed ones in the shipped theme: their count per year sets the shards' edges.
    const pagesPerYear = model.years.map((y) => [String(y.year).padStart(4, '0'), y.count] as const);
    const partial = options.pageShard !== undefined;
    // The config's shard size, unless a test asks for another; the page shards below must follow the same plan.
    const searchIndex = { ...options.searchIndex, maxShardPages: options.searchIndex?.maxShardPages ?? options.config.searchShardPages };
    if (options.search !== false) writer = await SearchIndexingWriter.wrap(writer, { ...searchIndex, pagesPerYear, partial, pace: () => heap.check() });
    const engine = createTemplateEngine(theme.templates);
    const assets = buildAssets(theme.assets);
    const cached = 'identityOf' in loaded ? (loaded as CachedLoad) : undefined;
    const ctx = renderContext(options.config, assets.names, cached?.bodyOf, options.search !== false);
    const searchPlan = searchShardPlan({ ...searchIndex, pagesPerYear });
    const jobs = options.pageShard ? onlyPageShard(planSite(model, ctx), options.pageShard, searchPlan) : planSite(model, ctx);
    const { pages, listed, keyBase } = await renderPages(jobs, {
      engine,
      theme,
      config: options.config,
      writer,
      pool: count >= threshold ? pool : undefined,
      onPage: (done) => options.onProgress?.('writing', done, 0),
      identityOf: cached?.identityOf,
      archiveShape: cached ? archiveShapeKey(model.articles) : undefined,
      heap,
    });
    // The threads' heaps are let go before feeds, sitemaps and articles.json are made, not after.
    await pool?.destroy();
    // A page shard leaves the site-wide files to the build that puts the parts together.
    if (!partial) {
      const clashes = redirectClashes(model.articles, new Set(listed.map((p) => p.path)));
      if (clashes.length > 0) {
        await writer.abort();
        return { errors: clashes, articles: count, pages: 0, withheld, unreadKeys };
      }
      for (const job of redirectJobs(model.articles, ctx)) await writer.write(outputFileOf(job.path), await renderPage(engine, job));
      const redirects = redirectsFile(model.articles, options.config.basePath);
      if (redirects) await writer.write('_redirects', redirects);
      // Feeds, sitemaps and articles.json are made only when their inputs changed (on a cached build).
      const keys = cached && keyBase !== undefined ? { base: keyBase, identityOf: cached.identityOf } : undefined;
      // After each file a turn of the event loop, so the search index's queue keeps Pagefind fed.
      for (const files of [feedFiles(model, ctx), sitemapFiles(listed, model, ctx)]) {
        for (const file of files) {
          await writeSiteFile(writer, file, keys);
          heap.check(); // a feed per topic, each with 20 bodies: thousands of files' garbage
          await ioTurn();
        }
      }
      const recordsKey = cached && keyBase !== undefined ? sha256OfList([keyBase, 'articles.json', ...model.articles.map(cached.recordIdentityOf)]) : undefined;
      await writeChunks(writer, 'articles.json', () => heap.paced(articlesJsonChunks(model.articles, ctx.link)), recordsKey);
      heap.check();
      for (const asset of assets.files) await writer.write(`assets/${asset.relative}`, asset.bytes);
      await writer.write('_headers', headersFile(options.config.basePath));
    }
    const publishedUrls = options.published && !partial ? publishedEntries(model.articles, options.inputDir) : undefined;
    const result = await commitBuild(writer, buildKey, { errors: [], articles: count, pages, withheld, unreadKeys, publishedUrls });
    if ('bodies' in loaded) (loaded as CachedLoad).bodies.close();
    return result;
  } catch (err) {
    await writer.abort();
    throw err;
  } finally {
    await pool?.destroy();
  }
}
