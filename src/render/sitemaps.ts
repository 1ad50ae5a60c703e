import { Readable } from 'node:stream';
import type { SiteModel } from '../model/site.js';
import { isoTimestamp } from '../model/timestamps.js';
import type { RenderContext } from './page-job.js';
import type { SiteFile } from './site-files.js';

/** The sitemap protocol's limit per file; past it, `sitemap.xml` becomes an index of numbered sitemaps. */
export const URLS_PER_SITEMAP = 50_000;
/** Google News wants only recent articles: here, those of the archive's two most recent days. */
const NEWS_DAYS = 2;

const EMPTY_URLSET =
  '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"></urlset>';

/**
 * One sitemap file of `kind`. The library is loaded with the first sitemap made (a cached rebuild often
 * makes none), and refuses an empty sitemap: an empty archive (or no recent news) still gets a valid, empty one.
 */
async function toXml(kind: 'urlset' | 'news' | 'index', items: readonly unknown[]): Promise<string> {
  if (items.length === 0) return EMPTY_URLSET;
  const { SitemapIndexStream, SitemapStream, streamToPromise } = await import('sitemap');
  const stream =
    kind === 'index'
      ? new SitemapIndexStream()
      : // lastmod as the calendar date it is: as a timestamp it was UTC midnight, hours off the page's own publication time.
        new SitemapStream(kind === 'news' ? { xmlns: { news: true, xhtml: false, image: false, video: false }, lastmodDateOnly: true } : { lastmodDateOnly: true });
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString('utf8');
}

export interface SitemapEntry {
  /** Site-relative path of the page. */
  path: string;
  lastmod?: string;
}

/**
 * `sitemap.xml` (an index over `sitemap-N.xml` past 50,000 URLs), `news-sitemap.xml` and `robots.txt`,
 * one file at a time: each is made from its own slice of the entries when it is written (at 100,000
 * articles, all of them at once held 130,000 items and their XML at the build's end). Each names what
 * it is made of (see `SiteFile`), so an unchanged one is not made again on a cached rebuild.
 */
export function* sitemapFiles(entries: readonly SitemapEntry[], model: SiteModel, ctx: RenderContext, limit = URLS_PER_SITEMAP): Generator<SiteFile> {
  const { link, config } = ctx;
  const slice = (from: number, to: number) => entries.slice(from, to);
  const urlset = (from: number, to: number): SiteFile => ({
    path: entries.length <= limit ? 'sitemap.xml' : `sitemap-${from / limit + 1}.xml`,
    shows: [],
    // Read only on a cached build: a list as long as the sitemap.
    get about() {
      return slice(from, to).map((e) => `${e.path} ${e.lastmod ?? ''}`);
    },
    content: () => toXml('urlset', slice(from, to).map((e) => ({ url: link.absolute(e.path), ...(e.lastmod ? { lastmod: e.lastmod } : {}) }))),
  });
  if (entries.length <= limit) {
    yield urlset(0, entries.length);
  } else {
    const names: string[] = [];
    for (let from = 0; from < entries.length; from += limit) {
      const file = urlset(from, from + limit);
      names.push(file.path);
      yield file;
    }
    yield {
      path: 'sitemap.xml',
      shows: [],
      about: names,
      content: () => toXml('index', names.map((n) => ({ url: link.absolute(`/${n}`) }))),
    };
  }

  const recent = model.days.slice(-NEWS_DAYS).flatMap((d) => d.articles);
  yield {
    path: 'news-sitemap.xml',
    shows: recent,
    about: [],
    content: () =>
      toXml(
        'news',
        recent.map((a) => ({
          url: link.absolute(a.path),
          news: {
            publication: { name: config.publisher, language: config.language.split('-')[0]! },
            publication_date: isoTimestamp(a.date, config.timeZone),
            title: a.title,
            ...(a.topics.length > 0 ? { keywords: a.topics.map((t) => t.name).join(', ') } : {}),
          },
        })),
      ),
  };
  yield {
    path: 'robots.txt',
    shows: [],
    about: [],
    content: () => `User-agent: *\nAllow: /\n\nSitemap: ${link.absolute('/sitemap.xml')}\nSitemap: ${link.absolute('/news-sitemap.xml')}\n`,
  };
}
