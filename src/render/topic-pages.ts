import type { TopicKind } from '../types.js';
import { paginate } from '../model/paginate.js';
import type { SiteModel } from '../model/site.js';
import type { Topic } from '../model/topics.js';
import { lazyJob, type PageJob, type RenderContext } from './page-job.js';
import { articleSummaryView, pageMeta, pageSuffix, paginationView } from './views.js';

const KIND_HEADINGS: Record<TopicKind, string> = {
  person: 'People',
  place: 'Places',
  organization: 'Organisations',
  tag: 'Subjects',
};

/** One collation whatever the build machine's locale (`localeCompare` used the machine's: Åland sorted apart in Swedish). */
const byName = new Intl.Collator('en');

/** `/topics/`: every topic with its article count, grouped by kind, most-covered first. */
export function topicsIndexJob(model: SiteModel, ctx: RenderContext): PageJob {
  const { link } = ctx;
  const groups = (Object.keys(KIND_HEADINGS) as TopicKind[])
    .map((kind) => ({
      heading: KIND_HEADINGS[kind],
      topics: model.topics
        .filter((t) => t.kind === kind)
        .sort((x, y) => y.articles.length - x.articles.length || byName.compare(x.name, y.name))
        .map((t) => ({ href: link.href(link.topicPath(t.slug)), label: t.name, count: t.articles.length })),
    }))
    .filter((g) => g.topics.length > 0);
  return {
    path: '/topics/',
    template: 'topics',
    view: {
      site: ctx.site,
      page: pageMeta(link, '/topics/', {
        title: 'Topics',
        description: `People, places, organisations and subjects covered by ${ctx.config.title}.`,
        kind: 'topics',
      }),
      groups,
    },
  };
}

export function topicFeedPath(topic: Topic): string {
  return `/topics/${topic.slug}/feed.xml`;
}

/** `/topics/<slug>/`: the topic's articles, newest first, paginated, with its own feed. */
export function* topicPageJobs(topic: Topic, ctx: RenderContext): Generator<PageJob> {
  const { link, dates, config } = ctx;
  const listPath = link.topicPath(topic.slug);
  const feeds = [{ href: link.href(topicFeedPath(topic)), type: 'application/rss+xml', title: `${topic.name} · ${config.title} (RSS)` , label: 'RSS feed' }];
  for (const page of paginate([...topic.articles].reverse(), config.pageSize, listPath)) {
    yield lazyJob({ path: page.path, template: 'topic', dependsOn: page.items, dependsOnArchive: true }, () => ({
      site: ctx.site,
      page: pageMeta(link, page.path, {
        title: `${topic.name}${pageSuffix(page)}`,
        description: `${topic.articles.length} articles about ${topic.name}.`,
        kind: 'topic',
        breadcrumbs: [{ href: link.href('/topics/'), label: 'Topics' }],
        feeds,
      }),
      topic: { name: topic.name, kind: KIND_HEADINGS[topic.kind], count: topic.articles.length, feedHref: feeds[0]!.href },
      articles: page.items.map((a) => articleSummaryView(a, link, dates)),
      pagination: paginationView(page, link),
    }));
  }
}
