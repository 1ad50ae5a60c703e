import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParseBatch, ParseOutcome } from '../../src/parallel/parse-task.js';
import { renderThreadCount, WorkerPool } from '../../src/parallel/worker-pool.js';
import type { RenderBatch, Rendered } from '../../src/render/render-task.js';
import { fixtures, tempDir } from '../helpers.js';

/** The thread ids that wrote packs, from their names (`<prefix>-<threadId>.pack`). */
function packThreads(dir: string, prefix: string): Set<string> {
  return new Set(readdirSync(dir).filter((f) => f.startsWith(`${prefix}-`)).map((f) => f.slice(prefix.length + 1, -'.pack'.length)));
}

describe('one worker pool for parsing and rendering', () => {
  it('starts new threads when the kind of task changes, and each kind gives its result', async () => {
    const dir = path.join(fixtures, 'basic');
    const names = readdirSync(dir).sort();
    const packs = tempDir();
    const parse = (prefix: string): ParseBatch => ({
      items: names.map((name, index) => ({ index, full: path.join(dir, name), file: `basic/${name}` })),
      packDir: packs,
      generator: 'gen',
      packPrefix: prefix,
    });
    const staging = tempDir();
    const render: RenderBatch = {
      templates: { 'page.liquid': '<p>{{ page.title }}</p>', 'story.liquid': '<article data-pagefind-body>{{ page.title }}</article>' },
      stagingDir: staging,
      items: [
        { file: 'a/index.html', template: 'page', view: { site: {} as never, page: { title: 'One & two' } as never } },
        { file: 'b/index.html', template: 'story', view: { site: {} as never, page: { title: 'Three' } as never } },
      ],
    };
    const pool = new WorkerPool(1);
    try {
      const first = await pool.run<ParseOutcome[]>('parseBatch', parse('first'));
      expect(first.map((o) => o.errors)).toEqual(names.map(() => undefined));
      // No destroy between: the render task waits for the parser thread to stop and gets its own.
      const rendered = await pool.run<Rendered[]>('renderBatch', render);
      // Each written page says whether it opts in to search, so the index need not read back the others.
      expect(rendered).toEqual([
        { file: 'a/index.html', key: undefined, written: true, optsInToSearch: false },
        { file: 'b/index.html', key: undefined, written: true, optsInToSearch: true },
      ]);
      expect(readFileSync(path.join(staging, 'a/index.html'), 'utf8')).toBe('<p>One &amp; two</p>');
      expect(readFileSync(path.join(staging, 'b/index.html'), 'utf8')).toBe('<article data-pagefind-body>Three</article>');
      const second = await pool.run<ParseOutcome[]>('parseBatch', parse('second'));
      expect(second.map((o) => o.record?.title)).toEqual(first.map((o) => o.record?.title));
      // Each parse ran on a thread of its own: the render thread came between them.
      const [a, b] = [packThreads(packs, 'first'), packThreads(packs, 'second')];
      expect(a.size).toBe(1);
      expect(b.size).toBe(1);
      expect([...a][0]).not.toBe([...b][0]);
    } finally {
      await pool.destroy();
    }
  });
});

/** A parse task of one fixture article, its body packed into `packs` under `prefix`. */
function parseOne(packs: string, prefix: string, name: string, index: number): ParseBatch {
  const dir = path.join(fixtures, 'basic');
  return { items: [{ index, full: path.join(dir, name), file: `basic/${name}` }], packDir: packs, generator: 'gen', packPrefix: prefix };
}

describe('threads per kind of task', () => {
  it('runs a kind on fewer threads when told to, and the other kinds on all of them', async () => {
    const names = readdirSync(path.join(fixtures, 'basic')).sort();
    const packs = tempDir();
    const batch = (prefix: string, name: string, index: number) => parseOne(packs, prefix, name, index);
    // Parsing limited to one thread: every batch, all sent at once, lands in one thread's pack.
    const limited = new WorkerPool(2, { parseBatch: 1 });
    try {
      expect(limited.threadsFor('parseBatch')).toBe(1);
      expect(limited.threadsFor('renderBatch')).toBe(2);
      await Promise.all(names.map((name, i) => limited.run('parseBatch', batch('one', name, i))));
    } finally {
      await limited.destroy();
    }
    expect(packThreads(packs, 'one').size).toBe(1);
    // The same batches on a pool without a limit: tinypool starts both threads, and both take work.
    const full = new WorkerPool(2);
    try {
      await Promise.all(names.concat(names, names).map((name, i) => full.run('parseBatch', batch('two', name, i))));
    } finally {
      await full.destroy();
    }
    expect(packThreads(packs, 'two').size).toBe(2);
  });

  it('widens a kind to every thread while its threads run, starting only the missing ones', async () => {
    const names = readdirSync(path.join(fixtures, 'basic')).sort();
    const packs = tempDir();
    const batch = (prefix: string, name: string, index: number) => parseOne(packs, prefix, name, index);
    const pool = new WorkerPool(2, { parseBatch: 1 });
    try {
      await Promise.all(names.map((name, i) => pool.run('parseBatch', batch('narrow', name, i))));
      pool.widen('parseBatch');
      expect(pool.threadsFor('parseBatch')).toBe(2);
      await Promise.all(names.concat(names, names).map((name, i) => pool.run('parseBatch', batch('wide', name, i))));
    } finally {
      await pool.destroy();
    }
    const narrow = packThreads(packs, 'narrow');
    const wide = packThreads(packs, 'wide');
    expect(narrow.size).toBe(1);
    expect(wide.size).toBe(2);
    // The thread that ran before is one of the two: it went on beside the new one, not replaced by two.
    expect(wide.has([...narrow][0]!)).toBe(true);
  });

  it('leaves Pagefind a core while it indexes, and never renders on no thread', () => {
    expect(renderThreadCount(2, true)).toBe(1);
    expect(renderThreadCount(8, true)).toBe(7);
    expect(renderThreadCount(1, true)).toBe(1);
    expect(renderThreadCount(2, false)).toBe(2);
    expect(renderThreadCount(1, false)).toBe(1);
  });
});
