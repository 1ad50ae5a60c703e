import v8 from 'node:v8';
import vm from 'node:vm';
import { memlog } from './memlog.js';

/**
 * Keeps the main thread's heap near what it really holds: after the load and model stages (which
 * leave the cache's parsed indexes and copies of records behind) and while pages are planned. Every page's
 * view is garbage once it is sent to a thread, but batches wait in the pool's queue long enough
 * for views to be promoted to the old generation, and V8's own pacing lets that grow the heap
 * (and the process's memory) in step with the archive: at 20,000 articles 500 MB of heap held
 * 140 MB of live data. A full collection whenever the heap has grown by `headroom` (or by a tenth
 * of what was live after the last one) bounds it. At 100,000 articles the main thread mostly waits
 * for Pagefind while pages are written, so collecting more often costs it little: 24 MB and a tenth,
 * against 64 MB and a quarter, lowered Node's peak from 469 to 438 MB (598.5 s against 617.3 s).
 *
 * Those figures are at 100,000 articles, near the build's memory target; further from it, the
 * collections are spaced out: the room is a third of what is left below `MEMORY_TARGET` (up to 96
 * MB), when that is more than the headroom. Each forced collection stops the main thread, the
 * build's busiest, for about 50 ms at 20,000 articles, where 24 MB of headroom made thirty of them
 * while pages were written; with 64 MB the 20,000-article minimal build wrote its pages in 7.9 s
 * against 8.9–9.3 s (two pairs in turn), and its peak was 300 MB against 263 MB. At 100,000
 * articles Node's process holds 350–440 MB while it writes, so the headroom is the same as before.
 */
export class HeapPacer {
  private limit: number;
  /** Full collections made so far. */
  collections = 0;

  /** `room` is how far the process is below its memory target (by default, `MEMORY_TARGET` less its resident memory). */
  constructor(
    private readonly headroom = 24 * 2 ** 20,
    private readonly room: () => number = () => MEMORY_TARGET - process.memoryUsage.rss(),
  ) {
    this.limit = used() + headroom;
  }

  /**
   * The same items, checked every `every`. A long loop's short-lived strings (the JSON of every
   * record for `articles.json`) can be promoted in bulk once V8 sees most of a site's allocations
   * survive a young collection, and then wait for a full one: 120 MB of heap at 20,000 articles.
   */
  *paced<T>(items: Iterable<T>, every = 1024): Generator<T> {
    let n = 0;
    for (const item of items) {
      if (++n % every === 0) this.check();
      yield item;
    }
  }

  /** Collects if the heap has grown past the limit since the last collection. Cheap to call often. */
  check(): void {
    memlog('main');
    if (used() < this.limit) return;
    collect();
    this.collections++;
    const live = used();
    // A tenth of what is live, at least `headroom`: at 100,000 articles (about 300 MB live) half of
    // it let the heap, and the process, hold 150 MB of garbage at its peak; a quarter, 31 MB more
    // than a tenth.
    this.limit = live + Math.max(this.headroom, live / 10, Math.min(MAX_ROOM_HEADROOM, this.room() / 3));
  }
}

/** Node's process at 100,000 articles stays under this (issue 4's target is 512 MB; Pagefind's own process aside). */
const MEMORY_TARGET = 448 * 2 ** 20;
const MAX_ROOM_HEADROOM = 96 * 2 ** 20;

let gc: (() => void) | undefined;

/** A full collection. `gc` is exposed only to contexts made after the flag is set: one is made, once per process. */
function collect(): void {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
}

function used(): number {
  return v8.getHeapStatistics().used_heap_size;
}
