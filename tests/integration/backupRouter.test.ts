// Backups as the app drives them, through the router: export to the chosen file, check it,
// refuse a wrong passphrase, restore over the current vault (safety copy kept, vault locked
// afterwards), the "no backup for N days" reminder, and the daily snapshot.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_PASSPHRASE, makeTempDir } from '../../db/testing';
import { manualClock, openHarness, type Harness } from './harness';

const open: Harness[] = [];
afterEach(() => {
  for (const h of open.splice(0)) h.close();
});

async function harnessWithFile(file: string, clock = manualClock('2026-11-23T10:00:00Z'), autoSnapshots = false) {
  const h = await openHarness({ clock, autoSnapshots, dialogs: { chooseSaveFile: async () => file, chooseOpenFile: async () => file } });
  open.push(h);
  return h;
}

const person = {
  fullName: 'Daniel Price', preferredName: 'Dan', pronouns: 'he/him', dateOfBirth: null, phone: '', email: '', address: '', languages: 'English',
  interpreterNeeded: false, accessibilityNeeds: '', importantPeople: '', communication: { modes: ['words' as const], bestWays: '', whatHelps: '', whatToAvoid: '' },
};

describe('backups through the router', () => {
  it('exports, checks, refuses a wrong passphrase, and restores over the current vault', async () => {
    const file = join(makeTempDir('hearth-usb-'), 'practice.hearthbackup');
    const h = await harnessWithFile(file);
    await h.ok('createPerson', person);

    const exported = await h.ok('exportBackup', {});
    expect(exported).toMatchObject({ saved: true, fileName: 'practice.hearthbackup' });
    expect(exported.summary?.counts.people).toBe(1);
    expect((await h.ok('getBackupStatus', {})).lastExportedAt).toBe('2026-11-23T10:00:00.000Z');

    const { token } = await h.ok('chooseBackupFile', {});
    expect(token).toBeTruthy();
    expect(await h.err('checkBackup', { token, method: 'passphrase', secret: 'not the passphrase' })).toMatchObject({ code: 'WRONG_SECRET' });
    expect((await h.ok('checkBackup', { token: token!, method: 'passphrase', secret: TEST_PASSPHRASE })).counts.people).toBe(1);
    expect(await h.err('checkBackup', { token: 'made-up', method: 'passphrase', secret: TEST_PASSPHRASE })).toMatchObject({ code: 'REFUSED' });

    // A change after the backup, which the restore must roll back.
    await h.ok('createPerson', { ...person, fullName: 'Added Later' });
    const restored = await h.ok('restoreBackup', { token: token!, method: 'passphrase', secret: TEST_PASSPHRASE });
    expect(restored.safetyCopy).toMatch(/^2026-11-23T10-00-00/);
    expect(h.services.vault.isUnlocked()).toBe(false);
    await h.ok('unlockVault', { method: 'passphrase', secret: TEST_PASSPHRASE });
    expect((await h.ok('listPeople', {})).people.map((p) => p.fullName)).toEqual(['Daniel Price']);

    const status = await h.ok('getBackupStatus', {});
    expect(status.safetyCopies).toEqual([restored.safetyCopy]);
    await h.ok('removeSafetyCopy', { name: restored.safetyCopy! });
    expect((await h.ok('getBackupStatus', {})).safetyCopies).toEqual([]);
    expect(await h.err('removeSafetyCopy', { name: '../../etc' })).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('does nothing when the practitioner cancels the dialog', async () => {
    const h = await openHarness();
    open.push(h);
    expect(await h.ok('exportBackup', {})).toEqual({ saved: false, fileName: null, summary: null });
    expect(await h.ok('chooseBackupFile', {})).toEqual({ token: null, fileName: null });
  });

  it('reminds after the configured number of days without a backup', async () => {
    const clock = manualClock('2026-11-23T10:00:00Z');
    const file = join(makeTempDir('hearth-usb-'), 'b.hearthbackup');
    const h = await harnessWithFile(file, clock);
    expect((await h.ok('getBackupStatus', {})).reminderDue).toBe(false);
    clock.advance(8 * 24 * 3600 * 1000);
    expect((await h.ok('getBackupStatus', {})).reminderDue).toBe(true);
    await h.ok('exportBackup', {});
    expect((await h.ok('getBackupStatus', {})).reminderDue).toBe(false);
    await h.ok('updateSettings', { backupReminderDays: 2 });
    clock.advance(3 * 24 * 3600 * 1000);
    expect((await h.ok('getBackupStatus', {})).reminderDue).toBe(true);
  });

  it('takes the daily snapshot on unlock, inside the snapshots folder only', async () => {
    const h = await harnessWithFile(join(makeTempDir('hearth-usb-'), 'x.hearthbackup'), manualClock('2026-11-23T10:00:00Z'), true);
    await h.services.backup.snapshotIfDue();
    const dir = join(h.dir, 'snapshots');
    expect(existsSync(dir)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.hearthbackup'))).toHaveLength(1);
    await h.services.backup.snapshotIfDue();
    expect(readdirSync(dir).filter((f) => f.endsWith('.hearthbackup'))).toHaveLength(1);
    expect((await h.ok('getBackupStatus', {})).snapshotCount).toBe(1);
  });
});

describe('check vault integrity (in the worker thread)', () => {
  it('reports a healthy vault, then names a damaged page without any record content', async () => {
    const h = await openHarness();
    open.push(h);
    await h.ok('createPerson', person);
    expect(await h.ok('checkVaultIntegrity', {})).toMatchObject({ ok: true, problems: [] });

    const { openSync, writeSync, readSync, fstatSync, closeSync } = await import('node:fs');
    const path = join(h.dir, 'vault.db');
    const fd = openSync(path, 'r+');
    try {
      const pages = fstatSync(fd).size / 4096;
      const at = (pages - 1) * 4096 + 100;
      const byte = Buffer.alloc(1);
      readSync(fd, byte, 0, 1, at);
      byte[0]! ^= 0xff;
      writeSync(fd, byte, 0, 1, at);
      const result = await h.ok('checkVaultIntegrity', {});
      expect(result.ok).toBe(false);
      expect(result.problems.join('\n')).toMatch(/Page \d+ failed its authentication check/);
      expect(result.problems.join('\n')).not.toContain('Daniel');
    } finally {
      closeSync(fd);
    }
  });
});
