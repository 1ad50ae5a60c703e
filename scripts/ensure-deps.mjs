#!/usr/bin/env node
// Runs before `npm run build` and `npm test` (npm's pre-scripts) so the README's two commands work
// on a fresh clone: installs the locked dependencies when node_modules is missing or stale.
// Only Node built-ins here: nothing else is installed yet.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const lock = 'package-lock.json';
const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs;
if (stale) {
  process.stderr.write('Installing dependencies (npm ci)…\n');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}

// Compile src/ to lib/ when any source file is newer than the last compile (see compile.mjs).
const { libIsFresh } = await import('./lib-freshness.mjs');
if (!libIsFresh()) {
  const { compile } = await import('./compile.mjs');
  await compile();
}
