// A restore checks every page's HMAC itself (for large vaults on its own thread, reading the file
// back as it lands) and lets SQLite's integrity_check skip that work. These tests prove the check is real: a backup taken from a vault
// with one damaged page (faithfully copied, so the backup's own encryption and hashes are intact)
// is refused in both modes, and the SQLite setting that skips HMACs does skip them, only when asked.
import { existsSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openVault } from '../../db/vault';
import { createTestVault, makeTempDir, type TestVault } from '../../db/testing';
import { DB_FILE, PAGE_SIZE, openKeyed } from '../../db/vault/sqlcipher';
import { runExport } from '../../main/services/backup/exportJob';
import { runRead } from '../../main/services/backup/readJob';
import { dumpTables, exportJobFor, problemOf } from '../../main/services/backup/testing';

let tv: TestVault;
let scratch: string;
let key: Buffer;
let goodBackup: string;
let damagedBackup: string;
let rowsBefore: Record<string, unknown[]>;

const backUp = (outPath: string) => runExport(exportJobFor(tv, outPath));

beforeAll(async () => {
  tv = await createTestVault({ holdLock: false });
  scratch = makeTempDir('hearth-page-macs-');
  const db = tv.vault.db;
  db.exec('CREATE TABLE attachments (id INTEGER PRIMARY KEY, label TEXT NOT NULL, body BLOB NOT NULL)');
  const add = db.prepare('INSERT INTO attachments (label, body) VALUES (?, ?)');
  for (let i = 0; i < 5; i++) add.run(`small ${i}`, randomBytes(500));
  // Written last, so its overflow pages (which counting rows never reads) end the file.
  add.run('large', randomBytes(200 * 1024));
  db.pragma('wal_checkpoint(TRUNCATE)');
  rowsBefore = dumpTables(db);
  key = Buffer.from(tv.vault.rawKeyHex(), 'hex');
  goodBackup = join(scratch, 'good.hearthbackup');
  await backUp(goodBackup);
  tv.vault.close();

  // Damage one overflow page of the large attachment, as a failing disk might, then back it up.
  const path = join(tv.dir, DB_FILE);
  const bytes = readFileSync(path);
  const page = bytes.length / PAGE_SIZE - 3;
  bytes[page * PAGE_SIZE + 1000]! ^= 0x04;
  writeFileSync(path, bytes);
  tv.vault = await openVault(tv.dir, { passphrase: tv.passphrase }, { holdLock: false });
  damagedBackup = join(scratch, 'damaged.hearthbackup');
  await backUp(damagedBackup);
});

afterAll(() => {
  tv.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

describe.each(['inline', 'thread'] as const)('restoring with page checks %s', (mode) => {
  it('restores an intact backup with every row', async () => {
    const target = join(scratch, `good-${mode}`);
    await runRead({ path: goodBackup, secret: { passphrase: tv.passphrase }, restoreTo: target, pageMacs: mode });
    const restored = await openVault(target, { passphrase: tv.passphrase }, { holdLock: false });
    expect(dumpTables(restored.db)).toEqual(rowsBefore);
    restored.close();
  });

  it('refuses a backup holding a damaged page, and leaves nothing behind', async () => {
    const target = join(scratch, `damaged-${mode}`);
    const restoring = runRead({ path: damagedBackup, secret: { passphrase: tv.passphrase }, restoreTo: target, pageMacs: mode });
    expect(await problemOf(restoring)).toBe('RESTORED_VAULT_FAILED_CHECK');
    expect(existsSync(target)).toBe(false);
  });

  it('closes its reading of the restored file whether the restore passes or fails', async () => {
    // A descriptor left open would hold a refused restore's deleted file (and its space) until the app quits.
    const openInto = (dir: string): string[] => {
      if (!existsSync('/proc/self/fd')) return [];
      return readdirSync('/proc/self/fd').flatMap((fd) => {
        try {
          const link = readlinkSync(`/proc/self/fd/${fd}`);
          return link.startsWith(dir) ? [link] : [];
        } catch {
          return []; // the directory's own descriptor, gone by the time it is read
        }
      });
    };
    const good = join(scratch, `fd-good-${mode}`);
    await runRead({ path: goodBackup, secret: { passphrase: tv.passphrase }, restoreTo: good, pageMacs: mode });
    expect(openInto(good)).toEqual([]);
    const damaged = join(scratch, `fd-damaged-${mode}`);
    await problemOf(runRead({ path: damagedBackup, secret: { passphrase: tv.passphrase }, restoreTo: damaged, pageMacs: mode }));
    expect(openInto(damaged)).toEqual([]);
    // A full disk part-way through the database: the thread is stopped mid-file.
    const full = join(scratch, `fd-full-${mode}`);
    const failAfterBytes = Math.floor(statSync(goodBackup).size / 2);
    const filling = runRead({ path: goodBackup, secret: { passphrase: tv.passphrase }, restoreTo: full, pageMacs: mode, faults: { failAfterBytes, code: 'ENOSPC' } });
    expect(await problemOf(filling)).toBe('DISK_FULL');
    expect(existsSync(full)).toBe(false);
    expect(openInto(full)).toEqual([]);
  });

  it('stops cleanly when the passphrase is wrong, before any page is read', async () => {
    const target = join(scratch, `wrong-${mode}`);
    const restoring = runRead({ path: goodBackup, secret: { passphrase: 'not the passphrase at all' }, restoreTo: target, pageMacs: mode });
    expect(await problemOf(restoring)).toBe('WRONG_PASSPHRASE');
    expect(existsSync(target)).toBe(false);
  });
});

describe('skipping SQLite’s own page check', () => {
  it('happens only when the caller says the pages were checked, so the damage above is SQLite-visible otherwise', () => {
    const readLarge = (skip: boolean): unknown => {
      const db = openKeyed(join(tv.dir, DB_FILE), key, { readonly: true, pageMacsAlreadyVerified: skip });
      try {
        // The whole value, so every overflow page is read (length() alone would not read them).
        return (db.prepare("SELECT body FROM attachments WHERE label = 'large'").pluck().get() as Buffer).length;
      } finally {
        db.close();
      }
    };
    expect(() => readLarge(false)).toThrow();
    expect(readLarge(true)).toBe(200 * 1024);
  });
});
