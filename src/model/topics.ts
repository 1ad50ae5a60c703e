import type { Article, TopicKind, TopicRef } from '../types.js';
import { topicSlug } from './slug.js';
import { sharedIfEmpty } from './shared-empty.js';

export interface Topic {
  slug: string;
  name: string;
  kind: TopicKind;
  /** Chronological. */
  articles: Article[];
}

/** An author's tags first, then the names the text gives, most specific kinds first. */
const KIND_ORDER: TopicKind[] = ['tag', 'person', 'organization', 'place'];
/**
 * At most this many topics per article from the names its text gives, so a long list of passing
 * mentions does not drown the real ones. An author's tags are never dropped.
 */
const MAX_TOPICS_PER_ARTICLE = 8;

function candidates(a: Article): { name: string; kind: TopicKind }[] {
  return [
    ...a.tags.map((name) => ({ name, kind: 'tag' as const })),
    ...a.entities.people.map((name) => ({ name, kind: 'person' as const })),
    ...a.entities.organizations.map((name) => ({ name, kind: 'organization' as const })),
    ...a.entities.places.map((name) => ({ name, kind: 'place' as const })),
  ];
}

/**
 * Gathers tags and extracted names into archive-wide topics keyed by slug, so `Ukraine` the tag
 * and `Ukraine` the place are one topic. A topic's shown name is its most frequent spelling, and
 * its kind the most specific one seen (a place beats a bare tag). Returns the articles with their
 * `topics` filled in, and the topics sorted by slug.
 *
 * Each article's `topics` is filled in place, not on a copy: the model stage owns the records it is
 * given, and at 100,000 articles a copy of every record here left the heap's pages a third dead (the
 * copies' strings stay where the first records put them) for the rest of the build.
 */
export function buildTopics(articles: readonly Article[]): { articles: Article[]; topics: Topic[] } {
  const bySlug = new Map<string, Topic & { spellings: Map<string, number> }>();
  // Names repeat across articles (tags, places, people): each is transliterated once.
  const slugs = new Map<string, string>();
  const slugOf = (name: string) => {
    let slug = slugs.get(name);
    if (slug === undefined) slugs.set(name, (slug = topicSlug(name)));
    return slug;
  };
  const articlesWithTopics = articles.map((a) => {
    const refs: TopicRef[] = [];
    const seen = new Set<string>();
    for (const c of candidates(a)) {
      const slug = slugOf(c.name);
      if (slug === '' || seen.has(slug) || (c.kind !== 'tag' && refs.length >= MAX_TOPICS_PER_ARTICLE)) continue;
      seen.add(slug);
      let topic = bySlug.get(slug);
      if (!topic) bySlug.set(slug, (topic = { slug, name: c.name, kind: c.kind, articles: [], spellings: new Map() }));
      topic.spellings.set(c.name, (topic.spellings.get(c.name) ?? 0) + 1);
      if (topic.kind === 'tag' && c.kind !== 'tag') topic.kind = c.kind;
      refs.push({ slug, name: c.name, kind: c.kind });
    }
    a.topics = refs;
    for (const r of refs) bySlug.get(r.slug)!.articles.push(a);
    return a;
  });
  const topics: Topic[] = [...bySlug.values()]
    .map(({ spellings, ...t }) => ({ ...t, name: mostFrequent(spellings) }))
    .sort((x, y) => (x.slug < y.slug ? -1 : 1));
  // Articles show the topic's archive-wide name, so one topic is spelt one way everywhere.
  // One shared ref per topic, not one per mention: 100,000 articles hold up to 800,000 of them.
  const refOf = new Map(topics.map((t) => [t.slug, { slug: t.slug, name: t.name, kind: t.kind } satisfies TopicRef] as const));
  for (const a of articlesWithTopics) {
    a.topics = sharedIfEmpty(a.topics.map((r) => refOf.get(r.slug)!).sort((x, y) => KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind)));
  }
  return { articles: articlesWithTopics, topics };
}

/** The most used spelling; on a tie, a capitalised one (`Shipping` over `shipping`). */
function mostFrequent(spellings: Map<string, number>): string {
  let best = '';
  let n = -1;
  for (const [name, count] of spellings) {
    if (count > n || (count === n && /^\p{Lu}/u.test(name) && !/^\p{Lu}/u.test(best))) {
      best = name;
      n = count;
    }
  }
  return best;
}
