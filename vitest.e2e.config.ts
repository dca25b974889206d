import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Browser tests: one `next build`, one `next start`, Debian's Chromium.
export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      'server-only': path.resolve(import.meta.dirname, 'tests/support/server-only.ts'),
    },
  },
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    // expect.poll gives up after 1 s by default; a busy 2-core CI machine can
    // take longer to load a lazy chunk or hydrate a page.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    hookTimeout: 60_000,
  },
});
