import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parsePublishedList, type PublishedList } from '../model/published-urls.js';
import type { ContentError } from '../types.js';
import { displayPath } from './source-files.js';

export const PUBLISHED_FILE = 'published-urls.txt';

export interface PublishedListLocation {
  /** Where the list lives: `--published`, or `published-urls.txt` beside the input folder. */
  file: string;
  /** True with `--published`: the list is started there if it does not exist yet. */
  explicit: boolean;
}

/** `seeds` → `./published-urls.txt`: the list sits beside the input folder, not in it (it is not an article). */
export function publishedListLocation(inputDir: string, flag?: string): PublishedListLocation {
  if (flag !== undefined) return { file: flag, explicit: true };
  return { file: path.join(path.dirname(path.resolve(inputDir)), PUBLISHED_FILE), explicit: false };
}

/**
 * The list, or undefined when the archive keeps none: the default location is used only when the
 * file exists there (so building a folder that happens to sit beside others never writes into
 * their parent); `--published` starts a new, empty list when its file is missing.
 */
export async function readPublishedList(where: PublishedListLocation): Promise<{ list?: PublishedList; errors: ContentError[] }> {
  const shown = displayPath(where.file);
  if (!existsSync(where.file)) return where.explicit ? { list: { file: shown, entries: [] }, errors: [] } : { errors: [] };
  return parsePublishedList(await readFile(where.file, 'utf8'), shown);
}
