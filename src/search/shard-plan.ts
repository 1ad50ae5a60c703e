/**
 * Which search shard a page belongs to. Pagefind holds a whole index in memory until it is written
 * (about 0.2 MB per article page), so the build writes several smaller indexes one after another
 * and the search page joins them in the browser (Pagefind's `mergeIndex`). A shard is filled up to
 * `maxPages` before the next starts, so an archive smaller than that has one index: every extra
 * shard lets Pagefind add near-match results of its own for a word it lacks. Pages arrive oldest
 * first; a shard is named after the year of its first page.
 */
export class ShardPlan {
  private current: { key: string; name: string; pages: number } | undefined;
  /** How many shards each key has had, so a key seen again (or split) gets a fresh name. */
  private readonly seen = new Map<string, number>();

  constructor(private readonly maxPages: number) {}

  /**
   * The shard for the next page at `relativePath`, and whether it starts a new one (the previous
   * shard is then complete). Names are folder-safe: `2019`, `2019-2`, …; pages outside a year
   * folder go to `pages`.
   */
  next(relativePath: string): { name: string; isNew: boolean } {
    const key = /^(\d{4})\//.exec(relativePath)?.[1] ?? 'pages';
    const cur = this.current;
    if (cur && cur.pages < this.maxPages) {
      cur.pages++;
      return { name: cur.name, isNew: false };
    }
    const n = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, n);
    this.current = { key, name: n === 1 ? key : `${key}-${n}`, pages: 1 };
    return { name: this.current.name, isNew: true };
  }
}
