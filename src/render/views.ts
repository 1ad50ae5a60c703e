import type { Article, SiteConfig } from '../types.js';
import { pad2 } from '../model/calendar.js';
import type { Page } from '../model/paginate.js';
import { textOf } from '../model/one-byte.js';
import type { DateFormatter } from './format.js';

/**
 * What templates see: plain, serialisable views with ready-made links and formatted dates.
 * Templates never get an `Article` record, so they cannot depend on its internals.
 */
export interface LinkView {
  href: string;
  label: string;
}
export interface FeedLinkView {
  href: string;
  type: string;
  title: string;
  /** Visible link text: "RSS feed", "Atom feed", "JSON Feed". */
  label: string;
}
export interface SiteView {
  title: string;
  description: string;
  lang: string;
  homeHref: string;
  archiveHref: string;
  topicsHref: string;
  correctionsHref: string;
  searchHref: string;
  stylesheetHref: string;
  /** The search page's own script, by its fingerprinted name. */
  searchScriptHref: string;
  faviconHref: string;
  /** Site-wide feeds, linked with `<link rel="alternate">` from every page. */
  feeds: FeedLinkView[];
}
/** Open Graph `article:*` facts, on article pages only. */
export interface ArticleMetaView {
  publishedTime: string;
  modifiedTime: string;
  author: string;
  tags: string[];
}
export interface PageMetaView {
  title: string;
  description: string;
  canonical: string;
  breadcrumbs: LinkView[];
  /** Which page kind, for a `class` on `<body>`. */
  kind: string;
  /** `website` or `article`, for Open Graph. */
  ogType: string;
  // Null rather than absent when a page has none: with strict variables, Liquid throws (and
  // catches) an error for every absent one a template tests, a measurable cost over 100,000 pages.
  articleMeta: ArticleMetaView | null;
  /** JSON-LD, already serialised and safe to embed in a `<script>` element. */
  jsonLd: string | null;
  /** Feeds of this page's own list (a topic's feed), beside the site-wide ones. */
  feeds: FeedLinkView[] | null;
}

/** The page meta every page needs; article pages add the optional fields. */
export function pageMeta(
  link: Linker,
  path: string,
  fields: { title: string; description: string; kind: string; breadcrumbs?: LinkView[] } & Partial<PageMetaView>,
): PageMetaView {
  return { ogType: 'website', breadcrumbs: [], canonical: link.absolute(path), articleMeta: null, jsonLd: null, feeds: null, ...fields };
}
export interface ArticleSummaryView {
  title: string;
  href: string;
  dateIso: string;
  dateText: string;
  dateline: string;
  summary: string;
  author: string;
  /** A draft shown by `--drafts`/`dev`: the list marks it so nobody mistakes it for published. */
  draft: boolean;
}
export interface PaginationView {
  number: number;
  total: number;
  prevHref: string;
  nextHref: string;
  /** "← Newer" on lists that run newest first (home, topics), "← Earlier" on those that run in date order (a month, a day). */
  prevLabel: string;
  nextLabel: string;
}

const PLAIN_PATH = /^[A-Za-z0-9\-._~/]*$/;
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;

/** Turns site-relative paths into links and absolute URLs under the configured base. */
export class Linker {
  /** The base URL as `URL` writes it, when a plain path can be appended to it as it is (see `absolute`). */
  private readonly plainBase: string | undefined;
  constructor(private readonly config: SiteConfig) {
    const base = new URL(config.baseUrl).href;
    this.plainBase = base.endsWith('/') && !/[?#]/.test(base) ? base : undefined;
  }
  /** `/2025/07/04/x/` → `/archive/2025/07/04/x/` when the site lives under `/archive/`. */
  href(sitePath: string): string {
    return this.config.basePath + sitePath.replace(/^\//, '');
  }
  /**
   * The page's URL under the base URL. A path of letters, digits and `-._~/` without `.` or `..`
   * segments is what `URL` would make of it, appended to the base as it is: one `URL` per link cost
   * the main thread about 0.25 s of a 20,000-article build.
   */
  absolute(sitePath: string): string {
    const relative = sitePath.replace(/^\//, '');
    if (this.plainBase !== undefined && PLAIN_PATH.test(relative) && !DOT_SEGMENT.test(relative)) return this.plainBase + relative;
    return new URL(relative, this.config.baseUrl).href;
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
  topicPath(slug: string): string {
    return `/topics/${slug}/`;
  }
  /** `/on-this-day/07-04/` for any year's July 4. */
  onThisDayPath(date: string): string {
    return `/on-this-day/${date.slice(5, 7)}-${date.slice(8, 10)}/`;
  }
}

/** `assetNames` maps theme asset names to their fingerprinted names (`style.css` → `style.<hash>.css`). */
export function siteView(config: SiteConfig, link: Linker, assetNames: Readonly<Record<string, string>> = {}): SiteView {
  return {
    title: config.title,
    description: config.description,
    lang: config.language,
    homeHref: link.href('/'),
    archiveHref: link.href('/archive/'),
    topicsHref: link.href('/topics/'),
    correctionsHref: link.href('/corrections/'),
    searchHref: link.href('/search/'),
    stylesheetHref: link.href(`/assets/${assetNames['style.css'] ?? 'style.css'}`),
    faviconHref: link.href('/assets/favicon.svg'),
    searchScriptHref: link.href(`/assets/${assetNames['search.js'] ?? 'search.js'}`),
    feeds: [
      { href: link.href('/feed.xml'), type: 'application/rss+xml', title: `${config.title} (RSS)`, label: 'RSS feed' },
      { href: link.href('/atom.xml'), type: 'application/atom+xml', title: `${config.title} (Atom)`, label: 'Atom feed' },
      { href: link.href('/feed.json'), type: 'application/feed+json', title: `${config.title} (JSON Feed)`, label: 'JSON Feed' },
    ],
  };
}

export function articleSummaryView(a: Article, link: Linker, dates: DateFormatter): ArticleSummaryView {
  return {
    title: a.title,
    href: link.href(a.path),
    dateIso: a.date,
    dateText: dates.long(a.date),
    dateline: a.dateline ?? '',
    summary: textOf(a.summary),
    author: a.author ?? '',
    draft: a.draft,
  };
}

export function paginationView<T>(page: Page<T>, link: Linker, order: 'newest-first' | 'date-order' = 'newest-first'): PaginationView {
  const newestFirst = order === 'newest-first';
  return {
    number: page.number,
    total: page.total,
    prevHref: page.prevPath ? link.href(page.prevPath) : '',
    nextHref: page.nextPath ? link.href(page.nextPath) : '',
    prevLabel: newestFirst ? '← Newer' : '← Earlier',
    nextLabel: newestFirst ? 'Older →' : 'Later →',
  };
}

/** "Page 2 of 5" suffix for titles, so paginated pages do not share one title. */
export function pageSuffix<T>(page: Page<T>): string {
  return page.total > 1 && page.number > 1 ? ` — page ${page.number} of ${page.total}` : '';
}
