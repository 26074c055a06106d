// Unit and integration tests (vitest). E2E lives in tests/e2e and runs under Playwright.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{contract,db,main,preload,renderer,tests/integration,scripts,bench}/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/setup/fastCheck.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
