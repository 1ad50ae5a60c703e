import type { Command } from 'commander';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build, loadArticles, type BuildResult } from '../build.js';
import { sha256 } from '../cache/keys.js';
import { defaultWorkers } from '../parallel/parse-pool.js';
import { IncrementalDiskWriter, markRecordedOutput, recordsOutput } from '../write/incremental-writer.js';
import { createProgress } from './progress.js';
import { UsageError } from './exit-codes.js';
import { checkOutputFolder, checkOutputIsOurs } from './output-folder.js';
import { templateError } from '../render/template-error.js';
import { OutputChangedError } from '../write/writer.js';
import { publishedListLocation } from '../load/published-list.js';
import type { Withheld } from '../model/publishing.js';
import type { CalendarDate, SiteConfig } from '../types.js';
import { DiskWriter } from '../write/disk-writer.js';
import { acquireBuildLock, recoverLeftovers, stagingPrefixOf } from '../write/build-lock.js';
import { lockedMessage } from './report.js';
import { buildDate } from './build-date.js';
import { out } from './colors.js';
import { addArchiveOptions, loadSiteConfig, plural, printErrors, unreadKeysNote, type ArchiveFlags } from './common.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { assemblePageShards, finishPageShards, mergeShardCaches, pageShardOf, parseShard, shardCacheDir, shardOf } from './shard.js';
import { addPublishedOption, loadPublishedList, recordPublished } from './published-list.js';

interface BuildFlags extends ArchiveFlags {
  out: string;
  drafts: boolean;
  future: boolean;
  cache: boolean;
  cacheDir: string;
  workers?: string;
  /** False with `--no-search`. */
  search: boolean;
  published?: string;
  /** `--shard K/N`: parse one part of the input into the cache, write no pages. */
  shard?: string;
  /** `--cache-from DIR…`: shards' caches to add to this build's cache first. */
  cacheFrom?: string[];
  /** `--page-shard K/N`: render and index one part of the pages into `--out`. */
  pageShard?: string;
  /** `--pages-from DIR…`: page shards' output folders, put together instead of rendering their pages. */
  pagesFrom?: string[];
  /** Whether `--out` was given rather than left at its default. */
  outGiven: boolean;
}

/** The cache of builds into `--out`: each output folder has its own under `--cache-dir`. */
function outputCacheDir(flags: BuildFlags): string {
  return path.join(path.resolve(flags.cacheDir), sha256(path.resolve(flags.out)).slice(0, 16));
}

/** The cache folder for this output folder (or a throw-away one with `--no-cache`), and the thread count. */
function cacheFor(flags: BuildFlags): { dir: string; workers: number; threshold?: number } {
  const workers = flags.workers === undefined ? defaultWorkers() : Number(flags.workers);
  if (!Number.isInteger(workers) || workers < 0) throw new UsageError('--workers takes a whole number (0 parses on the main thread)');
  const dir = flags.cache
    ? outputCacheDir(flags)
    : // Beside the output folder, named as its staging is: a build killed before removing it leaves it
      // where the next build's `recoverLeftovers` clears it (in the system's temp folder it stayed, a
      // megabyte or so per hundred articles), and on the output's disk rather than a RAM-backed /tmp.
      mkdtempSync(`${stagingPrefixOf(flags.out)}bodies-`);
  // `--workers N` is obeyed even for small builds; by default they stay on one thread.
  return { dir, workers, threshold: flags.workers === undefined ? undefined : 0 };
}

/** "Left out 1 draft (--drafts to include) and 2 articles dated after 2025-03-04 (--future to include)." */
export function withheldNote(withheld: Withheld, today: CalendarDate): string | undefined {
  const parts: string[] = [];
  if (withheld.drafts > 0) parts.push(`${plural(withheld.drafts, 'draft')} (--drafts to include)`);
  if (withheld.future > 0) parts.push(`${plural(withheld.future, 'article')} dated after ${today} (--future to include)`);
  return parts.length > 0 ? `Left out ${parts.join(' and ')}.` : undefined;
}

async function runBuild(flags: BuildFlags): Promise<ExitCode> {
  const started = process.hrtime.bigint();
  checkOutputFolder(flags.out, { input: flags.input, templates: flags.templates, config: flags.config, published: publishedListLocation(flags.input, flags.published).file });
  // `--shard` parses into the cache only and writes nothing to --out.
  if (flags.shard === undefined) checkOutputIsOurs(flags.out, () => flags.cache && recordsOutput(outputCacheDir(flags), flags.out));
  const loaded = await loadSiteConfig(flags);
  if (!loaded.ok) {
    // The articles are read too, so one run reports every error, as `check` does.
    const articles = await loadArticles(flags.input);
    printErrors([...loaded.errors, ...articles.errors], `build failed: ${flags.out}/ left unchanged`);
    return EXIT.content;
  }
  const lock = await acquireBuildLock(flags.out);
  if (!lock.ok) {
    process.stderr.write(`${lockedMessage(flags.out, lock)}\n`);
    return EXIT.content;
  }
  try {
    await recoverLeftovers(flags.out);
    if (flags.cache && flags.shard === undefined) markRecordedOutput(outputCacheDir(flags), flags.out);
    return await buildLocked(flags, loaded.config, started);
  } finally {
    lock.release();
  }
}

