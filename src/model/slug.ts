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
  const slug = asciiSlug(title);
  return slug.length > 0 ? slug : 'article';
}

/**
 * A topic's slug: as a title's, or, for a name with no Latin transliteration (Hebrew, Japanese,
 * Korean…), its own letters and digits, lower-cased and joined by hyphens (`/topics/日本/`), rather
 * than no topic at all. Empty only when the name has no letter or digit.
 */
export function topicSlug(name: string): string {
  const ascii = asciiSlug(name);
  if (ascii.length > 0) return ascii;
  const words = name.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  return words.join('-').slice(0, MAX_SLUG_LENGTH).replace(/-$/, '');
}

/** Lower-case ASCII with transliteration, cut to MAX_SLUG_LENGTH at a hyphen; empty when nothing transliterates. */
function asciiSlug(title: string): string {
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
  return parts.join('-');
}
