import matter from 'gray-matter';
import yaml from 'js-yaml';
import type { CalendarDate, ContentError, Correction, ParsedArticle } from '../types.js';
import { calendarDateProblem } from '../model/calendar.js';
import { deriveHeadline, hasWords } from '../model/headline.js';
import { slugFromTitle } from '../model/slug.js';
import { countWords, parseMarkdownBody, readingMinutes, renderBody, summarise, type Body } from './body.js';
import { deepNesting, emphasisFlood, isStackOverflow, MAX_DELIMITER_RUNS_PER_PARAGRAPH, MAX_INDENT_COLUMNS, MAX_NESTING } from './markdown-limits.js';
import { extractEntities } from './entities.js';
import { readAliases } from './aliases.js';
import { excerpt } from './excerpt.js';
import { KNOWN_KEYS, type Key } from './front-matter-keys.js';

const SLUG = /^[a-z0-9-]+$/;

/**
 * gray-matter 4 evaluates `---js` and `---coffee` front matter with `eval` unless told otherwise.
 * Every non-YAML engine is replaced by one that refuses, as a second line of defence behind the
 * language check in `parseMarkdownArticle`.
 */
function refuse(language: string) {
  return () => {
    throw new Error(`${language} front matter is not accepted`);
  };
}
/** `~`, `null` or nothing: a key with no value. */
const NULL_TYPE = new yaml.Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (text: string | null) => text === null || ['', '~', 'null', 'Null', 'NULL'].includes(text),
  construct: () => null,
});
/** `true` and `false` (YAML 1.2's core spellings), for `draft:`. */
const BOOL_TYPE = new yaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (text: string | null) => text !== null && ['true', 'True', 'TRUE', 'false', 'False', 'FALSE'].includes(text),
  construct: (text: string) => text.toLowerCase() === 'true',
});
/**
 * Front matter is read with no implicit numbers or timestamps: every other scalar stays the text it
 * was written as. js-yaml's default schema turned `date: 2025-07-04` into a `Date` at UTC midnight
 * and `2025-02-30` into March 2 without complaint, `title: 1e3` into 1000, `slug: 0042` into 34 (octal)
 * and `tags: [1.50]` into "1.5": each silently changed what the newsroom wrote.
 */
const FRONT_MATTER_SCHEMA = new yaml.Schema({ include: [yaml.FAILSAFE_SCHEMA], implicit: [NULL_TYPE, BOOL_TYPE] });

const MATTER_OPTIONS = {
  language: 'yaml',
  engines: {
    yaml: (text: string) => yaml.safeLoad(text, { schema: FRONT_MATTER_SCHEMA }) as object,
    js: refuse('js'),
    javascript: refuse('javascript'),
    coffee: refuse('coffee'),
    coffeescript: refuse('coffeescript'),
    cson: refuse('cson'),
    toml: refuse('toml'),
    json: refuse('json'),
  },
} as const;

const isKnownKey = (key: string): key is Key => (KNOWN_KEYS as readonly string[]).includes(key);

interface FrontMatter {
  data: Record<string, unknown>;
  /** Raw front-matter lines; index i is line i + 1 of the file. */
  lines: string[];
  /** The Markdown after the closing `---`. */
  content: string;
}

/** A key's value as YAML gave it (`undefined` when the key is absent). */
function valueOf(fm: FrontMatter, key: Key): unknown {
  return fm.data[key];
}

/**
 * The 1-based line of `key:` in the front matter, for error messages: the top-level key (at the start
 * of its line), else the first indented one.
 */
function lineOf(fm: FrontMatter, key: string): number | undefined {
  const name = `["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`;
  const top = new RegExp(`^${name}`);
  const anywhere = new RegExp(`^\\s*${name}`);
  let i = fm.lines.findIndex((l) => top.test(l));
  if (i === -1) i = fm.lines.findIndex((l) => anywhere.test(l));
  return i === -1 ? undefined : i + 1;
}