/** The build proper, run while this process holds the output folder's lock. */
async function buildLocked(flags: BuildFlags, config: SiteConfig, started: bigint): Promise<ExitCode> {
  const today = buildDate(config);
  const published = await loadPublishedList(flags);
  if (published.errors.length > 0) {
    printErrors(published.errors, `build failed: ${flags.out}/ left unchanged`);
    return EXIT.content;
  }
  const pageShard = pageShardOf(flags, flags.cache);
  const shard = shardOf(flags.shard, flags.cache);
  const cache = cacheFor(flags);
  if (shard) return parseShard(flags.input, { ...cache, dir: shardCacheDir(flags.cacheDir, shard) }, shard, started);
  mergeShardCaches(cache.dir, flags.cacheFrom);
  // With --pages-from, the build patches the parts put together, and that folder becomes the output.
  const assembled = assemblePageShards(flags.out, flags.pagesFrom);
  const writer = flags.cache
    ? new IncrementalDiskWriter(assembled?.folder ?? flags.out, cache.dir, assembled?.manifest)
    : new DiskWriter(flags.out);
  const progress = createProgress(process.stderr);
  let result: BuildResult | undefined;
  try {
    result = await build(
      {
        inputDir: flags.input,
        templatesDir: flags.templates,
        config: config,
        publish: { today, drafts: flags.drafts, future: flags.future },
        cache,
        onProgress: progress.report,
        search: flags.search,
        published: published.list,
        pageShard,
      },
      writer,
    ).catch((e: unknown) => {
      // A template that fails is the site's to fix, like an article: reported as such, exit 1; so is
      // a kept page removed from the output folder by hand (the next build makes the whole site).
      const failed =
        e instanceof OutputChangedError
          ? { file: e.file, message: `was deleted or moved since the last build (${flags.out}/ belongs to the build); build again: the next build makes the whole site` }
          : templateError(e, flags.templates);
      if (!failed) throw e;
      return { errors: [failed], articles: 0, pages: 0, withheld: { drafts: 0, future: 0 }, unreadKeys: [] } satisfies BuildResult;
    });
  } finally {
    progress.stop();
    if (!flags.cache) rmSync(cache.dir, { recursive: true, force: true });
    await finishPageShards(flags.out, cache.dir, { succeeded: result?.errors.length === 0, assembled, pageShard });
  }
  // `build` returned (it throws otherwise): the narrowing TypeScript cannot see through `finally`.
  if (result === undefined) throw new Error('build returned no result');
  if (result.errors.length > 0) {
    printErrors(result.errors, `build failed: ${flags.out}/ left unchanged`);
    return EXIT.content;
  }
  // A preview with drafts or future articles publishes nothing for good: only a real build records URLs.
  const recorded =
    published.list && result.publishedUrls && !flags.drafts && !flags.future
      ? await recordPublished(published.where, published.list, result.publishedUrls)
      : undefined;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const what = pageShard ? `page shard ${pageShard.index}/${pageShard.count} of ` : '';
  process.stdout.write(`${out.green('Built')} ${what}${result.articles} articles, ${result.pages} pages in ${seconds.toFixed(2)} s → ${flags.out}/\n`);
  const note = withheldNote(result.withheld, today);
  if (note) process.stdout.write(`${out.dim(note)}\n`);
  for (const line of unreadKeysNote(result.unreadKeys)) process.stdout.write(`${out.dim(line)}\n`);
  if (recorded) process.stdout.write(`${recorded}\n`);
  return EXIT.ok;
}

export function buildCommand(program: Command): void {
  const cmd = program
    .command('build')
    .description('build the site from the input folder into the output folder')
    .option('-o, --out <dir>', 'output folder, replaced only when the build succeeds', 'dist');
  addPublishedOption(addArchiveOptions(cmd))
    .option('--drafts', 'include articles marked draft: true (marked as drafts on their pages)', false)
    .option('--future', "include articles dated after the build's date (SOURCE_DATE_EPOCH or today)", false)
    .option('--cache-dir <dir>', 'content-hash cache for fast rebuilds', '.cache/news-archive')
    .option('--no-cache', 'build everything from scratch and keep no cache')
    .option('--workers <n>', 'parser threads (default: one per core)')
    .option('--no-search', 'skip the Pagefind search index (faster; /search/ then finds nothing)')
    .option('--shard <k/n>', 'parse only part K of N of the input into the cache and write no pages (one machine of a split build; see --cache-from)')
    .option('--cache-from <dirs...>', 'first add these caches (the --cache-dir of each --shard run) to this build\'s cache')
    .option('--page-shard <k/n>', 'render and index only part K of N of the pages into --out (one machine of a split build; see --pages-from)')
    .option('--pages-from <dirs...>', 'put together the --out folders of --page-shard runs, and make only what they did not')
    .action(async (flags: BuildFlags, command: Command) => {
      process.exitCode = await runBuild({ ...flags, outGiven: command.getOptionValueSource('out') !== 'default' });
    });
}
