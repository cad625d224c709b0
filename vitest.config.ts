import { defineConfig } from 'vitest/config';

// Unit tests are pure functions in Node; integration tests start real hubs, sockets and
// databases, so they get a longer timeout. Kept apart from vite.config.ts, whose root is renderer/.
export default defineConfig({
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'react' },
  },
  test: {
    environment: 'node',
    projects: [
      {
        extends: true,
        // Some unit tests run the real SQLite log, whose writer thread takes a moment to start on
        // a busy machine: a timeout says nothing about speed here (benchmarks do).
        test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], testTimeout: 15_000 },
      },
      {
        extends: true,
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], testTimeout: 30_000 },
      },
    ],
  },
});
