// Window and session hardening: the security baseline from design.md, applied to the objects
// Electron hands us. Typed against Electron's own typings; unit-tested with fakes.
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { APP_ORIGIN, APP_SCHEME } from './appProtocol';

export function secureWebPreferences(preloadPath: string, devTools: boolean): BrowserWindowConstructorOptions['webPreferences'] {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
    devTools,
  };
}

/**
 * True for URLs the app may load: its own app:// files, the DevTools front end in development,
 * and, only in development, the Vite dev server.
 */
export function isAppUrl(url: string, devServerOrigin?: string): boolean {
  if (url.startsWith(`${APP_ORIGIN}/`)) return true;
  if (url.startsWith('devtools://')) return true;
  if (devServerOrigin && (url === devServerOrigin || url.startsWith(`${devServerOrigin}/`))) return true;
  return false;
}

export interface SessionHardeningOptions {
  devServerOrigin?: string;
}

/** Denies every permission and cancels every request that is not for the app's own files. */
export function hardenSession(session: Session, options: SessionHardeningOptions = {}): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAppUrl(details.url, options.devServerOrigin) });
  });
  // Downloads are never started by the page; exports go through main-process dialogs.
  session.on('will-download', (event) => event.preventDefault());
}

/** Denies navigation away from the app, new windows and webviews. */
export function hardenWebContents(contents: WebContents, options: SessionHardeningOptions = {}): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, options.devServerOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, options.devServerOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export const privilegedSchemes = [
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: true },
  },
];
