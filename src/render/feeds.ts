import type { Feed } from 'feed';
import type { Article } from '../types.js';
import type { SiteModel } from '../model/site.js';
import { instantOf } from '../model/timestamps.js';
import { textOf } from '../model/one-byte.js';
import { correctionEntries } from './day-pages.js';
import type { RenderContext } from './page-job.js';
import type { SiteFile } from './site-files.js';
import { topicFeedPath } from './topic-pages.js';

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

function addArticle(feed: Feed, a: Article, ctx: RenderContext): void {
  const { config } = ctx;
  const url = ctx.link.absolute(a.path);
  feed.addItem({
    title: a.title,
    id: url,
    link: url,
    date: instantOf(a.modified ?? a.date, config.timeZone),
    published: instantOf(a.date, config.timeZone),
    description: textOf(a.summary),
    content: ctx.bodyOf(a),
    author: [{ name: a.author ?? config.publisher }],
    category: a.topics.map((t) => ({ name: t.name })),
  });
}

/**
 * Full-text feeds of the latest articles in RSS 2.0, Atom and JSON Feed, plus one RSS feed per topic and
 * one of corrections. Each is made when it is written, and names the articles it shows (see `SiteFile`).
 */
export function* feedFiles(model: SiteModel, ctx: RenderContext): Generator<SiteFile> {
  const { config, link } = ctx;
  const latest = model.articles.slice(-FEED_SIZE).reverse();
  // Made once for its three formats, when the first of them is written.
  let made: Promise<Feed> | undefined;
  const main = () =>
    (made ??= newFeed(ctx, config.title, config.description, '/feed.xml', '/', latest[0]?.date, {
      rss: link.absolute('/feed.xml'),
      atom: link.absolute('/atom.xml'),
      json: link.absolute('/feed.json'),
    }).then((feed) => {
      for (const a of latest) addArticle(feed, a, ctx);
      return feed;
    }));
  yield { path: 'feed.xml', shows: latest, about: [], content: async () => (await main()).rss2() };
  yield { path: 'atom.xml', shows: latest, about: [], content: async () => (await main()).atom1() };
  yield { path: 'feed.json', shows: latest, about: [], content: async () => (await main()).json1() };

  for (const topic of model.topics) {
    const items = topic.articles.slice(-FEED_SIZE).reverse();
    yield {
      path: topicFeedPath(topic).slice(1),
      shows: items,
      about: [topic.name, topic.slug],
      content: async () => {
        const feed = await newFeed(ctx, `${topic.name} · ${config.title}`, `Articles about ${topic.name}.`, topicFeedPath(topic), link.topicPath(topic.slug), items[0]?.date);
        for (const a of items) addArticle(feed, a, ctx);
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
      for (const c of corrections) {
        const url = link.absolute(c.article.path);
        feed.addItem({
          title: `Correction: ${c.article.title}`,
          id: `${url}#correction-${c.date}`,
          link: url,
          date: instantOf(c.date, config.timeZone),
          description: c.text,
        });
      }
      return feed.rss2();
    },
  };
}
