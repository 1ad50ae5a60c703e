import type { PhrasingContent } from 'mdast';

/**
 * The inline markup news copy uses most, read without micromark: a bold lead-in (`**Kyiv**`), an
 * italic title (`*The Times*`) and a plain link (`[the report](https://example.org/report)`). Text
 * with any other markup, or with these in a form whose reading depends on CommonMark's finer rules,
 * is left to remark (`undefined`), so what comes out is always the tree remark makes of it.
 *
 * Why each form is read the same as remark reads it:
 * - An opening `*`/`**` follows the start, a space, a line break or an opening bracket or quote, and
 *   is followed by a letter or digit (or an opening quote and one): it can open and cannot close. A closing one follows a letter or
 *   digit and is followed by the end, a space, a line break or closing punctuation: it can close and
 *   cannot open. Neither is "both-flanking", so CommonMark's rule of three never applies, and with
 *   no other `*` between them (none is allowed in the text) they pair with each other.
 * - A link's label starts with a letter or digit and has no bracket or other markup; its URL has
 *   only characters that are literal in a destination (no spaces, brackets, parentheses, quotes,
 *   backslashes or `&`); it has no title, and no `!` before it (an image).
 * - The text between them has nothing that means anything inline (the same test as a plain line).
 * tests/load/plain-paragraphs.test.ts compares this with a whole remark parse on generated bodies.
 */
export function simpleInline(text: string): PhrasingContent[] | undefined {
  const nodes: PhrasingContent[] = [];
  let at = 0;
  SPAN.lastIndex = 0;
  for (let m = SPAN.exec(text); m !== null; m = SPAN.exec(text)) {
    const start = m.index;
    const before = start === 0 ? '' : text[start - 1]!;
    const after = text[SPAN.lastIndex] ?? '';
    // Every character outside the spans, and inside them, must be plain.
    const inside = m[2] ?? m[3]!;
    if (HAS_MEANING.test(inside)) return undefined;
    let node: PhrasingContent;
    if (m[3] !== undefined) {
      if (before === '!') return undefined;
      node = { type: 'link', title: null, url: m[4]!, children: [{ type: 'text', value: inside }] };
    } else {
      if (before !== '' && !OPENS_BEFORE.test(before)) return undefined;
      if (after !== '' && !CLOSES_BEFORE.test(after)) return undefined;
      node = { type: m[1] === '**' ? 'strong' : 'emphasis', children: [{ type: 'text', value: inside }] };
    }
    if (start > at && !pushText(nodes, text.slice(at, start))) return undefined;
    nodes.push(node);
    at = SPAN.lastIndex;
  }
  if (nodes.length === 0) return undefined;
  if (at < text.length && !pushText(nodes, text.slice(at))) return undefined;
  return nodes;
}

function pushText(nodes: PhrasingContent[], value: string): boolean {
  if (HAS_MEANING.test(value)) return false;
  nodes.push({ type: 'text', value });
  return true;
}

/**
 * Characters that mean something inline, in CommonMark or GFM (`~`, `|`, and the starts of bare
 * links), tabs and control characters: the same set as a plain line's (plain-paragraphs.ts).
 */
export const HAS_MEANING = /[\\`*_[\]<&~|@\t\x00-\x08\x0b-\x1f\x7f]|www\.|https?:|mailto:|xmpp:/i;

/**
 * A letter or digit at each end of the text (an opening quote may come before the first: `**“We have**
 * waited”`), and no line break, inside `*…*` or `**…**`. After a space or an opening bracket or quote
 * (`OPENS_BEFORE`), an opening `*` followed by punctuation still can open and not close.
 */
const EMPHASIS = String.raw`(\*\*?)([“‘"]?[\p{L}\p{N}](?:[^*\n]*[\p{L}\p{N}])?)\1`;
/** A link with a label that starts with a letter or digit and a destination of literal characters. */
const LINK = String.raw`\[([\p{L}\p{N}][^[\]\n]*)\]\(([A-Za-z0-9/:.?=#%+,-]+)\)`;
const SPAN = new RegExp(`${EMPHASIS}|${LINK}`, 'gu');
/** What may come before an opening `*`: nothing that makes it able to close. */
const OPENS_BEFORE = /[ \n(“‘"—]/;
/** What may come after a closing `*`: nothing that makes it able to open. */
const CLOSES_BEFORE = /[ \n.,;:!?)”’"'—–-]/;
