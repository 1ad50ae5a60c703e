import { expect, it } from 'vitest';
import { StringPool } from '../../src/cache/string-pool.js';
import type { ParsedRecord } from '../../src/parallel/parse-task.js';

function record(source: string, tags: string[], places: string[]): ParsedRecord {
  return {
    title: source, titleDerived: false, titleSlug: source, date: '2025-07-04', corrections: [], tags,
    entities: { people: [], places, organizations: [] }, summary: '', wordCount: 1, readingMinutes: 1, draft: false,
    source, format: 'markdown',
  };
}

it('gives records without corrections, tags or names one shared empty list, which nothing can add to', () => {
  const pool = new StringPool();
  const a = record('a.md', [], ['Kyiv']);
  const b = record('b.md', [], []);
  pool.internRecord(a);
  pool.internRecord(b);
  expect(a.corrections).toBe(b.corrections);
  expect(a.tags).toBe(b.tags);
  expect(b.entities.places).toBe(a.entities.people);
  expect(a.tags).toEqual([]);
  expect(() => b.tags.push('politics')).toThrow(TypeError);
  expect(a.tags).toEqual([]);
});

it('keeps a record’s own lists when they hold something', () => {
  const pool = new StringPool();
  const a = record('a.md', ['politics'], ['Kyiv']);
  const b = record('b.md', ['politics'], ['Kyiv']);
  pool.internRecord(a);
  pool.internRecord(b);
  expect(a.tags).not.toBe(b.tags);
  expect(a.entities.places).toEqual(['Kyiv']);
  expect(b.tags).toEqual(['politics']);
  b.tags.push('economy');
  expect(a.tags).toEqual(['politics']);
});
