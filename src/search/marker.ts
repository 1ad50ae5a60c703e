/**
 * Pages that opt in to search. Templates decide, with `data-pagefind-body` (articles only, in the
 * shipped theme). Its own module so render threads can look for it without loading Pagefind.
 */
export const INDEXED_MARKER = 'data-pagefind-body';
