import type { Article } from '../types.js';

/**
 * For each calendar day of the year (`07-04`), its oldest article and the first one from a later
 * year, if any: enough to tell, for any article, whether its day has articles in other years
 * (`otherYearOnSameDay`), in a map of at most 366 entries whatever the archive's size.
 */
export type SameDayIndex = ReadonlyMap<string, { oldest: Article; laterYear: Article | undefined }>;

/** The index of `articles`, oldest first. */
export function sameDayIndex(articles: readonly Article[]): SameDayIndex {
  const index = new Map<string, { oldest: Article; laterYear: Article | undefined }>();
  for (const a of articles) {
    const entry = index.get(a.date.slice(5));
    if (!entry) index.set(a.date.slice(5), { oldest: a, laterYear: undefined });
    else if (entry.laterYear === undefined && a.date.slice(0, 4) !== entry.oldest.date.slice(0, 4)) entry.laterYear = a;
  }
  return index;
}

/** An article from another year on the same day as `a`, or undefined when only `a`'s year has that day. */
export function otherYearOnSameDay(index: SameDayIndex, a: Article): Article | undefined {
  const entry = index.get(a.date.slice(5));
  if (!entry) return undefined;
  return entry.oldest.date.slice(0, 4) !== a.date.slice(0, 4) ? entry.oldest : entry.laterYear;
}
