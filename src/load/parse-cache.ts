import { createHash } from 'node:crypto';
import type { ContentError, ParsedArticle } from '../types.js';

type Parsed = ParsedArticle | ContentError | ContentError[];

/**
 * Remembers each file's parse result by its path and content hash, for the dev server: parsing is
 * pure (same bytes and path, same result), so an unchanged file is never parsed twice in one session.
 */
export class ParseCache {
  private readonly entries = new Map<string, { hash: string; result: Parsed }>();
  hits = 0;
  misses = 0;

  get(file: string, bytes: Uint8Array, parse: () => Parsed): Parsed {
    const hash = createHash('sha256').update(bytes).digest('base64');
    const cached = this.entries.get(file);
    if (cached && cached.hash === hash) {
      this.hits++;
      return cached.result;
    }
    this.misses++;
    const result = parse();
    this.entries.set(file, { hash, result });
    return result;
  }

  resetCounts(): void {
    this.hits = 0;
    this.misses = 0;
  }
}
