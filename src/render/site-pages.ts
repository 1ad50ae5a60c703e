import type { Article, SiteConfig } from '../types.js';
import { buildDateIndex } from '../model/date-index.js';
import { articlePageJob } from './article-pages.js';
import { DateFormatter } from './format.js';
import { archivePageJob, dayPageJobs, homePageJobs, monthPageJobs, yearPageJob } from './index-pages.js';
import type { PageJob, RenderContext } from './page-job.js';
import { Linker, siteView } from './views.js';

export function renderContext(config: SiteConfig): RenderContext {
  const link = new Linker(config);
  return { config, link, dates: new DateFormatter(config.dateLocale), site: siteView(config, link) };
}

/**
 * Every page of the site, as jobs to render. A generator, so pages are rendered and written one
 * at a time instead of all being held in memory. `articles` must be in chronological order.
 */
export function* planSite(articles: readonly Article[], ctx: RenderContext): Generator<PageJob> {
  for (let i = 0; i < articles.length; i++) {
    yield articlePageJob(articles[i]!, articles[i - 1], articles[i + 1], ctx);
  }
  yield* homePageJobs([...articles].reverse(), ctx);
  const years = buildDateIndex(articles);
  yield archivePageJob(years, ctx);
  for (let i = 0; i < years.length; i++) yield yearPageJob(years, i, ctx);
  const months = years.flatMap((y) => y.months);
  for (let i = 0; i < months.length; i++) yield* monthPageJobs(months, i, ctx);
  const days = months.flatMap((m) => m.days);
  for (let i = 0; i < days.length; i++) yield* dayPageJobs(days, i, ctx);
}

/** `articles.json`: every record without its body, for people who use the archive as data. */
export function articlesJson(articles: readonly Article[]): string {
  // Identity first (where it lives), then what it is; the body HTML stays on the page.
  const records = articles.map(({ bodyHtml: _body, slug, path, url, ...rest }) => ({ slug, path, url, ...rest }));
  return `${JSON.stringify(records, null, 2)}\n`;
}
