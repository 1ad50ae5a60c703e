import slugify from '@sindresorhus/slugify';

const MAX_SLUG_LENGTH = 60;

/** Slugs that would collide with the site's own paths inside a day folder (`/2025/07/04/page/2/`). */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(['page']);

const DANGLING = new Set(['a', 'an', 'the', 'of', 'on', 'in', 'at', 'to', 'for', 'by', 'and', 'or', 'with', 'from', 'his', 'her', 'its', 'their']);

/**
 * A URL slug from a title: lower-case ASCII with transliteration (`Путин` → `putin`), at most
 * 60 characters, cut at a hyphen so no word is chopped.
 */
export function slugFromTitle(title: string): string {
  let slug = slugify(title, { decamelize: false });
  const truncated = slug.length > MAX_SLUG_LENGTH;
  if (truncated) {
    const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
    const lastHyphen = cut.lastIndexOf('-');
    slug = cut.slice(0, lastHyphen > 0 ? lastHyphen : MAX_SLUG_LENGTH);
  }
  // A cut slug must not end on a dangling little word (`...-bridge-on`).
  const parts = slug.split('-').filter((p) => p.length > 0);
  while (parts.length > 1 && truncated && DANGLING.has(parts[parts.length - 1]!)) parts.pop();
  slug = parts.join('-');
  return slug.length > 0 ? slug : 'article';
}
