import { Command } from 'commander';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../build.js';
import { loadConfig } from '../load/config.js';
import { sha256 } from '../cache/keys.js';
import { defaultWorkers } from '../parallel/parse-pool.js';
import { DiskWriter } from '../write/disk-writer.js';
import { IncrementalDiskWriter } from '../write/incremental-writer.js';
import { createProgress } from './progress.js';
import { formatErrors } from './report.js';

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const version = (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;

interface BuildFlags {
  input: string;
  out: string;
  config: string;
  templates: string;
  baseUrl?: string;
  cache: boolean;
  cacheDir: string;
  workers?: string;
}

async function runBuild(flags: BuildFlags): Promise<number> {
  const started = process.hrtime.bigint();
  const overrides: Record<string, unknown> = {};
  if (flags.baseUrl !== undefined) overrides['baseUrl'] = flags.baseUrl;
  const loaded = await loadConfig(flags.config, overrides);
  if (!loaded.ok) {
    process.stderr.write(`${formatErrors(loaded.errors)}\nbuild failed: ${flags.out}/ left unchanged\n`);
    return 1;
  }
  const cache = cacheFor(flags);
  const writer = flags.cache ? new IncrementalDiskWriter(flags.out, cache.dir) : new DiskWriter(flags.out);
  const progress = createProgress(process.stderr);
  let result;
  try {
    result = await build(
      { inputDir: flags.input, templatesDir: flags.templates, config: loaded.config, cache, onProgress: progress.report },
      writer,
    );
  } finally {
    progress.stop();
    if (!flags.cache) rmSync(cache.dir, { recursive: true, force: true });
  }
  if (result.errors.length > 0) {
    process.stderr.write(`${formatErrors(result.errors)}\nbuild failed: ${flags.out}/ left unchanged\n`);
    return 1;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(`Built ${result.articles} articles, ${result.pages} pages in ${seconds.toFixed(2)} s → ${flags.out}/\n`);
  return 0;
}

/** The cache folder for this output folder (or a throw-away one with `--no-cache`), and the thread count. */
function cacheFor(flags: BuildFlags): { dir: string; workers: number } {
  const workers = flags.workers === undefined ? defaultWorkers() : Number(flags.workers);
  if (!Number.isInteger(workers) || workers < 0) throw new Error('--workers takes a whole number (0 parses on the main thread)');
  const dir = flags.cache
    ? path.join(path.resolve(flags.cacheDir), sha256(path.resolve(flags.out)).slice(0, 16))
    : mkdtempSync(path.join(os.tmpdir(), 'news-archive-bodies-'));
  return { dir, workers };
}

const program = new Command()
  .name('news-archive')
  .description('Builds a static news archive from a folder of article files.')
  .version(version);

program
  .command('build')
  .description('build the site from the input folder into the output folder')
  .option('-i, --input <dir>', 'folder of article files (.txt seed format, .md with YAML front matter)', 'seeds')
  .option('-o, --out <dir>', 'output folder, replaced only when the build succeeds', 'dist')
  .option('-c, --config <file>', 'config file (JSON)', 'archive.config.json')
  .option('-t, --templates <dir>', 'templates folder', path.join(packageRoot, 'templates'))
  .option('--base-url <url>', 'absolute base URL, overriding the config (e.g. https://example.github.io/archive/)')
  .option('--cache-dir <dir>', 'content-hash cache for fast rebuilds', '.cache/news-archive')
  .option('--no-cache', 'build everything from scratch and keep no cache')
  .option('--workers <n>', 'parser threads (default: one per core)')
  .action(async (flags: BuildFlags) => {
    process.exitCode = await runBuild(flags);
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`news-archive: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 2;
});
