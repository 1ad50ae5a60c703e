import { closeSync, openSync, readSync, renameSync, writeSync } from 'node:fs';

const CHUNK = 1 << 20;

/**
 * The cache's indexes are files of one JSON value per line, read and written a megabyte at a time.
 * At 100,000 articles the record index is 84 MB and the stat index 24 MB: read or written whole, as
 * one buffer or string, each sat in the process's memory at the moment it held the most (every
 * record being loaded).
 */

/** Calls `onLine` with each non-empty line of a UTF-8 file until it returns false. */
export function forEachLine(file: string, onLine: (line: string) => boolean | void): void {
  const fd = openSync(file, 'r');
  try {
    let buffer = Buffer.allocUnsafe(CHUNK);
    let filled = 0; // bytes of `buffer` holding data not yet split into lines
    for (;;) {
      if (filled === buffer.length) {
        // One line longer than the buffer: grow it for this line.
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
      }
      const read = readSync(fd, buffer, filled, buffer.length - filled, null);
      const end = filled + read;
      let start = 0;
      for (let nl = buffer.indexOf(10, start); nl !== -1 && nl < end; nl = buffer.indexOf(10, start)) {
        if (nl > start && onLine(buffer.toString('utf8', start, nl)) === false) return;
        start = nl + 1;
      }
      if (read === 0) {
        if (end > start) onLine(buffer.toString('utf8', start, end));
        return;
      }
      buffer.copy(buffer, 0, start, end);
      filled = end - start;
    }
  } finally {
    closeSync(fd);
  }
}

/** `forEachLine` over a file of one JSON value a line (the form every index here takes): each value, parsed. */
export function forEachJsonLine(file: string, onValue: (value: unknown) => boolean | void): void {
  forEachLine(file, (line) => onValue(JSON.parse(line)));
}

/** `writeLines` of each value as one line of JSON. */
export function writeJsonLines(file: string, values: Iterable<unknown>): void {
  writeLines(file, jsonOf(values));
}

function* jsonOf(values: Iterable<unknown>): Generator<string> {
  for (const value of values) yield JSON.stringify(value);
}

/** Writes the lines to `file` through a temporary file renamed over it, so a reader never sees half of it. */
export function writeLines(file: string, lines: Iterable<string>): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    let chunk = '';
    for (const line of lines) {
      chunk += `${line}\n`;
      if (chunk.length >= CHUNK) writeSync(fd, chunk), (chunk = '');
    }
    if (chunk.length > 0) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}
