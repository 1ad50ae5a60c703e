import type { Article } from '../types.js';
import type { Topic } from './topics.js';

const MAX_RELATED = 5;
const MIN_RELATED = 3;
/** Per topic, look only at this many articles either side in time: keeps huge topics from making this quadratic. */
const WINDOW = 40;

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/**
 * The archive in numbers, made once per build: each topic's articles as positions in the
 * chronological list, each article's day, and a counter per article. This runs for every article
 * page, and with objects (a map per call from article to shared topics, a day looked up per
 * candidate) it was a tenth of the main thread's time while pages were planned.
 */
interface RelatedIndex {
  from: ReadonlyMap<string, Topic>;
  topics: ReadonlyMap<string, Int32Array>;
  days: Int32Array;
  /** Topics shared with the article being ranked, by position; zero again after each call. */
  counts: Uint16Array;
}

const indexes = new WeakMap<readonly Article[], RelatedIndex>();

function rankingIndexOf(topicsBySlug: ReadonlyMap<string, Topic>, chronological: readonly Article[]): RelatedIndex {
  let index = indexes.get(chronological);
  if (index?.from === topicsBySlug) return index;
  const positions = new Map<Article, number>();
  const days = new Int32Array(chronological.length);
  chronological.forEach((a, i) => {
    positions.set(a, i);
    days[i] = dayNumber(a.date);
  });
  const topics = new Map<string, Int32Array>();
  for (const [slug, topic] of topicsBySlug) {
    // Ascending positions: "either side in time" is either side in the chronological list.
    topics.set(slug, Int32Array.from(topic.articles, (a) => positions.get(a) ?? -1).filter((p) => p >= 0).sort());
  }
  index = { from: topicsBySlug, topics, days, counts: new Uint16Array(chronological.length) };
  indexes.set(chronological, index);
  return index;
}

/** The first place in an ascending list whose value is not below `value`. */
function lowerBound(list: Int32Array, value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Candidate {
  o: Article;
  /** Topics shared with the article. */
  n: number;
  /** Days apart. */
  d: number;
}

function ranksBefore(x: Candidate, y: Candidate): boolean {
  return x.n !== y.n ? x.n > y.n : x.d !== y.d ? x.d < y.d : x.o.source < y.o.source;
}

/**
 * Three to five related articles: most shared topics first, then nearest in time. When fewer than
 * three share a topic, the nearest articles in time fill the list. `chronological` is every article,
 * oldest first, and `index` is the article's place in it.
 */
export function relatedArticles(
  a: Article,
  topicsBySlug: ReadonlyMap<string, Topic>,
  chronological: readonly Article[],
  index: number,
): Article[] {
  const { topics, days, counts } = rankingIndexOf(topicsBySlug, chronological);
  // Articles sharing a topic, in the order first met, each counted once per topic it shares.
  const met: number[] = [];
  for (const ref of a.topics) {
    const list = topics.get(ref.slug);
    if (!list) continue;
    const at = lowerBound(list, index);
    for (let i = Math.max(0, at - WINDOW); i < Math.min(list.length, at + WINDOW + 1); i++) {
      const other = list[i]!;
      if (other !== index && counts[other]!++ === 0) met.push(other);
    }
  }
  const day = days[index]!;
  // The best MAX_RELATED by (most shared topics, nearest in days, source path), in one pass: an
  // article can have hundreds of candidates, and this runs for every article on every build.
  const top: Candidate[] = [];
  for (const p of met) {
    const n = counts[p]!;
    counts[p] = 0;
    // Fewer shared topics than the fifth best cannot get in, whatever the distance.
    if (top.length === MAX_RELATED && n < top[MAX_RELATED - 1]!.n) continue;
    const c = { o: chronological[p]!, n, d: Math.abs(days[p]! - day) };
    if (top.length === MAX_RELATED && !ranksBefore(c, top[MAX_RELATED - 1]!)) continue;
    let at = top.length;
    while (at > 0 && ranksBefore(c, top[at - 1]!)) at--;
    top.splice(at, 0, c);
    if (top.length > MAX_RELATED) top.pop();
  }
  const ranked = top.map(({ o }) => o);
  // Fill from the neighbours in time, alternating older and newer.
  for (let step = 1; ranked.length < MIN_RELATED && (index - step >= 0 || index + step < chronological.length); step++) {
    for (const o of [chronological[index - step], chronological[index + step]]) {
      if (o && ranked.length < MIN_RELATED && !ranked.includes(o)) ranked.push(o);
    }
  }
  return ranked;
}
