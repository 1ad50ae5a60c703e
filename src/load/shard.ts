import { createHash } from 'node:crypto';

/**
 * One of `count` parts of a build split over machines: a part of the input files (`--shard 2/4`) or
 * of the pages (`--page-shard 2/4`). Not a search shard (see search/shard-plan.ts). `index` counts
 * from 1, as written on the command line.
 */
export interface SplitPart {
  index: number;
  count: number;
}

/** Reads `K/N` (1 ≤ K ≤ N) given to `option`; a message saying what is wrong otherwise. */
export function parseShardSpec(spec: string, option = '--shard'): SplitPart | { error: string } {
  const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
  const usage = `${option} takes K/N, the part K of N (for example 2/4), not "${spec}"`;
  if (!m) return { error: usage };
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return { error: `${usage}: K must be from 1 to N` };
  return { index, count };
}

/**
 * Whether a file belongs to the shard, by a hash of its path inside the input folder: the parts
 * come out about equal whatever the folders look like, and adding or removing a file never moves
 * another file to a different shard (so each shard's own cache stays valid from one run to the next).
 */
export function inShard(relative: string, shard: SplitPart): boolean {
  return partOf(relative, shard.count) === shard.index;
}

/** The part (1 to `count`) a name falls in, by a hash of it: about equal parts, and stable as names come and go. */
export function partOf(name: string, count: number): number {
  return (createHash('sha256').update(name).digest().readUInt32BE(0) % count) + 1;
}
