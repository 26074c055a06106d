// The vault's lifecycle through the router: create, unlock, wrong passphrase with back-off, the
// recovery key, change passphrase, rotate the recovery key, settings, integrity, and auto-lock on
// each trigger (idle, suspend, screen lock) with the renderer asked to save drafts first.
import { describe, expect, it } from 'vitest';
import { TEST_KDF, makeTempDir } from '../../db/testing';
import { handlers } from '../../main/handlers';
import { createRouter } from '../../main/router/router';
import type { Clock } from '../../main/services/clock';
import { createServices, shutdownServices } from '../../main/services/services';
import type { PowerEvent } from '../../main/services/shell';

const PASS = 'lantern orchard kettle heather';

function fakeClock() {
  let now = Date.parse('2026-11-23T09:00:00Z');
  const intervals = new Map<number, { fn: () => void; ms: number; next: number }>();
  const timeouts = new Map<number, { fn: () => void; at: number }>();
  let id = 0;
  const clock: Clock & { advance(ms: number): void } = {
    now: () => now,
    setInterval: (fn, ms) => (intervals.set(++id, { fn, ms, next: now + ms }), id),
    clearInterval: (h) => void intervals.delete(h as number),
    setTimeout: (fn, ms) => (timeouts.set(++id, { fn, at: now + ms }), id),
    clearTimeout: (h) => void timeouts.delete(h as number),
    advance(ms) {
      const end = now + ms;
      while (now < end) {
        now = Math.min(end, now + 1000);
        for (const t of intervals.values()) {
          if (t.next > now) continue;
          t.next += t.ms;
          t.fn();
        }
        for (const [k, t] of timeouts) {
          if (t.at > now) continue;
          timeouts.delete(k);
          t.fn();
        }
      }
    },
  };
  return clock;
}

function setup() {
  const dir = makeTempDir('hearth-life-');
  const clock = fakeClock();
  const emitted: { name: string; payload: unknown }[] = [];
  let reloads = 0;
  const power = new Set<(e: PowerEvent) => void>();
  const services = createServices({
    config: { dataDir: dir, appName: 'Hearth', appVersion: 't', runtime: 'harness', platform: process.platform },
    clock,
    shell: { emit: (name, payload) => emitted.push({ name, payload }), reloadRenderer: () => void reloads++ },
    power: { onPowerEvent: (l) => (power.add(l), () => power.delete(l)) },
    dialogs: { chooseSaveFile: async () => null, chooseOpenFile: async () => null },
    autoSnapshots: false,
    kdf: TEST_KDF,
    lockFlushTimeoutMs: 2000,
  });
  services.lock.start();
  const router = createRouter(handlers, services);
  const call = (name: string, payload: unknown = {}) => router.dispatch(name, payload, { trusted: true });
  return { dir, clock, emitted, reloads: () => reloads, power: (e: PowerEvent) => power.forEach((l) => l(e)), services, call, close: () => shutdownServices(services) };
}

