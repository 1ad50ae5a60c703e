import type { Article, ParsedArticle, TopicRef } from '../types.js';
import { compactText } from './one-byte.js';

/**
 * Every `Article` is made here, each member written out in one order and the optional ones
 * present even when undefined, so all records share one hidden class. Spreading (`{ ...a, topics }`)
 * or rest-destructuring records with varying members gave every record its own map and descriptor
 * array in V8: about 500 bytes per article (10 MB at 20,000 articles) and slower property reads.
 * An undefined member is the same record as an absent one everywhere a record is read: JSON drops
 * it and `identityOf` skips it.
 */
export function makeArticle(a: Omit<ParsedArticle, 'explicitSlug' | 'explicitSlugLine' | 'titleSlug'>, slug: string, path: string, topics: TopicRef[]): Article {
  return {
    slug,
    path,
    title: a.title,
    titleDerived: a.titleDerived,
    date: a.date,
    updated: a.updated,
    modified: a.modified,
    corrections: a.corrections,
    dateline: a.dateline,
    author: a.author,
    tags: a.tags,
    entities: a.entities,
    topics,
    summary: compactText(a.summary),
    wordCount: a.wordCount,
    readingMinutes: a.readingMinutes,
    draft: a.draft,
    bodyHtml: a.bodyHtml,
    source: a.source,
    format: a.format,
    aliases: a.aliases,
    aliasesLine: a.aliasesLine,
  };
}
