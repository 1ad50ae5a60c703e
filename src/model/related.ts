import type { Article } from '../types.js';
import type { Topic } from './topics.js';

const MAX_RELATED = 5;
const MIN_RELATED = 3;
/** Per topic, look only at this many articles either side in time: keeps huge topics from making this quadratic. */
const WINDOW = 40;

const dayNumbers = new Map<string, number>();

function dayNumber(date: string): number {
  let n = dayNumbers.get(date);
  if (n === undefined) dayNumbers.set(date, (n = computeDayNumber(date)));
  return n;
}

function computeDayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** Index of the first article in a chronological list that is not before `a`. */
function positionOf(list: readonly Article[], a: Article): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = list[mid]!;
    if (m.date < a.date || (m.date === a.date && m.source < a.source)) lo = mid + 1;
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
 * three share a topic, the nearest articles in time fill the list. `chronological` is every article, oldest first.
 */
export function relatedArticles(
  a: Article,
  topicsBySlug: ReadonlyMap<string, Topic>,
  chronological: readonly Article[],
  index: number,
): Article[] {
  const shared = new Map<Article, number>();
  for (const ref of a.topics) {
    const list = topicsBySlug.get(ref.slug)?.articles ?? [];
    const at = positionOf(list, a);
    for (let i = Math.max(0, at - WINDOW); i < Math.min(list.length, at + WINDOW + 1); i++) {
      const other = list[i]!;
      if (other !== a) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
  }
  const day = dayNumber(a.date);
  // The best MAX_RELATED by (most shared topics, nearest in days, source path), in one pass: an
  // article can have hundreds of candidates, and this runs for every article on every build.
  const top: Candidate[] = [];
  for (const [o, n] of shared) {
    const c = { o, n, d: Math.abs(dayNumber(o.date) - day) };
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
