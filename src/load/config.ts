import { readFile } from 'node:fs/promises';
import type { ContentError, SiteConfig } from '../types.js';
import { DATE_LOCALE_CODES } from '../model/locales.js';

export const DEFAULT_CONFIG: Omit<SiteConfig, 'basePath'> = {
  title: 'News Archive',
  description: 'A permanent, browsable archive of news articles.',
  baseUrl: 'http://localhost:8080/',
  language: 'en',
  dateLocale: 'en-US',
  pageSize: 20,
  publisher: 'News Archive',
  timeZone: 'UTC',
  searchShardPages: 2000,
};

type Check = (value: unknown) => string | undefined;

const isText: Check = (v) => (typeof v === 'string' && v.trim().length > 0 ? undefined : 'must be non-empty text');

/** Each configurable key and how to validate it: a lookup table, so adding a key is one line. */
const KEYS: Record<keyof typeof DEFAULT_CONFIG, Check> = {
  title: isText,
  description: isText,
  publisher: isText,
  baseUrl: (v) => {
    if (typeof v !== 'string') return 'must be an absolute URL such as "https://example.org/archive/"';
    try {
      const u = new URL(v);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'must start with http:// or https://';
      if (u.search || u.hash) return 'must not have a query or fragment';
      return undefined;
    } catch {
      return `"${v}" is not an absolute URL such as "https://example.org/archive/"`;
    }
  },
  language: (v) => (typeof v === 'string' && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(v) ? undefined : 'must be a language tag such as "en" or "en-GB"'),
  dateLocale: (v) =>
    typeof v === 'string' && DATE_LOCALE_CODES.includes(v)
      ? undefined
      : `must be one of ${DATE_LOCALE_CODES.join(', ')}`,
  timeZone: (v) => {
    if (typeof v !== 'string') return 'must be an IANA time zone such as "Europe/Moscow" or "UTC"';
    try {
      new Intl.DateTimeFormat('en', { timeZone: v });
      return undefined;
    } catch {
      return `"${v}" is not an IANA time zone such as "Europe/Moscow" or "UTC"`;
    }
  },
  pageSize: (v) => (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 1000 ? undefined : 'must be a whole number from 1 to 1000'),
  // Pagefind holds about 0.2 MB per page of the shard it is indexing: 10,000 pages is 2 GB.
  searchShardPages: (v) =>
    Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 10_000
      ? undefined
      : 'must be a whole number from 1 to 10000 (pages per search shard; Pagefind needs about 0.2 MB for each page of the shard it indexes)',
};

/** Levenshtein distance, for "did you mean" suggestions on misspelt keys. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

function lineOfKey(text: string, key: string): number | undefined {
  const i = text.split('\n').findIndex((l) => l.includes(`"${key}"`));
  return i === -1 ? undefined : i + 1;
}

/** Ends the base URL with `/` and derives the base path the site's links start with. */
export function withBase(config: Omit<SiteConfig, 'basePath'>): SiteConfig {
  const baseUrl = config.baseUrl.endsWith('/') ? config.baseUrl : `${config.baseUrl}/`;
  return { ...config, baseUrl, basePath: new URL(baseUrl).pathname };
}

/**
 * Validates a config file's text. Every wrong key is reported (with a suggestion for a misspelt
 * one), not just the first. `overrides` come from the command line and win over the file.
 */
export function parseConfig(
  text: string | undefined,
  file: string,
  overrides: Partial<Record<string, unknown>> = {},
): { ok: true; config: SiteConfig } | { ok: false; errors: ContentError[] } {
  let raw: Record<string, unknown> = {};
  if (text !== undefined) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        return { ok: false, errors: [{ file, line: 1, message: 'config must be a JSON object of settings' }] };
      }
      raw = parsed as Record<string, unknown>;
    } catch (err) {
      const m = /position (\d+)/.exec((err as Error).message);
      const line = m ? text.slice(0, Number(m[1])).split('\n').length : undefined;
      return { ok: false, errors: [{ file, line, message: `config is not valid JSON: ${(err as Error).message}` }] };
    }
  }
  const errors: ContentError[] = [];
  const merged: Record<string, unknown> = { ...DEFAULT_CONFIG };
  for (const [key, value] of Object.entries({ ...raw, ...overrides })) {
    if (key === '$schema') continue;
    if (!Object.hasOwn(KEYS, key)) {
      const known = Object.keys(KEYS);
      const near = known.find((k) => distance(k.toLowerCase(), key.toLowerCase()) <= 2);
      errors.push({
        file,
        line: lineOfKey(text ?? '', key),
        message: `unknown setting "${key}"${near ? `: did you mean "${near}"?` : `; known settings: ${known.join(', ')}`}`,
      });
      continue;
    }
    const problem = KEYS[key as keyof typeof KEYS](value);
    if (problem) {
      const from = Object.hasOwn(overrides, key) ? 'command line' : undefined;
      errors.push({ file: from ?? file, line: from ? undefined : lineOfKey(text ?? '', key), message: `${key} ${problem}` });
      continue;
    }
    merged[key] = value;
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, config: withBase(merged as Omit<SiteConfig, 'basePath'>) };
}

/** Reads and validates the config file; a missing file means the defaults. */
/**
 * The config file, or the defaults when there is none. `required`: the file was named on purpose
 * (`--config other.json`), so a missing one is an error: a typo in its name used to build the site
 * silently with the defaults (a localhost base URL, the default title).
 */
export async function loadConfig(file: string, overrides: Record<string, unknown> = {}, required = false): Promise<ReturnType<typeof parseConfig>> {
  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    if (required) return { ok: false, errors: [{ file, message: 'config file not found; check its name, or leave --config out to use archive.config.json (or the defaults without one)' }] };
  }
  return parseConfig(text, file, overrides);
}
