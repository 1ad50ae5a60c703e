import type { Article } from '../types.js';
import { buildDateIndex, type DayEntry, type MonthEntry, type YearEntry } from './date-index.js';
import { buildTopics, type Topic } from './topics.js';

/** Everything the render stage needs, built once after every article has its URL. */
export interface SiteModel {
  /** Oldest first. */
  articles: Article[];
  topics: Topic[];
  topicsBySlug: ReadonlyMap<string, Topic>;
  years: YearEntry[];
  months: MonthEntry[];
  days: DayEntry[];
}

export function buildSiteModel(withUrls: readonly Article[]): SiteModel {
  const { articles, topics } = buildTopics(withUrls);
  const years = buildDateIndex(articles);
  const months = years.flatMap((y) => y.months);
  return {
    articles,
    topics,
    topicsBySlug: new Map(topics.map((t) => [t.slug, t])),
    years,
    months,
    days: months.flatMap((m) => m.days),
  };
}
