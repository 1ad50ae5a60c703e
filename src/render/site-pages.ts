import type { Article, SiteConfig } from '../types.js';
import type { SiteModel } from '../model/site.js';
import { textOf } from '../model/one-byte.js';
import { sameDayIndex } from '../model/same-day.js';
import { articlePageJob } from './article-pages.js';
import { correctionsPageJob, notFoundJob, onThisDayJobs } from './day-pages.js';
import { DateFormatter } from './format.js';
import { archivePageJob, dayPageJobs, homePageJobs, monthPageJobs, yearPageJob } from './index-pages.js';
import type { PageJob, RenderContext } from './page-job.js';
import { topicPageJobs, topicsIndexJob } from './topic-pages.js';
import { searchPageJob } from './search-page.js';
import { Linker, siteView } from './views.js';

export function renderContext(
  config: SiteConfig,
  assetNames: Readonly<Record<string, string>> = {},
  bodyOf: (a: Article) => string = (a) => a.bodyHtml,
  search = true,
): RenderContext {
  const link = new Linker(config);
  return { config, bodyOf, link, dates: new DateFormatter(config.dateLocale), site: siteView(config, link, assetNames), search };
}

/**
 * Every HTML page of the site, as jobs to render. A generator, so pages are rendered and written
 * one at a time instead of all being held in memory.
 */
export function* planSite(model: SiteModel, ctx: RenderContext): Generator<PageJob> {
  const sameDay = sameDayIndex(model.articles);
  for (let i = 0; i < model.articles.length; i++) yield articlePageJob(model, i, ctx, sameDay);
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

/**
 * `articles.json`, every record without its body, for people who use the archive as data: the same
 * bytes as `JSON.stringify(records, null, 2)` plus a newline, one record at a time, so the
 * whole file never has to be in memory. Identity first (where it lives), then what it is; the body
 * HTML stays on the page and is never read here (on cached builds it is a getter that reads disk).
 */
export function* articlesJsonChunks(articles: readonly Article[], link: Linker): Generator<string> {
  if (articles.length === 0) {
    yield '[]\n';
    return;
  }
  yield '[\n';
  for (let i = 0; i < articles.length; i++) {
    const text = JSON.stringify(articleRecord(articles[i]!, link), null, 2);
    // JSON strings never hold a raw line break, so every line break here is between members.
    yield `  ${text.replaceAll('\n', '\n  ')}${i + 1 < articles.length ? ',\n' : '\n'}`;
  }
  yield ']\n';
}

function articleRecord(a: Article, link: Linker): Record<string, unknown> {
  const record: Record<string, unknown> = { slug: a.slug, path: a.path, url: link.absolute(a.path) };
  for (const key of Object.keys(a) as (keyof Article)[]) {
    // Not the body, nor where the aliases were written (a detail of the source file).
    if (key !== 'bodyHtml' && key !== 'aliasesLine' && !(key in record)) record[key] = key === 'summary' ? textOf(a.summary) : a[key];
  }
  return record;
}
