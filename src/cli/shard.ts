import path from 'node:path';
import { parseShardIntoCache } from '../cache/load-cached.js';
import { mergeCaches } from '../cache/merge-cache.js';
import { parseShardSpec, type SplitPart } from '../load/shard.js';
import { assembleParts, discardAssembled, installAssembled, savePartRecord, type Assembled } from '../write/assemble-parts.js';
import { out } from './colors.js';
import { plural, printErrors } from './common.js';
import { EXIT, UsageError, type ExitCode } from './exit-codes.js';
import { createProgress } from './progress.js';

/**
 * A build split over machines (see README › Past one machine): each machine parses one shard of
 * the input into its cache (`build --shard K/N`); each machine then renders one shard of the pages
 * with every shard's cache (`--cache-from … --page-shard K/N`); and one build puts the pages
 * together (`--cache-from … --pages-from …`) and makes only the site-wide files.
 */

export function shardOf(spec: string | undefined, cache: boolean, option = '--shard'): SplitPart | undefined {
  if (spec === undefined) return undefined;
  const shard = parseShardSpec(spec, option);
  if ('error' in shard) throw new UsageError(shard.error);
  if (!cache) throw new UsageError(`${option} works through the cache, so it cannot be used with --no-cache`);
  return shard;
}

/** The options of a split build, checked against each other. */
export interface SplitFlags {
  shard?: string;
  cacheFrom?: string[];
  pageShard?: string;
  pagesFrom?: string[];
  /** Whether `--out` was given (not left at `dist`). */
  outGiven: boolean;
}

/** `--page-shard K/N`, which renders pages; refuses the options that do not go with the split build's steps. */
export function pageShardOf(flags: SplitFlags, cache: boolean): SplitPart | undefined {
  if (flags.shard !== undefined && (flags.cacheFrom || flags.pageShard !== undefined || flags.pagesFrom)) {
    throw new UsageError('--shard only parses its part of the input: it takes no --cache-from, --page-shard or --pages-from');
  }
  if (flags.pageShard !== undefined && flags.pagesFrom) throw new UsageError('--pages-from puts page shards together: it is not itself a --page-shard');
  if (flags.pageShard !== undefined && !flags.outGiven) {
    throw new UsageError('--page-shard writes part of a site: give it a folder of its own with --out (not dist/)');
  }
  if (flags.pagesFrom && !cache) throw new UsageError('--pages-from works through the cache, so it cannot be used with --no-cache');
  return shardOf(flags.pageShard, cache, '--page-shard');
}

/**
 * A parse shard's cache folder, under `--cache-dir` and named after the shard: never the cache of an
 * output folder, whose record index (and bodies) a shard's index of its own files would replace.
 */
export function shardCacheDir(cacheRoot: string, shard: SplitPart): string {
  return path.join(path.resolve(cacheRoot), `shard-${shard.index}-of-${shard.count}`);
}

/** `--pages-from DIR…`: the page shards' folders put together beside the output folder. */
export function assemblePageShards(outDir: string, parts: readonly string[] | undefined): Assembled | undefined {
  if (!parts || parts.length === 0) return undefined;
  const assembled = assembleParts(outDir, parts);
  if ('problem' in assembled) throw new UsageError(`--pages-from: ${assembled.problem}`);
  process.stdout.write(`${out.dim(`Put together ${plural(assembled.files, 'file')} from ${plural(parts.length, 'page shard')}.`)}\n`);
  return assembled;
}

/**
 * After the build: the parts put together become the output if it succeeded, and are removed if not;
 * a page shard leaves its record in its folder.
 */
export async function finishPageShards(
  outDir: string,
  cacheDir: string,
  split: { succeeded: boolean; assembled?: Assembled; pageShard?: SplitPart },
): Promise<void> {
  if (split.assembled && split.succeeded) await installAssembled(split.assembled, outDir, cacheDir);
  else if (split.assembled) discardAssembled(split.assembled);
  if (split.pageShard && split.succeeded) savePartRecord(cacheDir, outDir);
}

/** `build --shard K/N`: parse this shard's files into the cache; report every content error in them. */
export async function parseShard(
  input: string,
  cache: { dir: string; workers: number; threshold?: number },
  shard: SplitPart,
  started: bigint,
): Promise<ExitCode> {
  const progress = createProgress(process.stderr);
  let result;
  try {
    result = await parseShardIntoCache(input, { ...cache, onProgress: progress.report }, shard);
  } finally {
    progress.stop();
  }
  const name = `shard ${shard.index}/${shard.count}`;
  if (result.errors.length > 0) {
    printErrors(result.errors, `${name} failed: fix these files and run it again`);
    return EXIT.content;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(
    `${out.green('Parsed')} ${name}: ${plural(result.files, 'file')} (${result.parsed} parsed, ${result.files - result.parsed} from the cache) in ${seconds.toFixed(2)} s → ${cache.dir}/\n`,
  );
  return EXIT.ok;
}

/** `--cache-from DIR…`: add the shards' caches to this build's cache before it starts. */
export function mergeShardCaches(dir: string, sources: readonly string[] | undefined): void {
  if (!sources || sources.length === 0) return;
  const merge = mergeCaches(dir, sources);
  if (merge.missing.length > 0) {
    throw new UsageError(`--cache-from: no cache in ${merge.missing.join(', ')} (give the --cache-dir folder of a "build --shard K/N" run)`);
  }
  process.stdout.write(`${out.dim(`Merged ${plural(merge.added, 'parsed article')} from ${plural(sources.length, 'cache')} (${merge.known} already here).`)}\n`);
}
