import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatorKey, sha256 } from '../cache/keys.js';

/** A page as a shard's key sees it: where it is, and the hash of its HTML. */
export interface ShardPage {
  path: string;
  hash: string;
}

let pagefind: string | undefined;

/** The installed Pagefind's version: another Pagefind may write other index files from the same pages. */
function pagefindVersion(): string {
  if (pagefind) return pagefind;
  // `pagefind/package.json` is not exported: walk up from its entry point.
  let dir = path.dirname(fileURLToPath(import.meta.resolve('pagefind')));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'pagefind') return (pagefind = pkg.version ?? 'unknown');
    } catch {
      // no package.json at this level
    }
    const up = path.dirname(dir);
    if (up === dir) return (pagefind = 'unknown');
    dir = up;
  }
}

/**
 * What a shard's index files depend on, and so the key they are kept under between builds: the
 * generator (its code, which holds the index settings), Pagefind's version, the shard's name, whether
 * it is the first (which also carries Pagefind's scripts), and its pages in order with their HTML's hashes.
 * Two builds with equal keys for a shard would give Pagefind the same pages in the same order.
 */
export function shardKey(name: string, root: boolean, pages: readonly ShardPage[]): string {
  return sha256(generatorKey(), pagefindVersion(), name, root ? 'root' : 'merged', ...pages.flatMap((p) => [p.path, p.hash]));
}
