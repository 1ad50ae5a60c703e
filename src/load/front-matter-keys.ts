/**
 * Every front-matter key an article may have. In a module of its own, with nothing imported, so the
 * command line can name them without loading the Markdown parser (tests/e2e/startup.test.ts).
 * markdown.ts reads values only through `valueOf`, which takes one of these, so a key read but
 * missing from this list (and so reported as a misspelling of another) does not compile.
 */
export const KNOWN_KEYS = ['title', 'date', 'updated', 'slug', 'summary', 'dateline', 'author', 'tags', 'corrections', 'aliases', 'draft'] as const;
export type Key = (typeof KNOWN_KEYS)[number];
