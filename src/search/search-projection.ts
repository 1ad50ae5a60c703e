import { INDEXED_MARKER } from './marker.js';

/**
 * What Pagefind is handed for a page: the page cut down to what its indexer reads from it. Pagefind
 * parses every byte it is given; for the theme's article pages, about a third of its time went on
 * the head (meta tags, JSON-LD) and on the related articles and footer after the article, none of
 * which it indexes (`node scripts/search-projection-timing.mjs <built site>`).
 *
 * Pagefind 1.5's parser (pagefind/src/fossick/parser.rs) reads, outside the element that carries
 * `data-pagefind-body`: the `<html>` tag's `lang`, the `<title>`, any `data-pagefind-*` attribute
 * (filters, meta and sorts count wherever they are), the first `<h1>` (the default title), the first
 * `<img>` after a title (the default image), script or link URLs under `_pagefind`, and text directly
 * inside the body element's ancestors after it (added to the body's words). The projection keeps the
 * `<html>` tag, the `<title>` and the body element byte for byte, and is made only when nothing else
 * on the page is any of those things; otherwise, or when the page is anything but plain, well-formed
 * HTML around that element, Pagefind gets the whole page. tests/search/search-projection.test.ts
 * builds Pagefind indexes both ways and compares them.
 */
export function searchProjection(html: string): string {
  const cut = findCut(html);
  if (!cut) return html;
  return `<!DOCTYPE html>${cut.htmlTag}<head>${cut.title}</head><body>${html.slice(cut.bodyStart, cut.bodyEnd)}</body></html>`;
}

interface Cut {
  htmlTag: string;
  title: string;
  bodyStart: number;
  bodyEnd: number;
}

interface Tag {
  name: string;
  kind: ReturnType<typeof kindOf>;
  closing: boolean;
  start: number;
  /** Just after the tag's `>`. */
  end: number;
  /** Its `data-pagefind-*` attributes' names, lower-cased, if it has any. */
  pagefindAttributes: string[] | undefined;
  /** Whether its `src` or `href` points under `_pagefind` (Pagefind looks for pre-1.0 bundles). */
  bundleUrl: boolean;
}

/**
 * How an element is read: `void` has no end tag; `raw` holds text up to its end tag, not markup;
 * `unusual` has parsing rules a tag-by-tag reading would not follow, so a page with one goes whole.
 * (A `switch`, not a `Set`: every name is a new string, and hashing it cost more than comparing.)
 */
function kindOf(name: string): 'normal' | 'void' | 'raw' | 'unusual' {
  switch (name) {
    case 'area': case 'base': case 'br': case 'col': case 'embed': case 'hr': case 'img':
    case 'input': case 'link': case 'meta': case 'source': case 'track': case 'wbr':
      return 'void';
    case 'script': case 'style': case 'textarea': case 'title':
      return 'raw';
    case 'svg': case 'math': case 'xmp': case 'plaintext': case 'noscript': case 'iframe':
    case 'noembed': case 'noframes': case 'template': case 'frameset':
      return 'unusual';
    default:
      return 'normal';
  }
}
/**
 * Body elements Pagefind ends with a space (they separate sentences), and that have no optional end
 * tag, so the end is where the matching `</…>` is.
 */
const BODY_TAGS = new Set(['article', 'section', 'div']);
/** Elements the body element may sit in: none adds words or weight to what it holds. */
const SAFE_ANCESTORS = new Set(['html', 'body', 'main', 'div', 'section', 'article']);
const BLANK = /^[\t\n\f\r ]*$/;

/**
 * Where the body element is, reading the page as a stack of elements that must close in order.
 * Around the body element Pagefind keeps the body's words only, but text directly inside one of
 * its ancestors after it is added to them, so that must be blank.
 */
function findCut(html: string): Cut | undefined {
  const marker = html.indexOf(INDEXED_MARKER);
  if (marker === -1 || html.indexOf(INDEXED_MARKER, marker + 1) !== -1) return undefined;
  let htmlTag: string | undefined;
  let title: string | undefined;
  let bodyStart = -1;
  let bodyEnd = -1;
  /** How many of the body element's ancestors are still open (the bottom of `open`). */
  let ancestors = -1;
  const open: string[] = [];
  let previousEnd = 0;
  for (let tag = nextTag(html, 0); tag !== null; tag = nextTag(html, resumeAfter(html, tag))) {
    if (tag === undefined || tag.kind === 'unusual') return undefined;
    const afterBody = bodyEnd !== -1;
    if (afterBody && open.length <= ancestors && !BLANK.test(html.slice(previousEnd, tag.start))) return undefined;
    previousEnd = tag.end;
    if (tag.closing) {
      if (open.pop() !== tag.name) return undefined;
      if (bodyStart !== -1 && bodyEnd === -1 && open.length === ancestors) bodyEnd = tag.end;
      if (afterBody && open.length < ancestors) ancestors = open.length;
      continue;
    }
    if (tag.kind !== 'void') open.push(tag.name);
    if (bodyStart !== -1 && bodyEnd === -1) continue; // inside the body element: Pagefind gets it as it is
    if (tag.pagefindAttributes?.includes(INDEXED_MARKER)) {
      if (!BODY_TAGS.has(tag.name) || open.slice(0, -1).some((name) => !SAFE_ANCESTORS.has(name))) return undefined;
      bodyStart = tag.start;
      ancestors = open.length - 1;
    } else if (tag.name === 'html' && htmlTag === undefined && tag.pagefindAttributes === undefined) {
      // Kept as it is; one with a data-pagefind-* attribute of its own goes whole (a filter or meta
      // without a value takes the element's words, which the projection changes).
      htmlTag = html.slice(tag.start, tag.end);
    } else if (tag.name === 'title' && title === undefined && bodyStart === -1) {
      title = html.slice(tag.start, rawTextEnd(html, 'title', tag.end));
    } else if (readByPagefind(tag)) {
      return undefined;
    }
  }
  if (htmlTag === undefined || bodyEnd === -1 || open.length > 0 || !BLANK.test(html.slice(previousEnd))) return undefined;
  return { htmlTag, title: title ?? '', bodyStart, bodyEnd };
}

