// The window and session hardening, exercised with fakes of Electron's objects: the assertions
// are on the options and decisions our code actually hands to Electron.
import { EventEmitter } from 'node:events';
import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { hardenSession, hardenWebContents, isAppUrl } from './security';
import { createMainWindow } from './window';

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
}

function fire(contents: EventEmitter, name: string, url: string): boolean {
  let prevented = false;
  contents.emit(name, { preventDefault: () => (prevented = true) }, url);
  return prevented;
}

function fakeSession() {
  const captured: {
    permission?: (wc: unknown, permission: string, cb: (granted: boolean) => void) => void;
    check?: () => boolean;
    device?: () => boolean;
    request?: (details: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
  } = {};
  const emitter = new EventEmitter();
  const session = Object.assign(emitter, {
    setPermissionRequestHandler: (h: typeof captured.permission) => (captured.permission = h),
    setPermissionCheckHandler: (h: typeof captured.check) => (captured.check = h),
    setDevicePermissionHandler: (h: typeof captured.device) => (captured.device = h),
    webRequest: { onBeforeRequest: (h: typeof captured.request) => (captured.request = h) },
  });
  return { session: session as unknown as Session, captured, emitter };
}

describe('createMainWindow', () => {
  it('passes secure webPreferences to the BrowserWindow constructor', () => {
    let options: BrowserWindowConstructorOptions | undefined;
    const contents = new FakeContents();
    class FakeWindow extends EventEmitter {
      webContents = contents;
      constructor(o: BrowserWindowConstructorOptions) {
        super();
        options = o;
      }
      show() {}
    }
    createMainWindow(FakeWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow, { preloadPath: '/app/preload.cjs', devTools: false });
    const prefs = options?.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      preload: '/app/preload.cjs',
    });
    expect(options?.title).toBe('Hearth');
    // Window open is denied, navigation away is prevented.
    expect(contents.openHandler?.({ url: 'https://example.org' })).toEqual({ action: 'deny' });
    expect(fire(contents, 'will-navigate', 'https://example.org/')).toBe(true);
    expect(fire(contents, 'will-navigate', 'app://hearth/index.html')).toBe(false);
  });

  it('enables DevTools only when asked (development)', () => {
    let options: BrowserWindowConstructorOptions | undefined;
    class FakeWindow extends EventEmitter {
      webContents = new FakeContents();
      constructor(o: BrowserWindowConstructorOptions) {
        super();
        options = o;
      }
    }
    createMainWindow(FakeWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow, { preloadPath: 'p', devTools: true });
    expect(options?.webPreferences?.devTools).toBe(true);
  });

  it('keeps the OS window title fixed whatever the page sets', () => {
    const contents = new FakeContents();
    class FakeWindow extends EventEmitter {
      webContents = contents;
    }
    const win = createMainWindow(FakeWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow, { preloadPath: 'p', devTools: false }) as unknown as EventEmitter;
    let prevented = false;
    win.emit('page-title-updated', { preventDefault: () => (prevented = true) }, 'Amira Khan – case notes');
    expect(prevented).toBe(true);
  });
});

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    const { session, captured } = fakeSession();
    hardenSession(session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      captured.permission?.({}, permission, (g) => (granted = g));
      expect(granted).toBe(false);
    }
    expect(captured.check?.()).toBe(false);
    expect(captured.device?.()).toBe(false);
  });

  it('cancels every request that is not for the app’s own files', () => {
    const { session, captured } = fakeSession();
    hardenSession(session);
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      captured.request?.({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('app://hearth/index.html')).toBe(false);
    expect(decide('app://hearth/assets/index.js')).toBe(false);
    expect(decide('https://example.org/')).toBe(true);
    expect(decide('http://127.0.0.1:8080/')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(decide('app://evil/index.html')).toBe(true);
    expect(decide('ws://localhost:5173/')).toBe(true);
  });

  it('allows the Vite dev server only when one is configured', () => {
    expect(isAppUrl('http://localhost:5173/src/main.tsx')).toBe(false);
    expect(isAppUrl('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:51730/x', 'http://localhost:5173')).toBe(false);
  });

  it('prevents downloads started by the page', () => {
    const { session, emitter } = fakeSession();
    hardenSession(session);
    let prevented = false;
    emitter.emit('will-download', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });
});

describe('hardenWebContents', () => {
  it('denies webviews, redirects away and new windows', () => {
    const contents = new FakeContents();
    hardenWebContents(contents as unknown as WebContents);
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(fire(contents, 'will-redirect', 'https://example.org/')).toBe(true);
    expect(contents.openHandler?.({ url: 'app://hearth/index.html' })).toEqual({ action: 'deny' });
  });
});
