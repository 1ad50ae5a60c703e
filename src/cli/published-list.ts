import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { publishedListLocation, readPublishedList, type PublishedListLocation } from '../load/published-list.js';
import { formatPublishedList, mergePublished, type PublishedEntry, type PublishedList } from '../model/published-urls.js';
import type { ContentError } from '../types.js';
import { writePublishedList } from '../write/published-list-file.js';
import { plural } from './common.js';

export interface PublishedFlags {
  input: string;
  published?: string;
}

export function addPublishedOption(cmd: Command): Command {
  return cmd.option('--published <file>', 'list of every URL the archive has published (default: published-urls.txt beside the input folder, used when it exists)');
}

/** The list this run checks against, where it lives, and any errors in it. */
export async function loadPublishedList(flags: PublishedFlags): Promise<{ where: PublishedListLocation; list?: PublishedList; errors: ContentError[] }> {
  const where = publishedListLocation(flags.input, flags.published);
  return { where, ...(await readPublishedList(where)) };
}

/**
 * After a successful build: adds the URLs published for the first time (and keeps every old one).
 * Written only when something changed, so an unchanged archive leaves the file untouched.
 * Returns the line to print, if any.
 */
export async function recordPublished(where: PublishedListLocation, list: PublishedList, now: readonly PublishedEntry[]): Promise<string | undefined> {
  const { entries, added } = mergePublished(list, now);
  const text = formatPublishedList(entries);
  const before = existsSync(where.file) ? await readFile(where.file, 'utf8') : undefined;
  if (text === before) return undefined;
  await writePublishedList(where.file, text);
  return added > 0 ? `Recorded ${plural(added, 'new URL')} in ${list.file}` : `Updated ${list.file}`;
}
