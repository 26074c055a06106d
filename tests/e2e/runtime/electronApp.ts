// The Electron runtime: launches the real, built app with Playwright's _electron.
import { _electron as electron } from '@playwright/test';
import type { AppHandle } from './types';

export async function launchElectronApp(executable: string, dataDir: string): Promise<AppHandle> {
  const app = await electron.launch({
    executablePath: executable,
    args: ['.'],
    env: { ...process.env, HEARTH_DATA_DIR: dataDir, NODE_ENV: 'production' } as Record<string, string>,
  });
  const page = await app.firstWindow();
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  return {
    runtime: 'electron',
    page,
    dataDir,
    async emitPowerEvent(event) {
      await app.evaluate(({ powerMonitor }, e) => powerMonitor.emit(e), event);
    },
    async rawInvoke(name, payload) {
      // Electron gives the page no generic invoke: the only route is a typed bridge function.
      return page.evaluate(
        ([n, p]) => {
          const fn = (window.hearth as unknown as Record<string, ((p: unknown) => Promise<unknown>) | undefined>)[n];
          return fn ? fn(p) : { ok: false, error: { code: 'UNKNOWN_OPERATION', message: 'not exposed' } };
        },
        [name, payload] as const,
      );
    },
    async setNextFileChoice(path) {
      // Electron's dialogs are native windows Playwright cannot click: answer them in the main process.
      await app.evaluate(({ dialog }, file) => {
        dialog.showSaveDialog = (async () => ({ canceled: file === null, filePath: file ?? '' })) as typeof dialog.showSaveDialog;
        dialog.showOpenDialog = (async () => ({ canceled: file === null, filePaths: file ? [file] : [] })) as typeof dialog.showOpenDialog;
      }, path);
    },
    close: () => app.close(),
  };
}
