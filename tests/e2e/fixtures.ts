// The e2e fixtures: every test gets a fresh data directory and the app running in whichever
// runtime this machine has. Test bodies never know which one it is.
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseRuntime } from './runtime/detect';
import { launchChromiumHarness } from './runtime/chromiumHarness';
import { launchElectronApp } from './runtime/electronApp';
import type { AppHandle } from './runtime/types';

interface Fixtures {
  dataDir: string;
  app: AppHandle;
  page: Page;
  /** Saves a screenshot under tests/e2e/screenshots for a person to look at. */
  snap: (name: string) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'hearth-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  app: async ({ dataDir }, use) => {
    const runtime = chooseRuntime();
    const app = runtime.kind === 'electron' ? await launchElectronApp(runtime.executable, dataDir) : await launchChromiumHarness(runtime.executable, dataDir);
    await use(app);
    await app.close();
  },
  page: async ({ app }, use) => {
    await use(app.page);
  },
  snap: async ({ page }, use) => {
    await use(async (name) => {
      await page.screenshot({ path: join('tests/e2e/screenshots', `${name}.png`), fullPage: true });
    });
  },
});

export { expect };