describe('vault lifecycle through the router', () => {
  it('create → lock → wrong passphrase → unlock → recovery key → change passphrase → rotate key', async () => {
    const t = setup();
    try {
      expect(await t.call('getVaultStatus')).toMatchObject({ ok: true, value: { state: 'none' } });
      const created = await t.call('createVault', { practitionerName: 'Jo Whitfield', passphrase: PASS });
      expect(created.ok).toBe(true);
      const recoveryKey = created.ok ? (created.value as { recoveryKey: string }).recoveryKey : '';
      expect(await t.call('createVault', { practitionerName: 'X', passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'VAULT_EXISTS' } });
      expect(await t.call('lockVault')).toMatchObject({ ok: true });
      expect(await t.call('unlockVault', { method: 'passphrase', secret: 'not the passphrase' })).toMatchObject({ ok: false, error: { code: 'WRONG_SECRET', message: "That passphrase doesn't match this vault." } });
      expect(await t.call('unlockVault', { method: 'passphrase', secret: PASS })).toMatchObject({ ok: true, value: { practitionerName: 'Jo Whitfield' } });
      await t.call('lockVault');
      expect(await t.call('unlockVault', { method: 'recoveryKey', secret: recoveryKey.toLowerCase().replaceAll('-', ' ') })).toMatchObject({ ok: true });

      const next = 'copper violin meadow harbour';
      expect(await t.call('changePassphrase', { current: 'wrong one', next })).toMatchObject({ ok: false, error: { code: 'WRONG_SECRET' } });
      expect(await t.call('changePassphrase', { current: PASS, next })).toMatchObject({ ok: true });
      const rotated = await t.call('rotateRecoveryKey', { passphrase: next });
      expect(rotated.ok).toBe(true);
      await t.call('lockVault');
      expect(await t.call('unlockVault', { method: 'passphrase', secret: PASS })).toMatchObject({ ok: false, error: { code: 'WRONG_SECRET' } });
      expect(await t.call('unlockVault', { method: 'recoveryKey', secret: recoveryKey })).toMatchObject({ ok: false, error: { code: 'WRONG_SECRET' } });
      expect(await t.call('unlockVault', { method: 'passphrase', secret: next })).toMatchObject({ ok: true });
      expect(await t.call('checkVaultIntegrity')).toMatchObject({ ok: true, value: { ok: true, problems: [] } });
    } finally {
      t.close();
    }
  });

  it('after five wrong passphrases, makes each further try wait longer', async () => {
    const t = setup();
    try {
      await t.call('createVault', { practitionerName: 'Jo', passphrase: PASS });
      await t.call('lockVault');
      for (let i = 0; i < 5; i++) expect(await t.call('unlockVault', { method: 'passphrase', secret: `wrong ${i}` })).toMatchObject({ error: { code: 'WRONG_SECRET' } });
      // Even the right passphrase must wait now.
      expect(await t.call('unlockVault', { method: 'passphrase', secret: PASS })).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS' } });
      const status = await t.call('getVaultStatus');
      expect(status.ok && (status.value as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
      t.clock.advance(2000);
      expect(await t.call('unlockVault', { method: 'passphrase', secret: 'wrong again' })).toMatchObject({ error: { code: 'WRONG_SECRET' } });
      t.clock.advance(2000);
      expect(await t.call('unlockVault', { method: 'passphrase', secret: PASS })).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS' } });
      t.clock.advance(2000);
      expect(await t.call('unlockVault', { method: 'passphrase', secret: PASS })).toMatchObject({ ok: true });
    } finally {
      t.close();
    }
  });

  it.each([
    ['idle', (t: ReturnType<typeof setup>) => t.clock.advance(5 * 60 * 1000 + 5000)],
    ['suspend', (t: ReturnType<typeof setup>) => t.power('suspend')],
    ['screen-lock', (t: ReturnType<typeof setup>) => t.power('lock-screen')],
  ] as const)('auto-locks on %s, asking the renderer to save drafts first', async (reason, trigger) => {
    const t = setup();
    try {
      await t.call('createVault', { practitionerName: 'Jo', passphrase: PASS });
      trigger(t);
      const request = t.emitted.find((e) => e.name === 'lockRequested');
      expect(request?.payload).toMatchObject({ reason });
      // Not locked until the renderer confirms its drafts are saved.
      expect(t.services.vault.isUnlocked()).toBe(true);
      await t.call('confirmReadyToLock', { requestId: (request!.payload as { requestId: string }).requestId });
      await new Promise((r) => setTimeout(r, 0));
      expect(t.services.vault.isUnlocked()).toBe(false);
      expect(t.reloads()).toBe(1);
      expect(await t.call('listCases', { sort: 'title' })).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    } finally {
      t.close();
    }
  });

  it('locks anyway when the renderer never answers', async () => {
    const t = setup();
    try {
      await t.call('createVault', { practitionerName: 'Jo', passphrase: PASS });
      t.power('suspend');
      expect(t.services.vault.isUnlocked()).toBe(true);
      t.clock.advance(2500);
      await new Promise((r) => setTimeout(r, 0));
      expect(t.services.vault.isUnlocked()).toBe(false);
    } finally {
      t.close();
    }
  });

  it('honours the configured auto-lock minutes (1–60) and refuses values outside them', async () => {
    const t = setup();
    try {
      await t.call('createVault', { practitionerName: 'Jo', passphrase: PASS });
      expect(await t.call('updateSettings', { autoLockMinutes: 0 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await t.call('updateSettings', { autoLockMinutes: 61 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await t.call('updateSettings', { autoLockMinutes: 20 })).toMatchObject({ ok: true, value: { autoLockMinutes: 20 } });
      t.clock.advance(10 * 60 * 1000);
      expect(t.emitted.some((e) => e.name === 'lockRequested')).toBe(false);
      t.clock.advance(11 * 60 * 1000);
      expect(t.emitted.some((e) => e.name === 'lockRequested')).toBe(true);
    } finally {
      t.close();
    }
  });
});
