// Everything a worker thread can be asked to do (see worker-pool.ts).
export { parseBatch } from './parse-task.js';
export { renderBatch } from '../render/render-task.js';
