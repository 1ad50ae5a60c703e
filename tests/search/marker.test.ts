import { describe, expect, it } from 'vitest';
import { templatesOptInToSearch } from '../../src/search/marker.js';
import { loadTheme } from '../../src/load/theme.js';

describe('templates that opt pages in to search', () => {
  it('finds the marker in any template, and says no when none has it', async () => {
    expect(templatesOptInToSearch({ 'article.liquid': '<article data-pagefind-body>{{ page.body }}</article>', 'day.liquid': '<ul></ul>' })).toBe(true);
    expect(templatesOptInToSearch({ 'article.liquid': '<article>{{ page.body }}</article>' })).toBe(false);
    expect(templatesOptInToSearch({})).toBe(false);
    // The shipped theme indexes its articles; the bench's minimal templates index nothing.
    expect(templatesOptInToSearch((await loadTheme('templates')).templates)).toBe(true);
    expect(templatesOptInToSearch((await loadTheme('bench/templates-minimal')).templates)).toBe(false);
  });
});
