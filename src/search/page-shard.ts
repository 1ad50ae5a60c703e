import { partOf, type SplitPart } from '../load/shard.js';
import { yearFolderOf, type ShardPlan } from './shard-plan.js';

/**
 * Whether a page (`/2019/12/31/x/`) belongs to page shard K of N (`--page-shard K/N`). A page in a
 * year folder goes with its year's search-shard group (see `ShardPlan`): the article pages of one
 * search shard are then all rendered on one machine, in order, and its index is made there whole,
 * the same files a one-machine build makes. Other pages (home, topics, archive) go by a hash of their path.
 */
export function inPageShard(sitePath: string, shard: SplitPart, plan: ShardPlan): boolean {
  const year = yearFolderOf(sitePath);
  const group = year === undefined ? undefined : plan.groupOfYear(year);
  const part = group !== undefined ? (group % shard.count) + 1 : partOf(year ?? sitePath, shard.count);
  return part === shard.index;
}
