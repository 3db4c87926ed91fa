import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Property tests read megabytes of hostile text; on a loaded two-core CI machine they need more than 5 s.
    testTimeout: 30_000,
  },
});
