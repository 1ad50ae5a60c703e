/**
 * Which files are articles, by extension, apart from the parsers themselves (parse-article.ts): the
 * file list is read on every build, and the parsers' modules (remark, YAML) take about a tenth of a
 * second to load, which a rebuild that parses nothing in this thread need not pay.
 */
export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown'] as const;

export type ArticleExtension = (typeof ARTICLE_EXTENSIONS)[number];

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot).toLowerCase();
}

export function isArticleFile(name: string): boolean {
  return (ARTICLE_EXTENSIONS as readonly string[]).includes(extensionOf(name));
}
