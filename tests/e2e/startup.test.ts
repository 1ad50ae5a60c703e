import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtures, runCli, tempDir } from '../helpers.js';

/** Packages the command line loads only when it needs them (parsing, feeds, sitemaps, the dev server). */
const LAZY = ['remark-parse', 'gray-matter', 'feed', 'sitemap', '@11ty/eleventy-dev-server', 'chokidar'];

/** Runs the CLI with a module hook that records every module it loads; returns the packages among `LAZY` it loaded. */
function lazyPackagesLoaded(root: string, args: string[]): { code: number | null; loaded: string[] } {
  const log = path.join(root, `modules-${Math.random().toString(36).slice(2)}.log`);
  writeFileSync(log, '');
  const hooks = path.join(root, 'hooks.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';\nexport async function resolve(specifier, context, next) {\n  const r = await next(specifier, context);\n  appendFileSync(process.env.MODULE_LOG, r.url + '\\n');\n  return r;\n}\n`,
  );
  const register = path.join(root, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  const r = runCli(args, { env: { MODULE_LOG: log, NODE_OPTIONS: `--import ${pathToFileURL(register).href}` } });
  const urls = readFileSync(log, 'utf8').split('\n');
  return { code: r.code, loaded: LAZY.filter((p) => urls.some((u) => u.includes(`/node_modules/${p}/`))) };
}

describe('start-up: what the command line loads', () => {
  it('--version and a rebuild with nothing changed load none of the parsers, feed, sitemap or dev-server modules', () => {
    const root = tempDir();
    const input = path.join(root, 'in');
    cpSync(path.join(fixtures, 'basic'), input, { recursive: true });
    const build = ['build', '--input', input, '--out', path.join(root, 'dist'), '--config', path.join(fixtures, 'basic.config.json'), '--cache-dir', path.join(root, 'cache')];
    expect(lazyPackagesLoaded(root, ['--version'])).toEqual({ code: 0, loaded: [] });
    // The hook sees them when they are needed: a cold build parses, and makes feeds and sitemaps.
    expect(lazyPackagesLoaded(root, build)).toEqual({ code: 0, loaded: ['remark-parse', 'gray-matter', 'feed', 'sitemap'] });
    expect(lazyPackagesLoaded(root, build)).toEqual({ code: 0, loaded: [] });
  });
});
