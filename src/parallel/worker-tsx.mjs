// Worker-thread entry when running from the TypeScript sources (tsx). Plain JavaScript, because a
// worker thread does not inherit the tsx loader the main thread registered; it registers its own,
// then loads the tasks. Compiled builds (lib/) load worker-tasks.js directly.
import { register } from 'tsx/esm/api';

register();
export const { parseBatch, renderBatch } = await import('./worker-tasks.ts');
