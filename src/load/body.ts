import type { Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkHtml from 'remark-html';
import { defaultSchema, type Schema } from 'hast-util-sanitize';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { plainParagraphRuns, textParagraph } from './plain-paragraphs.js';

/** A table cell's alignment, as `alignTableCells` writes it: the only class a cell may have. */
const ALIGNED: [string, ...string[]] = ['className', 'align-left', 'align-center', 'align-right'];
const SCHEMA: Schema = { ...defaultSchema, clobberPrefix: '', attributes: { ...defaultSchema.attributes, td: [ALIGNED], th: [ALIGNED] } };
/**
 * Both formats end as an mdast tree and leave through this one sanitising compiler: GitHub's schema,
 * but without a second `user-content-` on ids. mdast-util-to-hast gives footnotes that prefix
 * already (`id="user-content-fn-1"`, linked as `#user-content-fn-1`), and the sanitiser's own made
 * the id `user-content-user-content-fn-1`, which no footnote link reached. Raw HTML never gets
 * through, so no other id comes from the content.
 */
const toHtml = unified().use(remarkHtml, { sanitize: SCHEMA });
/**
 * Markdown as GitHub writes it (remark-gfm): tables (results, budgets, scores), ~~strikethrough~~,
 * footnotes, task lists and bare URLs made links. The compiler's sanitiser allows what they make.
 * GFM's extensions doubled the parse of a Markdown article (0.77 to 1.51 ms on the bench corpus,
 * `npx tsx scripts/prof-parse.mts bench/.work/corpus-20000-42`; the bare-link one looks at every
 * character), so text with nothing any of them could start (`usesGfm`) goes through plain remark,
 * which gives it the same tree: 0.76–0.77 ms again. tests/load/plain-paragraphs.test.ts compares both
 * with a whole GFM parse.
 */
const gfmParser = unified().use(remarkParse).use(remarkGfm);
const commonMarkParser = unified().use(remarkParse);
/**
 * What can begin a GFM construct: a table's `|`, `~`, a footnote `[^`, a task (`[ ]`, `[x]`, or a tab
 * or line break between the brackets) and bare links (`www.`, a scheme, an email's `@`).
 */
const GFM_MARKS = /[|~@]|\[\^|\[[\sxX]\]|www\.|https?:|mailto:|xmpp:/i;
/**
 * A plain inline link or image, `[label](https://…)`, whose URL is no bare link: most articles that
 * link anywhere have only these. Its label is kept and looked at (`[~~old~~](…)` has a strikethrough),
 * its URL is not. Not after a backslash (`\[` is no link, and its URL is bare then).
 */
const INLINE_LINK = /(?<!\\)\[([^[\]\\]*)\]\([^()\s\\]*\)/g;
const usesGfm = (markdown: string) => GFM_MARKS.test(markdown) && GFM_MARKS.test(markdown.replace(INLINE_LINK, '[$1]'));
const parseMarkdown = (markdown: string): Root => (usesGfm(markdown) ? gfmParser : commonMarkParser).parse(markdown);

export interface Body {
  html: string;
  /** Plain text of the body, for word counts, summaries and headlines. */
  text: string;
  /** Plain text of the first paragraph. */
  lede: string;
}

/** The body's mdast tree, without positions where plain paragraphs skipped the parser (see plain-paragraphs.ts). */
export function parseMarkdownBody(markdown: string): Root {
  const runs = plainParagraphRuns(markdown);
  if (!runs) return parseMarkdown(markdown);
  const children: RootContent[] = [];
  for (const run of runs) {
    if (typeof run === 'string') children.push(...parseMarkdown(run).children);
    else children.push(run);
  }
  return { type: 'root', children };
}

/**
 * The seed format is plain text: blank lines separate paragraphs and nothing else has meaning,
 * so `*stars*`, `1.` and `<tags>` stay the characters they are. Building mdast text nodes by hand
 * (instead of parsing) is what guarantees that.
 */
export function plainTextToMdast(text: string): Root {
  const paragraphs: Paragraph[] = text
    .split(/\n[ \t]*\n/)
    .map((p) => p.split('\n').map((line) => line.trim()).filter((l) => l.length > 0).join(' '))
    .filter((p) => p.length > 0)
    .map(textParagraph);
  return { type: 'root', children: paragraphs };
}

/** The sanitiser keeps an image's `src` only for these (or a relative URL); otherwise it drops the `src` and leaves an invalid `<img>`. */
const SAFE_IMAGE_URL = /^(?:https?:|[^:]*$)/i;

type MdNode = Root | Root['children'][number];

/**
 * An image whose URL the sanitiser would strip (`javascript:`, `data:`, empty) would be left as
 * an `<img>` without `src`, which is invalid HTML; it becomes its alt text instead.
 */
function replaceUnsafeImages(node: MdNode): void {
  if (!('children' in node)) return;
  node.children = node.children.map((child) =>
    child.type === 'image' && (child.url.trim() === '' || !SAFE_IMAGE_URL.test(child.url.trim()))
      ? { type: 'text', value: child.alt ?? '' }
      : child,
  ) as typeof node.children;
  for (const child of node.children) replaceUnsafeImages(child as MdNode);
}

/**
 * A body's headings one level down: the page's headline is its only `<h1>`, so a `# Background` in
 * the body is an `<h2>` (and `######` stays `<h6>`, the lowest there is).
 */
function demoteHeadings(node: MdNode): void {
  if (node.type === 'heading') node.depth = Math.min(node.depth + 1, 6) as typeof node.depth;
  if ('children' in node) for (const child of node.children) demoteHeadings(child);
}

/**
 * A table column's alignment (`| ---: |`) as a class on its cells (`align-right`), not the `align`
 * attribute mdast-util-to-hast writes, which HTML no longer has (the validator rejects it).
 */
function alignTableCells(node: MdNode): void {
  if (node.type === 'table') {
    const align = node.align ?? [];
    for (const row of node.children) {
      row.children.forEach((cell, i) => {
        const a = align[i];
        if (a) cell.data = { ...cell.data, hProperties: { ...cell.data?.hProperties, className: [`align-${a}`] } };
      });
    }
    node.align = undefined;
    return;
  }
  if ('children' in node) for (const child of node.children) alignTableCells(child);
}

/**
 * A node's text as `mdast-util-to-string` gives it, without code: a code block's `SELECT … FROM … WHERE`
 * is not prose, and the name finder took its capitals for names (topics "SELECT", "FROM", "WHERE").
 */
function proseText(node: RootContent): string {
  if (node.type === 'code') return '';
  if ('value' in node) return node.value;
  if ('alt' in node && node.alt) return node.alt;
  return 'children' in node ? (node.children as RootContent[]).map(proseText).join('') : '';
}

export function renderBody(tree: Root): Body {
  replaceUnsafeImages(tree);
  demoteHeadings(tree);
  alignTableCells(tree);
  const html = String(toHtml.stringify(toHtml.runSync(tree) as Root)).trim();
  const firstParagraph = tree.children.find((n) => n.type === 'paragraph');
  const text = tree.children.map(proseText).filter((t) => t !== '').join('\n\n');
  return { html, text, lede: firstParagraph ? toString(firstParagraph) : text.split('\n\n')[0] ?? '' };
}

/**
 * Words: runs that start with a letter or digit and go on through letters, digits and `'’.-`.
 * Counted in one pass without building the list of matches (this runs over every body).
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    let letterOrDigit: boolean;
    if (c < 128) letterOrDigit = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    else {
      const next = text.charCodeAt(i + 1);
      if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) c = text.codePointAt(i++)!;
      letterOrDigit = LETTER_OR_DIGIT.test(String.fromCodePoint(c));
    }
    if (inWord) inWord = letterOrDigit || c === 39 || c === 0x2019 || c === 46 || c === 45;
    else if (letterOrDigit) (inWord = true), words++;
  }
  return words;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** 230 words a minute, the usual figure for adult reading of news prose; never less than a minute. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.ceil(words / 230));
}

/** A summary for meta descriptions and lists: the lede, cut at a word boundary near `max` characters. */
export function summarise(lede: string, max = 200): string {
  const clean = lede.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${cut.slice(0, lastSpace > max / 2 ? lastSpace : max).replace(/[\s,;:.—–-]+$/u, '')}…`;
}
