import { SEARCH_BUNDLE_DIR, SHARDS_FILE } from '../search/search-index-writer.js';
import type { PageJob, RenderContext } from './page-job.js';
import { pageMeta } from './views.js';

/**
 * `/search/`: Pagefind's default UI over the index the build writes to `/pagefind/`. The page reads
 * `?q=` (from the header's plain GET form) and runs that search, so the header box works everywhere.
 */
export function searchPageJob(ctx: RenderContext): PageJob {
  const { link } = ctx;
  const bundle = `/${SEARCH_BUNDLE_DIR}/`;
  return {
    path: '/search/',
    template: 'search',
    // A search box with no results of its own: nothing for a search engine to list.
    listed: false,
    view: {
      site: ctx.site,
      page: pageMeta(link, '/search/', { title: 'Search', description: `Search every article of ${ctx.config.title}.`, kind: 'search' }),
      search: {
        // Without the index (`--no-search`), the page says so instead of asking for Pagefind's files.
        enabled: ctx.search,
        uiScriptHref: link.href(`${bundle}pagefind-ui.js`),
        uiStylesheetHref: link.href(`${bundle}pagefind-ui.css`),
        shardsScriptHref: link.href(`${bundle}${SHARDS_FILE}`),
        bundleHref: link.href(bundle),
        // Result URLs in the index are site-relative; Pagefind puts this base path in front of them.
        baseUrl: link.href('/'),
        scriptHref: ctx.site.searchScriptHref,
      },
    },
  };
}
