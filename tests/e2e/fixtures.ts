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
  /** Starts another copy of the app on a fresh data directory: a new laptop. Closed after the test. */
  launchFreshApp: () => Promise<AppHandle>;
  page: Page;
  /** Saves a screenshot under tests/e2e/screenshots for a person to look at. */
  snap: (name: string) => Promise<void>;
}

async function launch(dataDir: string): Promise<AppHandle> {
  const runtime = chooseRuntime();
  return runtime.kind === 'electron' ? launchElectronApp(runtime.executable, dataDir) : launchChromiumHarness(runtime.executable, dataDir);
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'hearth-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  app: async ({ dataDir }, use) => {
    const app = await launch(dataDir);
    await use(app);
    await app.close();
  },
  // eslint-disable-next-line no-empty-pattern
  launchFreshApp: async ({}, use) => {
    const started: { app: AppHandle; dir: string }[] = [];
    await use(async () => {
      const dir = await mkdtemp(join(tmpdir(), 'hearth-e2e-fresh-'));
      const app = await launch(dir);
      started.push({ app, dir });
      return app;
    });
    for (const { app, dir } of started) {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
  page: async ({ app }, use) => {
    await use(app.page);
  },
  snap: async ({ page }, use) => {
    await use(async (name) => {
      await page.screenshot({ path: join('tests/e2e/screenshots', `${name}.png`) });
    });
  },
});

export { expect };
