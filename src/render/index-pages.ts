import type { Article } from '../types.js';
import type { DayEntry, MonthEntry, YearEntry } from '../model/date-index.js';
import { monthGrid } from '../model/calendar-grid.js';
import { groupRuns } from '../model/group-runs.js';
import { paginate } from '../model/paginate.js';
import { lazyJob, type PageJob, type RenderContext } from './page-job.js';
import { articleSummaryView, pageMeta, pageSuffix, paginationView, type LinkView } from './views.js';

function neighbourLink(label: string, href: string | undefined): LinkView | null {
  return href ? { href, label } : null;
}

/** `/` and `/page/N/`: the latest articles, newest first. */
export function* homePageJobs(newestFirst: readonly Article[], ctx: RenderContext): Generator<PageJob> {
  const { config, link, dates } = ctx;
  for (const page of paginate(newestFirst, config.pageSize, '/')) {
    yield lazyJob({ path: page.path, template: 'home', dependsOn: page.items, dependsOnArchive: true }, () => ({
      site: ctx.site,
      page: pageMeta(link, page.path, {
        title: page.number === 1 ? config.title : `Latest articles${pageSuffix(page)}`,
        description: config.description,
        kind: 'home',
        breadcrumbs: [],
      }),
      articles: page.items.map((a) => articleSummaryView(a, link, dates)),
      pagination: paginationView(page, link),
    }));
  }
}

/** `/archive/`: every year with its count and its months. */
export function archivePageJob(years: readonly YearEntry[], ctx: RenderContext): PageJob {
  const { link, dates } = ctx;
  return {
    path: '/archive/',
    template: 'archive',
    view: {
      site: ctx.site,
      page: pageMeta(link, '/archive/', {
        title: 'Archive',
        description: `Every article of ${ctx.config.title}, by year.`,
        kind: 'archive',
        breadcrumbs: [],
      }),
      years: [...years].reverse().map((y) => ({
        label: String(y.year),
        href: link.href(link.yearPath(y.year)),
        count: y.count,
        months: y.months.map((m) => ({ label: dates.monthName(m.month), href: link.href(link.monthPath(m.year, m.month)), count: m.count })),
      })),
      total: years.reduce((n, y) => n + y.count, 0),
    },
  };
}

/** `/YYYY/`: the year's months with counts, and links to the neighbouring years. */
export function yearPageJob(years: readonly YearEntry[], i: number, ctx: RenderContext): PageJob {
  const { link, dates } = ctx;
  const y = years[i]!;
  const path = link.yearPath(y.year);
  const prev = years[i - 1];
  const next = years[i + 1];
  // Counts and a calendar only: a function of the archive's shape alone.
  return lazyJob({ path, template: 'year', dependsOn: [], dependsOnArchive: true }, () => ({
    site: ctx.site,
    page: pageMeta(link, path, {
      title: String(y.year),
      description: `${y.count} articles from ${y.year}.`,
      kind: 'year',
      breadcrumbs: [{ href: link.href('/archive/'), label: 'Archive' }],
    }),
    year: { label: String(y.year), count: y.count },
    months: y.months.map((m) => ({
      label: dates.monthName(m.month),
      href: link.href(link.monthPath(m.year, m.month)),
      count: m.count,
      days: m.days.length,
    })),
    weekdays: dates.weekdayNames(),
    calendar: calendarMonths(y, ctx),
    prev: neighbourLink(prev ? String(prev.year) : '', prev ? link.href(link.yearPath(prev.year)) : undefined),
    next: neighbourLink(next ? String(next.year) : '', next ? link.href(link.yearPath(next.year)) : undefined),
  }));
}

/**
 * Twelve month grids for the year page: days with articles link to their day page, days without
 * are plain numbers, months without articles are still shown so gaps in coverage are visible.
 */
function calendarMonths(y: YearEntry, ctx: RenderContext) {
  const { link, dates } = ctx;
  const counts = new Map<string, number>();
  for (const m of y.months) for (const d of m.days) counts.set(`${m.month}-${d.day}`, d.articles.length);
  return Array.from({ length: 12 }, (_, i) => i + 1).map((month) => {
    const entry = y.months.find((m) => m.month === month);
    return {
      label: dates.monthName(month),
      href: entry ? link.href(link.monthPath(y.year, month)) : '',
      count: entry?.count ?? 0,
      weeks: monthGrid(y.year, month, dates.weekStartsOn()).map((week) =>
        week.map((day) => {
          if (day === null) return { day: '', href: '', count: 0 };
          const count = counts.get(`${month}-${day}`) ?? 0;
          return { day: String(day), href: count > 0 ? link.href(link.dayPath(y.year, month, day)) : '', count };
        }),
      ),
    };
  });
}

