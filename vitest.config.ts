import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Browser tests poll the page (search results come from Pagefind's WebAssembly and fetches): a
    // second, the default, was too short on a busy 2-core CI machine; a real failure still fails.
    expect: { poll: { timeout: 15_000 } },
  },
});
