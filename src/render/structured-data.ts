import type { Article, SiteConfig } from '../types.js';
import { isoTimestamp } from '../model/timestamps.js';
import { textOf } from '../model/one-byte.js';

/**
 * Serialises JSON for a `<script type="application/ld+json">` element. `<`, `>` and `&` are
 * escaped as `\u003c`… so no string in the data (a title with `</script>`) can end the element.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** schema.org `NewsArticle` for one article page. */
export function newsArticleJsonLd(a: Article, config: SiteConfig, url: string): Record<string, unknown> {
  const published = isoTimestamp(a.date, config.timeZone);
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    description: textOf(a.summary),
    datePublished: published,
    dateModified: a.modified ? isoTimestamp(a.modified, config.timeZone) : published,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    publisher: { '@type': 'Organization', name: config.publisher, url: config.baseUrl },
    inLanguage: config.language,
    wordCount: a.wordCount,
    keywords: a.topics.map((t) => t.name),
  };
  if (a.dateline) data['dateline'] = a.dateline;
  data['author'] = a.author ? { '@type': 'Person', name: a.author } : { '@type': 'Organization', name: config.publisher };
  return data;
}
