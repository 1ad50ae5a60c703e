import { createHash } from 'node:crypto';
import type { Theme } from '../load/theme.js';

/** File kinds whose names carry their content hash, so hosts can cache them forever. */
const FINGERPRINTED = /\.(css|js|mjs)$/;

export interface BuiltAssets {
  /** Files to write under `assets/`, relative to it. */
  files: { relative: string; bytes: Uint8Array }[];
  /** Theme name → published name: `style.css` → `style.3f9a0c1b2d.css`. */
  names: Record<string, string>;
}

/** `style.css` + bytes → `style.<first 10 hex digits of SHA-256>.css`. */
export function fingerprintedName(relative: string, bytes: Uint8Array): string {
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
  const dot = relative.lastIndexOf('.');
  return `${relative.slice(0, dot)}.${hash}${relative.slice(dot)}`;
}

/**
 * CSS and JS get their content hash in their name: a changed file is a new URL, so a browser or CDN
 * may keep any one of them forever (`Cache-Control: immutable`). Other assets keep their names.
 */
export function buildAssets(assets: Theme['assets']): BuiltAssets {
  const names: Record<string, string> = {};
  const files = assets.map(({ relative, bytes }) => {
    const published = FINGERPRINTED.test(relative) ? fingerprintedName(relative, bytes) : relative;
    names[relative] = published;
    return { relative: published, bytes };
  });
  return { files, names };
}

/**
 * `_headers` for Cloudflare Pages and Netlify, which read it from the output folder: fingerprinted
 * assets are cached for a year and never revalidated. Other hosts ignore the file.
 */
export function headersFile(basePath: string): string {
  return `${basePath}assets/*\n  Cache-Control: public, max-age=31536000, immutable\n`;
}
