import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { Random } from '../../bench/prng.js';
import { parseMarkdownBody, renderBody } from '../../src/load/body.js';
import { plainParagraphRuns } from '../../src/load/plain-paragraphs.js';

/** Every node without its `position`: the parts parsed apart carry positions relative to their run. */
function withoutPositions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutPositions);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).filter(([k]) => k !== 'position').map(([k, v]) => [k, withoutPositions(v)]));
}

const wholeParse = (markdown: string) => unified().use(remarkParse).use(remarkGfm).parse(markdown);

/** Plain prose, as most paragraphs of an article are. */
const PLAIN = [
  'Officials signed the grain deal on Tuesday, a spokesperson said.',
  'Officials signed the deal.\nThe talks went on into the evening.',
  '“We have waited long enough,” one resident said. Prices rose 4.5% in March: a record (so far).',
  'Temperatures reached 40°C — the highest since 1976 > the old record.',
  'Ünïcödé ñame and emoji 🎉 in a plain paragraph.',
  'Wow! An exclamation; (parentheses), {braces}, $5, #hashtag, 100% and a caret ^.',
];
/** Blocks that only look plain, and every construct a blank line may or may not end. */
const OTHER = [
  '\u00a0Starts with a no-break space.',
  'Ends with a no-break space.\u00a0',
  'Ends with a space. ',
  'Hard break with two spaces  \nthen the next line.',
  'Hard break with a backslash\\\nthen the next line.',
  'Has **strong** and *emphasis* and _underscores_.',
  'Has a [link](https://example.org/) in it.',
  'Has a [reference link][ref] in it.',
  '[ref]: https://example.org/ref "Title"',
  'Has `code` and an &amp; entity and a &copy; sign.',
  'Has <b>inline HTML</b> and a < sign.',
  'Has a tab\there.',
  '2024 was a year of elections.',
  '1. first\n2. second',
  '3) third\n4) fourth',
  '- one\n- two',
  '- one\n\n- two',
  '- item\n\n  continued in the item',
  '* star item\n  lazy continuation',
  '+ plus item',
  '> quoted\nlazy continuation line',
  '> quoted',
  '# Heading',
  '## Heading ##',
  'Setext heading\n===',
  'Setext heading\n---',
  '---',
  '***',
  '    indented code',
  '    indented code\n\n    after a blank line',
  '   three spaces indent',
  '```\nfenced\n\ncode\n```',
  '~~~\ntilde fence\n~~~',
  '<div>\nhtml block\n</div>',
  '<!-- a comment\n\nover a blank line -->',
  '<pre>\npre\n\nformatted\n</pre>',
  'Text with a : colon and | pipe and ~ tilde inside.',
  ': starts with a colon',
  '| a | b |\n| - | - |',
  '=== equals',
  '!Exclamation first.',
  'Wow! An exclamation, then ![an image](/a.png).',
  'Text with a \u0001 control character.',
  'Plain line\n# heading interrupts',
  'Plain line\n> quote interrupts',
  'Plain line\n- list interrupts',
  'Plain line\n    indented continuation',
  // GitHub-flavoured Markdown (remark-gfm): inline marks and bare links a plain block must not have.
  'Has ~~struck~~ and ~single~ tildes.',
  'Visit www.example.org for more.',
  'See https://example.org/a or http://example.org/b now.',
  'Write to desk@example.org or mailto:desk@example.org today.',
  'A mention of @name on social media.',
  'Name | Votes\n--- | ---:\nAna | 1',
  'A footnote reference[^1] here.',
  '[^1]: The footnote, which may hold\n\n    a second paragraph.',
  '- [ ] a task\n- [x] a done task',
  // Links whose URL is not bare, and ones whose URL is, side by side.
  'Has a [link](https://example.org/) and a bare https://example.org/b too.',
  'An image ![alt](https://example.org/e.png) and a [link](http://example.org/f).',
  '\\[not a link](https://example.org/c) so its URL is bare.',
  'text](https://example.org/d) with no opening bracket.',
  '[a [b](https://example.org/g)](https://example.org/h) nested.',
  '`[code](https://example.org/i)` in a code span.',
  'See [~~the old plan~~](https://example.org/plan) and [~one~](/a) for details.',
  'An image ![~~x~~](/img.png) with a struck alt.',
  '- [\t] a task with a tab',
];
/** The inline markup and lists read without remark (simple-inline.ts), as news copy uses them. */
const SIMPLE = [
  '**Regional officials** announced the measures on Tuesday.',
  'The report, in *The Guardian*, said so.',
  'More in [the full report](https://example.org/report).',
  '**Kyiv** — Officials said.\nMore in [the report](https://example.org/a?b=1#c).',
  '(**Note**) and “*quoted*” words, ‘*single*’ too.',
  '- first point\n- second point\n- third point',
  '- **Bold** item\n- item with [a link](https://example.org/x)',
  '[Link first](https://example.org/) then text.',
  '*Ünïcödé* and **2024** figures; **a**: colon, **b**! and **c**?',
  'A [link](https://example.org/) and **bold** in one, *then* [another](http://example.org/b-c).',
  '[a label ending in a space ](https://example.org/) and one (in parentheses) [x (y)](/relative/path).',
  '**“The numbers** simply do not add up,” an economist said; *‘Quoted’ title* and **"Straight** quotes".',
];
/** Forms near those that remark reads differently, or that need its finer rules. */
const NEAR = [
  'A**b**c intraword strong.',
  '**bold**word after.',
  '**Ends with a dot.** next',
  '** not bold** and **bold **',
  '*a **b** c*',
  '***both*** and **a*b**',
  '__underscore strong__ and _under_',
  '[a](https://example.org/ "title")',
  '[a](<https://example.org/>)',
  '[a]( https://example.org)',
  '![img](https://example.org/i.png) alone',
  'x![img](/i.png)',
  '[a](https://example.org/(x))',
  '[*em*](https://example.org/)',
  '*[a](https://example.org/)*',
  '[a](https://example.org/)[b](https://example.org/)',
  '**a**\n**b**',
  '**multi\nline**',
  '[label\nover lines](https://example.org/)',
  '- item\ncontinued lazily',
  '-  two spaces',
  '-\ttab',
  '- item\n\n- second block',
  '- **x**\n\n  indented continuation',
  '* star\n- dash',
  '1. ordered',
  '- a\n\n    code',
  '- - nested',
  '- # heading in item',
  '- [ ] task',
  '**x**\n===',
  '*x*\n---',
  '*x*  \nhard break',
  '**x** ',
  '—**dash**— and *x*y and word*x*',
  '**“quoted strong”**',
  '[a](https://example.org/a_b) and [a](https://example.org/~x)',
  '[a] (https://example.org)',
  '[a][b] and [a]',
  '[x](https://example.org) and www.example.org bare',
  '[x](https://example.org) to @mention',
  '[a b](https://e.org/path?q=1&r=2)',
  '[www.example.org](https://example.org/)',
  '*a*\\ and **b**`c`',
  '**a** <b>html</b>',
  '[a](b)',
  '+ plus\n- dash',
  "**Kyiv**'s mayor and *x*'s",
  '- [x](https://example.org/) done',
  '- [x] done',
  '* * *',
  '\u00a0**a** and **b**\u00a0',
  '[a](b)**c** and **d**[e](f)',
  'a**“b**, **“ spaced**, **“**, *“x*y and **"quoted"**',
  '**“**b** and ***“x***',
  '(**“Both-flanking** opener) and “*‘y*’ and —**“z**—',
];
const SEPARATORS = ['\n\n', '\n\n', '\n\n\n', '\n \n', '\n\t\n', '\n'];

