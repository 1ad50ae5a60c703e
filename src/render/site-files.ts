import { sha256OfList } from '../cache/keys.js';
import type { Article } from '../types.js';
import type { Writer } from '../write/writer.js';

/**
 * A site-wide file (a feed, a sitemap) made only when it is written. It names what it is made of, so
 * a cached rebuild keeps one whose inputs are unchanged without making it: on a one-article rebuild
 * of 4,000 articles, making every feed and sitemap again was a fifth of the build.
 */
export interface SiteFile {
  /** Path relative to the output folder. */
  path: string;
  /** The articles it shows, record or body: their identities are part of its key. */
  shows: readonly Article[];
  /**
   * Everything else it is made of, as text, beyond what every key holds (the generator, the config,
   * the theme): equal keys must mean equal bytes.
   */
  about: readonly string[];
  content(): string | Promise<string>;
}

/** What a site file's key is made from on a cached build: the pages' key base and each article's identity. */
export interface SiteFileKeys {
  base: string;
  identityOf: (a: Article) => string;
}

export function siteFileKey(keys: SiteFileKeys, file: Pick<SiteFile, 'path' | 'shows' | 'about'>): string {
  return sha256OfList([keys.base, 'site-file', file.path, String(file.about.length), ...file.about, ...file.shows.map(keys.identityOf)]);
}

/**
 * Writes a site file unless the writer keeps the previous build's under the same key. Without keys
 * (no cache) or a writer that keeps nothing, it is made and written as any file.
 */
export async function writeSiteFile(writer: Writer, file: SiteFile, keys: SiteFileKeys | undefined): Promise<void> {
  if (keys !== undefined && writer.reuse?.(file.path, () => siteFileKey(keys, file)) === true) return;
  await writer.write(file.path, await file.content());
}
