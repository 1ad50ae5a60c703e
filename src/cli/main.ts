import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../build.js';
import { loadConfig } from '../load/config.js';
import { DiskWriter } from '../write/disk-writer.js';
import { formatErrors } from './report.js';

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const version = (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;

interface BuildFlags {
  input: string;
  out: string;
  config: string;
  templates: string;
  baseUrl?: string;
  /** False with `--no-search`. */
  search: boolean;
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
  const writer = new DiskWriter(flags.out);
  const result = await build({ inputDir: flags.input, templatesDir: flags.templates, config: loaded.config, search: flags.search }, writer);
  if (result.errors.length > 0) {
    process.stderr.write(`${formatErrors(result.errors)}\nbuild failed: ${flags.out}/ left unchanged\n`);
    return 1;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(`Built ${result.articles} articles, ${result.pages} pages in ${seconds.toFixed(2)} s → ${flags.out}/\n`);
  return 0;
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
  .option('--no-search', 'skip the Pagefind search index (quicker builds; /search/ then says search is unavailable)')
  .action(async (flags: BuildFlags) => {
    process.exitCode = await runBuild(flags);
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`news-archive: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 2;
});
