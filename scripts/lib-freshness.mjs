// Whether lib/ (compiled by scripts/compile.mjs) still matches src/: compiled after the newest
// source file and after the compiler itself. Only Node built-ins: bin/news-archive.js runs this
// on every start, before anything else is loaded.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function libIsFresh(root = packageRoot) {
  let compiled;
  try {
    compiled = statSync(path.join(root, 'lib/.compiled')).mtimeMs;
  } catch {
    return false;
  }
  const src = path.join(root, 'src');
  let newest = statSync(path.join(root, 'scripts/compile.mjs')).mtimeMs;
  for (const e of readdirSync(src, { recursive: true, withFileTypes: true })) {
    newest = Math.max(newest, statSync(path.join(e.parentPath, e.name)).mtimeMs);
  }
  return newest <= compiled;
}
