import type { ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { HAS_MEANING, simpleInline } from './simple-inline.js';

/**
 * Most paragraphs of a news article are plain prose, with no character Markdown gives a meaning to,
 * yet micromark reads each of them character by character: parsing was about 60% of a Markdown
 * article's load time. `plainParagraphRuns` cuts a body at its blank lines into blocks and makes a
 * plain block the paragraph micromark would have made of it, leaving every other run of blocks, as
 * written, to remark. Blocks with only the inline markup news copy uses most (a bold lead-in, an
 * italic title, a plain link; simple-inline.ts) and tight `- ` lists of such items are read here too:
 * with them, a bench-corpus Markdown article parsed in 0.24–0.25 ms against 0.74–0.80 ms (one thread,
 * warm, three runs each: `npx tsx scripts/prof-parse.mts bench/.work/corpus-20000-42`).
 *
 * That is sound because a blank line ends every construct except those that can hold one: fenced
 * code, the HTML blocks that end at a closing tag or marker (`<script`, `<pre`, `<style`,
 * `<textarea`, `<!--`, `<?`, `<!X`, `<![CDATA[`), and list items and indented code, whose next block
 * is then indented. A body with any of the first two, or with a link reference definition (which
 * links across blocks), is parsed whole; a plain block never starts with a space, so it ends a list
 * item or indented code as it does in a whole parse. A block is plain when no line starts with
 * anything that can open a block (`#`, `>`, a list marker, a digit, `=`, `-`, `|`, `:`, `~`, space)
 * or ends with a space (a hard break), and no character in it has a meaning inline (`\`, `` ` ``,
 * `*`, `_`, `[`, `]`, `<`, `&`, and GFM's `~`, `|`, `@` and the starts of bare links) or is a tab or
 * control character. Its paragraph is its lines as they are, joined by line feeds. A list read here
 * has no list-like block before or after it, which could make one loose list with it.
 * tests/load/plain-paragraphs.test.ts compares both ways on thousands of generated bodies.
 */
export function plainParagraphRuns(markdown: string): (RootContent | string)[] | undefined {
  if (SPANS_BLANK_LINES.test(markdown)) return undefined;
  const lines = markdown.split('\n');
  const blocks: [number, number][] = []; // each block's first line and the line after its last
  for (let i = 0; i < lines.length; ) {
    if (BLANK.test(lines[i]!)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < lines.length && !BLANK.test(lines[end]!)) end++;
    blocks.push([i, end]);
    i = end;
  }
  const runs: (RootContent | string)[] = [];
  let other: [number, number] | undefined; // the lines of the run of other blocks since the last one read here
  blocks.forEach(([start, end], k) => {
    const previous = blocks[k - 1];
    const node = simpleBlock(lines.slice(start, end), previous ? lines.slice(previous[0], previous[1]) : [], lines[blocks[k + 1]?.[0] ?? -1]);
    if (!node) {
      other = [other?.[0] ?? start, end];
      return;
    }
    if (other) runs.push(lines.slice(other[0], other[1]).join('\n'));
    other = undefined;
    runs.push(node);
  });
  if (other) runs.push(lines.slice(other[0], other[1]).join('\n'));
  return runs.some((run) => typeof run !== 'string') ? runs : undefined;
}

/**
 * A block read here, or `undefined` for remark: a plain paragraph, a paragraph with only simple
 * inline markup (simple-inline.ts), or a tight list of `- ` items like that. `before` is the block
 * before it and `after` the first line of the block after it.
 */
function simpleBlock(block: string[], before: string[], after: string | undefined): RootContent | undefined {
  const text = simpleText(block);
  if (text) return { type: 'paragraph', children: text };
  if (!block.every((line) => LIST_ITEM.test(line)) || before.some((line) => LIST_LIKE.test(line)) || (after !== undefined && LIST_LIKE.test(after))) return undefined;
  const items: ListItem[] = [];
  for (const line of block) {
    const children = simpleText([line.slice(2)]);
    if (!children) return undefined;
    items.push({ type: 'listItem', spread: false, checked: null, children: [{ type: 'paragraph', children }] });
  }
  return { type: 'list', ordered: false, start: null, spread: false, children: items };
}

/** A paragraph's (or list item's) lines as remark reads them, if plain or with only simple inline markup. */
function simpleText(lines: string[]): PhrasingContent[] | undefined {
  if (lines.every(isPlainLine)) return textParagraph(lines.join('\n')).children;
  return lines.every(isInlineLine) ? simpleInline(lines.join('\n')) : undefined;
}

/** A paragraph of one text node, as micromark makes of plain text (and the seed format is made of). */
export function textParagraph(value: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value }] };
}

/** Constructs that can go on past a blank line, and link reference definitions. */
const SPANS_BLANK_LINES = /```|~~~|<(?:script|pre|style|textarea|!|\?)|\]:/i;
const BLANK = /^[ \t]*$/;
const OPENS_BLOCK = /^[\s#>+\-*=_~:|0-9<[!`\\&]/;
const ENDS_IN_SPACE = /\s$/;

function isPlainLine(line: string): boolean {
  return !OPENS_BLOCK.test(line) && !HAS_MEANING.test(line) && !ENDS_IN_SPACE.test(line);
}

/** A line that may hold simple inline markup: it opens no block (`**Kyiv**` and `[a](b)` cannot) and ends in no hard break. */
function isInlineLine(line: string): boolean {
  return (!OPENS_BLOCK.test(line) || STARTS_WITH_SPAN.test(line)) && !ENDS_IN_SPACE.test(line);
}

/** An emphasis or link at the start of a line, which no block construct begins with. */
const STARTS_WITH_SPAN = /^(?:\*\*?[“‘"]?|\[)[\p{L}\p{N}]/u;
/** A bullet list item, `- ` and its text, which opens no block of its own. */
const LIST_ITEM = /^- \S/;
/**
 * A line that may be a list item or part of one: a list marker and a space (or nothing), or an
 * indent. A list in the block before, or one that goes on in the block after, may be one list with
 * ours (a loose one, as CommonMark reads `- a` and `- b` with a blank line between).
 */
const LIST_LIKE = /^(?:[-*+](?:[ \t]|$)|[0-9]{1,9}[.)](?:[ \t]|$)|\s)/;
