import type { Paragraph } from 'mdast';

/**
 * Most paragraphs of a news article are plain prose, with no character Markdown gives a meaning to,
 * yet micromark reads each of them character by character: parsing was about 60% of a Markdown
 * article's load time. `plainParagraphRuns` cuts a body at its blank lines into blocks and makes a
 * plain block the paragraph micromark would have made of it, leaving every other run of blocks, as
 * written, to remark.
 *
 * That is sound because a blank line ends every construct except those that can hold one: fenced
 * code, the HTML blocks that end at a closing tag or marker (`<script`, `<pre`, `<style`,
 * `<textarea`, `<!--`, `<?`, `<!X`, `<![CDATA[`), and list items and indented code, whose next block
 * is then indented. A body with any of the first two, or with a link reference definition (which
 * links across blocks), is parsed whole; a plain block never starts with a space, so it ends a list
 * item or indented code as it does in a whole parse. A block is plain when no line starts with
 * anything that can open a block (`#`, `>`, a list marker, a digit, `=`, `-`, `|`, `:`, `~`, space)
 * or ends with a space (a hard break), and no character in it has a meaning inline (`\`, `` ` ``,
 * `*`, `_`, `[`, `]`, `<`, `&`, and GFM's `~`, `|`, `@` and the starts of bare links) or is a tab or control character. Its paragraph is its lines as they
 * are, joined by line feeds. tests/load/plain-paragraphs.test.ts compares both ways on thousands of
 * generated bodies.
 */
export function plainParagraphRuns(markdown: string): (Paragraph | string)[] | undefined {
  if (SPANS_BLANK_LINES.test(markdown)) return undefined;
  const lines = markdown.split('\n');
  const runs: (Paragraph | string)[] = [];
  let other: [number, number] | undefined; // the lines of the run of other blocks since the last plain one
  for (let i = 0; i < lines.length; ) {
    if (BLANK.test(lines[i]!)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < lines.length && !BLANK.test(lines[end]!)) end++;
    const block = lines.slice(i, end);
    if (block.every(isPlainLine)) {
      if (other) runs.push(lines.slice(other[0], other[1]).join('\n'));
      other = undefined;
      runs.push(textParagraph(block.join('\n')));
    } else {
      other = [other?.[0] ?? i, end];
    }
    i = end;
  }
  if (other) runs.push(lines.slice(other[0], other[1]).join('\n'));
  return runs.some((run) => typeof run !== 'string') ? runs : undefined;
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
/** Also what GFM gives a meaning inline: `~` (strikethrough), `|` (a table row), and the starts of bare links. */
const HAS_MEANING = /[\\`*_[\]<&~|@\t\x00-\x08\x0b-\x1f\x7f]|www\.|https?:|mailto:|xmpp:/i;

function isPlainLine(line: string): boolean {
  return !OPENS_BLOCK.test(line) && !HAS_MEANING.test(line) && !ENDS_IN_SPACE.test(line);
}
