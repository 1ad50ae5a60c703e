import type { Liquid } from 'liquidjs';
import type { Article, SiteConfig } from '../types.js';
import type { DateFormatter } from './format.js';
import type { Linker, PageMetaView, SiteView } from './views.js';

/** One page to render: which template, with which view, to which file under the output folder. */
export interface PageJob {
  /** Site-relative path of the page (`/2025/07/04/x/`); the file is `index.html` inside it. */
  path: string;
  template: string;
  /** For the sitemap: the calendar date the page last changed, where known. */
  lastmod?: string;
  /** False for pages that must not be in the sitemap (404). */
  listed?: boolean;
  view: { site: SiteView; page: PageMetaView } & Record<string, unknown>;
  /**
   * The articles whose records are all the page's view is made of, besides the config and theme
   * (article pages: the article, its neighbours in time and its related articles). When set, an
   * incremental build keys the page by their identities and skips building the view of a page whose
   * key is unchanged; `view` is then built only when read.
   */
  dependsOn?: readonly Article[];
  /**
   * The view also shows what the archive as a whole is (list pages: counts, neighbouring days,
   * pagination, topic names): the page is keyed by `dependsOn` plus the archive's shape (see
   * `archiveShapeKey`), which changes when any article is added, removed, moved or re-topiced.
   */
  dependsOnArchive?: boolean;
}

/** A job whose view is built only when read (see `PageJob.dependsOn`), at most once. */
export function lazyJob(job: Omit<PageJob, 'view'>, makeView: () => PageJob['view']): PageJob {
  let view: PageJob['view'] | undefined;
  return {
    ...job,
    get view() {
      return (view ??= makeView());
    },
  };
}

export interface RenderContext {
  config: SiteConfig;
  /**
   * An article's body HTML. In-memory builds return `bodyHtml`; cached builds read it from the cache
   * only here, when a page or feed needs it, so records stay small and alike in memory.
   */
  bodyOf: (a: Article) => string;
  link: Linker;
  dates: DateFormatter;
  site: SiteView;
  /** The build writes the search index (not with `--no-search`): the search page loads Pagefind only then. */
  search: boolean;
}

/** `/2025/` → `2025/index.html`; `/` → `index.html`; `/404.html` stays a file. */
export function outputFileOf(sitePath: string): string {
  const rel = sitePath.replace(/^\//, '');
  return rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel;
}

export async function renderPage(engine: Liquid, job: PageJob): Promise<string> {
  return renderPageSync(engine, job);
}

/** Templates are in memory and no tag or filter waits on I/O, so the synchronous renderer (no promise per node) is used. */
export function renderPageSync(engine: Liquid, job: Pick<PageJob, 'template' | 'view'>): string {
  try {
    return engine.renderFileSync(job.template, job.view) as string;
  } catch (err) {
    // liquidjs names the file only for some errors; the page's template is known here (see template-error.ts).
    if (err instanceof Error && !('template' in err)) Object.assign(err, { template: `${job.template}.liquid` });
    throw err;
  }
}
