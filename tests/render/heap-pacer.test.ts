import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { HeapPacer } from '../../src/render/heap-pacer.js';

const MB = 2 ** 20;

describe('HeapPacer', () => {
  it('check() collects only once the heap has grown past its limit', () => {
    const pacer = new HeapPacer(16 * MB);
    const before = v8.getHeapStatistics().used_heap_size;
    pacer.check(); // nothing has grown: no collection, the garbage below stays until one
    let garbage: string[] = [];
    for (let i = 0; i < 400_000; i++) garbage.push(`garbage ${i}`);
    garbage = [];
    const grown = v8.getHeapStatistics().used_heap_size;
    expect(grown - before).toBeGreaterThan(16 * MB);
    pacer.check();
    expect(v8.getHeapStatistics().used_heap_size).toBeLessThan(grown - 8 * MB);
    expect(garbage).toEqual([]);
  });

  it('spaces collections out by a third of the room left below the memory target, up to 96 MB, never less than the headroom', () => {
    /** About `mb` MB of live strings, held by the caller. */
    const grow = (mb: number) => Array.from({ length: mb * 25_000 }, (_, i) => `live string number ${i}`);
    // Room for 3 × 40 MB: after a collection, 24 MB more live data makes no other; 48 MB more does.
    const roomy = new HeapPacer(8 * MB, () => 120 * MB);
    const held: string[][] = [grow(10)];
    roomy.check(); // past the first limit (8 MB): collects, and sets the next at what is live + 40 MB
    expect(roomy.collections).toBe(1);
    held.push(grow(24));
    roomy.check();
    expect(roomy.collections).toBe(1);
    held.push(grow(24));
    roomy.check();
    expect(roomy.collections).toBe(2);
    // No room left: the headroom alone (8 MB) spaces them.
    const tight = new HeapPacer(8 * MB, () => 0);
    held.push(grow(10));
    tight.check();
    expect(tight.collections).toBe(1);
    held.push(grow(12));
    tight.check();
    expect(tight.collections).toBe(2);
    expect(held.flat()).toHaveLength(80 * 25_000);
  });

  it('paced() yields every item, in order, unchanged', () => {
    const pacer = new HeapPacer();
    expect([...pacer.paced(['a', 'b', 'c', 'd', 'e'], 2)]).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect([...pacer.paced([])]).toEqual([]);
  });
});
