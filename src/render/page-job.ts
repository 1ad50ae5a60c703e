import type { Liquid } from 'liquidjs';
import type { SiteConfig } from '../types.js';
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
}

export interface RenderContext {
  config: SiteConfig;
  link: Linker;
  dates: DateFormatter;
  site: SiteView;
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
  return engine.renderFileSync(job.template, job.view) as string;
}
