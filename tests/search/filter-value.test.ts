import { describe, expect, it } from 'vitest';
import { searchFilterValue } from '../../src/search/filter-value.js';

describe('searchFilterValue', () => {
  it('keeps ordinary topics as they are', () => {
    expect(searchFilterValue('Vladimir Putin')).toBe('Vladimir Putin');
    expect(searchFilterValue('Côte d’Ivoire')).toBe('Côte d’Ivoire');
  });

  it('replaces the characters that could open a tag or an entity', () => {
    expect(searchFilterValue('<img src=x onerror="alert(1)">')).toBe('‹img src=x onerror="alert(1)"›');
    expect(searchFilterValue('AT&T')).toBe('AT＆T');
    expect(searchFilterValue('&lt;b&gt;')).toBe('＆lt;b＆gt;');
  });

  it('folds runs of white space', () => {
    expect(searchFilterValue('  New\n York  ')).toBe('New York');
  });
});
