// Creates the one main window with the secure preferences and hardening applied.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { hardenWebContents, secureWebPreferences, type SessionHardeningOptions } from './security';

export interface MainWindowOptions extends SessionHardeningOptions {
  preloadPath: string;
  devTools: boolean;
}

type WindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export function createMainWindow(Window: WindowConstructor, options: MainWindowOptions): BrowserWindow {
  const win = new Window({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    // A fixed title: the window title never carries a person's name or case details.
    title: 'Hearth',
    backgroundColor: '#f7f6f3',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(options.preloadPath, options.devTools),
  });
  // Pages may set document.title; keep the OS-level title fixed regardless.
  win.on('page-title-updated', (event) => event.preventDefault());
  hardenWebContents(win.webContents, options);
  win.once('ready-to-show', () => win.show());
  return win;
}
