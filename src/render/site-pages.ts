import type { Article, SiteConfig } from '../types.js';
import type { SiteModel } from '../model/site.js';
import { articlePageJob } from './article-pages.js';
import { correctionsPageJob, notFoundJob, onThisDayJobs } from './day-pages.js';
import { DateFormatter } from './format.js';
import { archivePageJob, dayPageJobs, homePageJobs, monthPageJobs, yearPageJob } from './index-pages.js';
import type { PageJob, RenderContext } from './page-job.js';
import { topicPageJobs, topicsIndexJob } from './topic-pages.js';
import { searchPageJob } from './search-page.js';
import { Linker, siteView } from './views.js';

export function renderContext(config: SiteConfig, assetNames: Readonly<Record<string, string>> = {}): RenderContext {
  const link = new Linker(config);
  return { config, link, dates: new DateFormatter(config.dateLocale), site: siteView(config, link, assetNames) };
}

/**
 * Every HTML page of the site, as jobs to render. A generator, so pages are rendered and written
 * one at a time instead of all being held in memory.
 */
export function* planSite(model: SiteModel, ctx: RenderContext): Generator<PageJob> {
  for (let i = 0; i < model.articles.length; i++) yield articlePageJob(model, i, ctx);
  yield* homePageJobs([...model.articles].reverse(), ctx);
  yield archivePageJob(model.years, ctx);
  for (let i = 0; i < model.years.length; i++) yield yearPageJob(model.years, i, ctx);
  for (let i = 0; i < model.months.length; i++) yield* monthPageJobs(model.months, i, ctx);
  for (let i = 0; i < model.days.length; i++) yield* dayPageJobs(model.days, i, ctx);
  yield topicsIndexJob(model, ctx);
  for (const topic of model.topics) yield* topicPageJobs(topic, ctx);
  yield* onThisDayJobs(model, ctx);
  yield correctionsPageJob(model, ctx);
  yield notFoundJob(ctx);
  yield searchPageJob(ctx);
}

/** `articles.json`: every record without its body, for people who use the archive as data. */
export function articlesJson(articles: readonly Article[]): string {
  // Identity first (where it lives), then what it is; the body HTML stays on the page.
  const records = articles.map(({ bodyHtml: _body, aliasesLine: _line, slug, path, url, ...rest }) => ({ slug, path, url, ...rest }));
  return `${JSON.stringify(records, null, 2)}\n`;
}
