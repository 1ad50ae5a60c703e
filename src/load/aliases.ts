import type { ContentError } from '../types.js';
import { excerpt } from './excerpt.js';

/** Longest alias accepted: old URLs are short; anything longer is a mistake or an attack. */
const MAX_ALIAS_LENGTH = 300;
/** Longest part between two `/`: a file or folder name (255 bytes on common file systems). */
const MAX_SEGMENT_LENGTH = 255;
/** One path segment: letters, digits and `- . _ ~` only, so an alias can never escape the output folder or carry markup. */
const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/**
 * Why `alias` cannot be an old URL to redirect from, or undefined when it can. An alias is a
 * site-relative path (without the base path) that ends in `/` or in a `.html` file name:
 * `/2025/07/04/old-slug/`, `/news/123.html`.
 */
export function aliasProblem(alias: string): string | undefined {
  if (alias.length > MAX_ALIAS_LENGTH) return `is longer than ${MAX_ALIAS_LENGTH} characters`;
  if (!alias.startsWith('/')) return 'must be a site-relative path starting with "/", e.g. /2025/07/04/old-slug/';
  if (alias === '/') return 'cannot be the home page';
  const segments = alias.slice(1).replace(/\/$/, '').split('/');
  if (segments.some((s) => s === '.' || s === '..')) return 'may not contain "." or ".." segments';
  if (segments.some((s) => !SEGMENT.test(s))) return 'may only contain letters, digits, "-", ".", "_", "~" and single "/" between them';
  if (segments.some((s) => s.length > MAX_SEGMENT_LENGTH)) return `has a part longer than ${MAX_SEGMENT_LENGTH} characters, more than a file name can hold`;
  // `/x/index.html` is the file `/x/` is served from: written so, it would slip past the checks that keep
  // an alias off a live page (the home page, a day index, an article).
  if (segments.at(-1) === 'index.html') return `must be written as its folder URL, ${alias.slice(0, -'index.html'.length)}, not as its index.html`;
  if (!alias.endsWith('/') && !alias.endsWith('.html')) return 'must end in "/" (a folder URL) or ".html"';
  return undefined;
}

/** Front matter `aliases: [/2025/07/04/old-slug/]` (or a single path): the old URLs that should redirect to this article. */
export function readAliases(value: unknown, file: string, line: number | undefined, errors: ContentError[]): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.some((a) => typeof a !== 'string')) {
    errors.push({ file, line, message: 'aliases must be a list of old URL paths, e.g. aliases: [/2025/07/04/old-slug/]' });
    return undefined;
  }
  const aliases: string[] = [];
  for (const raw of list as string[]) {
    const alias = raw.trim();
    const problem = aliasProblem(alias);
    if (problem) errors.push({ file, line, message: `alias "${excerpt(alias)}" ${problem}` });
    else if (!aliases.includes(alias)) aliases.push(alias);
  }
  return aliases.length > 0 ? aliases : undefined;
}
