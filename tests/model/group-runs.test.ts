import { describe, expect, it } from 'vitest';
import { groupRuns } from '../../src/model/group-runs.js';

describe('groupRuns', () => {
  it('groups neighbours with the same key and keeps order, even when a key comes back later', () => {
    expect(groupRuns(['2025-07-04', '2025-07-04', '2025-07-05', '2025-07-04'], (d) => d)).toEqual([
      { key: '2025-07-04', items: ['2025-07-04', '2025-07-04'] },
      { key: '2025-07-05', items: ['2025-07-05'] },
      { key: '2025-07-04', items: ['2025-07-04'] },
    ]);
    expect(groupRuns([], (d: string) => d)).toEqual([]);
  });
});
