import { parseShardIntoCache } from '../cache/load-cached.js';
import { mergeCaches } from '../cache/merge-cache.js';
import { parseShardSpec, type Shard } from '../load/shard.js';
import { assembleParts, savePartRecord, type Assembled } from '../write/assemble-parts.js';
import { swapIn } from '../write/disk-writer.js';
import { rebindManifest } from '../write/incremental-writer.js';
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

export function shardOf(spec: string | undefined, cache: boolean, option = '--shard'): Shard | undefined {
  if (spec === undefined) return undefined;
  const shard = parseShardSpec(spec);
  if ('error' in shard) throw new UsageError(shard.error.replace('--shard', option));
  if (!cache) throw new UsageError(`${option} works through the cache, so it cannot be used with --no-cache`);
  return shard;
}

/** `--page-shard K/N`, which renders pages: not with `--shard` (which renders none) or `--pages-from`. */
export function pageShardOf(flags: { shard?: string; pageShard?: string; pagesFrom?: string[] }, cache: boolean): Shard | undefined {
  if (flags.pageShard !== undefined && flags.shard !== undefined) throw new UsageError('--shard parses and --page-shard renders: give one of them');
  if (flags.pageShard !== undefined && flags.pagesFrom) throw new UsageError('--pages-from puts page shards together: it is not itself a --page-shard');
  if (flags.pagesFrom && !cache) throw new UsageError('--pages-from works through the cache, so it cannot be used with --no-cache');
  return shardOf(flags.pageShard, cache, '--page-shard');
}

/** `--pages-from DIR…`: the page shards' folders put together beside the output folder. */
export function assemblePageShards(outDir: string, cacheDir: string, parts: readonly string[] | undefined): Assembled | undefined {
  if (!parts || parts.length === 0) return undefined;
  const assembled = assembleParts(outDir, cacheDir, parts);
  if ('problem' in assembled) throw new UsageError(`--pages-from: ${assembled.problem}`);
  process.stdout.write(`${out.dim(`Put together ${plural(assembled.files, 'file')} from ${plural(parts.length, 'page shard')}.`)}\n`);
  return assembled;
}

/** After a successful build: the parts put together become the output; a page shard leaves its record. */
export async function finishPageShards(outDir: string, cacheDir: string, o: { assembled?: Assembled; pageShard?: Shard }): Promise<void> {
  if (o.assembled) {
    await swapIn(o.assembled.folder, outDir);
    rebindManifest(cacheDir, outDir);
  }
  if (o.pageShard) savePartRecord(cacheDir, outDir);
}

/** `build --shard K/N`: parse this shard's files into the cache; report every content error in them. */
export async function parseShard(
  input: string,
  cache: { dir: string; workers: number; threshold?: number },
  shard: Shard,
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
