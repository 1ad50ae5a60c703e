// Worker-thread entry for the parse pool. Plain JavaScript, because a worker thread does not inherit
// the tsx loader the main thread registered; it registers its own, then loads the TypeScript task.
import { register } from 'tsx/esm/api';

register();
const { parseBatch } = await import('./parse-task.ts');

export default parseBatch;
