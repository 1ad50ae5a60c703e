import v8 from 'node:v8';
import { threadId } from 'node:worker_threads';

/**
 * With `NEWS_ARCHIVE_MEMLOG=1`, each thread prints its heap at most every 3 s (the main thread from
 * the heap pacer, render threads from each batch) to standard error: where the process's memory is,
 * which `/usr/bin/time` and `scripts/rss-timeline.sh` cannot split by thread. Figures in MB: the
 * process's resident set, then this thread's heap in use, the heap it holds, and external memory.
 */
const enabled = process.env.NEWS_ARCHIVE_MEMLOG === '1';
let last = 0;

export function memlog(where: string): void {
  if (!enabled) return;
  const now = Date.now();
  if (now - last < 3000) return;
  last = now;
  const h = v8.getHeapStatistics();
  const mb = (x: number) => (x / 2 ** 20).toFixed(0);
  process.stderr.write(`[memory thread ${threadId} ${where}] rss ${mb(process.memoryUsage.rss())} heap used ${mb(h.used_heap_size)} held ${mb(h.total_heap_size)} external ${mb(h.external_memory)}\n`);
}
