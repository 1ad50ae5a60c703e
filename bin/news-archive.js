#!/usr/bin/env node
// Runs the compiled JavaScript in lib/ when it is fresh (`npm run build`, `npm test` and `npm run dev`
// compile it first through scripts/ensure-deps.mjs); otherwise runs the TypeScript sources through
// tsx, so an edited source file is never run stale. Both resolve from this package, not the caller's folder.
import { libIsFresh } from '../scripts/lib-freshness.mjs';

if (libIsFresh()) {
  await import('../lib/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
