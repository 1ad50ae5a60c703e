import type { Article } from '../types.js';
import { parseCalendarDate } from '../model/calendar.js';
import { relatedArticles } from '../model/related.js';
import { otherYearOnSameDay, type SameDayIndex } from '../model/same-day.js';
import type { SiteModel } from '../model/site.js';
import { isoTimestamp } from '../model/timestamps.js';
import { textOf } from '../model/one-byte.js';
import type { PageJob, RenderContext } from './page-job.js';
import { jsonForScript, newsArticleJsonLd } from './structured-data.js';
import { articleSummaryView, pageMeta } from './views.js';
import { rebaseBodyLinks } from './body-links.js';

/**
 * The article page: headline, date, dateline, byline, body, corrections, topics, related articles,
 * breadcrumbs, its on-this-day page and the previous and next article in time.
 */
export function articlePageJob(model: SiteModel, i: number, ctx: RenderContext, sameDay: SameDayIndex): PageJob {
  const a = model.articles[i]!;
  const older: Article | undefined = model.articles[i - 1];
  const newer: Article | undefined = model.articles[i + 1];
  const related = relatedArticles(a, model.topicsBySlug, model.articles, i);
  // The link to the day in other years only when there are any; the article that shows there are
  // is one of the page's inputs, so a rebuild adds or drops the link when that changes.
  const otherYear = otherYearOnSameDay(sameDay, a);
  let view: PageJob['view'] | undefined;
  return {
    path: a.path,
    template: 'article',
    lastmod: a.modified ?? a.date,
    dependsOn: [a, ...(older ? [older] : []), ...(newer ? [newer] : []), ...related, ...(otherYear ? [otherYear] : [])],
    // Built when read: an incremental build skips it for a page whose articles are all unchanged.
    get view() {
      return (view ??= articleView(a, older, newer, related, otherYear !== undefined, ctx));
    },
  };
}

function articleView(a: Article, older: Article | undefined, newer: Article | undefined, related: Article[], otherYears: boolean, ctx: RenderContext): PageJob['view'] {
  const { link, dates, config } = ctx;
  const p = parseCalendarDate(a.date)!;
  const published = isoTimestamp(a.date, config.timeZone);
  const url = link.absolute(a.path);
  return {
    site: ctx.site,
    page: pageMeta(link, a.path, {
      title: a.title,
      description: textOf(a.summary),
      kind: 'article',
      ogType: 'article',
      canonical: url,
      breadcrumbs: [
        { href: link.href(link.yearPath(p.year)), label: String(p.year) },
        { href: link.href(link.monthPath(p.year, p.month)), label: dates.monthName(p.month) },
        { href: link.href(link.dayPath(p.year, p.month, p.day)), label: String(p.day) },
      ],
      articleMeta: {
        publishedTime: published,
        modifiedTime: a.modified ? isoTimestamp(a.modified, config.timeZone) : published,
        author: a.author ?? '',
        tags: a.topics.map((t) => t.name),
      },
      jsonLd: jsonForScript(newsArticleJsonLd(a, config, url)),
    }),
    article: {
      title: a.title,
      titleDerived: a.titleDerived,
      dateIso: a.date,
      dateText: dates.long(a.date),
      updatedIso: a.modified ?? '',
      updatedText: a.modified ? dates.long(a.modified) : '',
      dateline: a.dateline ?? '',
      author: a.author ?? '',
      bodyHtml: rebaseBodyLinks(ctx.bodyOf(a), config.basePath),
      topics: a.topics.map((t) => ({ href: link.href(link.topicPath(t.slug)), label: t.name, kind: t.kind })),
      corrections: a.corrections.map((c) => ({ dateIso: c.date, dateText: dates.long(c.date), text: c.text })),
      readingMinutes: a.readingMinutes,
      wordCount: a.wordCount,
      year: String(p.year),
      onThisDay: otherYears ? { href: link.href(link.onThisDayPath(a.date)), label: dates.dayMonth(a.date) } : null,
      draft: a.draft,
    },
    related: related.map((r) => articleSummaryView(r, link, dates)),
    older: older ? articleSummaryView(older, link, dates) : null,
    newer: newer ? articleSummaryView(newer, link, dates) : null,
  };
}
