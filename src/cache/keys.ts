import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Each part followed by NUL, hashed. */
export function sha256(...parts: (string | Uint8Array)[]): string {
  if (parts.every((p) => typeof p === 'string')) return sha256OfList(parts as string[]);
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
}

/**
 * `sha256(...list)` for a list of any length: spreading a list into arguments overflows the call
 * stack past a few hundred thousand elements (an archive's shape has four parts per article).
 */
export function sha256OfList(list: readonly string[]): string {
  const h = createHash('sha256');
  // Parts joined in chunks: the same bytes, a few calls instead of two per part (the calls, not the
  // hashing, were the cost for keys made of many short parts).
  for (let i = 0; i < list.length; i += 4096) h.update(`${list.slice(i, i + 4096).join('\0')}\0`);
  return h.digest('hex');
}

let generator: string | undefined;

/**
 * What "the generator version" means for the cache: a hash of every source file of the generator
 * plus its package version and the Node major version, so any change to the code invalidates every
 * cached parse and page, even without a version bump.
 */
export function generatorKey(): string {
  if (generator) return generator;
  // Always the TypeScript sources, also when this runs compiled from lib/ (same depth as src/).
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const srcDir = path.join(root, 'src');
  const pkg = readFileSync(path.join(root, 'package.json'));
  const files = (readdirSync(srcDir, { recursive: true, withFileTypes: false }) as string[]).filter((f) => f.endsWith('.ts')).sort();
  const h = createHash('sha256').update(pkg).update(process.versions.node.split('.')[0]!);
  for (const f of files) h.update(f).update('\0').update(readFileSync(path.join(srcDir, f))).update('\0');
  generator = h.digest('hex');
  return generator;
}

/** The cache key of one article file: its bytes, the path it is reported under, and the generator. */
export function contentKey(generatorHash: string, displayPath: string, bytes: Uint8Array): string {
  return sha256(generatorHash, displayPath, bytes);
}
