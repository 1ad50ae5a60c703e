import type { Article, ContentError, ParsedArticle } from '../types.js';
import { RESERVED_SLUGS } from './slug.js';
import { makeArticle } from './article-record.js';
import { oneByte } from './one-byte.js';

/** Chronological order, then source path: the same input always gives the same order. */
export function compareArticles(a: Pick<Article, 'date' | 'source'>, b: Pick<Article, 'date' | 'source'>): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.source < b.source ? -1 : a.source > b.source ? 1 : 0;
}

export function articlePath(date: string, slug: string): string {
  const [y, m, d] = date.split('-');
  return `/${y}/${m}/${d}/${slug}/`;
}

/**
 * Gives every article its slug and URL. Slugs are unique within a day: an author's explicit
 * slug is kept (a second article claiming it is an error), and a slug derived from a title
 * gets `-2`, `-3` when another article of that day already has it, so both are published.
 * Returns the articles in chronological order.
 *
 * It takes the records over: `parsed` is emptied, and each record is let go as its article is made,
 * so with `pace` (the build's heap pacer, called every 4,096 articles) the parsed records and the
 * articles are never all held at once. They were, at 100,000 articles, for a moment Node's peak.
 */
export function assignUrls(parsed: ParsedArticle[], pace?: () => void): { articles: Article[]; errors: ContentError[] } {
  const sorted: (ParsedArticle | undefined)[] = parsed.splice(0).sort(compareArticles);
  const errors: ContentError[] = [];
  const taken = new Map<string, Map<string, string>>(); // date → slug → source that holds it
  const dayOf = (date: string) => {
    let day = taken.get(date);
    if (!day) taken.set(date, (day = new Map()));
    return day;
  };

  // Explicit slugs first, so a derived slug can never take a name an author chose.
  const slugs: (string | undefined)[] = new Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    if (a.explicitSlug === undefined) continue;
    const day = dayOf(a.date);
    const holder = day.get(a.explicitSlug);
    if (RESERVED_SLUGS.has(a.explicitSlug)) {
      errors.push({ file: a.source, line: a.explicitSlugLine, message: `slug "${a.explicitSlug}" is reserved for the site's own pages; choose another` });
    } else if (holder !== undefined) {
      errors.push({ file: a.source, line: a.explicitSlugLine, message: `slug "${a.explicitSlug}" is already used on ${a.date} by ${holder}; choose another` });
    } else {
      day.set(a.explicitSlug, a.source);
      slugs[i] = a.explicitSlug;
    }
  }
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    if (a.explicitSlug !== undefined) continue;
    const day = dayOf(a.date);
    const base = a.titleSlug;
    let slug = base;
    for (let n = 2; day.has(slug) || RESERVED_SLUGS.has(slug); n++) slug = `${base}-${n}`;
    day.set(slug, a.source);
    slugs[i] = slug;
  }

  const articles: Article[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    sorted[i] = undefined;
    if (pace && i % 4096 === 4095) pace();
    const slug = slugs[i];
    if (slug === undefined) continue;
    const path = oneByte(articlePath(a.date, slug));
    // Every record the build holds is made here once: its longest strings are stored compactly now.
    const compact = { ...a, title: oneByte(a.title) };
    articles.push(makeArticle(compact, oneByte(slug), path, []));
  }
  return { articles, errors };
}
