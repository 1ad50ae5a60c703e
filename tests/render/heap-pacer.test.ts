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

  it('paced() yields every item, in order, unchanged', () => {
    const pacer = new HeapPacer();
    expect([...pacer.paced(['a', 'b', 'c', 'd', 'e'], 2)]).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect([...pacer.paced([])]).toEqual([]);
  });
});
