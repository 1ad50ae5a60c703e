import type { Article, ContentError } from '../types.js';
import { textOf } from '../model/one-byte.js';
import type { PageJob, RenderContext } from './page-job.js';
import { pageMeta } from './views.js';

/**
 * An old URL kept alive: a tiny page (`redirect.liquid`) that sends browsers on with a meta
 * refresh, tells search engines where the article is now (canonical, noindex) and shows a plain
 * link for everything else. No script. Not listed in the sitemap.
 */
export function redirectJobs(articles: readonly Article[], ctx: RenderContext): PageJob[] {
  const jobs: PageJob[] = [];
  for (const a of articles) {
    for (const alias of a.aliases ?? []) {
      jobs.push({
        path: alias,
        template: 'redirect',
        listed: false,
        view: {
          site: ctx.site,
          page: pageMeta(ctx.link, a.path, { title: a.title, description: textOf(a.summary), kind: 'redirect' }),
          redirect: { href: ctx.link.href(a.path), title: a.title },
        },
      });
    }
  }
  return jobs.sort((x, y) => (x.path < y.path ? -1 : 1));
}

/** `_redirects` for Netlify and Cloudflare Pages: `/old/ /new/ 301` per alias, under the base path. */
export function redirectsFile(articles: readonly Article[], basePath: string): string | undefined {
  const lines = articles
    .flatMap((a) => (a.aliases ?? []).map((alias) => `${basePath}${alias.slice(1)} ${basePath}${a.path.slice(1)} 301`))
    .sort();
  return lines.length > 0 ? `${lines.join('\n')}\n` : undefined;
}

/** A last guard: an alias must never replace a page the site itself renders. */
export function redirectClashes(articles: readonly Article[], pagePaths: ReadonlySet<string>): ContentError[] {
  return articles.flatMap((a) =>
    (a.aliases ?? [])
      .filter((alias) => pagePaths.has(alias))
      .map((alias) => ({ file: a.source, line: a.aliasesLine, message: `alias ${alias} is the address of one of the site's own pages; it cannot redirect` })),
  );
}
