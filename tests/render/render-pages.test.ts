/**
 * Keying pages that an incremental build keeps is synchronous work (hashes of the articles each page
 * shows) that never waits on I/O by itself. The search index feeds Pagefind, a child process, over a
 * pipe at the same time: its replies are I/O callbacks, which run only when the event loop gets a turn.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/load/config.js';
import { loadTheme } from '../../src/load/theme.js';
import { createTemplateEngine } from '../../src/render/engine.js';
import { HeapPacer } from '../../src/render/heap-pacer.js';
import type { PageJob } from '../../src/render/page-job.js';
import { renderPages } from '../../src/render/render-pages.js';
import { MemoryWriter } from '../../src/write/writer.js';
import { repoRoot } from '../helpers.js';

/** A writer that has every page from a previous build, unchanged: nothing is rendered, every page is only keyed. */
class KeepsEverything extends MemoryWriter {
  readonly kept: string[] = [];
  reuse(relativePath: string): boolean {
    this.kept.push(relativePath);
    return true;
  }
}

describe('renderPages on a build that keeps its pages', () => {
  it('gives the event loop a turn while it keys them, not only when all are keyed', async () => {
    const parsed = parseConfig(undefined, 'archive.config.json');
    if (!parsed.ok) throw new Error('default config');
    const theme = await loadTheme(path.join(repoRoot, 'templates'));
    const writer = new KeepsEverything();
    const total = 1000;
    const jobs = function* (): Generator<PageJob> {
      for (let i = 0; i < total; i++) {
        yield {
          path: `/2000/01/01/page-${i}/`,
          template: 'article',
          get view(): never {
            throw new Error('a kept page needs no view');
          },
        };
      }
    };
    // An I/O callback's stand-in: queued again at every turn of the loop until keying is done.
    const keptAtEachTurn: number[] = [];
    let done = false;
    const onTurn = () => {
      keptAtEachTurn.push(writer.kept.length);
      if (!done) setImmediate(onTurn);
    };
    setImmediate(onTurn);

    const result = await renderPages(jobs(), {
      engine: createTemplateEngine(theme.templates),
      theme,
      config: parsed.config,
      writer,
      heap: new HeapPacer(),
    });
    done = true;

    expect(result.pages).toBe(total);
    expect(writer.kept.length).toBe(total);
    expect(writer.files.size).toBe(0);
    // A turn before the first page and after every 128 kept pages, not one after the last page only.
    expect(keptAtEachTurn).toEqual([0, 128, 256, 384, 512, 640, 768, 896]);
  });
});
