// Foundation journeys: every route renders, the renderer cannot reach the network, and the
// router refuses unknown operations, invalid payloads and oversized payloads.
import AxeBuilder from '@axe-core/playwright';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { createVaultThroughUi } from './journeys';

test('every route renders in the app frame and passes axe', async ({ page, snap }) => {
  await createVaultThroughUi(page);
  for (const [label, heading, shot] of [
    ['Dashboard', 'Dashboard', 'route-dashboard'],
    ['Cases', 'Cases', 'route-cases'],
    ['Search', 'Search', 'route-search'],
    ['Settings', 'Settings', 'route-settings'],
  ] as const) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
    await expect(page.getByRole('heading', { name: heading, level: 2 })).toBeVisible();
    await expect(page).toHaveTitle('Hearth');
    await snap(shot);
    const axe = await new AxeBuilder({ page }).analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `axe on ${label}`).toEqual([]);
  }
});

test('the renderer cannot reach the network', async ({ page }) => {
  let hits = 0;
  const server: Server = createServer((_req, res) => {
    hits += 1;
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await expect(page.getByRole('heading', { name: 'Set up your vault' })).toBeVisible();
    const outcomes = await page.evaluate(async (url) => {
      const results: Record<string, string> = {};
      try {
        await fetch(`${url}/fetch`);
        results.fetch = 'loaded';
      } catch {
        results.fetch = 'blocked';
      }
      results.img = await new Promise<string>((resolve) => {
        const img = new Image();
        img.onload = () => resolve('loaded');
        img.onerror = () => resolve('blocked');
        img.src = `${url}/img.png`;
      });
      results.script = await new Promise<string>((resolve) => {
        const s = document.createElement('script');
        s.onload = () => resolve('loaded');
        s.onerror = () => resolve('blocked');
        s.src = `${url}/script.js`;
        document.head.appendChild(s);
      });
      results.xhr = await new Promise<string>((resolve) => {
        const xhr = new XMLHttpRequest();
        xhr.onload = () => resolve('loaded');
        xhr.onerror = () => resolve('blocked');
        try {
          xhr.open('GET', `${url}/xhr`);
          xhr.send();
        } catch {
          resolve('blocked');
        }
      });
      return results;
    }, base);
    expect(outcomes).toEqual({ fetch: 'blocked', img: 'blocked', script: 'blocked', xhr: 'blocked' });
    // Give any stray request time to arrive before counting.
    await page.waitForTimeout(500);
    expect(hits).toBe(0);
  } finally {
    server.close();
  }
});

test('the bridge exposes only typed operations, and the router refuses bad input', async ({ page, app }) => {
  await expect(page.getByRole('heading', { name: 'Set up your vault' })).toBeVisible();
  const surface = await page.evaluate(() => ({
    hasIpcRenderer: 'ipcRenderer' in window || 'ipcRenderer' in (window.hearth as object),
    hasInvoke: 'invoke' in (window.hearth as object),
    hasRequire: typeof (window as unknown as { require?: unknown }).require !== 'undefined',
    ping: typeof window.hearth.ping,
  }));
  expect(surface).toEqual({ hasIpcRenderer: false, hasInvoke: false, hasRequire: false, ping: 'function' });

  const unknown = (await app.rawInvoke('dropAllTables', {})) as { ok: boolean; error: { code: string } };
  expect(unknown.ok).toBe(false);
  expect(unknown.error.code).toBe('UNKNOWN_OPERATION');

  const invalid = await page.evaluate(() => window.hearth.ping({ text: 42 as unknown as string }));
  expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

  const tooBig = await page.evaluate(() => window.hearth.ping({ text: 'x'.repeat(1_100_000) }));
  expect(tooBig).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });

  const locked = await page.evaluate(() => window.hearth.getSettings({}));
  expect(locked).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });

  // Still alive and answering after all of that.
  const pong = await page.evaluate(() => window.hearth.ping({ text: 'still here' }));
  expect(pong).toMatchObject({ ok: true, value: { text: 'still here' } });
  const status = await page.evaluate(() => window.hearth.getVaultStatus({}));
  expect(status).toMatchObject({ ok: true, value: { state: 'none' } });
});
