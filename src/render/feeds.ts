import type { Feed } from 'feed';
import type { Article } from '../types.js';
import type { SiteModel } from '../model/site.js';
import { instantOf } from '../model/timestamps.js';
import { textOf } from '../model/one-byte.js';
import { correctionEntries } from './day-pages.js';
import type { RenderContext } from './page-job.js';
import type { SiteFile } from './site-files.js';
import { topicFeedPath } from './topic-pages.js';
import { rebaseBodyLinks } from './body-links.js';

/** How many of the latest articles a feed carries. */
export const FEED_SIZE = 20;

/** A feed with no items yet. The feed library is loaded with the first feed made: a cached rebuild often makes none. */
async function newFeed(
  ctx: RenderContext,
  title: string,
  description: string,
  selfPath: string,
  homePath: string,
  updated: string | undefined,
  feedLinks: Record<string, string> = { rss: ctx.link.absolute(selfPath) },
): Promise<Feed> {
  const { config, link } = ctx;
  const { Feed } = await import('feed');
  return new Feed({
    id: link.absolute(homePath),
    link: link.absolute(homePath),
    title,
    description,
    language: config.language,
    // The newest article's date, never the clock: the same input gives the same feed.
    updated: updated ? instantOf(updated, config.timeZone) : new Date(0),
    generator: 'news-archive',
    copyright: `© ${config.publisher}`,
    feedLinks,
  });
}

/** The three formats the main feed is written in; each gets its items in the form it needs. */
type FeedFormat = 'rss' | 'atom' | 'json';

/**
 * Plain text (a title, a summary, a correction) as HTML. RSS readers treat a description as HTML and
 * Atom's are `type="html"`, so unescaped text would be markup there while the site's own pages show it
 * as characters; and with no `>` left, the text cannot close the CDATA section the feed library puts
 * it in (the library escapes only a first `]]>`), which let an article's title put script in the feed.
 */
function textAsHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An article's HTML inside CDATA: `]]>` in its text would end the section; `]]&gt;` is the same HTML. */
function htmlInCdata(html: string): string {
  return html.replaceAll(']]>', ']]&gt;');
}

/** An article's body for a feed: read from the cache once per feed file, its root-relative links made absolute. */
function feedBody(a: Article, ctx: RenderContext): string {
  return rebaseBodyLinks(ctx.bodyOf(a), ctx.link.absolute('/'));
}

function addArticle(feed: Feed, a: Article, body: string, ctx: RenderContext, format: FeedFormat): void {
  const { config } = ctx;
  const url = ctx.link.absolute(a.path);
  // JSON Feed's title and summary are plain text; in XML they are HTML (see textAsHtml).
  const text = format === 'json' ? (s: string) => s : textAsHtml;
  feed.addItem({
    title: text(a.title),
    id: url,
    link: url,
    date: instantOf(a.modified ?? a.date, config.timeZone),
    published: instantOf(a.date, config.timeZone),
    description: text(textOf(a.summary)),
    content: format === 'json' ? body : htmlInCdata(body),
    // RSS's own <author> must be an e-mail address; a name goes in Dublin Core's <dc:creator> (the
    // library declares its namespace for full-text feeds).
    ...(format === 'rss'
      ? { extensions: [{ name: 'dc:creator', objects: { _text: a.author ?? config.publisher } }] }
      : { author: [{ name: a.author ?? config.publisher }] }),
    // RSS writes a category as element text, which the library escapes; Atom as attributes, where it
    // escapes only `"` (a topic such as "AT&T" made the whole Atom feed malformed), so the name is
    // escaped here. Atom requires a term: the topic's slug, which names its page.
    category: a.topics.map((t) => (format === 'atom' ? { name: textAsHtml(t.name), term: t.slug } : { name: t.name })),
  });
}

/**
 * Full-text feeds of the latest articles in RSS 2.0, Atom and JSON Feed, plus one RSS feed per topic and
 * one of corrections. Each is made when it is written, and names the articles it shows (see `SiteFile`).
 */
export function* feedFiles(model: SiteModel, ctx: RenderContext): Generator<SiteFile> {
  const { config, link } = ctx;
  const latest = model.articles.slice(-FEED_SIZE).reverse();
  // One feed for each format: an item's fields are escaped as its format needs (see addArticle). The
  // bodies, read from the cache, are read once for the three.
  let latestBodies: string[] | undefined;
  const main = (format: FeedFormat) =>
    newFeed(ctx, config.title, config.description, '/feed.xml', '/', latest[0]?.date, {
      rss: link.absolute('/feed.xml'),
      atom: link.absolute('/atom.xml'),
      json: link.absolute('/feed.json'),
    }).then((feed) => {
      latestBodies ??= latest.map((a) => feedBody(a, ctx));
      latest.forEach((a, i) => addArticle(feed, a, latestBodies![i]!, ctx, format));
      return feed;
    });
  yield { path: 'feed.xml', shows: latest, about: [], content: async () => (await main('rss')).rss2() };
  yield { path: 'atom.xml', shows: latest, about: [], content: async () => (await main('atom')).atom1() };
  yield { path: 'feed.json', shows: latest, about: [], content: async () => (await main('json')).json1() };

  for (const topic of model.topics) {
    const items = topic.articles.slice(-FEED_SIZE).reverse();
    yield {
      path: topicFeedPath(topic).slice(1),
      shows: items,
      about: [topic.name, topic.slug],
      content: async () => {
        const feed = await newFeed(ctx, `${topic.name} · ${config.title}`, `Articles about ${topic.name}.`, topicFeedPath(topic), link.topicPath(topic.slug), items[0]?.date);
        for (const a of items) addArticle(feed, a, feedBody(a, ctx), ctx, 'rss');
        return feed.rss2();
      },
    };
  }

  const corrections = correctionEntries(model).slice(0, FEED_SIZE);
  yield {
    path: 'corrections/feed.xml',
    shows: corrections.map((c) => c.article),
    about: corrections.flatMap((c) => [c.date, c.text]),
    content: async () => {
      const feed = await newFeed(ctx, `Corrections · ${config.title}`, 'Corrections and updates to published articles.', '/corrections/feed.xml', '/corrections/', corrections[0]?.date);
      // Two corrections of one article on one day need two ids, or feed readers show only one.
      const ids = new Map<string, number>();
      for (const c of corrections) {
        const url = link.absolute(c.article.path);
        const id = `${url}#correction-${c.date}`;
        const nth = (ids.get(id) ?? 0) + 1;
        ids.set(id, nth);
        feed.addItem({
          title: textAsHtml(`${c.kind === 'update' ? 'Update' : 'Correction'}: ${c.article.title}`),
          id: nth === 1 ? id : `${id}-${nth}`,
          link: url,
          date: instantOf(c.date, config.timeZone),
          description: textAsHtml(c.text),
        });
      }
      return feed.rss2();
    },
  };
}
