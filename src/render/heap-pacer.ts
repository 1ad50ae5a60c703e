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
 */
export class HeapPacer {
  private limit: number;

  constructor(private readonly headroom = 24 * 2 ** 20) {
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
    const live = used();
    // A tenth of what is live, at least `headroom`: at 100,000 articles (about 300 MB live) half of
    // it let the heap, and the process, hold 150 MB of garbage at its peak; a quarter, 31 MB more
    // than a tenth.
    this.limit = live + Math.max(this.headroom, live / 10);
  }
}

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
