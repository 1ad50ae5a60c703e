// Everything a worker thread can be asked to do (see worker-pool.ts). Each task's module is loaded on
// its first task, not when the thread starts: a pool's threads run one kind of task, and a parser
// thread has no use for the template engine and date locales, nor a render thread for remark (each
// stack is about a tenth of a second to load, on every thread's start).
import type { ParseBatch, ParseOutcome } from './parse-task.js';
import type { RenderBatch, Rendered } from '../render/render-task.js';

export async function parseBatch(batch: ParseBatch): Promise<ParseOutcome[]> {
  return (await import('./parse-task.js')).parseBatch(batch);
}

export async function renderBatch(batch: RenderBatch): Promise<Rendered[]> {
  return (await import('../render/render-task.js')).renderBatch(batch);
}
