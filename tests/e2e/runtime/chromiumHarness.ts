// The Chromium harness: loads the Vite-built renderer in Debian's Chromium and installs
// window.hearth through a Playwright binding that calls the REAL main-process router (same
// validation, same handlers, a real encrypted vault in the test's data directory).
import { chromium, type Browser } from '@playwright/test';
import { resolve } from 'node:path';
import { channelFor, eventNames, operationNames } from '../../../contract';
import { TEST_KDF } from '../../../db/testing';
import { handlers } from '../../../main/handlers';
import { createRouter } from '../../../main/router/router';
import { systemClock } from '../../../main/services/clock';
import { createServices, shutdownServices, startServices } from '../../../main/services/services';
import type { PowerEvent } from '../../../main/services/shell';
import { APP_ORIGIN, serveAppFile } from '../../../main/electron/appProtocol';
import type { AppHandle } from './types';

/** The origin the harness serves the renderer from. Requests to it never reach a network. */
export const HARNESS_ORIGIN = 'http://hearth.invalid';
const rendererRoot = resolve('out/renderer');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--lang=en-GB',
];

let sharedBrowser: Promise<Browser> | null = null;
function browser(executable: string): Promise<Browser> {
  sharedBrowser ??= chromium.launch({ executablePath: executable, args: CHROMIUM_ARGS, headless: true });
  return sharedBrowser;
}

/** Runs in the page before any app script: builds window.hearth from the operation names. */
function installBridge({ names, events }: { names: string[]; events: string[] }) {
  type Listener = (payload: unknown) => void;
  const listeners = new Map<string, Set<Listener>>();
  const w = window as unknown as Record<string, unknown> & { __hearthInvoke: (channel: string, payload: unknown) => Promise<unknown> };
  const invoke = w.__hearthInvoke;
  const api: Record<string, unknown> = {};
  for (const name of names) api[name] = (input: unknown) => invoke(`hearth:${name}`, input === undefined ? {} : input);
  api.on = (name: string, listener: Listener) => {
    if (!events.includes(name)) throw new Error('Unknown event');
    const set = listeners.get(name) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(name, set);
    return () => set.delete(listener);
  };
  Object.defineProperty(window, 'hearth', { value: Object.freeze(api), writable: false, configurable: false });
  Object.defineProperty(window, '__hearthEmit', {
    value: (name: string, payload: unknown) => listeners.get(name)?.forEach((l) => l(payload)),
  });
}

export async function launchChromiumHarness(executable: string, dataDir: string): Promise<AppHandle> {
  const context = await (await browser(executable)).newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' });
  const page = await context.newPage();

  const powerListeners = new Set<(event: PowerEvent) => void>();
  // Stands in for Electron's native file dialogs, which cannot run here.
  let nextFile: string | null = null;
  const answerDialog = async () => {
    const file = nextFile;
    nextFile = null;
    return file;
  };
  const services = createServices({
    config: { dataDir, appName: 'Hearth', appVersion: '0.1.0', runtime: 'harness', platform: process.platform },
    clock: systemClock,
    kdf: TEST_KDF,
    lockFlushTimeoutMs: 4000,
    shell: {
      emit: (name, payload) => void page.evaluate(([n, p]) => (window as unknown as { __hearthEmit: (n: string, p: unknown) => void }).__hearthEmit(n, p), [name, payload] as const).catch(() => undefined),
      reloadRenderer: () => void page.reload().catch(() => undefined),
    },
    power: {
      onPowerEvent: (listener) => {
        powerListeners.add(listener);
        return () => powerListeners.delete(listener);
      },
    },
    dialogs: { chooseSaveFile: answerDialog, chooseOpenFile: answerDialog },
    autoSnapshots: false,
  });
  startServices(services);
  const router = createRouter(handlers, services);

  await context.route(`${HARNESS_ORIGIN}/**`, async (route) => {
    const url = route.request().url().replace(HARNESS_ORIGIN, APP_ORIGIN);
    const response = await serveAppFile(rendererRoot, url);
    await route.fulfill({
      status: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      body: Buffer.from(await response.arrayBuffer()),
    });
  });

  await page.exposeBinding('__hearthInvoke', async (source, channel: unknown, payload: unknown) => {
    // Same rule as Electron's sender check: only the app's own top-level frame on its origin.
    const trusted = source.frame === source.page.mainFrame() && source.frame.url().startsWith(`${HARNESS_ORIGIN}/`);
    const name = typeof channel === 'string' && channel.startsWith(channelFor('')) ? channel.slice(channelFor('').length) : undefined;
    return router.dispatch(name, payload, { trusted });
  });
  await page.addInitScript(installBridge, { names: operationNames as string[], events: eventNames as string[] });
  await page.goto(`${HARNESS_ORIGIN}/index.html`);

  return {
    runtime: 'chromium-harness',
    page,
    dataDir,
    async emitPowerEvent(event) {
      for (const listener of powerListeners) listener(event);
      await Promise.resolve();
    },
    rawInvoke: (name, payload) =>
      page.evaluate(
        ([n, p]) => (window as unknown as { __hearthInvoke: (c: string, p: unknown) => Promise<unknown> }).__hearthInvoke(`hearth:${n}`, p),
        [name, payload] as const,
      ),
    async setNextFileChoice(path) {
      nextFile = path;
    },
    async close() {
      shutdownServices(services);
      await context.close();
    },
  };
}
