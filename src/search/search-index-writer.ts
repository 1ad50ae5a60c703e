import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Writer } from '../write/writer.js';

/** Where Pagefind's bundle (UI scripts, index chunks) goes under the output folder. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

/** Pages that opt in to search. Templates decide, with `data-pagefind-body` (articles only, in the shipped theme). */
const INDEXED_MARKER = 'data-pagefind-body';

/**
 * How many pages may be in Pagefind's queue at once: enough to hide the round trip, few enough to
 * bound memory. (Adding pages one at a time does not make Pagefind's filter and meta files
 * byte-stable: Pagefind writes them in hash-map order, upstream issue Pagefind/pagefind#638.)
 */
const MAX_IN_FLIGHT = 64;

/**
 * A Writer that passes every file through to the real writer and feeds the HTML pages that opt in
 * to a Pagefind index as they are written. On `commit` it writes the index bundle through the same
 * writer before committing, so search is part of the atomic swap: if indexing fails the build
 * aborts and the previous output stays. Pages are indexed from memory, so `MemoryWriter` works too.
 */
export class SearchIndexingWriter implements Writer {
  private readonly pending = new Set<Promise<void>>();
  private readonly errors: string[] = [];
  private indexed = 0;

  private constructor(
    private readonly inner: Writer,
    private readonly index: PagefindIndex,
  ) {}

  static async wrap(inner: Writer): Promise<SearchIndexingWriter> {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`search index: ${errors.join('; ') || 'Pagefind did not start'}`);
    return new SearchIndexingWriter(inner, index);
  }

  /** Pages added to the index so far. */
  get pageCount(): number {
    return this.indexed;
  }

  async write(relativePath: string, data: string | Uint8Array): Promise<void> {
    await this.inner.write(relativePath, data);
    this.add(relativePath, data);
    if (this.pending.size >= MAX_IN_FLIGHT) await Promise.race(this.pending);
  }

  // Incremental and parallel builds (see Writer): pages kept from the last build or written by worker
  // threads never pass through `write`, so they are read back from disk to be indexed all the same.
  get stagingDir(): string | undefined {
    return this.inner.stagingDir;
  }

  reuse(relativePath: string, key: () => string): boolean {
    const kept = this.inner.reuse?.(relativePath, key) ?? false;
    if (kept) this.addFromDisk(relativePath, false);
    return kept;
  }

  adopt(relativePath: string, key: string | undefined, written: boolean): void {
    this.inner.adopt!(relativePath, key, written);
    this.addFromDisk(relativePath, written);
  }

  previousKey(relativePath: string): string | undefined {
    return this.inner.previousKey?.(relativePath);
  }

  lastBuild(buildKey: string): unknown {
    return this.inner.lastBuild?.(buildKey);
  }

  recordBuild(buildKey: string, summary: unknown): void {
    this.inner.recordBuild?.(buildKey, summary);
  }

  /** A page written into the staging folder, or kept as it is in the output folder. */
  private addFromDisk(relativePath: string, written: boolean): void {
    if (!relativePath.endsWith('.html')) return;
    const dir = written ? this.inner.stagingDir : this.inner.outDir;
    if (dir === undefined) throw new Error(`search index: cannot read back ${relativePath}`);
    this.add(relativePath, readFileSync(path.join(dir, relativePath), 'utf8'));
  }

  private add(relativePath: string, data: string | Uint8Array): void {
    if (typeof data !== 'string' || !relativePath.endsWith('.html') || !data.includes(INDEXED_MARKER)) return;
    // Pagefind derives the page URL from `sourcePath` (`2025/07/04/x/index.html` → `/2025/07/04/x/`);
    // the search page's script adds the base path, so the index does not depend on where the site is served.
    const job: Promise<void> = this.index
      .addHTMLFile({ sourcePath: relativePath, content: data })
      .then(
        (r) => {
          if (r.errors.length > 0) this.errors.push(...r.errors.map((e) => `${relativePath}: ${e}`));
          else this.indexed++;
        },
        (err: unknown) => void this.errors.push(`${relativePath}: ${String(err)}`),
      )
      .finally(() => this.pending.delete(job));
    this.pending.add(job);
  }

  async commit(): Promise<void> {
    try {
      await Promise.all(this.pending);
      if (this.errors.length > 0) throw new Error(`search index failed:\n${this.errors.join('\n')}`);
      const { files, errors } = await this.index.getFiles();
      if (errors.length > 0) throw new Error(`search index failed:\n${errors.join('\n')}`);
      for (const f of files) await this.inner.write(`${SEARCH_BUNDLE_DIR}/${f.path}`, f.content);
    } finally {
      await this.index.deleteIndex();
    }
    await this.inner.commit();
  }

  async abort(): Promise<void> {
    await Promise.allSettled(this.pending);
    await this.index.deleteIndex().catch(() => undefined);
    await this.inner.abort();
  }
}
