import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { forEachJsonLine, forEachLine, writeJsonLines, writeLines } from '../../src/cache/lines-file.js';
import { tempDir } from '../helpers.js';

function linesOf(text: string): string[] {
  const file = path.join(tempDir(), 'index.ndjson');
  writeFileSync(file, text);
  const lines: string[] = [];
  forEachLine(file, (line) => void lines.push(line));
  return lines;
}

it('gives each non-empty line, with or without a last line break', () => {
  expect(linesOf('["a",1]\n["b",2]\n')).toEqual(['["a",1]', '["b",2]']);
  expect(linesOf('["a",1]\n\n["b",2]')).toEqual(['["a",1]', '["b",2]']);
  expect(linesOf('')).toEqual([]);
});

it('keeps characters whole across the edges of the chunks it reads, and lines longer than a chunk', () => {
  // "Москва — " is 16 bytes in UTF-8 (two-byte letters, a three-byte dash): lines of it cross the
  // 1 MB chunk edge at every possible byte offset within a character.
  const line = 'Москва — '.repeat(1000);
  const many = Array.from({ length: 300 }, (_, i) => `${i} ${line}`);
  const long = 'ß'.repeat(1_500_000); // 3 MB: longer than the buffer, which must grow
  expect(linesOf(`${many.join('\n')}\n${long}\nend\n`)).toEqual([...many, long, 'end']);
});

it('stops reading when told to, and writes lines that read back the same', () => {
  const file = path.join(tempDir(), 'index.ndjson');
  const long = 'x'.repeat(3_000_000);
  writeLines(file, ['"gen-1"', long, '["a",1]']);
  const seen: string[] = [];
  forEachLine(file, (line) => void seen.push(line));
  expect(seen).toEqual(['"gen-1"', long, '["a",1]']);
  const first: string[] = [];
  forEachLine(file, (line) => (first.push(line), false));
  expect(first).toEqual(['"gen-1"']);
});

it('writes values as lines of JSON and reads them back parsed', () => {
  const file = path.join(tempDir(), 'index.ndjson');
  const values = ['gen-1', ['2000/000001.md', '1:2:3', 'key'], { outId: 'a:b', note: 'line\nbreak — “quoted”' }];
  writeJsonLines(file, values);
  const seen: unknown[] = [];
  forEachJsonLine(file, (value) => void seen.push(value));
  expect(seen).toEqual(values);
});
