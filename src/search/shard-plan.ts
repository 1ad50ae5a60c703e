/** The year folder a page is in (`2019` for `2019/12/31/x/index.html` or `/2019/12/31/x/`), if any. */
export function yearFolderOf(pagePath: string): string | undefined {
  return /^\/?(\d{4})\//.exec(pagePath)?.[1];
}

/**
 * Which search shard a page belongs to. Pagefind holds a whole index in memory until it is written
 * (about 0.2 MB per article page), so the build writes several smaller indexes one after another
 * and the search page joins them in the browser (Pagefind's `mergeIndex`). Pages arrive oldest
 * first; a shard is named after the year of its first page.
 *
 * Boundaries fall on year edges. Given the number of indexed pages per year up front, whole
 * consecutive years are packed, oldest first, into one shard up to `maxPages`; only a year bigger
 * than that is split (into parts of `maxPages`, in the order its pages arrive). So which pages a
 * shard holds depends on its own years only: an article added to or changed in one year leaves the
 * shards of every other year as they were, and an incremental build keeps their index files (see
 * `SearchIndexingWriter`). An archive grows at its newest end, which is where packing ends, so its
 * growth touches the last shard only (or opens a new one). Filling page by page instead would shift
 * every later boundary by one with each article added.
 *
 * An archive with at most `maxPages` indexed pages still has one index: every extra shard lets
 * Pagefind add near-match results of its own for a word it lacks, so shards are as few as the limit
 * allows. Without counts (or for a page of a year that was not counted), shards fill page by page.
 */
export class ShardPlan {
  private current: { group: number | undefined; name: string; pages: number } | undefined;
  /** How many shards each name has had, so a year seen again (or split) gets a fresh name. */
  private readonly seen = new Map<string, number>();
  /** The packed group of each counted year: years of one group share a shard. */
  private readonly groups = new Map<string, number>();

  constructor(
    private readonly maxPages: number,
    pagesPerYear: Iterable<readonly [string, number]> = [],
  ) {
    let group = -1;
    let filled = Infinity;
    for (const [year, pages] of [...pagesPerYear].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (filled + pages > maxPages) (group++, (filled = 0));
      this.groups.set(year, group);
      filled += pages;
    }
  }

  /** The packed group of a counted year (`'2019'`): pages of one group share a search shard, or a run of them. */
  groupOfYear(year: string): number | undefined {
    return this.groups.get(year);
  }

  /** The name of the first shard of a build that indexes every page: the earliest counted year's. */
  get firstShardName(): string {
    return [...this.groups.keys()][0] ?? 'pages';
  }

  /**
   * The shard for the next page at `relativePath`, and whether it starts a new one (the previous
   * shard is then complete). Names are folder-safe: `2019`, `2019-2`, …; pages outside a year
   * folder go to `pages`.
   */
  next(relativePath: string): { name: string; isNew: boolean } {
    const year = yearFolderOf(relativePath);
    const group = year === undefined ? undefined : this.groups.get(year);
    const cur = this.current;
    if (cur && cur.pages < this.maxPages && (group === undefined || group === cur.group)) {
      cur.pages++;
      return { name: cur.name, isNew: false };
    }
    const key = year ?? 'pages';
    const n = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, n);
    this.current = { group, name: n === 1 ? key : `${key}-${n}`, pages: 1 };
    return { name: this.current.name, isNew: true };
  }
}
