export interface Page<T> {
  items: T[];
  /** 1-based. */
  number: number;
  total: number;
  /** Site-relative path of this page: the list's own path for page 1, then `page/N/` under it. */
  path: string;
  prevPath?: string;
  nextPath?: string;
}

export function pagePath(listPath: string, n: number): string {
  return n === 1 ? listPath : `${listPath}page/${n}/`;
}

/** Splits a list into pages of `size`; an empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], size: number, listPath: string): Page<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  const pages: Page<T>[] = [];
  for (let n = 1; n <= total; n++) {
    pages.push({
      items: items.slice((n - 1) * size, n * size),
      number: n,
      total,
      path: pagePath(listPath, n),
      prevPath: n > 1 ? pagePath(listPath, n - 1) : undefined,
      nextPath: n < total ? pagePath(listPath, n + 1) : undefined,
    });
  }
  return pages;
}
