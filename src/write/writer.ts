import path from 'node:path';

/**
 * Where the build puts its files. Only implementations of this interface touch the output;
 * every path is relative to the output folder and checked to stay inside it.
 */
export interface Writer {
  write(relativePath: string, data: string | Uint8Array): Promise<void>;
  /** Makes everything written visible at once. */
  commit(): Promise<void>;
  /** Throws away everything written; the previous output stays as it was. */
  abort(): Promise<void>;
  /**
   * The previous build's record of the output folder is wrong (a file it kept is not there): the
   * next build must not trust it, and makes the whole site again.
   */
  forgetPrevious?(): void;
  /**
   * Optional, for incremental builds: true when the file the previous build wrote under the same
   * key can stay, so the caller need not render it. `key` is computed only when needed.
   */
  reuse?(relativePath: string, key: () => string): boolean;
  /**
   * Optional, for writers that stage files on disk: a folder other threads may write files into
   * directly (same relative paths), after which the writer is told with `adopt`.
   */
  readonly stagingDir?: string;
  /** The output folder, for writers that write one: where kept files can be read back. */
  readonly outDir?: string;
  /**
   * Takes over a file written into `stagingDir` (`written`), or kept from the previous build because
   * its key is unchanged (not `written`). `key` is the page key, when pages are keyed. `optsInToSearch`,
   * for a written page when the thread that wrote it knows: whether it has the search index's marker
   * (`data-pagefind-body`), so a search index need not read back a page that cannot be in it.
   */
  adopt?(relativePath: string, key: string | undefined, written: boolean, optsInToSearch?: boolean): void;
  /** The key the previous build wrote this file under, for keyed writers. */
  previousKey?(relativePath: string): string | undefined;
  /** The summary the previous build recorded under this whole-build key, when its output is still in place. */
  lastBuild?(buildKey: string): unknown;
  /** Records this build's key and summary, saved on `commit`. */
  recordBuild?(buildKey: string, summary: unknown): void;
  /**
   * Optional, for keyed writers: the files the previous build wrote under a grouped key, one of the
   * form `<group>#<anything>` (the search index keys each shard's files `search:<shard key>#…`),
   * so a wrapper can keep a whole group with `adopt(path, previousKey(path), false)`.
   */
  previousGroup?(group: string): string[];
  /** Optional, for keyed writers: a small record a wrapper saved with the previous build (see `saveRecord`). */
  previousRecord?(name: string): unknown;
  /** Saves a small JSON record under `name` with this build's keys on `commit`, for the next build. */
  saveRecord?(name: string, value: unknown): void;
  /**
   * Optional, for writers that work behind the calls they are given (the search index takes adopted
   * pages into a queue and indexes them at Pagefind's pace): resolves once that backlog is small
   * again. Callers that hand over pages faster than it keeps up wait on it, like a stream's `drain`,
   * so the pages waiting with new bytes stay bounded whatever the archive's size. (The search index
   * lets pages kept from the previous build wait without bound: each is a path, about 50 bytes.)
   */
  drained?(): Promise<void>;
  /**
   * Optional, for the same writers: whether their work beside the build has begun and caught up
   * (every page handed over so far taken, none waiting on Pagefind, no index being written). Until
   * then rendering leaves the search index a core (see `renderThreadCount`); after, it takes them all.
   */
  caughtUp?(): boolean;
}

/**
 * Rejects any path that could leave the output folder: absolute paths, `..` segments, NUL,
 * backslashes (a separator on Windows hosts). Content decides some paths (slugs), so this is a guard, not an assumption.
 */
export function checkRelativePath(relativePath: string): string {
  const normal = path.posix.normalize(relativePath);
  if (
    relativePath.length === 0 ||
    relativePath.includes('\0') ||
    relativePath.includes('\\') ||
    path.posix.isAbsolute(relativePath) ||
    normal.startsWith('../') ||
    normal === '..' ||
    normal !== relativePath
  ) {
    throw new Error(`refusing to write outside the output folder: ${JSON.stringify(relativePath)}`);
  }
  return normal;
}

/** The in-memory twin, for tests: same checks, no disk. */
export class MemoryWriter implements Writer {
  readonly files = new Map<string, string | Uint8Array>();
  private staged = new Map<string, string | Uint8Array>();
  committed = false;

  async write(relativePath: string, data: string | Uint8Array): Promise<void> {
    this.staged.set(checkRelativePath(relativePath), data);
  }
  async commit(): Promise<void> {
    this.files.clear();
    for (const [k, v] of this.staged) this.files.set(k, v);
    this.staged = new Map();
    this.committed = true;
  }
  async abort(): Promise<void> {
    this.staged = new Map();
  }
  text(relativePath: string): string {
    const v = this.files.get(relativePath);
    if (v === undefined) throw new Error(`not written: ${relativePath}`);
    return typeof v === 'string' ? v : new TextDecoder().decode(v);
  }
}

/**
 * A file an incremental build kept from the previous build is not in the output folder (deleted or
 * moved by hand, though the folder belongs to the build). The build stops, leaving the folder as it
 * was, and the next one makes the whole site again.
 */
export class OutputChangedError extends Error {
  constructor(readonly file: string) {
    super(`${file} was deleted or moved since the last build`);
  }
}
