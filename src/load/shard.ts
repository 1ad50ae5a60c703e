import { createHash } from 'node:crypto';

/**
 * One of `count` parts of an archive's files (`--shard 2/4`), for a parse split over machines.
 * `index` counts from 1, as written on the command line.
 */
export interface Shard {
  index: number;
  count: number;
}

/** Reads `K/N` (1 ≤ K ≤ N); a message saying what is wrong otherwise. */
export function parseShardSpec(spec: string): Shard | { error: string } {
  const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
  const usage = `--shard takes K/N, the part K of N (for example 2/4), not "${spec}"`;
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
export function inShard(relative: string, shard: Shard): boolean {
  return createHash('sha256').update(relative).digest().readUInt32BE(0) % shard.count === shard.index - 1;
}