/** The line of the `index`th item (`- …`) of the block list under top-level `key`, else the key's own line. */
function lineOfItem(fm: FrontMatter, key: string, index: number): number | undefined {
  const keyLine = lineOf(fm, key);
  if (keyLine === undefined) return undefined;
  let seen = -1;
  let indent: number | undefined;
  for (let i = keyLine; i < fm.lines.length; i++) {
    const line = fm.lines[i]!;
    if (/^\S/.test(line)) break; // the next top-level key
    const item = /^(\s*)-(\s|$)/.exec(line);
    if (!item || (indent !== undefined && item[1]!.length !== indent)) continue;
    indent = item[1]!.length;
    if (++seen === index) return i + 1;
  }
  return keyLine;
}

/**
 * The calendar date a front-matter value gives, as written: `2025-07-04`, or the date of a timestamp
 * such as `2025-07-04T23:30:00-08:00` (the newsroom's date, whatever the offset); else what is wrong.
 */
function calendarDateIn(text: string): { date: CalendarDate } | { problem: string } {
  const datePart = /^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text)?.[1];
  if (!datePart) return { problem: `"${excerpt(text)}" is not in the form YYYY-MM-DD` };
  const problem = calendarDateProblem(datePart);
  return problem ? { problem } : { date: datePart };
}

function readDate(
  fm: FrontMatter,
  key: Key,
  file: string,
  errors: ContentError[],
): CalendarDate | undefined {
  const value = valueOf(fm, key);
  if (value === undefined || value === null) return undefined;
  const line = lineOf(fm, key);
  if (typeof value !== 'string') {
    errors.push({ file, line, message: `${key} must be a date such as 2025-07-04, found ${describe(value)}` });
    return undefined;
  }
  const found = calendarDateIn(value.trim());
  if ('problem' in found) {
    errors.push({ file, line, message: `${key} ${found.problem}` });
    return undefined;
  }
  return found.date;
}

function readString(fm: FrontMatter, key: Key, file: string, errors: ContentError[]): string | undefined {
  const value = valueOf(fm, key);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    const s = value.trim();
    return s.length > 0 ? s : undefined;
  }
  const quote = typeof value === 'boolean' ? ` (write "${String(value)}" in quotes to mean the word)` : '';
  errors.push({ file, line: lineOf(fm, key), message: `${key} must be text, found ${describe(value)}${quote}` });
  return undefined;
}

function readTags(fm: FrontMatter, file: string, errors: ContentError[]): string[] {
  const value = valueOf(fm, 'tags');
  if (value === undefined || value === null) return [];
  const list = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(list) || list.some((t) => typeof t !== 'string')) {
    errors.push({ file, line: lineOf(fm, 'tags'), message: 'tags must be a list of words, e.g. tags: [Ukraine, diplomacy]' });
    return [];
  }
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const t of list as string[]) {
    const tag = t.trim();
    if (tag && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      tags.push(tag);
    }
  }
  return tags;
}

