import type { Command } from 'commander';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { displayPath } from '../load/source-files.js';
import { buildDate } from './build-date.js';
import { out } from './colors.js';
import { addArchiveOptions, loadSiteConfig, plural, printErrors, type ArchiveFlags } from './common.js';
import { UsageError } from './exit-codes.js';
import { checkOutputFolder, checkOutputIsOurs } from './output-folder.js';
import { formatErrors } from './report.js';

interface DevFlags extends ArchiveFlags {
  port: string;
  out?: string;
  future: boolean;
}

/**
 * Dev output lives outside the project by default, so a preview with drafts can never be deployed by
 * mistake: one folder per archive (working folder, input and config), so two previews of different
 * archives started from one folder do not write over each other.
 */
function defaultDevOut(flags: ArchiveFlags): string {
  const id = createHash('sha256').update([process.cwd(), path.resolve(flags.input), path.resolve(flags.config)].join('\0')).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), `news-archive-dev-${id}`);
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, found "${text}"`);
  return port;
}

async function runDev(flags: DevFlags): Promise<void> {
  const port = parsePort(flags.port);
  const outDir = flags.out ?? defaultDevOut(flags);
  if (flags.out !== undefined) {
    checkOutputFolder(flags.out, { input: flags.input, templates: flags.templates, config: flags.config });
    // The dev server keeps no cache: a folder of files, if not marked as an output, is not replaced.
    checkOutputIsOurs(flags.out, () => false);
  }
  const time = () => new Date().toLocaleTimeString();
  // The dev server's modules (a web server, a file watcher) are loaded by this command only.
  const { startDevSession } = await import('../dev/dev-session.js');
  const session = await startDevSession({
    inputDir: flags.input,
    templatesDir: flags.templates,
    configFile: flags.config,
    outDir,
    port,
    loadConfig: () => loadSiteConfig(flags),
    today: (config) => buildDate(config),
    future: flags.future,
    formatErrors,
    report: {
      built: (s) =>
        process.stdout.write(
          `${out.dim(time())} ${out.green('built')} ${plural(s.articles, 'article')} (drafts included): ` +
            `parsed ${s.parsed} of ${plural(s.files, 'file')}, wrote ${s.written}, removed ${s.removed} in ${Math.round(s.ms)} ms\n`,
        ),
      failed: (errors) => printErrors(errors, `${time()} build failed: still serving the last good build; fix and save to retry`),
      changed: (file) => process.stdout.write(`${out.dim(`${time()} changed ${displayPath(file)}`)}\n`),
    },
  });
  process.stdout.write(`${out.bold('Serving')} ${out.cyan(session.url)} ${out.dim(`(drafts included; ${outDir}; Ctrl+C to stop)`)}\n`);
  const stop = () => {
    void session.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export function devCommand(program: Command): void {
  const cmd = program
    .command('dev')
    .description('build with drafts, serve on localhost, rebuild on every change and reload open pages')
    .option('-p, --port <number>', 'port to serve on; the next free one is used when it is taken (0: any free port)', '8080')
    .option('-o, --out <dir>', 'where the preview is written (default: a folder in the system temp directory, never dist/)');
  addArchiveOptions(cmd)
    .option('--future', "also include articles dated after today (drafts are always included)", false)
    .action(async (flags: DevFlags) => {
      await runDev(flags);
    });
}
