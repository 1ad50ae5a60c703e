import type { Theme } from '../load/theme.js';
import type { PageJob } from '../render/page-job.js';
import type { Article, SiteConfig } from '../types.js';
import { generatorKey, sha256, sha256OfList } from './keys.js';

/** Progress of a phase: `total` is 0 when it is not known in advance. */
export type Progress = (phase: string, done: number, total: number) => void;

/** What every page key shares: the generator's code, the config, every template and asset. */
export function pageKeyBase(config: SiteConfig, theme: Theme): string {
  const themeParts: (string | Uint8Array)[] = [];
  for (const name of Object.keys(theme.templates).sort()) themeParts.push(name, theme.templates[name]!);
  for (const a of theme.assets) themeParts.push(a.relative, a.bytes);
  return sha256(generatorKey(), JSON.stringify(config), ...themeParts);
}

/**
 * The key of a rendered page: everything its HTML can depend on — the base above, the template name
 * and the page's view (which holds the body HTML). Equal keys mean byte-identical pages, so the page
 * need not be rendered again. Worker threads compute the same key from the same view.
 */
export function pageKey(base: string, job: Pick<PageJob, 'template' | 'view'>): string {
  return sha256(base, job.template, JSON.stringify(job.view));
}

/**
 * The key of a page that lists the articles its view is made of (`PageJob.dependsOn`): the base,
 * the template, the page's path and each article's identity (see `CachedLoad.identityOf`). It is
 * found without building the view, so an unchanged article page costs a few hashes, not a view,
 * a body read from the cache and a render. Its view is a function of exactly these, so equal keys
 * still mean byte-identical pages.
 */
export function pageInputKey(base: string, job: Pick<PageJob, 'template' | 'path'>, identities: readonly string[], archiveShape?: string): string {
  return archiveShape === undefined
    ? sha256(base, 'inputs', job.template, job.path, ...identities)
    : sha256(base, 'inputs+archive', archiveShape, job.template, job.path, ...identities);
}

/**
 * The shape of the archive as list pages show it beyond the articles they list: which articles
 * there are, in which order, on which dates and paths, under which topics (with their archive-wide
 * names and kinds). Counts, neighbouring days and months, pagination, calendars and topic names are
 * all functions of it, so a list page keyed by it and by the identities of the articles it lists
 * (`PageJob.dependsOnArchive`) is byte-identical when its key is. Editing an article's text leaves
 * it unchanged; adding, removing, re-dating or re-topicing one changes it (and every list page's key).
 */
export function archiveShapeKey(articles: readonly Article[]): string {
  const parts: string[] = [];
  for (const a of articles) parts.push(a.source, a.path, a.date, JSON.stringify(a.topics));
  return sha256OfList(parts);
}

export function pageKeyer(config: SiteConfig, theme: Theme): (job: PageJob) => string {
  const base = pageKeyBase(config, theme);
  return (job) => pageKey(base, job);
}
