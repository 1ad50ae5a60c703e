import type { Article, ContentError, SiteConfig } from './types.js';
import { loadParsedArticles } from './load/load-articles.js';
import { loadTheme } from './load/theme.js';
import { buildSiteModel } from './model/site.js';
import { assignUrls } from './model/site-model.js';
import { createTemplateEngine } from './render/engine.js';
import { outputFileOf, renderPage } from './render/page-job.js';
import { feedFiles } from './render/feeds.js';
import { articlesJson, planSite, renderContext } from './render/site-pages.js';
import { sitemapFiles, type SitemapEntry } from './render/sitemaps.js';
import { SearchIndexingWriter } from './search/search-index-writer.js';
import type { Writer } from './write/writer.js';

export interface BuildOptions {
  inputDir: string;
  templatesDir: string;
  config: SiteConfig;
  /** Build the Pagefind search index (default true); off for quick previews and fast tests. */
  search?: boolean;
}

export interface BuildResult {
  errors: ContentError[];
  articles: number;
  pages: number;
}

/** Phase one: read, parse and validate every article, and give each its URL, before anything is rendered. */
export async function loadArticles(inputDir: string, config: SiteConfig): Promise<{ articles: Article[]; errors: ContentError[] }> {
  const { parsed, errors } = await loadParsedArticles(inputDir);
  const { articles, errors: urlErrors } = assignUrls(parsed, config);
  return { articles, errors: [...errors, ...urlErrors] };
}

/**
 * The whole build: load and validate everything, then render and write every page. Any content
 * error stops the build before rendering; any failure aborts the writer so no partial output lands.
 */
export async function build(options: BuildOptions, writer: Writer): Promise<BuildResult> {
  try {
    const [{ articles, errors }, theme] = await Promise.all([
      loadArticles(options.inputDir, options.config),
      loadTheme(options.templatesDir),
    ]);
    if (errors.length > 0) {
      await writer.abort();
      return { errors, articles: articles.length, pages: 0 };
    }
    const model = buildSiteModel(articles);
    if (options.search !== false) writer = await SearchIndexingWriter.wrap(writer);
    const engine = createTemplateEngine(theme.templates);
    const ctx = renderContext(options.config);
    const listed: SitemapEntry[] = [];
    let pages = 0;
    for (const job of planSite(model, ctx)) {
      await writer.write(outputFileOf(job.path), await renderPage(engine, job));
      pages++;
      if (job.listed !== false) listed.push({ path: job.path, lastmod: job.lastmod });
    }
    for (const file of feedFiles(model, ctx)) await writer.write(file.path, file.content);
    for (const file of await sitemapFiles(listed, model, ctx)) await writer.write(file.path, file.content);
    await writer.write('articles.json', articlesJson(model.articles));
    for (const asset of theme.assets) await writer.write(`assets/${asset.relative}`, asset.bytes);
    await writer.commit();
    return { errors: [], articles: articles.length, pages };
  } catch (err) {
    await writer.abort();
    throw err;
  }
}