/** `corrections: [{date: 2025-07-05, text: "An earlier version misnamed the minister."}]` */
function readCorrections(fm: FrontMatter, file: string, errors: ContentError[]): Correction[] {
  const value = valueOf(fm, 'corrections');
  if (value === undefined || value === null) return [];
  const line = lineOf(fm, 'corrections');
  const shape = 'corrections must be a list of {date: YYYY-MM-DD, text: "…"}';
  if (!Array.isArray(value)) {
    errors.push({ file, line, message: shape });
    return [];
  }
  const out: Correction[] = [];
  value.forEach((item: unknown, i) => {
    const entry = item as Record<string, unknown> | null;
    const rawDate = entry?.['date'];
    const text = entry?.['text'];
    const at = lineOfItem(fm, 'corrections', i);
    if (typeof text !== 'string' || text.trim() === '' || !entry) {
      errors.push({ file, line: at, message: `corrections[${i}] needs a text; ${shape}` });
      return;
    }
    const found =
      typeof rawDate === 'string' ? calendarDateIn(rawDate.trim()) : { problem: rawDate === undefined || rawDate === null ? 'is missing' : `is ${describe(rawDate)}, not a date` };
    if ('problem' in found) errors.push({ file, line: at, message: `corrections[${i}] date ${found.problem}; ${shape}` });
    else out.push({ date: found.date, text: text.trim() });
  });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)}`;
}

function readFrontMatter(text: string, file: string): FrontMatter | ContentError {
  const opening = /^---([^\n]*)\n/.exec(text);
  if (!opening) {
    return { file, line: 1, message: 'missing front matter: a Markdown article starts with "---", then "date: YYYY-MM-DD" and "title: …", then "---"' };
  }
  const language = opening[1]!.trim();
  if (language !== '' && language.toLowerCase() !== 'yaml') {
    return { file, line: 1, message: `front matter must be YAML; "---${excerpt(language, 20)}" front matter is not accepted (use a plain "---" line)` };
  }
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(opening[0].length - 1))) {
    return { file, line: 1, message: 'front matter is never closed: add a "---" line after it' };
  }
  try {
    const parsed = matter(text, MATTER_OPTIONS);
    const data = parsed.data;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return { file, line: 2, message: 'front matter must be a mapping of keys to values' };
    }
    return { data: data as Record<string, unknown>, lines: parsed.matter.split('\n'), content: parsed.content };
  } catch (err) {
    const e = err as { name?: string; reason?: string; mark?: { line: number }; message?: string };
    if (e.name === 'YAMLException') {
      return { file, line: e.mark ? e.mark.line + 1 : undefined, message: `front matter is not valid YAML: ${e.reason ?? e.message}` };
    }
    return { file, line: 1, message: `front matter could not be read: ${e.message ?? String(err)}` };
  }
}


/** Edits (insert, delete, replace one letter, or swap two) that turn `a` into `b`, up to 3. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * A key that is nearly one of ours (`tittle`, `tag`, `Date`) is a typo whose value would be silently
 * ignored (a title derived from the body instead, tags gone): an error that names the key meant.
 * Other unknown keys (`layout`, `categories`, from another tool's archive) are returned, to be noted.
 */
function unknownKeys(fm: FrontMatter, file: string, errors: ContentError[]): NonNullable<ParsedArticle['unreadKeys']> {
  const unread: NonNullable<ParsedArticle['unreadKeys']> = [];
  let lines: Map<string, number> | undefined;
  for (const key of Object.keys(fm.data)) {
    if (isKnownKey(key)) continue;
    const meant = KNOWN_KEYS.find((k) => k === key.toLowerCase() || (k.length >= 4 && editDistance(key.toLowerCase(), k) <= (k.length >= 6 ? 2 : 1)));
    if (meant) errors.push({ file, line: lineOf(fm, key), message: `unknown key "${excerpt(key, 30)}": did you mean "${meant}"?` });
    else unread.push({ key, line: (lines ??= topLevelKeyLines(fm)).get(key) });
  }
  return unread;
}

/**
 * The line of each key written at the start of a line, in one pass: `lineOf` for every unread key
 * scanned the whole front matter once per key (20,000 keys took 6.6 s).
 */
function topLevelKeyLines(fm: FrontMatter): Map<string, number> {
  const lines = new Map<string, number>();
  fm.lines.forEach((line, i) => {
    const m = /^(?:"([^"\\]*)"|'([^']*)'|([^\s"'#][^:]*?))\s*:(?:\s|$)/.exec(line);
    const key = m ? (m[1] ?? m[2] ?? m[3]!) : undefined;
    if (key !== undefined && !lines.has(key)) lines.set(key, i + 1);
  });
  return lines;
}

function latest(dates: (CalendarDate | undefined)[]): CalendarDate | undefined {
  return dates.filter((d): d is CalendarDate => d !== undefined).sort().at(-1);
}

/** Parses and renders the Markdown body, turning the parser's limits into errors instead of a hang or a crash. */
function readBody(content: string, firstLine: number, file: string, errors: ContentError[]): Body | undefined {
  const flood = emphasisFlood(content);
  if (flood) {
    errors.push({
      file,
      line: firstLine + flood.line - 1,
      message: `paragraph has more than ${MAX_DELIMITER_RUNS_PER_PARAGRAPH} runs of "*" or "_"; split it or escape them as \\* and \\_`,
    });
    return undefined;
  }
  const deep = deepNesting(content);
  if (deep !== undefined) {
    errors.push({
      file,
      line: firstLine + deep - 1,
      message: `quotes or lists are nested more than ${MAX_NESTING} levels deep (or indented more than ${MAX_INDENT_COLUMNS} columns)`,
    });
    return undefined;
  }
  try {
    return renderBody(parseMarkdownBody(content));
  } catch (err) {
    if (!isStackOverflow(err)) throw err;
    errors.push({ file, line: firstLine, message: 'Markdown is nested too deeply to render (quotes, lists or emphasis inside one another thousands of levels deep)' });
    return undefined;
  }
}

/** Markdown with YAML front matter (`.md`). `text` has had its BOM and CR line endings removed. */
export function parseMarkdownArticle(text: string, file: string): ParsedArticle | ContentError[] {
  if (text.trim().length === 0) return [{ file, message: 'file is empty: expected YAML front matter with a date, then the article' }];
  const fm = readFrontMatter(text, file);
  if ('message' in fm) return [fm];
  const errors: ContentError[] = [];

  const unread = unknownKeys(fm, file, errors);
  const date = readDate(fm, 'date', file, errors);
  if (valueOf(fm, 'date') === undefined || valueOf(fm, 'date') === null) {
    errors.push({ file, line: 1, message: 'missing date: add "date: YYYY-MM-DD" to the front matter' });
  }
  const updated = readDate(fm, 'updated', file, errors);
  const explicitTitle = readString(fm, 'title', file, errors);
  const slug = readString(fm, 'slug', file, errors);
  if (slug !== undefined && !SLUG.test(slug)) {
    errors.push({ file, line: lineOf(fm, 'slug'), message: `slug "${excerpt(slug)}" may only contain a-z, 0-9 and "-"` });
  }
  const summary = readString(fm, 'summary', file, errors);
  const dateline = readString(fm, 'dateline', file, errors);
  const author = readString(fm, 'author', file, errors);
  const tags = readTags(fm, file, errors);
  const corrections = readCorrections(fm, file, errors);
  const aliasesLine = lineOf(fm, 'aliases');
  const aliases = readAliases(valueOf(fm, 'aliases'), file, aliasesLine, errors);
  const draftValue = valueOf(fm, 'draft');
  if (draftValue !== undefined && typeof draftValue !== 'boolean') {
    errors.push({ file, line: lineOf(fm, 'draft'), message: 'draft must be true or false' });
  }

  const bodyLine = fm.lines.length + 1;
  // The closing `---` is line `bodyLine`; the body's first line is the next one.
  const body = readBody(fm.content, bodyLine + 1, file, errors);
  if (!body) return errors;
  if (body.text.trim().length === 0 && !explicitTitle) {
    errors.push({ file, line: fm.lines.length + 1, message: 'article has neither a title nor any text' });
  }
  const title = explicitTitle ?? deriveHeadline(body.lede);
  if (explicitTitle === undefined && body.text.trim().length > 0 && !hasWords(title)) {
    errors.push({ file, line: bodyLine + 1, message: 'the first sentence has no words to make a headline from; add a title' });
  }
  if (errors.length > 0 || !date) return errors;

  const words = countWords(body.text);
  return {
    title,
    titleDerived: explicitTitle === undefined,
    titleSlug: slugFromTitle(title),
    explicitSlug: slug,
    explicitSlugLine: slug === undefined ? undefined : lineOf(fm, 'slug'),
    date,
    updated,
    modified: latest([updated, ...corrections.map((c) => c.date)]),
    corrections,
    dateline,
    author,
    tags,
    entities: extractEntities(title, body.text, dateline),
    summary: summary ?? summarise(body.lede),
    wordCount: words,
    readingMinutes: readingMinutes(words),
    draft: draftValue === true,
    bodyHtml: body.html,
    source: file,
    format: 'markdown',
    ...(aliases ? { aliases, aliasesLine } : {}),
    ...(unread.length > 0 ? { unreadKeys: unread } : {}),
  };
}
