// Electron entry point: app lifecycle only. Builds the services and router (plain Node), then
// the secure window, protocol and IPC wiring (main/electron). Keep this file thin.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, powerMonitor, protocol, session, type WebContents } from 'electron';
import { handlers } from './handlers';
import { createRouter } from './router/router';
import { systemClock } from './services/clock';
import { log } from './services/log';
import { createServices, shutdownServices, startServices } from './services/services';
import { resolveDataDir } from './services/dataDir';
import { APP_ENTRY_URL, APP_SCHEME, serveAppFile } from './electron/appProtocol';
import { createFileDialogs, createPowerSource, createWindowShell } from './electron/adapters';
import { registerIpc } from './electron/ipc';
import { hardenSession, privilegedSchemes } from './electron/security';
import { createMainWindow } from './electron/window';

const isDev = !app.isPackaged && process.env.NODE_ENV !== 'production';
const devServerUrl = isDev ? process.env.ELECTRON_RENDERER_URL : undefined;
const devServerOrigin = devServerUrl ? new URL(devServerUrl).origin : undefined;

const dataDir = resolveDataDir(process.env, app.getPath('userData'));
// Chromium's own profile lives beside the vault, never in a shared temp folder.
app.setPath('sessionData', join(dataDir, 'chromium-profile'));

protocol.registerSchemesAsPrivileged(privilegedSchemes);
// British date inputs (dd/mm/yyyy) whatever the system language.
app.commandLine.appendSwitch('lang', 'en-GB');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  const mainContents = (): WebContents | null => mainWindow?.webContents ?? null;

  const services = createServices({
    config: { dataDir, appName: 'Hearth', appVersion: app.getVersion(), runtime: 'electron', platform: process.platform },
    clock: systemClock,
    shell: createWindowShell(() => mainWindow),
    power: createPowerSource(powerMonitor),
    dialogs: createFileDialogs(dialog, () => mainWindow),
    autoSnapshots: true,
  });
  const router = createRouter(handlers, services);

  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  void app.whenReady().then(() => {
    const rendererRoot = join(import.meta.dirname, '../renderer');
    protocol.handle(APP_SCHEME, (request) => serveAppFile(rendererRoot, request.url));
    hardenSession(session.defaultSession, devServerOrigin ? { devServerOrigin } : {});
    registerIpc(ipcMain, router, mainContents, devServerOrigin);
    startServices(services);

    mainWindow = createMainWindow(BrowserWindow, {
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      devTools: isDev,
      ...(devServerOrigin ? { devServerOrigin } : {}),
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    void mainWindow.loadURL(devServerUrl ?? APP_ENTRY_URL);
    log.info('app.ready', { dev: isDev });
  });

  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => shutdownServices(services));
}
