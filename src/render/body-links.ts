/**
 * Links and images in an article's body written root-relative (`/2024/11/05/library-vote/`,
 * `/assets/map.png`), the form aliases and `published-urls.txt` use, point at the site's root. Under
 * a base path (`/archive/`) they would leave the site, and in a feed they resolve against the
 * reader's own page: so they are put under `prefix` (the base path on pages, the absolute base URL
 * in feeds) when the body is rendered. Bodies are cached without it, so a new base path needs no
 * parse. Only attributes of real tags change: in text, `<` is always escaped, so a `<a href="/…`
 * written in the article's words or code never matches.
 */
export function rebaseBodyLinks(html: string, prefix: string): string {
  if (prefix === '/') return html;
  return html.replace(/(<(?:a|img)\b[^>]*?\s(?:href|src)=")\/(?!\/)/g, `$1${prefix}`);
}
