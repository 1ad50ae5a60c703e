import type { Article, CalendarDate } from '../types.js';

/**
 * What a build publishes. `today` is the build's date (see `cli/build-date.ts`); it is passed in,
 * never read from a clock here, so the same input always gives the same site.
 */
export interface PublishRules {
  today: CalendarDate;
  /** Include `draft: true` articles (`--drafts`, and always in `dev`). */
  drafts: boolean;
  /** Include articles dated after `today` (`--future`). */
  future: boolean;
}

/** How many articles a build left out, and why; a draft dated in the future counts as a draft. */
export interface Withheld {
  drafts: number;
  future: number;
}

/** Publish everything: for `check`, which validates every article whatever its state. */
export function publishEverything(today: CalendarDate): PublishRules {
  return { today, drafts: true, future: true };
}

/**
 * The one place the publishing rules are applied. Everything downstream (pages, indexes,
 * articles.json, feeds, search) sees only what this returns. Order is kept.
 */
export function selectPublished<T extends Pick<Article, 'draft' | 'date'>>(
  articles: readonly T[],
  rules: PublishRules,
): { published: T[]; withheld: Withheld } {
  const published: T[] = [];
  const withheld: Withheld = { drafts: 0, future: 0 };
  for (const a of articles) {
    if (a.draft && !rules.drafts) withheld.drafts++;
    // Calendar dates in YYYY-MM-DD form compare correctly as strings.
    else if (a.date > rules.today && !rules.future) withheld.future++;
    else published.push(a);
  }
  return { published, withheld };
}
