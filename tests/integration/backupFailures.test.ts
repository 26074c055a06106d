// Things going wrong part-way: a full disk or a pulled-out drive while exporting or restoring, and
// Cancel. Each must leave no partial file (or folder) behind, and the vault exactly as it was.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestVault } from '../../db/testing';
import { BackupError, exportBackup, restoreBackup, type BackupProgress } from '../../main/services/backup';
import { runExport, type ExportJob } from '../../main/services/backup/exportJob';
import { MIN_CHUNK_SIZE } from '../../main/services/backup/format';
import type { FaultPlan } from '../../main/services/backup/io';
import { runRead } from '../../main/services/backup/readJob';
import { dumpTables, readEnvelopeBytes, seededVault } from '../../main/services/backup/testing';
import { exportJobFor, problemOf } from '../../main/services/backup/testing';

let tv: TestVault;
let scratch: string;
let good: string;
let goodBytes: number;
let vaultBefore: { rows: Record<string, unknown[]>; envelope: Buffer; files: string[] };

const vaultState = () => ({ rows: dumpTables(tv.vault.db), envelope: readEnvelopeBytes(tv.dir), files: readdirSync(tv.dir).sort() });

function expectVaultUnchanged(): void {
  const now = vaultState();
  expect(now.rows).toEqual(vaultBefore.rows);
  expect(now.envelope.equals(vaultBefore.envelope)).toBe(true);
  // No temporary files beside the vault (the -wal/-shm come and go with SQLite itself).
  expect(now.files.filter((f) => !f.endsWith('-wal') && !f.endsWith('-shm'))).toEqual(
    vaultBefore.files.filter((f) => !f.endsWith('-wal') && !f.endsWith('-shm')),
  );
  expect(tv.vault.checkIntegrity().ok).toBe(true);
}

const job = (outPath: string, extra: Partial<ExportJob> = {}): ExportJob => exportJobFor(tv, outPath, extra);

const freshDir = (name: string): string => {
  const dir = join(scratch, name);
  mkdirSync(dir);
  return dir;
};

beforeAll(async () => {
  tv = await seededVault({ people: 30, notes: 300 });
  scratch = mkdtempSync(join(tmpdir(), 'hearth-failures-'));
  vaultBefore = vaultState();
  good = join(scratch, 'good.hearthbackup');
  goodBytes = (await runExport(job(good))).bytes;
});

afterAll(() => {
  tv.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

describe('a full disk or a removed drive during export', () => {
  it('leaves no partial file and the vault untouched, wherever it strikes', async () => {
    for (const failAfterBytes of [0, 10, 200, 5000, Math.floor(goodBytes / 2), goodBytes - 20, goodBytes - 1]) {
      for (const code of ['ENOSPC', 'EIO'] as const) {
        const dir = freshDir(`export-${code}-${failAfterBytes}`);
        const faults: FaultPlan = { failAfterBytes, code };
        const problem = await problemOf(runExport(job(join(dir, 'b.hearthbackup'), { faults, chunkSize: MIN_CHUNK_SIZE })));
        expect(problem, `${code} after ${failAfterBytes}`).toBe(code === 'ENOSPC' ? 'DISK_FULL' : 'WRITE_FAILED');
        expect(readdirSync(dir), `${code} after ${failAfterBytes}`).toEqual([]);
      }
    }
    expectVaultUnchanged();
  });

  it('says so in words, through the worker too', async () => {
    const dir = freshDir('export-worker');
    const err = await exportBackup({ vault: tv.vault, outPath: join(dir, 'b.hearthbackup'), faults: { failAfterBytes: 4000, code: 'ENOSPC' } }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(BackupError);
    expect(err).toMatchObject({ code: 'DISK_FULL', message: expect.stringContaining("There isn't enough space on the disk") });
    expect(readdirSync(dir)).toEqual([]);
    expectVaultUnchanged();
  });

  it('a destination that has gone away is a clear refusal', async () => {
    expect(await problemOf(exportBackup({ vault: tv.vault, outPath: join(scratch, 'no-such-drive', 'b.hearthbackup') }))).toBe('WRITE_FAILED');
  });
});

describe('cancel during export', () => {
  it('mid-stream leaves no partial file', async () => {
    const dir = freshDir('cancel-mid');
    const controller = new AbortController();
    const seen: BackupProgress[] = [];
    const problem = await problemOf(
      runExport(job(join(dir, 'b.hearthbackup'), { chunkSize: MIN_CHUNK_SIZE }), {
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p);
          if (p.phase === 'writing' && p.done > 0) controller.abort();
        },
      }),
    );
    expect(problem).toBe('CANCELLED');
    expect(seen.some((p) => p.phase === 'writing' && p.done > 0)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
    expectVaultUnchanged();
  });

  it('through the worker: at once, and while it is starting', async () => {
    const dir = freshDir('cancel-worker');
    const before = new AbortController();
    before.abort();
    expect(await problemOf(exportBackup({ vault: tv.vault, outPath: join(dir, 'a.hearthbackup'), signal: before.signal }))).toBe('CANCELLED');
    const during = new AbortController();
    const running = exportBackup({ vault: tv.vault, outPath: join(dir, 'b.hearthbackup'), signal: during.signal });
    during.abort();
    expect(await problemOf(running)).toBe('CANCELLED');
    expect(readdirSync(dir)).toEqual([]);
    expectVaultUnchanged();
  });
});

describe('a full disk during restore', () => {
  it('removes everything it wrote: the folder it created, or the contents of the empty one it was given', async () => {
    for (const failAfterBytes of [0, 100, 4096, Math.floor(goodBytes / 2)]) {
      const created = join(scratch, `restore-new-${failAfterBytes}`);
      const problem = await problemOf(runRead({ path: good, secret: { passphrase: tv.passphrase }, restoreTo: created, faults: { failAfterBytes, code: 'ENOSPC' } }));
      expect(problem).toBe('DISK_FULL');
      expect(existsSync(created)).toBe(false);

      const given = freshDir(`restore-given-${failAfterBytes}`);
      expect(await problemOf(runRead({ path: good, secret: { passphrase: tv.passphrase }, restoreTo: given, faults: { failAfterBytes, code: 'EIO' } }))).toBe(
        'WRITE_FAILED',
      );
      expect(readdirSync(given)).toEqual([]);
    }
  });

  it('through the worker, and a later restore into the same place works', async () => {
    const target = join(scratch, 'restore-worker');
    expect(await problemOf(restoreBackup(good, { passphrase: tv.passphrase }, target, { faults: { failAfterBytes: 9000, code: 'ENOSPC' } }))).toBe(
      'DISK_FULL',
    );
    expect(existsSync(target)).toBe(false);
    await restoreBackup(good, { passphrase: tv.passphrase }, target);
    expect(readdirSync(target).sort()).toEqual(['vault.db', 'vault.key.json']);
  });

  it('cancelled restores leave nothing either', async () => {
    const target = join(scratch, 'restore-cancel');
    const controller = new AbortController();
    const problem = await problemOf(
      runRead(
        { path: good, secret: { passphrase: tv.passphrase }, restoreTo: target },
        { signal: controller.signal, onProgress: (p) => p.phase === 'reading' && controller.abort() },
      ),
    );
    expect(problem).toBe('CANCELLED');
    expect(existsSync(target)).toBe(false);
  });
});
