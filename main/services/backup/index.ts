// The backup service's public face: export, check, inspect and restore .hearthbackup files, swap a
// restored vault in, and the rolling local snapshots. Heavy work runs in a worker thread
// (runner.ts); the functions here only gather what the worker needs and wait for it.
import { join } from 'node:path';
import { DB_FILE } from '../../../db/vault/sqlcipher';
import type { Vault } from '../../../db/vault';
import { BackupError } from './errors';
import { inspectHeader, type HeaderInfo } from './inspect';
import type { FaultPlan } from './io';
import type { BackupProgress } from './progress';
import { openRawVaultFile } from './rawVaultFile';
import type { BackupSecret, BackupSummary } from './readJob';
import type { ExportResult } from './exportJob';
import { runInWorker } from './runner';
import { ensureSnapshotsDir, pruneSnapshots, snapshotNameFor } from './snapshots';
import pkg from '../../../package.json' with { type: 'json' };

export { BackupError, isBackupError, type BackupProblem } from './errors';
export type { BackupProgress, BackupPhase } from './progress';
export type { BackupSecret, BackupSummary } from './readJob';
export type { ExportResult } from './exportJob';
export type { PartRecord } from './archive';
export type { HeaderInfo } from './inspect';
export { FILE_EXTENSION, FORMAT_VERSION } from './format';
export { swapInRestoredVault, completeInterruptedSwap, newRestoreStagingDir, SAFETY_COPIES_DIR } from './swap';
export { pruneSnapshots, snapshotDue, listSnapshots, snapshotsDir, SNAPSHOTS_DIR, type SnapshotFile } from './snapshots';

export interface JobOptions {
  onProgress?: (progress: BackupProgress) => void;
  signal?: AbortSignal;
  /** Tests only: make writes fail part-way, as a full disk or a pulled-out drive would. */
  faults?: FaultPlan;
}

export interface ExportOptions extends JobOptions {
  vault: Vault;
  outPath: string;
  /** Replace an existing file at outPath (the save dialog has already asked). Default false. */
  overwrite?: boolean;
  appVersion?: string;
  now?: Date;
}

/** Writes an encrypted backup of the open vault to `outPath`, atomically. The vault keeps working meanwhile. */
export async function exportBackup(opts: ExportOptions): Promise<ExportResult> {
  const { vault } = opts;
  if (!vault.isOpen) throw new Error('The vault is locked.');
  const raw = openRawVaultFile(join(vault.dir, DB_FILE));
  try {
    return await runInWorker(
      {
        kind: 'export',
        job: {
          vaultDir: vault.dir,
          keyHex: vault.rawKeyHex(),
          rawFd: raw.fd,
          outPath: opts.outPath,
          appVersion: opts.appVersion ?? pkg.version,
          createdAt: (opts.now ?? new Date()).toISOString(),
          overwrite: opts.overwrite ?? false,
          ...(opts.faults ? { faults: opts.faults } : {}),
        },
      },
      opts,
    );
  } finally {
    raw.release();
  }
}

/** Reads and authenticates every byte and checks the manifest, writing nothing. Resolves with what the backup holds. */
export function verifyBackup(path: string, secret: BackupSecret, opts: JobOptions = {}): Promise<BackupSummary> {
  return runInWorker({ kind: 'read', job: { path, secret } }, opts);
}

/**
 * Restores into `targetDir`, which must be empty or not yet exist, and checks the restored vault
 * there (integrity_check, counts, schema version) before resolving. On failure nothing is left behind.
 */
export function restoreBackup(path: string, secret: BackupSecret, targetDir: string, opts: JobOptions = {}): Promise<BackupSummary> {
  return runInWorker({ kind: 'read', job: { path, secret, restoreTo: targetDir, ...(opts.faults ? { faults: opts.faults } : {}) } }, opts);
}

/** Runs the vault's integrity checks in the worker, on a second read-only connection. */
export async function checkVaultIntegrity(vault: Vault): Promise<{ ok: boolean; problems: string[] }> {
  if (!vault.isOpen) throw new Error('The vault is locked.');
  if (!vault.readonly) {
    try {
      vault.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // Pages still in the WAL are checked by SQLite when integrity_check reads them.
    }
  }
  const raw = openRawVaultFile(join(vault.dir, DB_FILE));
  try {
    const { problems } = await runInWorker({ kind: 'integrity', job: { vaultDir: vault.dir, keyHex: vault.rawKeyHex(), rawFd: raw.fd } });
    return { ok: problems.length === 0, problems };
  } finally {
    raw.release();
  }
}

/** What can be said about a file without its passphrase: whether it is a Hearth backup, and of which format version. */
export function inspectBackupHeader(path: string): Promise<HeaderInfo> {
  return inspectHeader(path);
}

/** Writes today's snapshot into <dataDir>/snapshots/ and prunes old ones. */
export async function takeSnapshot(
  vault: Vault,
  dataDir: string,
  now = new Date(),
  opts: JobOptions = {},
): Promise<{ path: string; pruned: string[] }> {
  const dir = ensureSnapshotsDir(dataDir);
  const path = join(dir, snapshotNameFor(now));
  await exportBackup({ ...opts, vault, outPath: path, now });
  return { path, pruned: pruneSnapshots(dir, now) };
}

export const isCancelled = (err: unknown): boolean => err instanceof BackupError && err.problem === 'CANCELLED';
