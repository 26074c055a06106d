// Restoring over a vault in use: the restored vault is swapped in, the previous one kept as a dated
// safety copy, and a crash at any point of the swap is finished (or undone) at the next start.
// Also the rolling snapshots as the app takes them.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import * as realFs from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openVault, type Vault } from '../../db/vault';
import { createTestVault, makeTempDir, type TestVault } from '../../db/testing';
import {
  completeInterruptedSwap,
  listSnapshots,
  newRestoreStagingDir,
  restoreBackup,
  snapshotDue,
  snapshotsDir,
  swapInRestoredVault,
  takeSnapshot,
  verifyBackup,
} from '../../main/services/backup';
import { runExport } from '../../main/services/backup/exportJob';
import { runRead } from '../../main/services/backup/readJob';
import { dumpTables, exportJobFor, seedRows } from '../../main/services/backup/testing';

// A power cut is simulated at the Nth rename: from then on every change to the disk fails, so
// neither the swap nor its own clean-up can take another step, just as if the process had died.
const crash = vi.hoisted(() => ({ afterRenames: null as number | null, count: 0, dead: false }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof realFs>();
  const guard =
    <A extends unknown[], R>(fn: (...args: A) => R, isRename = false) =>
    (...args: A): R => {
      if (isRename && crash.afterRenames !== null && crash.count++ >= crash.afterRenames) crash.dead = true;
      if (crash.dead) throw new Error('simulated power cut');
      return fn(...args);
    };
  return {
    ...fs,
    renameSync: guard(fs.renameSync, true),
    rmSync: guard(fs.rmSync),
    rmdirSync: guard(fs.rmdirSync),
    mkdirSync: guard(fs.mkdirSync),
    writeFileSync: guard(fs.writeFileSync),
  };
});

function revive(): void {
  crash.afterRenames = null;
  crash.dead = false;
  crash.count = 0;
}

let tv: TestVault;
let backup: string;
let atBackup: Record<string, unknown[]>;
let afterBackup: Record<string, unknown[]>;

beforeEach(async () => {
  revive();
  tv = await createTestVault();
  seedRows(tv.vault.db, 5, 10);
  atBackup = dumpTables(tv.vault.db);
  backup = join(makeTempDir('hearth-swap-backup-'), 'b.hearthbackup');
  // In this thread: the worker path is covered elsewhere, and these tests restore many times.
  await runExport(exportJobFor(tv, backup));
  seedRows(tv.vault.db, 3, 3); // written after the backup: must end up in the safety copy only
  afterBackup = dumpTables(tv.vault.db);
});

afterEach(() => {
  revive();
  tv.cleanup();
  rmSync(join(backup, '..'), { recursive: true, force: true });
});

async function rowsIn(dir: string): Promise<Record<string, unknown[]>> {
  const v: Vault = await openVault(dir, { passphrase: tv.passphrase }, { holdLock: false, readonly: true });
  try {
    return dumpTables(v.db);
  } finally {
    v.close();
  }
}

const vaultFiles = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('vault.')).sort();

async function restoredStaging(): Promise<string> {
  const staging = newRestoreStagingDir(tv.dir);
  await runRead({ path: backup, secret: { passphrase: tv.passphrase }, restoreTo: staging });
  return staging;
}

