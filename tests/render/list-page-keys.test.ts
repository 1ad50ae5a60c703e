/**
 * List pages (home, year, month, day, topic, on-this-day) on an incremental build are keyed by the
 * identities of the articles they list and the archive's shape, so an unchanged one is recognised
 * without building its view, and one whose inputs changed but whose view did not is not rewritten.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus.js';
import { loadArticlesCached } from '../../src/cache/load-cached.js';
import { archiveShapeKey } from '../../src/cache/page-key.js';
import { parseConfig } from '../../src/load/config.js';
import { loadTheme } from '../../src/load/theme.js';
import { buildSiteModel } from '../../src/model/site.js';
import { createTemplateEngine } from '../../src/render/engine.js';
import { HeapPacer } from '../../src/render/heap-pacer.js';
import type { PageJob } from '../../src/render/page-job.js';
import { renderPages } from '../../src/render/render-pages.js';
import { planSite, renderContext } from '../../src/render/site-pages.js';
import { IncrementalDiskWriter } from '../../src/write/incremental-writer.js';
import { repoRoot, snapshotSite, tempDir } from '../helpers.js';

const config = (() => {
  const r = parseConfig(undefined, 'archive.config.json');
  if (!r.ok) throw new Error('default config');
  return r.config;
})();

/** Renders every page of `input` into `out` as an incremental build does; returns the paths whose view was built. */
async function incrementalBuild(input: string, out: string, cache: string): Promise<Set<string>> {
  const loaded = await loadArticlesCached(input, { dir: cache, workers: 0 });
  const model = buildSiteModel(loaded.articles);
  const theme = await loadTheme(path.join(repoRoot, 'templates'));
  const writer = new IncrementalDiskWriter(out, cache);
  const viewed = new Set<string>();
  function* counted(jobs: Iterable<PageJob>): Generator<PageJob> {
    for (const job of jobs) {
      yield new Proxy(job, {
        get(target, key, receiver) {
          if (key === 'view') viewed.add(target.path);
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
    }
  }
  await renderPages(counted(planSite(model, renderContext(config, {}, loaded.bodyOf))), {
    engine: createTemplateEngine(theme.templates),
    theme,
    config,
    writer,
    identityOf: loaded.identityOf,
    archiveShape: archiveShapeKey(model.articles),
    heap: new HeapPacer(),
  });
  await writer.commit();
  loaded.bodies.close();
  return viewed;
}

/** The same pages rendered from scratch: a first build into a new folder with a new cache. */
async function coldPages(input: string): Promise<Map<string, string>> {
  const out = path.join(tempDir(), 'dist');
  await incrementalBuild(input, out, path.join(tempDir(), 'cache'));
  return snapshotSite(out);
}

const isListPage = (p: string) => /^\/(?:page\/\d+\/|\d{4}\/(?:\d\d\/(?:\d\d\/)?)?(?:page\/\d+\/)?|topics\/[^/]+\/(?:page\/\d+\/)?|on-this-day\/[^/]+\/)$/.test(p) || p === '/';

describe('list pages keyed by what they show', () => {
  it('a changed article body builds the views of only the list pages that list it, and the site equals a cold build', async () => {
    const input = path.join(tempDir(), 'in');
    writeCorpus(input, 120, 3);
    const out = path.join(tempDir(), 'dist');
    const cache = path.join(tempDir(), 'cache');
    const first = await incrementalBuild(input, out, cache);
    const listPages = [...first].filter(isListPage);
    expect(listPages.length).toBeGreaterThan(100);

    const target = path.join(input, '2000', '000001.md');
    writeFileSync(target, `${readFileSync(target, 'utf8').trimEnd()} One more sentence.\n`);
    const second = await incrementalBuild(input, out, cache);
    const rebuiltLists = [...second].filter(isListPage);
    // Its day, month, topic and on-this-day pages, and a home page if it is recent: a few, not all.
    expect(rebuiltLists.length).toBeGreaterThan(0);
    expect(rebuiltLists.length).toBeLessThan(15);

    expect(snapshotSite(out)).toEqual(await coldPages(input));
  });

  it('a retitled article changes every list page key, yet list pages whose view is unchanged are not written again', async () => {
    const input = path.join(tempDir(), 'in');
    writeCorpus(input, 60, 5);
    const out = path.join(tempDir(), 'dist');
    const cache = path.join(tempDir(), 'cache');
    await incrementalBuild(input, out, cache);
    const dayPages = (readdirSync(out, { recursive: true }) as string[]).filter((f) => /^\d{4}\/\d\d\/\d\d\/index\.html$/.test(f));
    const inodes = new Map(dayPages.map((f) => [f, statSync(path.join(out, f)).ino]));
    const target = path.join(input, '2000', '000001.md');
    writeFileSync(target, readFileSync(target, 'utf8').replace(/^title: .*$/m, 'title: A wholly new headline'));
    const second = await incrementalBuild(input, out, cache);
    // The archive's shape changed (a path moved): every list page's view is built and compared again.
    expect([...second].filter(isListPage).length).toBeGreaterThan(40);
    const now = snapshotSite(out);
    expect(now).toEqual(await coldPages(input));
    // Day pages that do not list the article are the very files the first build wrote (same inode).
    const kept = dayPages.filter((f) => existsSync(path.join(out, f)) && statSync(path.join(out, f)).ino === inodes.get(f));
    expect(dayPages.length).toBeGreaterThan(20);
    expect(kept.length).toBe(dayPages.length - 1);
  });
});
