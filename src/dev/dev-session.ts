import EleventyDevServer from '@11ty/eleventy-dev-server';
import { watch } from 'chokidar';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { templateError } from '../render/template-error.js';
import { build } from '../build.js';
import { ParseCache } from '../load/parse-cache.js';
import type { ContentError, SiteConfig } from '../types.js';
import { SyncWriter } from '../write/sync-writer.js';
import { DEV_ROUTE, FIRST_BUILD_FAILED_PAGE, injectOverlayScript } from './inject.js';

export interface DevSessionOptions {
  inputDir: string;
  templatesDir: string;
  configFile: string;
  outDir: string;
  port: number;
  /** Reads the config afresh: it is watched too. */
  loadConfig: () => Promise<{ ok: true; config: SiteConfig } | { ok: false; errors: ContentError[] }>;
  /** The build's date for a config; `dev` always includes drafts, and the future with `--future`. */
  today: (config: SiteConfig) => string;
  future: boolean;
  /** Where the session reports; the command decides on colour and streams. */
  report: {
    built(summary: { articles: number; written: number; removed: number; parsed: number; files: number; ms: number }): void;
    failed(errors: ContentError[]): void;
    changed(file: string): void;
  };
  formatErrors: (errors: readonly ContentError[]) => string;
}

export interface DevSession {
  url: string;
  close(): Promise<void>;
}

const overlayClient = readFileSync(new URL('./overlay-client.js', import.meta.url), 'utf8');

/**
 * `news-archive dev`: builds with drafts into `outDir`, serves it with @11ty/eleventy-dev-server
 * (which injects its reload client), watches the input folder, templates and config, and rebuilds
 * on every change. Unchanged files are not parsed again (ParseCache) and only changed output files
 * are written (SyncWriter), and open pages are told exactly which files changed. A failed build
 * keeps the last good site and shows its errors in the terminal and over the page.
 */
export async function startDevSession(o: DevSessionOptions): Promise<DevSession> {
  const initial = await o.loadConfig();
  // The base path is fixed for the session: the server's path prefix cannot move under open pages.
  const basePath = initial.ok ? initial.config.basePath : '/';
  const writer = new SyncWriter(o.outDir, injectOverlayScript(basePath));
  const cache = new ParseCache();
  let status: { ok: true } | { ok: false; errors: string } = { ok: true };
  let hasOutput = false;

  const server = new EleventyDevServer('news-archive', o.outDir, {
    port: o.port,
    pathPrefix: basePath,
    portReassignmentRetryCount: 20,
    messageOnStart: () => false,
    logger: { info: () => undefined, log: () => undefined, error: (m) => process.stderr.write(`dev server: ${m}\n`) },
    onRequest: {
      [`${DEV_ROUTE}overlay.js`]: () => ({ headers: { 'Content-Type': 'text/javascript; charset=utf-8' }, body: overlayClient }),
      [`${DEV_ROUTE}status.json`]: () => ({
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
        body: JSON.stringify(status),
      }),
    },
  });

  async function rebuild(): Promise<void> {
    const started = performance.now();
    cache.resetCounts();
    const loaded = await o.loadConfig();
    let errors: ContentError[];
    let articles = 0;
    if (!loaded.ok) {
      errors = loaded.errors;
    } else {
      try {
        const result = await build(
          {
            inputDir: o.inputDir,
            templatesDir: o.templatesDir,
            config: loaded.config,
            publish: { today: o.today(loaded.config), drafts: true, future: o.future },
            parseCache: cache,
          },
          writer,
        );
        errors = result.errors;
        articles = result.articles;
      } catch (e) {
        // A template that fails is a mistake to fix, not a reason to stop the server; nor is anything
        // else that failed this build, which is said as what it is, not blamed on the templates.
        errors = [templateError(e, o.templatesDir) ?? { file: o.inputDir, message: `the build failed: ${e instanceof Error ? e.message : String(e)}` }];
      }
    }
    if (errors.length > 0) {
      status = { ok: false, errors: o.formatErrors(errors) };
      o.report.failed(errors);
      if (!hasOutput) {
        await writer.write('index.html', FIRST_BUILD_FAILED_PAGE);
        await writer.commit();
        hasOutput = true;
      }
      server.sendError({ error: new Error(status.errors) });
      return;
    }
    const recovered = !status.ok;
    status = { ok: true };
    hasOutput = true;
    const { written, removed } = writer.lastChanges;
    o.report.built({ articles, written: written.length, removed: removed.length, parsed: cache.misses, files: cache.hits + cache.misses, ms: performance.now() - started });
    // The server reads each file it is told of: a removed page (an article deleted) made it throw and
    // reload nothing, so a removal reloads every open page instead.
    if (removed.length > 0 || (recovered && written.length === 0)) server.reload({});
    else if (written.length > 0) server.reloadFiles(written.map((rel) => path.join(o.outDir, rel)));
  }

  // One build at a time; changes during a build cause exactly one more build after it.
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const kick = () => {
    if (running) {
      again = true;
      return;
    }
    running = rebuild()
      .catch((e: unknown) => {
        process.stderr.write(`dev: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      })
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          kick();
        }
      });
  };

  await rebuild();
  server.serve(o.port);
  await server.ready();

  // Editors save in bursts (write, rename, chmod): wait for the burst to end before building.
  const watcher = watch([o.inputDir, o.templatesDir, o.configFile], { ignoreInitial: true });
  watcher.on('all', (_event, file) => {
    o.report.changed(file);
    clearTimeout(timer);
    timer = setTimeout(kick, 60);
  });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    url: server.getServerUrl('localhost'),
    async close() {
      clearTimeout(timer);
      await watcher.close();
      await running;
      await server.close();
    },
  };
}