describe('swapping a restored vault in', () => {
  it('keeps the previous vault as a dated safety copy and puts the restored one in place', async () => {
    const staging = await restoredStaging();
    tv.vault.close(); // the app locks the vault first
    const { safetyCopyDir } = swapInRestoredVault(tv.dir, staging, new Date('2026-11-23T12:00:00Z'));
    expect(safetyCopyDir).toBe(join(tv.dir, 'safety-copies', '2026-11-23T12-00-00'));
    expect(vaultFiles(tv.dir)).toEqual(['vault.db', 'vault.key.json']);
    expect(await rowsIn(tv.dir)).toEqual(atBackup);
    expect(await rowsIn(safetyCopyDir!)).toEqual(afterBackup);
    expect(existsSync(staging)).toBe(false);
    expect(existsSync(join(tv.dir, 'swap-in-progress.json'))).toBe(false);
  });

  it('refuses while the vault is open, and changes nothing', async () => {
    const staging = await restoredStaging();
    expect(() => swapInRestoredVault(tv.dir, staging)).toThrow(expect.objectContaining({ problem: 'SWAP_REFUSED' }));
    expect(readdirSync(staging).sort()).toEqual(['vault.db', 'vault.key.json']);
    expect(existsSync(join(tv.dir, 'safety-copies'))).toBe(false);
    expect(dumpTables(tv.vault.db)).toEqual(afterBackup);
  });

  it('on a fresh install there is nothing to keep', async () => {
    const dataDir = makeTempDir('hearth-fresh-');
    try {
      const staging = newRestoreStagingDir(dataDir);
      await restoreBackup(backup, { recoveryKey: tv.recoveryKey }, staging);
      expect(swapInRestoredVault(dataDir, staging).safetyCopyDir).toBeNull();
      expect(await rowsIn(dataDir)).toEqual(atBackup);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('after a crash at any step, the next start finishes the swap', async () => {
    const outcomes: string[] = [];
    for (let step = 0; step < 10; step++) {
      const staging = await restoredStaging();
      if (tv.vault.isOpen) tv.vault.close();
      revive();
      crash.afterRenames = step;
      let crashed = false;
      try {
        swapInRestoredVault(tv.dir, staging, new Date(Date.UTC(2026, 10, 23, 12, 0, step)));
      } catch {
        crashed = true;
      }
      revive();
      // The process that held the vault's lock died with the power cut; its lock is stale now.
      rmSync(join(tv.dir, 'vault.lock'), { force: true });
      const outcome = completeInterruptedSwap(tv.dir);
      if (!crashed) {
        expect(outcome, `step ${step}`).toBe('none');
        break;
      }
      expect(['none', 'completed'], `step ${step}`).toContain(outcome);
      outcomes.push(outcome);
      // Either way the data folder holds one whole vault, never a mixture.
      const rows = await rowsIn(tv.dir);
      if (outcome === 'none') expect(rows, `step ${step}`).toEqual(afterBackup);
      else expect(rows, `step ${step}`).toEqual(atBackup);
      expect(existsSync(join(tv.dir, 'swap-in-progress.json'))).toBe(false);
      expect(readdirSync(tv.dir).filter((f) => f.startsWith('.swap-in-progress'))).toEqual([]);
      // Reset: the next round starts from the later state again.
      rmSync(join(tv.dir, 'restoring'), { recursive: true, force: true });
      if (outcome === 'completed') {
        const copies = readdirSync(join(tv.dir, 'safety-copies')).sort();
        const latest = join(tv.dir, 'safety-copies', copies.at(-1)!);
        for (const f of vaultFiles(tv.dir)) rmSync(join(tv.dir, f));
        for (const f of readdirSync(latest)) realFs.renameSync(join(latest, f), join(tv.dir, f));
      }
      expect(await rowsIn(tv.dir)).toEqual(afterBackup);
    }
    // Crashes before the journal was written change nothing; every later one is finished.
    expect(outcomes[0]).toBe('none');
    expect(outcomes.slice(1).every((o) => o === 'completed')).toBe(true);
    expect(outcomes.length).toBeGreaterThanOrEqual(5);
  });

  it('if the restored files vanished after a crash, the previous vault is put back', async () => {
    const staging = await restoredStaging();
    tv.vault.close();
    crash.afterRenames = 3; // journal written, previous vault partly moved out
    expect(() => swapInRestoredVault(tv.dir, staging)).toThrow();
    revive();
    rmSync(join(tv.dir, 'vault.lock'), { force: true });
    rmSync(staging, { recursive: true, force: true });
    expect(completeInterruptedSwap(tv.dir)).toBe('rolled-back');
    expect(await rowsIn(tv.dir)).toEqual(afterBackup);
  });
});

describe('rolling snapshots', () => {
  it('are taken into the snapshot folder, open like any backup, and once a day', async () => {
    const now = new Date('2026-11-23T09:30:00Z');
    expect(snapshotDue(snapshotsDir(tv.dir), now)).toBe(true);
    const { path } = await takeSnapshot(tv.vault, tv.dir, now);
    expect(path).toBe(join(tv.dir, 'snapshots', 'hearth-snapshot-2026-11-23T09-30-00.hearthbackup'));
    expect(snapshotDue(snapshotsDir(tv.dir), new Date('2026-11-23T18:00:00Z'))).toBe(false);
    expect(snapshotDue(snapshotsDir(tv.dir), new Date('2026-11-24T00:10:00Z'))).toBe(true);
    const summary = await verifyBackup(path, { passphrase: tv.passphrase });
    expect(summary.counts.backup_test_notes).toBe(13);
    expect(listSnapshots(snapshotsDir(tv.dir))).toHaveLength(1);
    // Nothing else appeared in the data folder.
    mkdirSync(join(tv.dir, 'unrelated'));
    expect(readdirSync(tv.dir).filter((f) => !f.startsWith('vault.')).sort()).toEqual(['snapshots', 'unrelated']);
  });
});
