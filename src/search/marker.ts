/**
 * Pages that opt in to search. Templates decide, with `data-pagefind-body` (articles only, in the
 * shipped theme). Its own module so render threads can look for it without loading Pagefind.
 */
export const INDEXED_MARKER = 'data-pagefind-body';

/**
 * Whether any template can opt a page in to search: a template that never writes the marker gives
 * Pagefind nothing to index (the bench's minimal templates), so the build need not leave it a core.
 */
export function templatesOptInToSearch(templates: Readonly<Record<string, string>>): boolean {
  return Object.values(templates).some((source) => source.includes(INDEXED_MARKER));
}
