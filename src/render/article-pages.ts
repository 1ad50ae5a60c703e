import type { Article } from '../types.js';
import { parseCalendarDate } from '../model/calendar.js';
import type { PageJob, RenderContext } from './page-job.js';
import { articleSummaryView } from './views.js';

/** The article page: headline, date, dateline, byline, body, tags, breadcrumbs and prev/next in time. */
export function articlePageJob(a: Article, older: Article | undefined, newer: Article | undefined, ctx: RenderContext): PageJob {
  const { link, dates } = ctx;
  const p = parseCalendarDate(a.date)!;
  return {
    path: a.path,
    template: 'article',
    view: {
      site: ctx.site,
      page: {
        title: a.title,
        description: a.summary,
        canonical: a.url,
        kind: 'article',
        breadcrumbs: [
          { href: link.href(link.yearPath(p.year)), label: String(p.year) },
          { href: link.href(link.monthPath(p.year, p.month)), label: dates.monthName(p.month) },
          { href: link.href(link.dayPath(p.year, p.month, p.day)), label: String(p.day) },
        ],
      },
      article: {
        title: a.title,
        titleDerived: a.titleDerived,
        dateIso: a.date,
        dateText: dates.long(a.date),
        updatedIso: a.updated ?? '',
        updatedText: a.updated ? dates.long(a.updated) : '',
        dateline: a.dateline ?? '',
        author: a.author ?? '',
        bodyHtml: a.bodyHtml,
        tags: a.tags,
        readingMinutes: a.readingMinutes,
        wordCount: a.wordCount,
      },
      older: older ? articleSummaryView(older, link, dates) : null,
      newer: newer ? articleSummaryView(newer, link, dates) : null,
    },
  };
}
