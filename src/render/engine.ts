import { Liquid } from 'liquidjs';
import { searchFilterValue } from '../search/filter-value.js';

/**
 * The template engine. Output is HTML-escaped unless a template asks for `| raw` (only sanitised
 * body HTML and prebuilt JSON do); an unknown variable or filter fails the build, so a typo in a
 * template cannot silently publish blanks. Templates come from memory, so rendering never reads disk.
 */
export function createTemplateEngine(templates: Record<string, string>): Liquid {
  const engine = new Liquid({
    templates,
    extname: '.liquid',
    outputEscape: 'escape',
    strictVariables: true,
    // `{% if page.jsonLd %}` may test an optional field; printing an unknown one still fails.
    lenientIf: true,
    strictFilters: true,
    ownPropertyOnly: true,
    cache: true,
  });
  // `data-pagefind-filter` values go through this: see search/filter-value.ts for why escaping is not enough.
  engine.registerFilter('search_filter_value', searchFilterValue);
  return engine;
}
