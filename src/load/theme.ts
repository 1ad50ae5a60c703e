import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface Theme {
  /** Template name (path without `.liquid`, `/`-separated) → source. */
  templates: Record<string, string>;
  /** Files under `assets/`, relative to it, copied to `dist/assets/`. */
  assets: { relative: string; bytes: Uint8Array }[];
}

async function listFiles(dir: string, rel = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, rel), { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name.startsWith('.')) continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(dir, r)));
    else if (e.isFile()) out.push(r);
  }
  return out;
}

/** Reads the theme folder once, so rendering works from memory. */
export async function loadTheme(themeDir: string): Promise<Theme> {
  const templates: Record<string, string> = {};
  const assets: Theme['assets'] = [];
  for (const rel of await listFiles(themeDir)) {
    const full = path.join(themeDir, rel);
    if (rel.startsWith('assets/')) assets.push({ relative: rel.slice('assets/'.length), bytes: await readFile(full) });
    else if (rel.endsWith('.liquid')) templates[rel] = await readFile(full, 'utf8');
  }
  return { templates, assets };
}