/** Whether Pagefind takes something from this tag even outside the body element. */
function readByPagefind(tag: Tag): boolean {
  return tag.name === 'h1' || tag.name === 'img' || tag.name === 'title' || tag.name === 'html' || tag.pagefindAttributes !== undefined || tag.bundleUrl;
}

/**
 * The next start or end tag at or after `from`, skipping text, comments and the doctype: `null` at
 * the end of the page, `undefined` at anything it does not read as the HTML standard does.
 */
function nextTag(html: string, from: number): Tag | null | undefined {
  let i = from;
  for (;;) {
    const lt = html.indexOf('<', i);
    if (lt === -1) return null;
    const next = html.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      if (html.startsWith('<!--', lt)) {
        const end = html.indexOf('-->', lt + 4);
        if (end === -1 || html.startsWith('<!-->', lt) || html.startsWith('<!--->', lt)) return undefined;
        i = end + 3;
        continue;
      }
      DOCTYPE.lastIndex = lt;
      if (!DOCTYPE.test(html)) return undefined; // a bogus comment or CDATA
      i = html.indexOf('>', lt) + 1;
      if (i === 0) return undefined;
      continue;
    }
    const closing = next === 47; // '/'
    const nameStart = lt + (closing ? 2 : 1);
    const first = html.charCodeAt(nameStart) | 32;
    if (!(first >= 97 && first <= 122)) {
      // `<` before anything but a letter is text, except the opening of a bogus comment.
      if (closing || next === 63 /* ? */) return undefined;
      i = lt + 1;
      continue;
    }
    return readTag(html, lt, nameStart, closing);
  }
}

/** Where reading goes on after `tag`: after a raw-text element's start tag, at its end tag. */
function resumeAfter(html: string, tag: Tag): number {
  if (tag.closing || tag.kind !== 'raw') return tag.end;
  const end = rawTextEnd(html, tag.name, tag.end);
  return end === 0 ? html.length : html.lastIndexOf('<', end - 1);
}

const DOCTYPE = /<!doctype/iy;
const RAW_TEXT_CLOSE = new Map(['script', 'style', 'textarea', 'title'].map((name) => [name, new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'gi')]));

/** Just after the end tag of the raw-text element `name` whose content starts at `from`; 0 if it has none. */
function rawTextEnd(html: string, name: string, from: number): number {
  const close = RAW_TEXT_CLOSE.get(name)!;
  close.lastIndex = from;
  const m = close.exec(html);
  return m ? html.indexOf('>', m.index) + 1 : 0;
}

/** HTML's whitespace: tab, line feed, form feed, carriage return, space. */
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;

/** Reads the tag at `lt`: its name (lower-cased) and the attributes Pagefind looks at, up to the `>` outside quotes. */
function readTag(html: string, lt: number, nameStart: number, closing: boolean): Tag | undefined {
  const n = html.length;
  let i = nameStart;
  let c = html.charCodeAt(i);
  let upper = false;
  while (i < n && !isSpace(c) && c !== 47 && c !== 62) {
    upper ||= c >= 65 && c <= 90;
    c = html.charCodeAt(++i);
  }
  const name = html.slice(nameStart, i);
  const lowered = upper ? name.toLowerCase() : name;
  const tag: Tag = { name: lowered, kind: kindOf(lowered), closing, start: lt, end: 0, pagefindAttributes: undefined, bundleUrl: false };
  for (;;) {
    while (i < n && (isSpace(c) || c === 47)) c = html.charCodeAt(++i);
    if (i >= n || c === 61 /* = */) return undefined; // unclosed, or an attribute name starting with "="
    if (c === 62 /* > */) {
      tag.end = i + 1;
      return tag;
    }
    const nameFrom = i;
    while (i < n && !isSpace(c) && c !== 47 && c !== 62 && c !== 61) c = html.charCodeAt(++i);
    const attr = html.slice(nameFrom, i);
    let j = i;
    while (j < n && isSpace(html.charCodeAt(j))) j++;
    let value = '';
    if (html.charCodeAt(j) === 61) {
      j++;
      while (j < n && isSpace(html.charCodeAt(j))) j++;
      const quote = html.charCodeAt(j);
      if (quote === 34 || quote === 39) {
        const close = html.indexOf(quote === 34 ? '"' : "'", j + 1);
        if (close === -1) return undefined;
        value = html.slice(j + 1, close);
        i = close + 1;
      } else {
        const from = j;
        while (j < n && !isSpace(html.charCodeAt(j)) && html.charCodeAt(j) !== 62) j++;
        value = html.slice(from, j);
        i = j;
      }
      c = html.charCodeAt(i);
    }
    if (attr.length >= 13 && attr.slice(0, 13).toLowerCase() === 'data-pagefind') (tag.pagefindAttributes ??= []).push(attr.toLowerCase());
    else if (value.includes('_pagefind') && /^(src|href)$/i.test(attr)) tag.bundleUrl = true;
  }
}
