// Backups end to end through the public API (so through the worker thread): a seeded vault is
// backed up, checked and restored into a new folder, and the restored vault holds the same rows.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openVault } from '../../db/vault';
import { TEST_KDF, type TestVault } from '../../db/testing';
import { readEnvelope } from '../../db/vault/envelope';
import { parseEnvelopeBytes } from '../../db/vault/unwrap';
import {
  exportBackup,
  inspectBackupHeader,
  restoreBackup,
  verifyBackup,
  type BackupProgress,
} from '../../main/services/backup';
import { runExport } from '../../main/services/backup/exportJob';
import { runRead, type BackupSecret } from '../../main/services/backup/readJob';
import { dumpTables, exportJobFor, problemOf, readEnvelopeBytes, seededVault, seedRows } from '../../main/services/backup/testing';

/** The worker's job run in this thread: the same code, without a thread start-up per call. */
const exportHere = (from: TestVault, outPath: string, overwrite = false) => runExport(exportJobFor(from, outPath, { overwrite }));
const verifyHere = (path: string, secret: BackupSecret) => runRead({ path, secret });

let tv: TestVault;
let scratch: string;
let backupPath: string;
let before: Record<string, unknown[]>;

beforeAll(async () => {
  tv = await seededVault({ people: 25, notes: 120 });
  scratch = mkdtempSync(join(tmpdir(), 'hearth-backup-it-'));
  backupPath = join(scratch, 'practice.hearthbackup');
  before = dumpTables(tv.vault.db);
  await exportBackup({ vault: tv.vault, outPath: backupPath });
});

