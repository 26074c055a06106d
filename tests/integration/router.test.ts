// The router's refusals, through the real handlers and a real vault: unknown operations, invalid
// and oversized payloads, untrusted senders and locked-vault calls each get a typed error, the
// process carries on, and nothing in the vault changes. Logs never carry record content.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationNames } from '../../contract';
import { setLogSink, type LogFields } from '../../main/services/log';
import { openHarness, vaultFingerprint, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.close());

describe('router refusals', () => {
  it('refuses an unknown operation with a typed error', async () => {
    const before = vaultFingerprint(h);
    for (const name of ['dropAllTables', '__proto__', 'constructor', 'toString', '', 42, null, undefined]) {
      const result = await h.router.dispatch(name, {}, { trusted: true });
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    }
    expect(vaultFingerprint(h)).toBe(before);
  });

  it('refuses a payload that fails its schema, naming the field but not echoing it', async () => {
    const result = await h.raw('createPerson', { fullName: 42 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(Object.keys(result.error.fields ?? {})).toContain('fullName');
    expect(JSON.stringify(result.error)).not.toMatch(/stack|SQLITE|\/tmp\//i);
  });

  it('refuses text holding a NUL character with a clear message (found by the property test)', async () => {
    const before = vaultFingerprint(h);
    const result = await h.raw('createParty', { name: '\u0000', kind: 'other', organisation: '', jobTitle: '', phone: '', email: '', address: '', notes: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { name: 'This contains a character that cannot be stored. Please retype it.' } } });
    expect(vaultFingerprint(h)).toBe(before);
  });

  it('refuses a payload over the size limit before parsing it', async () => {
    const before = vaultFingerprint(h);
    const result = await h.raw('ping', { text: 'x'.repeat(1024 * 1024 + 10) });
    expect(result).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(await h.raw('ping', cyclic)).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(vaultFingerprint(h)).toBe(before);
  });

  it('refuses a sender that is not the app’s own frame', async () => {
    const result = await h.router.dispatch('getSettings', {}, { trusted: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('answers every operation with a Result for arbitrary payloads, never a crash or INTERNAL', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...operationNames.filter((n) => !['lockVault', 'createVault', 'restoreBackup', 'exportBackup', 'chooseBackupFile', 'rotateRecoveryKey', 'changePassphrase'].includes(n))), fc.anything(), async (name, payload) => {
        const result = await h.raw(name, payload);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.error.code).not.toBe('INTERNAL');
      }),
      { numRuns: 300 },
    );
    expect(h.services.vault.isUnlocked()).toBe(true);
  });
});

describe('locked vault', () => {
  it('refuses record operations while locked, and allows only the few lock-screen ones', async () => {
    const h2 = await openHarness();
    try {
      await h2.ok('lockVault', {});
      expect(await h2.raw('listCases', { sort: 'title' })).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
      expect(await h2.raw('getSettings', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
      expect(await h2.raw('getVaultStatus', {})).toMatchObject({ ok: true, value: { state: 'locked', practitionerName: null } });
    } finally {
      h2.close();
    }
  });
});

describe('logging', () => {
  it('never writes record content, names or secrets to the log', async () => {
    const entries: { event: string; fields: LogFields }[] = [];
    setLogSink((_level, event, fields) => entries.push({ event, fields }));
    const canary = 'CanaryZebra7731';
    const h3 = await openHarness({ practitionerName: `${canary} Practitioner` });
    try {
      const person = await h3.ok('createPerson', {
        fullName: `${canary} Person`, preferredName: canary, pronouns: '', dateOfBirth: null, phone: '', email: '', address: canary, languages: '',
        interpreterNeeded: false, accessibilityNeeds: canary, importantPeople: '', communication: { modes: [], bestWays: canary, whatHelps: '', whatToAvoid: '' },
      });
      await h3.raw('createPerson', { fullName: { evil: canary } });
      await h3.raw('unlockVault', { method: 'passphrase', secret: canary });
      await h3.ok('lockVault', {});
      await h3.raw('unlockVault', { method: 'passphrase', secret: `${canary}-wrong` });
      expect(person.fullName).toContain(canary);
      expect(entries.length).toBeGreaterThan(0);
      expect(JSON.stringify(entries)).not.toContain(canary);
    } finally {
      setLogSink(null);
      h3.close();
    }
  });
});
