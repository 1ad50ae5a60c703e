/**
 * Limits that keep one hostile Markdown file from hanging or crashing the build.
 *
 * micromark (behind remark-parse) pairs emphasis delimiters in time quadratic in the number of
 * `*`/`_` runs in one paragraph (a 16 KB paragraph of `*a**` takes seconds, 200 KB over a minute),
 * and its tree walkers recurse, so thousands of nested quotes or lists overflow the stack. Real prose
 * is nowhere near either limit; a file that is gets a clear error instead of a hung or crashed build.
 */
export const MAX_DELIMITER_RUNS_PER_PARAGRAPH = 2000;

/** The first paragraph with more emphasis-delimiter runs than the limit: its 1-based line within `markdown`. */
export function emphasisFlood(markdown: string): { line: number; runs: number } | undefined {
  const lines = markdown.split('\n');
  let start = 1;
  let runs = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim().length === 0) {
      runs = 0;
      start = i + 2;
      continue;
    }
    runs += line.match(/[*_]+/g)?.length ?? 0;
    if (runs > MAX_DELIMITER_RUNS_PER_PARAGRAPH) return { line: start, runs };
  }
  return undefined;
}

/** True for the engine's stack overflow, which deep nesting causes in recursive tree walkers. */
export function isStackOverflow(err: unknown): boolean {
  return err instanceof RangeError && /call stack/i.test(err.message);
}

/** Block quotes and lists nested deeper than this take the parser seconds to minutes, then overflow. */
export const MAX_NESTING = 100;
/** Indentation beyond this many columns only means nesting far past `MAX_NESTING` levels. */
export const MAX_INDENT_COLUMNS = 256;

/**
 * The first line that opens more than `MAX_NESTING` block containers (`>`, `-`, `*`, `+`, `1.`)
 * or is indented past `MAX_INDENT_COLUMNS`: its 1-based line within `markdown`. A linear scan of
 * each line's prefix, so it costs nothing on ordinary text.
 */
export function deepNesting(markdown: string): number | undefined {
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let columns = 0;
    let markers = 0;
    let j = 0;
    while (j < line.length) {
      const c = line[j]!;
      if (c === ' ') columns++;
      else if (c === '\t') columns += 4;
      else if (c === '>') markers++;
      else if ((c === '-' || c === '*' || c === '+') && (line[j + 1] === ' ' || line[j + 1] === '\t')) markers++;
      else if (c >= '0' && c <= '9') {
        let k = j;
        while (k < line.length && k - j < 9 && line[k]! >= '0' && line[k]! <= '9') k++;
        if ((line[k] === '.' || line[k] === ')') && (line[k + 1] === ' ' || line[k + 1] === '\t')) {
          markers++;
          j = k;
        } else break;
      } else break;
      if (markers > MAX_NESTING || columns > MAX_INDENT_COLUMNS) return i + 1;
      j++;
    }
  }
  return undefined;
}
