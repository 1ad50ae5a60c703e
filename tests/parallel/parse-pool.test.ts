import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PackReader } from '../../src/cache/body-store.js';
import { contentKey } from '../../src/cache/keys.js';
import { parseAll } from '../../src/parallel/parse-pool.js';
import type { ParseItem } from '../../src/parallel/parse-task.js';
import { parseArticle } from '../../src/load/parse-article.js';
import { readFileSync } from 'node:fs';
import { fixtures, tempDir } from '../helpers.js';

describe('parsing on worker threads', () => {
  it('gives the same records and bodies as parsing in this thread', async () => {
    const dir = path.join(fixtures, 'basic');
    const items: ParseItem[] = readdirSync(dir).sort().map((name, index) => ({ index, full: path.join(dir, name), file: `basic/${name}`, findKey: index % 2 === 0 }));
    const packs = tempDir();
    // Threshold 0 forces real worker threads even for eight files.
    const outcomes = await parseAll(items, { packDir: packs, generator: 'gen' }, 'test', 2, () => {}, 0);
    expect(outcomes.map((o) => o.index).sort((a, b) => a - b)).toEqual(items.map((i) => i.index));
    const reader = new PackReader(packs);
    for (const o of outcomes) {
      const item = items[o.index]!;
      const direct = parseArticle(readFileSync(item.full, 'utf8'), item.file);
      if (Array.isArray(direct)) throw new Error(`fixture ${item.file} should parse`);
      const { bodyHtml, ...record } = direct;
      expect(o.errors).toBeUndefined();
      // Files whose key the scan left unknown get it from the thread that read them.
      expect(o.key).toBe(item.findKey ? contentKey('gen', item.file, readFileSync(item.full)) : undefined);
      expect(o.record).toEqual(record);
      expect(reader.read(o.body!)).toBe(bodyHtml);
    }
    reader.close();
    // Bodies were appended by worker threads, one pack per thread, none by this one.
    expect(readdirSync(packs).every((f) => /^test-[1-9]\d*\.pack$/.test(f))).toBe(true);
  });
});
