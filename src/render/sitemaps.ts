import { Readable } from 'node:stream';
import { SitemapIndexStream, SitemapStream, streamToPromise, type SitemapItemLoose } from 'sitemap';
import type { SiteModel } from '../model/site.js';
import { isoTimestamp } from '../model/timestamps.js';
import type { OutputFile } from './feeds.js';
import type { RenderContext } from './page-job.js';

/** The sitemap protocol's limit per file; past it, `sitemap.xml` becomes an index of numbered sitemaps. */
export const URLS_PER_SITEMAP = 50_000;
/** Google News wants only recent articles: here, those of the archive's two most recent days. */
const NEWS_DAYS = 2;

const EMPTY_URLSET =
  '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"></urlset>';

/** The library refuses an empty sitemap; an empty archive (or no recent news) still gets a valid, empty one. */
async function toXml(stream: SitemapStream | SitemapIndexStream, items: readonly unknown[]): Promise<string> {
  if (items.length === 0) return EMPTY_URLSET;
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString('utf8');
}

export interface SitemapEntry {
  /** Site-relative path of the page. */
  path: string;
  lastmod?: string;
}

/**
 * `sitemap.xml` (an index over `sitemap-N.xml` past 50,000 URLs), `news-sitemap.xml` and `robots.txt`,
 * one file at a time: each is made from its own slice of the entries and written before the next is
 * made (at 100,000 articles, all of them at once held 130,000 items and their XML at the build's end).
 */
export async function* sitemapFiles(entries: readonly SitemapEntry[], model: SiteModel, ctx: RenderContext, limit = URLS_PER_SITEMAP): AsyncGenerator<OutputFile> {
  const { link, config } = ctx;
  const items = (from: number, to: number): SitemapItemLoose[] =>
    entries.slice(from, to).map((e) => ({ url: link.absolute(e.path), ...(e.lastmod ? { lastmod: e.lastmod } : {}) }));
  if (entries.length <= limit) {
    yield { path: 'sitemap.xml', content: await toXml(new SitemapStream(), items(0, entries.length)) };
  } else {
    const names: string[] = [];
    for (let i = 0; i * limit < entries.length; i++) {
      const name = `sitemap-${i + 1}.xml`;
      names.push(name);
      yield { path: name, content: await toXml(new SitemapStream(), items(i * limit, (i + 1) * limit)) };
    }
    yield { path: 'sitemap.xml', content: await toXml(new SitemapIndexStream(), names.map((n) => ({ url: link.absolute(`/${n}`) }))) };
  }

  const recentDays = model.days.slice(-NEWS_DAYS);
  const news: SitemapItemLoose[] = recentDays.flatMap((d) =>
    d.articles.map((a) => ({
      url: link.absolute(a.path),
      news: {
        publication: { name: config.publisher, language: config.language.split('-')[0]! },
        publication_date: isoTimestamp(a.date, config.timeZone),
        title: a.title,
        ...(a.topics.length > 0 ? { keywords: a.topics.map((t) => t.name).join(', ') } : {}),
      },
    })),
  );
  yield { path: 'news-sitemap.xml', content: await toXml(new SitemapStream({ xmlns: { news: true, xhtml: false, image: false, video: false } }), news) };
  yield {
    path: 'robots.txt',
    content: `User-agent: *\nAllow: /\n\nSitemap: ${link.absolute('/sitemap.xml')}\nSitemap: ${link.absolute('/news-sitemap.xml')}\n`,
  };
}
