/**
 * The records that flow between the stages. `load/` produces them, everything after
 * consumes them; nothing downstream ever sees raw file text again.
 */

/** A calendar date as written by the author: `YYYY-MM-DD`. Never a `Date`, so it cannot drift across time zones. */
export type CalendarDate = string;

/**
 * Text a build holds for every article, kept as its UTF-8 bytes one byte a character (`compactText`
 * makes it, `textOf` reads it back). V8 stores a string two bytes a character as soon as one character
 * is past Latin-1, and nearly every summary has a curly quote, a dash or an ellipsis: as plain strings
 * the summaries were the largest part of the records, 39 MB at 100,000 articles. At run time it is a
 * string; its type is not one, so a stage cannot show the bytes as text by mistake.
 */
export interface CompactText {
  readonly compactText: never;
}

/** One problem with one input file. Every stage collects these instead of throwing, so a run reports all of them. */
export interface ContentError {
  /** The path of the offending file, as the user named it (relative to the working directory where possible). */
  file: string;
  /** 1-based line number, where the problem has one. */
  line?: number;
  message: string;
}

/** A dated correction notice, from front matter `corrections: [{date, text}]`. */
export interface Correction {
  date: CalendarDate;
  text: string;
}

/** Names found in an article's headline and lede, normalised (no honorifics, possessives or stray punctuation). */
export interface Entities {
  people: string[];
  places: string[];
  organizations: string[];
}

export type TopicKind = 'tag' | 'person' | 'place' | 'organization';

/** A topic as an article refers to it. */
export interface TopicRef {
  slug: string;
  name: string;
  kind: TopicKind;
}

/** One published article, as loaded and validated. */
export interface Article {
  /** URL segment, unique within the article's day. */
  slug: string;
  /**
   * Site-relative path of the article page, without the base path: `/2025/07/04/slug/`. Its absolute
   * URL is made from it where it is published (`Linker.absolute`), not held: 100 bytes an article.
   */
  path: string;
  title: string;
  /** True when the source had no title and the headline was derived from the first sentence. */
  titleDerived: boolean;
  date: CalendarDate;
  updated?: CalendarDate;
  /** Newest of `updated` and the correction dates, when there is one: the article's dateModified. */
  modified?: CalendarDate;
  corrections: Correction[];
  dateline?: string;
  author?: string;
  tags: string[];
  /** People, places and organisations named in the headline and lede, plus the dateline place. */
  entities: Entities;
  /** Tags and entities as topics with their archive-wide slugs; filled in by the model stage. */
  topics: TopicRef[];
  /** The first sentences, for lists, feeds and meta descriptions; read with `textOf`. */
  summary: CompactText;
  wordCount: number;
  /** Minutes, rounded up, at 230 words a minute. */
  readingMinutes: number;
  draft: boolean;
  /** Sanitised HTML of the body. */
  bodyHtml: string;
  /** Path of the source file, as given to the loader. */
  source: string;
  format: 'seed' | 'markdown';
  /** Old site-relative URLs that redirect here, from front matter `aliases`; absent when none. */
  aliases?: string[];
  /** Line of the `aliases:` key, for errors about them; not published. */
  aliasesLine?: number;
}

/**
 * An article as parsed from its file, before the model stage gives it a unique slug and URL.
 * `explicitSlug` is set when the author chose the slug.
 */
export type ParsedArticle = Omit<Article, 'slug' | 'path' | 'topics' | 'summary'> & {
  summary: string;
  explicitSlug?: string;
  /** Line of the `slug:` key, for errors about it. */
  explicitSlugLine?: number;
  /**
   * The slug derived from the title (`slugFromTitle`), used when there is no explicit slug. Made
   * while parsing, on the parser threads and once per file, so a rebuild does not slugify every
   * title again (0.4 s of a one-article rebuild at 20,000 articles).
   */
  titleSlug: string;
  /**
   * Front-matter keys the article has that news-archive does not read (`layout`, `categories`, from
   * another tool's archive), at their lines. Not errors: the build notes them (see `UnreadKeyNote`),
   * so a field the newsroom expects on its pages is not dropped without a word.
   */
  unreadKeys?: { key: string; line?: number }[];
};

/** One front-matter key no article's value of is read, over the whole input: how many files have it, and the first. */
export interface UnreadKeyNote {
  key: string;
  files: number;
  first: { file: string; line?: number };
}

export interface SiteConfig {
  title: string;
  description: string;
  /** Absolute base URL ending in `/`, e.g. `https://example.github.io/archive/`. */
  baseUrl: string;
  /** The path part of `baseUrl`, ending in `/`: `/archive/` or `/`. Derived, not configured. */
  basePath: string;
  /** BCP 47 language tag for `<html lang>`. */
  language: string;
  /** date-fns locale code, e.g. `en-US`, `ru`, `de`. */
  dateLocale: string;
  /** Articles per list page. */
  pageSize: number;
  /** Name shown as publisher. */
  publisher: string;
  /** IANA time zone the newsroom dates its articles in; gives ISO 8601 timestamps their offset, and its calendar date is the build's "today" for embargoes. */
  timeZone: string;
  /**
   * Article pages per search shard at most (whole years are packed up to it). Smaller shards make a
   * one-article rebuild index fewer pages again and bound Pagefind's memory lower; larger ones make a
   * search fetch fewer files.
   */
  searchShardPages: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: ContentError[] };
