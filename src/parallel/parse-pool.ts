import type { ParseBatch, ParseItem, ParseOutcome } from './parse-task.js';
import { WorkerPool } from './worker-pool.js';

export { defaultWorkers } from './worker-pool.js';

/** Files per task: enough to make message passing cheap, few enough to keep both cores busy to the end. */
const BATCH = 64;
/** Below this many files, starting worker threads costs more than it saves. */
export const PARALLEL_THRESHOLD = 400;

/**
 * Parses files on worker threads (a pool, or a thread count; 0 or a small input parses in this
 * thread), calling `onDone` with each batch's outcomes as it finishes (one outcome per file).
 */
export async function parseAll(
  items: ParseItem[],
  target: Pick<ParseBatch, 'packDir' | 'generator'>,
  packPrefix: string,
  workers: number | WorkerPool,
  onDone: (done: ParseOutcome[]) => void,
  threshold = PARALLEL_THRESHOLD,
): Promise<ParseOutcome[]> {
  const batches: ParseBatch[] = [];
  for (let i = 0; i < items.length; i += BATCH) batches.push({ items: items.slice(i, i + BATCH), ...target, packPrefix });
  const results: ParseOutcome[] = [];
  const threads = typeof workers === 'number' ? workers : workers.threads;
  if (threads === 0 || items.length < threshold) {
    // The parsers' modules are loaded only when this thread parses (see article-files.ts).
    const { parseBatch } = await import('./parse-task.js');
    for (const b of batches) {
      const done = await parseBatch(b);
      onDone(done);
      results.push(...done);
    }
    return results;
  }
  const pool = typeof workers === 'number' ? new WorkerPool(workers) : workers;
  try {
    await Promise.all(
      batches.map(async (b) => {
        const done = await pool.run<ParseOutcome[]>('parseBatch', b);
        onDone(done);
        results.push(...done);
      }),
    );
  } finally {
    if (pool !== workers) await pool.destroy();
  }
  return results;
}
