import { parseShardIntoCache } from '../cache/load-cached.js';
import { mergeCaches } from '../cache/merge-cache.js';
import { parseShardSpec, type Shard } from '../load/shard.js';
import { out } from './colors.js';
import { plural, printErrors } from './common.js';
import { EXIT, UsageError, type ExitCode } from './exit-codes.js';
import { createProgress } from './progress.js';

/**
 * A build split over machines (see README › Past one machine): each machine parses one shard of
 * the input into its cache (`build --shard K/N`), and the build that writes the site first adds
 * those caches to its own (`--cache-from`), so it parses nothing.
 */

export function shardOf(spec: string | undefined, cache: boolean): Shard | undefined {
  if (spec === undefined) return undefined;
  const shard = parseShardSpec(spec);
  if ('error' in shard) throw new UsageError(shard.error);
  if (!cache) throw new UsageError('--shard parses into the cache for a later build, so it cannot be used with --no-cache');
  return shard;
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
