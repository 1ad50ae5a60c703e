import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../load/config.js';
import { excerpt } from '../load/excerpt.js';
import { KNOWN_KEYS } from '../load/front-matter-keys.js';
import type { ContentError, SiteConfig, UnreadKeyNote } from '../types.js';
import { err } from './colors.js';
import { formatErrors, printable } from './report.js';
import { UsageError } from './exit-codes.js';

export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const version = (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** The config file read when `--config` is not given; the only one that may be missing. */
const DEFAULT_CONFIG_FILE = 'archive.config.json';

/** Flags every command that reads an archive shares. */
export interface ArchiveFlags {
  input: string;
  config: string;
  templates: string;
  baseUrl?: string;
}

export function addArchiveOptions(cmd: Command): Command {
  return cmd
    .option('-i, --input <dir>', 'folder of article files (.txt seed format, .md with YAML front matter)', 'seeds')
    .option('-c, --config <file>', 'config file (JSON)', DEFAULT_CONFIG_FILE)
    .option('-t, --templates <dir>', 'templates folder', path.join(packageRoot, 'templates'))
    .option('--base-url <url>', 'absolute base URL, overriding the config (e.g. https://example.github.io/archive/)');
}

export async function loadSiteConfig(flags: ArchiveFlags): Promise<{ ok: true; config: SiteConfig } | { ok: false; errors: ContentError[] }> {
  const overrides: Record<string, unknown> = {};
  if (flags.baseUrl !== undefined) overrides['baseUrl'] = flags.baseUrl;
  // Only the default file may be missing: a config named on purpose must be there.
  const loaded = await loadConfig(flags.config, overrides, flags.config !== DEFAULT_CONFIG_FILE);
  // A bad --base-url is a bad flag value, exit 2 (see exit-codes.ts), not an error in the config file.
  const flag = loaded.ok ? undefined : loaded.errors.find((e) => e.file === 'command line' && e.message.startsWith('baseUrl '));
  if (flag) throw new UsageError(`--base-url: ${flag.message.slice('baseUrl '.length)}`);
  return loaded;
}

/** Errors as a compiler prints them, with the summary line in red on a terminal. */
export function printErrors(errors: readonly ContentError[], footer?: string): void {
  const lines = formatErrors(errors).split('\n');
  const summary = lines.pop()!;
  process.stderr.write(`${lines.join('\n')}\n${err.red(err.bold(summary))}\n${footer ? `${footer}\n` : ''}`);
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Keys listed one a line, at most; the rest are counted. */
const UNREAD_KEYS_SHOWN = 8;

/**
 * Front-matter keys no value of was read, as lines for the end of a build or check: not errors (an
 * archive moved from another tool has `layout:` or `categories:` everywhere), but said, so a field the
 * newsroom expects on its pages is not dropped without a word. Empty when every key was read.
 */
export function unreadKeysNote(notes: readonly UnreadKeyNote[]): string[] {
  if (notes.length === 0) return [];
  const at = (n: UnreadKeyNote) => `${n.first.file}${n.first.line !== undefined ? `:${n.first.line}` : ''}`;
  const lines = [`Front-matter ${notes.length === 1 ? 'key' : 'keys'} not read, left out of the site:`];
  for (const n of notes.slice(0, UNREAD_KEYS_SHOWN)) lines.push(printable(`  "${excerpt(n.key, 40)}" in ${plural(n.files, 'file')} (first ${at(n)})`));
  if (notes.length > UNREAD_KEYS_SHOWN) lines.push(`  and ${plural(notes.length - UNREAD_KEYS_SHOWN, 'other key')}`);
  lines.push(`  The keys read are ${KNOWN_KEYS.join(', ')}.`);
  return lines;
}