afterAll(() => {
  tv.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

describe('backup round trip', () => {
  it('restores the same rows in every table into a new folder', async () => {
    const target = join(scratch, 'restored-passphrase');
    const summary = await restoreBackup(backupPath, { passphrase: tv.passphrase }, target);
    expect(readdirSync(target).sort()).toEqual(['vault.db', 'vault.key.json']);
    const restored = await openVault(target, { passphrase: tv.passphrase }, { holdLock: false });
    try {
      expect(dumpTables(restored.db)).toEqual(before);
      expect(restored.schemaVersion).toBe(tv.vault.schemaVersion);
      expect(restored.envelopeInfo.vaultId).toBe(tv.vault.envelopeInfo.vaultId);
    } finally {
      restored.close();
    }
    expect(summary.counts.backup_test_people).toBe(25);
    expect(summary.counts.backup_test_notes).toBe(120);
    // Every ordinary table is counted (full-text indexes are virtual: their shadow tables are counted instead).
    for (const [table, n] of Object.entries(summary.counts)) expect(before[table]!.length, table).toBe(n);
    expect(Object.keys(summary.counts)).toEqual(expect.arrayContaining(['settings', 'backup_test_people', 'backup_test_notes']));
  });

  it('restores with the recovery key too, and the restored vault opens with either', async () => {
    const target = join(scratch, 'restored-recovery');
    await restoreBackup(backupPath, { recoveryKey: tv.recoveryKey }, target);
    const restored = await openVault(target, { recoveryKey: tv.recoveryKey }, { holdLock: false });
    expect(dumpTables(restored.db)).toEqual(before);
    restored.close();
  });

  it('checks a backup without writing anything, and says what it holds', async () => {
    const listing = readdirSync(scratch).sort();
    const progress: BackupProgress[] = [];
    const summary = await verifyBackup(backupPath, { passphrase: tv.passphrase }, { onProgress: (p) => progress.push(p) });
    expect(readdirSync(scratch).sort()).toEqual(listing);
    expect(summary.formatVersion).toBe(1);
    expect(summary.schemaVersion).toBe(tv.vault.schemaVersion);
    expect(Date.parse(summary.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(summary.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(summary.parts.map((p) => p.name).sort()).toEqual(['vault.db', 'vault.key.json']);
    expect(progress.at(-1)).toMatchObject({ phase: 'reading' });
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
  });

  it('reports progress while exporting, and the file is complete and alone when it resolves', async () => {
    const dir = join(scratch, 'progress');
    mkdirSync(dir);
    const progress: BackupProgress[] = [];
    const result = await exportBackup({ vault: tv.vault, outPath: join(dir, 'b.hearthbackup'), onProgress: (p) => progress.push(p) });
    expect(readdirSync(dir)).toEqual(['b.hearthbackup']);
    expect(result.bytes).toBe(readFileSync(join(dir, 'b.hearthbackup')).length);
    expect(progress.map((p) => p.phase)).toContain('writing');
    const writing = progress.filter((p) => p.phase === 'writing');
    expect(writing.at(-1)!.done).toBe(writing.at(-1)!.total);
  });

  it('refuses to overwrite an existing file unless asked to', async () => {
    const path = join(scratch, 'exists.hearthbackup');
    writeFileSync(path, 'not mine');
    expect(await problemOf(exportBackup({ vault: tv.vault, outPath: path }))).toBe('FILE_EXISTS');
    expect(readFileSync(path, 'utf8')).toBe('not mine');
    await exportHere(tv, path, true);
    expect((await inspectBackupHeader(path)).formatVersion).toBe(1);
  });
});

describe('secrets', () => {
  it('names a wrong passphrase and a wrong recovery key as such', async () => {
    expect(await problemOf(verifyBackup(backupPath, { passphrase: 'not the passphrase' }))).toBe('WRONG_PASSPHRASE');
    expect(await problemOf(verifyHere(backupPath, { recoveryKey: 'not a key' }))).toBe('MALFORMED_RECOVERY_KEY');
    const other = await seededVault({ people: 1, notes: 1 });
    try {
      expect(await problemOf(verifyHere(backupPath, { recoveryKey: other.recoveryKey }))).toBe('WRONG_RECOVERY_KEY');
    } finally {
      other.cleanup();
    }
    const target = join(scratch, 'wrong-secret');
    expect(await problemOf(runRead({ path: backupPath, secret: { passphrase: 'not the passphrase' }, restoreTo: target }))).toBe('WRONG_PASSPHRASE');
    expect(existsSync(target)).toBe(false);
  });

  it('opens with the passphrase the vault had when the backup was made, not a later one', async () => {
    const own = await seededVault({ people: 3, notes: 5 });
    try {
      const path = join(scratch, 'before-change.hearthbackup');
      await exportHere(own, path);
      await own.vault.changePassphrase('a brand new passphrase', { kdf: TEST_KDF });
      expect(await problemOf(verifyHere(path, { passphrase: 'a brand new passphrase' }))).toBe('WRONG_PASSPHRASE');
      await verifyHere(path, { passphrase: own.passphrase });
      // A backup made now opens with the new one.
      const after = join(scratch, 'after-change.hearthbackup');
      await exportHere(own, after);
      await verifyHere(after, { passphrase: 'a brand new passphrase' });
    } finally {
      own.cleanup();
    }
  });
});

describe('restore target', () => {
  it('refuses a folder that is not empty and leaves it exactly as it was', async () => {
    const target = join(scratch, 'busy');
    mkdirSync(target);
    writeFileSync(join(target, 'keep-me.txt'), 'precious');
    expect(await problemOf(restoreBackup(backupPath, { passphrase: tv.passphrase }, target))).toBe('TARGET_NOT_EMPTY');
    expect(readdirSync(target)).toEqual(['keep-me.txt']);
    expect(readFileSync(join(target, 'keep-me.txt'), 'utf8')).toBe('precious');
  });

  it('restores into an existing empty folder', async () => {
    const target = join(scratch, 'empty');
    mkdirSync(target);
    await runRead({ path: backupPath, secret: { passphrase: tv.passphrase }, restoreTo: target });
    expect(readdirSync(target).sort()).toEqual(['vault.db', 'vault.key.json']);
  });
});

describe('a snapshot taken while the app keeps writing', () => {
  it('is consistent: the restored vault passes integrity_check and matches its own manifest', async () => {
    const busy = await seededVault({ people: 10, notes: 10 });
    try {
      busy.vault.db.pragma('wal_autocheckpoint = 4'); // checkpoint often, to tempt a torn copy
      busy.vault.db.exec('CREATE TABLE backup_test_ticks (id INTEGER PRIMARY KEY, at TEXT NOT NULL, pad BLOB)');
      const tick = busy.vault.db.prepare('INSERT INTO backup_test_ticks (at, pad) VALUES (?, randomblob(2000))');
      seedRows(busy.vault.db, 200, 2000); // a few MB, so the copy takes a while
      let writes = 0;
      const timer = setInterval(() => {
        for (let i = 0; i < 20; i++) tick.run(new Date().toISOString());
        writes += 20;
      }, 1);
      const path = join(scratch, 'busy.hearthbackup');
      let result;
      try {
        result = await exportBackup({ vault: busy.vault, outPath: path });
      } finally {
        clearInterval(timer);
      }
      expect(writes).toBeGreaterThan(0);
      const target = join(scratch, 'busy-restored');
      const summary = await restoreBackup(path, { passphrase: busy.passphrase }, target);
      expect(summary.counts).toEqual(result.counts);
      // The app's writes carried on: the live vault now has more ticks than the snapshot.
      const live = busy.vault.db.prepare('SELECT count(*) FROM backup_test_ticks').pluck().get() as number;
      expect(live).toBeGreaterThanOrEqual(summary.counts.backup_test_ticks!);
      expect(busy.vault.checkIntegrity().ok).toBe(true);
    } finally {
      busy.cleanup();
    }
  });
});

describe('the vault envelope travels in the backup', () => {
  it('is read exactly as the vault reads its own key file (unwrap.ts keeps in step with envelope.ts)', () => {
    expect(parseEnvelopeBytes(readEnvelopeBytes(tv.dir))).toEqual(readEnvelope(tv.dir));
    const changed = Buffer.from(readEnvelopeBytes(tv.dir).toString('utf8').replace('"version": 1', '"version": 2'));
    expect(() => parseEnvelopeBytes(changed)).toThrow(expect.objectContaining({ code: 'VAULT_TOO_NEW' }));
    expect(() => parseEnvelopeBytes(Buffer.from('{}'))).toThrow(expect.objectContaining({ code: 'ENVELOPE_TAMPERED' }));
  });

  it('is byte for byte the vault.key.json that was current', async () => {
    const target = join(scratch, 'restored-envelope');
    await runRead({ path: backupPath, secret: { passphrase: tv.passphrase }, restoreTo: target });
    expect(readFileSync(join(target, 'vault.key.json')).equals(readEnvelopeBytes(tv.dir))).toBe(true);
  });
});

describe('hashing on a thread of its own (chosen on machines with four or more cores)', () => {
  it('produces the same backup contents and restores the same rows', async () => {
    const path = join(scratch, 'threaded.hearthbackup');
    const made = await runExport(exportJobFor(tv, path, { hashing: 'thread' }));
    const inline = await runRead({ path, secret: { passphrase: tv.passphrase }, hashing: 'inline' });
    const target = join(scratch, 'restored-threaded');
    const threaded = await runRead({ path, secret: { passphrase: tv.passphrase }, restoreTo: target, hashing: 'thread' });
    expect(threaded.parts).toEqual(inline.parts);
    expect(threaded.counts).toEqual(made.counts);
    const restored = await openVault(target, { passphrase: tv.passphrase }, { holdLock: false });
    expect(dumpTables(restored.db)).toEqual(before);
    restored.close();
  });
});
