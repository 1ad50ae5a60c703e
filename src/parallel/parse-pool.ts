import os from 'node:os';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import { parseBatch, type ParseBatch, type ParseItem, type ParseOutcome } from './parse-task.js';

/** Files per task: enough to make message passing cheap, few enough to keep both cores busy to the end. */
const BATCH = 64;
/** Below this many files, starting worker threads costs more than it saves. */
export const PARALLEL_THRESHOLD = 400;

export function defaultWorkers(): number {
  return Math.max(1, os.availableParallelism());
}

/**
 * Parses files on `workers` threads (or in this thread when `workers` is 0 or the input is small),
 * calling `onDone` as batches finish, for progress.
 */
export async function parseAll(
  items: ParseItem[],
  packDir: string,
  packPrefix: string,
  workers: number,
  onDone: (count: number) => void,
  threshold = PARALLEL_THRESHOLD,
): Promise<ParseOutcome[]> {
  const batches: ParseBatch[] = [];
  for (let i = 0; i < items.length; i += BATCH) batches.push({ items: items.slice(i, i + BATCH), packDir, packPrefix });
  const results: ParseOutcome[] = [];
  if (workers === 0 || items.length < threshold) {
    for (const b of batches) {
      results.push(...(await parseBatch(b)));
      onDone(b.items.length);
    }
    return results;
  }
  const pool = new Tinypool({
    filename: fileURLToPath(new URL('./parse-worker.mjs', import.meta.url)),
    minThreads: workers,
    maxThreads: workers,
  });
  try {
    await Promise.all(
      batches.map(async (b) => {
        const r = (await pool.run(b)) as ParseOutcome[];
        results.push(...r);
        onDone(b.items.length);
      }),
    );
  } finally {
    await pool.destroy();
  }
  return results;
}