/** `/YYYY/MM/`: the month's days with counts, then its articles grouped by day, paginated. */
export function* monthPageJobs(months: readonly MonthEntry[], i: number, ctx: RenderContext): Generator<PageJob> {
  const { link, dates, config } = ctx;
  const m = months[i]!;
  const listPath = link.monthPath(m.year, m.month);
  const prev = months[i - 1];
  const next = months[i + 1];
  const articles = m.days.flatMap((d) => d.articles);
  for (const page of paginate(articles, config.pageSize, listPath)) {
    yield lazyJob({ path: page.path, template: 'month', dependsOn: page.items, dependsOnArchive: true }, () => ({
      site: ctx.site,
      page: pageMeta(link, page.path, {
        title: `${dates.monthYear(m.year, m.month)}${pageSuffix(page)}`,
        description: `${m.count} articles from ${dates.monthYear(m.year, m.month)}.`,
        kind: 'month',
        breadcrumbs: [
          { href: link.href('/archive/'), label: 'Archive' },
          { href: link.href(link.yearPath(m.year)), label: String(m.year) },
        ],
      }),
      month: { label: dates.monthYear(m.year, m.month), count: m.count },
      days: m.days.map((d) => ({ label: String(d.day), href: link.href(link.dayPath(d.year, d.month, d.day)), count: d.articles.length })),
      groups: groupRuns(page.items, (a) => a.date).map((run) => ({
        label: dates.long(run.key),
        href: link.href(link.dayPath(m.year, m.month, Number(run.key.slice(8)))),
        articles: run.items.map((a) => articleSummaryView(a, link, dates)),
      })),
      pagination: paginationView(page, link, 'date-order'),
      prev: prev ? { href: link.href(link.monthPath(prev.year, prev.month)), label: dates.monthYear(prev.year, prev.month) } : null,
      next: next ? { href: link.href(link.monthPath(next.year, next.month)), label: dates.monthYear(next.year, next.month) } : null,
    }));
  }
}

/** `/YYYY/MM/DD/`: that day's articles, paginated; prev/next go to the nearest days that have articles. */
export function* dayPageJobs(days: readonly DayEntry[], i: number, ctx: RenderContext): Generator<PageJob> {
  const { link, dates, config } = ctx;
  const d = days[i]!;
  const listPath = link.dayPath(d.year, d.month, d.day);
  const iso = d.articles[0]!.date;
  const prev = days[i - 1];
  const next = days[i + 1];
  const dayLink = (e: DayEntry | undefined) =>
    e ? { href: link.href(link.dayPath(e.year, e.month, e.day)), label: dates.long(e.articles[0]!.date) } : null;
  for (const page of paginate(d.articles, config.pageSize, listPath)) {
    yield lazyJob({ path: page.path, template: 'day', dependsOn: page.items, dependsOnArchive: true }, () => ({
      site: ctx.site,
      page: pageMeta(link, page.path, {
        title: `${dates.long(iso)}${pageSuffix(page)}`,
        description: `${d.articles.length} articles from ${dates.long(iso)}.`,
        kind: 'day',
        breadcrumbs: [
          { href: link.href('/archive/'), label: 'Archive' },
          { href: link.href(link.yearPath(d.year)), label: String(d.year) },
          { href: link.href(link.monthPath(d.year, d.month)), label: dates.monthName(d.month) },
        ],
      }),
      day: { label: dates.long(iso), dateIso: iso, count: d.articles.length },
      // The same calendar day in every year (`/on-this-day/07-04/`): linked from every day page, so each
      // such page is reachable even when no article's day has other years to link it from.
      onThisDay: { href: link.href(link.onThisDayPath(iso)), label: dates.dayMonth(iso) },
      articles: page.items.map((a) => articleSummaryView(a, link, dates)),
      pagination: paginationView(page, link, 'date-order'),
      prev: dayLink(prev),
      next: dayLink(next),
    }));
  }
}
