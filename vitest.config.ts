import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // Next swaps this marker package for an error in client bundles; in tests it is a no-op.
      'server-only': path.resolve(import.meta.dirname, 'tests/support/server-only.ts'),
    },
  },
  esbuild: { jsx: 'automatic' },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/data/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/support/app-db.ts'],
    testTimeout: 30_000,
  },
});
