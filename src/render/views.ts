import type { Article, SiteConfig } from '../types.js';
import { pad2 } from '../model/calendar.js';
import type { Page } from '../model/paginate.js';
import type { DateFormatter } from './format.js';

/**
 * What templates see: plain, serialisable views with ready-made links and formatted dates.
 * Templates never get an `Article` record, so they cannot depend on its internals.
 */
export interface LinkView {
  href: string;
  label: string;
}
export interface SiteView {
  title: string;
  description: string;
  lang: string;
  homeHref: string;
  archiveHref: string;
  stylesheetHref: string;
}
export interface PageMetaView {
  title: string;
  description: string;
  canonical: string;
  breadcrumbs: LinkView[];
  /** Which page kind, for a `class` on `<body>`. */
  kind: string;
}
export interface ArticleSummaryView {
  title: string;
  href: string;
  dateIso: string;
  dateText: string;
  dateline: string;
  summary: string;
  author: string;
}
export interface PaginationView {
  number: number;
  total: number;
  prevHref: string;
  nextHref: string;
}

/** Turns site-relative paths into links and absolute URLs under the configured base. */
export class Linker {
  constructor(private readonly config: SiteConfig) {}
  /** `/2025/07/04/x/` → `/archive/2025/07/04/x/` when the site lives under `/archive/`. */
  href(sitePath: string): string {
    return this.config.basePath + sitePath.replace(/^\//, '');
  }
  absolute(sitePath: string): string {
    return new URL(sitePath.replace(/^\//, ''), this.config.baseUrl).href;
  }
  yearPath(year: number): string {
    return `/${year}/`;
  }
  monthPath(year: number, month: number): string {
    return `/${year}/${pad2(month)}/`;
  }
  dayPath(year: number, month: number, day: number): string {
    return `/${year}/${pad2(month)}/${pad2(day)}/`;
  }
}

export function siteView(config: SiteConfig, link: Linker): SiteView {
  return {
    title: config.title,
    description: config.description,
    lang: config.language,
    homeHref: link.href('/'),
    archiveHref: link.href('/archive/'),
    stylesheetHref: link.href('/assets/style.css'),
  };
}

export function articleSummaryView(a: Article, link: Linker, dates: DateFormatter): ArticleSummaryView {
  return {
    title: a.title,
    href: link.href(a.path),
    dateIso: a.date,
    dateText: dates.long(a.date),
    dateline: a.dateline ?? '',
    summary: a.summary,
    author: a.author ?? '',
  };
}

export function paginationView<T>(page: Page<T>, link: Linker): PaginationView {
  return {
    number: page.number,
    total: page.total,
    prevHref: page.prevPath ? link.href(page.prevPath) : '',
    nextHref: page.nextPath ? link.href(page.nextPath) : '',
  };
}

/** "Page 2 of 5" suffix for titles, so paginated pages do not share one title. */
export function pageSuffix<T>(page: Page<T>): string {
  return page.total > 1 && page.number > 1 ? ` — page ${page.number} of ${page.total}` : '';
}
