import type { Article } from '../types.js';
import { groupRuns } from '../model/group-runs.js';
import type { SiteModel } from '../model/site.js';
import { lazyJob, type PageJob, type RenderContext } from './page-job.js';
import { articleSummaryView, pageMeta } from './views.js';

/** `/on-this-day/MM-DD/`: that calendar day's articles across all years, newest first, grouped by year. */
export function* onThisDayJobs(model: SiteModel, ctx: RenderContext): Generator<PageJob> {
  const { link, dates } = ctx;
  const byDay = new Map<string, Article[]>();
  for (const a of model.articles) {
    const key = a.date.slice(5);
    let list = byDay.get(key);
    if (!list) byDay.set(key, (list = []));
    list.push(a);
  }
  const keys = [...byDay.keys()].sort();
  for (let i = 0; i < keys.length; i++) {
    const articles = [...byDay.get(keys[i]!)!].reverse();
    const sample = articles[0]!.date;
    const label = dates.dayMonth(sample);
    const path = link.onThisDayPath(sample);
    const neighbour = (k: string | undefined) => {
      const any = k ? byDay.get(k)![0]! : undefined;
      return any ? { href: link.href(link.onThisDayPath(any.date)), label: dates.dayMonth(any.date) } : null;
    };
    const prev = keys[i - 1];
    const next = keys[i + 1];
    yield lazyJob({ path, template: 'on-this-day', dependsOn: articles, dependsOnArchive: true }, () => ({
      site: ctx.site,
      page: pageMeta(link, path, {
        title: `On this day: ${label}`,
        description: `Articles published on ${label} in every year of the archive.`,
        kind: 'on-this-day',
        breadcrumbs: [{ href: link.href('/archive/'), label: 'Archive' }],
      }),
      day: { label, count: articles.length },
      years: groupRuns(articles, (a) => a.date.slice(0, 4)).map((run) => ({
        year: run.key,
        articles: run.items.map((a) => articleSummaryView(a, link, dates)),
      })),
      prev: neighbour(prev),
      next: neighbour(next),
    }));
  }
}

/** `/corrections/`: every correction and update, newest first, with its own feed. */
export function correctionsPageJob(model: SiteModel, ctx: RenderContext): PageJob {
  const { link, dates } = ctx;
  const entries = correctionEntries(model).map((e) => ({
    dateIso: e.date,
    dateText: dates.long(e.date),
    text: e.text,
    article: articleSummaryView(e.article, link, dates),
  }));
  return {
    path: '/corrections/',
    template: 'corrections',
    view: {
      site: ctx.site,
      page: pageMeta(link, '/corrections/', {
        title: 'Corrections and updates',
        description: `Every correction and update to articles in ${ctx.config.title}.`,
        kind: 'corrections',
        feeds: [{ href: link.href('/corrections/feed.xml'), type: 'application/rss+xml', title: `Corrections · ${ctx.config.title} (RSS)` , label: 'RSS feed' }],
      }),
      entries,
      feedHref: link.href('/corrections/feed.xml'),
    },
  };
}

export interface CorrectionEntry {
  date: string;
  text: string;
  article: Article;
  /** A correction the newsroom wrote, or a bare `updated` date. */
  kind: 'correction' | 'update';
}

/** Corrections, plus bare `updated` dates as "Updated" entries, newest first. */
export function correctionEntries(model: SiteModel): CorrectionEntry[] {
  const entries: CorrectionEntry[] = [];
  for (const a of model.articles) {
    for (const c of a.corrections) entries.push({ date: c.date, text: c.text, article: a, kind: 'correction' });
    if (a.updated && !a.corrections.some((c) => c.date === a.updated)) entries.push({ date: a.updated, text: 'Article updated.', article: a, kind: 'update' });
  }
  return entries.sort((x, y) => (x.date !== y.date ? (x.date < y.date ? 1 : -1) : x.article.source < y.article.source ? -1 : 1));
}

/** `404.html`: served by static hosts for any missing path, so its links are absolute under the base path. */
export function notFoundJob(ctx: RenderContext): PageJob {
  const { link } = ctx;
  return {
    path: '/404.html',
    template: '404',
    listed: false,
    view: {
      site: ctx.site,
      page: pageMeta(link, '/404.html', {
        title: 'Page not found',
        description: 'This page is not in the archive.',
        kind: 'not-found',
      }),
    },
  };
}