function body(r: Random): string {
  const n = r.int(1, 7);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) parts.push(r.pick(SEPARATORS));
    const kind = r.int(0, 3);
    parts.push(kind === 0 ? r.pick(PLAIN) : kind === 1 ? r.pick(SIMPLE) : kind === 2 ? r.pick(NEAR) : r.pick(OTHER));
  }
  return (r.chance(0.2) ? '\n' : '') + parts.join('') + (r.chance(0.5) ? '\n' : '');
}

describe('plain paragraphs without the parser', () => {
  it('cuts a body into plain paragraphs and, as written, the runs of other blocks between them', () => {
    const md = 'First plain paragraph,\nover two lines.\n\n- a list\n\n  with more\n\n> a quote\n\nLast plain paragraph.\n';
    expect(plainParagraphRuns(md)).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: 'First plain paragraph,\nover two lines.' }] },
      '- a list\n\n  with more\n\n> a quote',
      { type: 'paragraph', children: [{ type: 'text', value: 'Last plain paragraph.' }] },
    ]);
    // Nothing plain, or anything that reaches across blank lines: remark reads it whole.
    expect(plainParagraphRuns('# Heading\n\n1. a list\n')).toBeUndefined();
    expect(plainParagraphRuns('Plain.\n\n```\ncode\n\nmore\n```\n')).toBeUndefined();
    expect(plainParagraphRuns('Plain.\n\n[a]: /b\n')).toBeUndefined();
  });

  it('reads bold lead-ins, italics, plain links and tight bullet lists without remark', () => {
    const md = '**Kyiv** — Talks, in *The Times*, went on.\n\n- [the report](https://example.org/r)\n- a point\n\nA * star.';
    expect(plainParagraphRuns(md)).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'strong', children: [{ type: 'text', value: 'Kyiv' }] },
          { type: 'text', value: ' — Talks, in ' },
          { type: 'emphasis', children: [{ type: 'text', value: 'The Times' }] },
          { type: 'text', value: ', went on.' },
        ],
      },
      {
        type: 'list',
        ordered: false,
        start: null,
        spread: false,
        children: [
          {
            type: 'listItem',
            spread: false,
            checked: null,
            children: [{ type: 'paragraph', children: [{ type: 'link', title: null, url: 'https://example.org/r', children: [{ type: 'text', value: 'the report' }] }] }],
          },
          { type: 'listItem', spread: false, checked: null, children: [{ type: 'paragraph', children: [{ type: 'text', value: 'a point' }] }] },
        ],
      },
      'A * star.',
    ]);
    // Each simple form alone takes the short way (so the comparison below is of two ways for them).
    for (const simple of SIMPLE) expect(plainParagraphRuns(simple)?.every((run) => typeof run !== 'string'), simple).toBe(true);
    // A list beside another list-like block may be one list with it.
    expect(plainParagraphRuns('- one\n\n- two\n')).toBeUndefined();
    expect(plainParagraphRuns('- one\n\n  more of one\n')).toBeUndefined();
  });

  it('gives the tree and the HTML a whole parse gives, for 6,000 generated bodies', () => {
    const r = new Random(2026);
    let cut = 0;
    for (let i = 0; i < 6000; i++) {
      const md = body(r);
      if (plainParagraphRuns(md)) cut++;
      const fast = parseMarkdownBody(md);
      const whole = wholeParse(md);
      expect(withoutPositions(fast), JSON.stringify(md)).toEqual(withoutPositions(whole));
      expect(renderBody(fast).html, JSON.stringify(md)).toBe(renderBody(whole as Root).html);
    }
    // Most bodies took the short way for some of their paragraphs, so the comparison is of two ways.
    expect(cut).toBeGreaterThan(2500);
  });
});
