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
 * What "the generator version" means for the cache: a hash of every file of the code that is running
 * (the TypeScript sources under tsx, the compiled `lib/` when that is what runs: a `lib/` older than
 * `src/` once stored its output under the newer sources' key), the package's own manifest and
 * lockfile, the versions of its installed dependencies (a lockfile-only update of the feed library
 * left every feed as the old version wrote it) and the Node major version. Any change to any of them
 * invalidates every cached parse and page, even without a version bump.
 */
export function generatorKey(): string {
  generator ??= generatorKeyOf(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
  return generator;
}

/** `generatorKey` of the code in `codeDir` (`src/` or `lib/`), whose parent folder holds `package.json`. */
export function generatorKeyOf(codeDir: string): string {
  const root = path.dirname(codeDir);
  const pkg = readFileSync(path.join(root, 'package.json'));
  const h = createHash('sha256').update(pkg).update('\0').update(process.versions.node.split('.')[0]!).update('\0');
  const lock = readIfThere(path.join(root, 'package-lock.json'));
  if (lock) h.update(lock);
  h.update('\0');
  for (const dep of Object.keys((JSON.parse(pkg.toString('utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {}).sort()) {
    h.update(`${dep}@${installedVersion(root, dep) ?? 'missing'}\0`);
  }
  const files = (readdirSync(codeDir, { recursive: true, withFileTypes: false }) as string[]).filter((f) => /\.(ts|js|mjs)$/.test(f)).sort();
  for (const f of files) h.update(f).update('\0').update(readFileSync(path.join(codeDir, f))).update('\0');
  return h.digest('hex');
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** A dependency's installed version, found as Node finds the package: in `node_modules` here or in a folder above. */
function installedVersion(root: string, name: string): string | undefined {
  for (let dir = root; ; dir = path.dirname(dir)) {
    const manifest = readIfThere(path.join(dir, 'node_modules', name, 'package.json'));
    if (manifest) return (JSON.parse(manifest.toString('utf8')) as { version?: string }).version;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The cache key of one article file: its bytes, the path it is reported under, and the generator. */
export function contentKey(generatorHash: string, displayPath: string, bytes: Uint8Array): string {
  return sha256(generatorHash, displayPath, bytes);
}
