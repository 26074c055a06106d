// The property the backup's consistency rests on: while a snapshot is pinned, SQLite never writes
// into vault.db, however much the app commits or tries to checkpoint; afterwards it does again.
import { createHash } from 'node:crypto';
import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestVault, type TestVault } from '../../../db/testing';
import { pinDatabase, SnapshotMoved, type PinnedDatabase } from './pinnedDatabase';
import { rawVaultFd } from './rawVaultFile';
import { seedRows } from './testing';

let tv: TestVault;
beforeEach(async () => {
  tv = await createTestVault();
  seedRows(tv.vault.db, 20, 100);
});
afterEach(() => tv.cleanup());

const dbPath = () => join(tv.dir, 'vault.db');
const key = () => Buffer.from(tv.vault.rawKeyHex(), 'hex');

async function hashPinned(p: PinnedDatabase): Promise<string> {
  const buf = Buffer.alloc(p.byteLength);
  await p.readAt(buf, 0, buf.length, 0);
  return createHash('sha256').update(buf).digest('hex');
}

describe('pinning vault.db', () => {
  it('freezes the file while the app keeps committing and checkpointing', async () => {
    const pinned = await pinDatabase(dbPath(), key(), rawVaultFd(dbPath()));
    const before = await hashPinned(pinned);
    const countsBefore = pinned.counts;
    seedRows(tv.vault.db, 50, 500);
    const [row] = tv.vault.db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    expect(row!.checkpointed).toBeLessThan(row!.log); // SQLite had to leave the log alone
    expect(await hashPinned(pinned)).toBe(before);
    await expect(pinned.assertUnchanged()).resolves.toBeUndefined();
    expect(countsBefore.backup_test_notes).toBe(100);
    pinned.release();

    const [after] = tv.vault.db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    expect(after!.checkpointed).toBe(after!.log);
    const again = await pinDatabase(dbPath(), key(), rawVaultFd(dbPath()));
    expect(await hashPinned(again)).not.toBe(before);
    expect(again.counts.backup_test_notes).toBe(600);
    again.release();
  });

  it('notices if the file changes anyway', async () => {
    const pinned = await pinDatabase(dbPath(), key(), rawVaultFd(dbPath()));
    const later = new Date(Date.now() + 5000);
    utimesSync(dbPath(), later, later);
    await expect(pinned.assertUnchanged()).rejects.toBeInstanceOf(SnapshotMoved);
    pinned.release();
  });

  it('counts ordinary tables only and reads the schema version', async () => {
    const pinned = await pinDatabase(dbPath(), key(), rawVaultFd(dbPath()));
    expect(pinned.schemaVersion).toBe(tv.vault.schemaVersion);
    expect(pinned.counts.backup_test_people).toBe(20);
    expect(Object.keys(pinned.counts).every((t) => !t.startsWith('sqlite_'))).toBe(true);
    expect(pinned.byteLength % 4096).toBe(0);
    pinned.release();
  });
});
