import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Random } from './prng.js';

/**
 * A deterministic synthetic news corpus: the same (size, seed) always writes the same files.
 * Half the articles are seed-format `.txt` (` date YYYY-MM-DD Place, Country — …`), half `.md` with
 * YAML front matter and some Markdown; dates spread over 25 years; bodies about 4 KB.
 */

const PLACES = ['Moscow, Russia', 'Kyiv, Ukraine', 'Paris, France', 'Berlin, Germany', 'Lagos, Nigeria', 'Lima, Peru', 'Osaka, Japan', 'Cairo, Egypt', 'Toronto, Canada', 'Madrid, Spain', 'Warsaw, Poland', 'Nairobi, Kenya', 'Sydney, Australia', 'Mumbai, India', 'Denver, Colorado'];
const SUBJECTS = ['The city council', 'Regional officials', 'The prime minister', 'A spokesperson for the ministry', 'Union leaders', 'Local residents', 'The central bank', 'Emergency services', 'Opposition lawmakers', 'The health authority', 'Transport workers', 'Farmers in the region', 'The foreign minister', 'Investigators', 'School administrators'];
const VERBS = ['announced', 'rejected', 'approved', 'postponed', 'criticised', 'welcomed', 'defended', 'questioned', 'outlined', 'confirmed', 'disputed', 'unveiled'];
const OBJECTS = ['a new budget for public transport', 'plans to expand the harbour', 'a proposal to raise the minimum wage', 'the latest flood-defence measures', 'an agreement on grain exports', 'a review of hospital waiting times', 'new rules for short-term rentals', 'a ceasefire proposal', 'the reopening of the rail line', 'a tax on imported steel', 'the results of the audit', 'a programme to plant a million trees'];
const TAILS = ['on Tuesday', 'after weeks of debate', 'despite strong objections', 'in a brief statement', 'according to preliminary figures', 'at a crowded press conference', 'late on Friday night', 'ahead of next month’s election', 'following a series of protests', 'as talks continued into the evening'];
const QUOTES = ['“We have waited long enough,” one resident said.', '“This is a decision for the next generation,” the mayor told reporters.', '“The numbers simply do not add up,” an economist said.', '“Nobody expected it to happen this quickly,” a witness said.'];
const AUTHORS = ['Dana Whitfield', 'Oleg Petrov', 'Amara Okafor', 'Lucía Romero', 'Kenji Watanabe', 'Marie Dubois'];
const TAGS = ['politics', 'economy', 'transport', 'health', 'climate', 'education', 'energy', 'agriculture', 'housing', 'elections'];

const START_YEAR = 2000;
const YEARS = 25;
const TARGET_BYTES = 4000;

function sentence(r: Random): string {
  return `${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(TAILS)}, and ${r.pick(SUBJECTS).toLowerCase()} ${r.pick(VERBS)} ${r.pick(OBJECTS)}.`;
}

function paragraphs(r: Random, markdown: boolean): string[] {
  const out: string[] = [];
  let bytes = 0;
  while (bytes < TARGET_BYTES) {
    const n = r.int(3, 5);
    const s: string[] = [];
    for (let i = 0; i < n; i++) s.push(r.chance(0.1) ? r.pick(QUOTES) : sentence(r));
    let p = s.join(' ');
    if (markdown && r.chance(0.3)) p = p.replace(/^(\S+ \S+)/, '**$1**');
    if (markdown && r.chance(0.15)) p += ' More in [the full report](https://example.org/report).';
    out.push(p);
    bytes += p.length + 2;
  }
  if (markdown && r.chance(0.3)) out.splice(2, 0, '- first point\n- second point\n- third point');
  return out;
}

/** The date of article `i` of `n`: spread evenly over 25 years, so every size has the same shape. */
function dateOf(i: number, n: number): string {
  const day0 = Date.UTC(START_YEAR, 0, 1);
  const span = Date.UTC(START_YEAR + YEARS, 0, 1) - day0;
  return new Date(day0 + Math.floor((i / n) * span)).toISOString().slice(0, 10);
}

export interface CorpusArticle {
  /** Path relative to the corpus folder. */
  relative: string;
  text: string;
}

export function* corpusArticles(size: number, seed = 42): Generator<CorpusArticle> {
  const r = new Random(seed);
  for (let i = 0; i < size; i++) {
    const date = dateOf(i, size);
    const year = date.slice(0, 4);
    const id = String(i).padStart(6, '0');
    if (i % 2 === 0) {
      const body = paragraphs(r, false);
      const text = ` date ${date} ${r.pick(PLACES)} — ${body.join('\n\n')}\n`;
      yield { relative: `${year}/${id}.txt`, text };
    } else {
      const body = paragraphs(r, true);
      const title = `${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)}`;
      const tags = [r.pick(TAGS), r.pick(TAGS)].filter((t, k, a) => a.indexOf(t) === k);
      const fm = [
        '---',
        `title: ${title}`,
        `date: ${date}`,
        `author: ${r.pick(AUTHORS)}`,
        `dateline: ${r.pick(PLACES)}`,
        `tags: [${tags.join(', ')}]`,
        '---',
      ].join('\n');
      yield { relative: `${year}/${id}.md`, text: `${fm}\n\n${body.join('\n\n')}\n` };
    }
  }
}

/** Writes the corpus into `dir` (which must be empty or absent). */
export function writeCorpus(dir: string, size: number, seed = 42): void {
  const made = new Set<string>();
  for (const a of corpusArticles(size, seed)) {
    const full = path.join(dir, a.relative);
    const parent = path.dirname(full);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(full, a.text);
  }
}
