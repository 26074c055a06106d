// The backup service as the app uses it: one job at a time, progress sent to the window, cancel,
// file choice through injected dialogs (paths never reach the renderer), restore then swap, daily
// rolling snapshots, and the "no backup for N days" reminder.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { getSetting, setSetting } from '../../db/repos/settings';
import type { BackupSummaryView } from '../../contract';
import { UserError } from '../router/userError';
import {
  completeInterruptedSwap,
  exportBackup,
  FILE_EXTENSION,
  isCancelled,
  listSnapshots,
  newRestoreStagingDir,
  restoreBackup,
  SAFETY_COPIES_DIR,
  snapshotDue,
  snapshotsDir,
  swapInRestoredVault,
  takeSnapshot,
  verifyBackup,
  type BackupProgress,
  type BackupSummary,
} from './backup';
import type { Clock } from './clock';
import type { FileDialogs } from './dialogs';
import { log } from './log';
import type { RendererShell } from './shell';
import type { VaultSession } from './vaultSession';

export const SETTING_LAST_EXPORT = 'backup.lastExportedAt';
export const SETTING_REMINDER_DAYS = 'backup.reminderDays';
const SNAPSHOT_CHECK_MS = 60 * 60 * 1000;

type SummaryLike = Pick<BackupSummary, 'createdAt' | 'schemaVersion' | 'counts' | 'bytes' | 'appVersion'>;
const view = ({ createdAt, appVersion, schemaVersion, counts, bytes }: SummaryLike): BackupSummaryView => ({ createdAt, appVersion, schemaVersion, counts, bytes });

export interface BackupServiceDeps {
  dataDir: string;
  appVersion: string;
  clock: Clock;
  dialogs: FileDialogs;
  shell: RendererShell;
  vault: VaultSession;
  autoSnapshots: boolean;
}

export class BackupService {
  private job: AbortController | null = null;
  private readonly chosen = new Map<string, string>();
  private snapshotTimer: unknown = null;
  private snapshotRunning: Promise<void> | null = null;

  constructor(private readonly deps: BackupServiceDeps) {
    // A restore cut short by a crash or power cut is finished (or rolled back) before anything opens the vault.
    const outcome = completeInterruptedSwap(deps.dataDir);
    if (outcome !== 'none') log.warn('backup.interrupted-swap', { outcome });
  }

  private async run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.job) throw new UserError('REFUSED', 'A backup is already in progress. Wait for it to finish, or cancel it.');
    const controller = new AbortController();
    this.job = controller;
    try {
      return await work(controller.signal);
    } finally {
      this.job = null;
    }
  }

  private readonly progress = (p: BackupProgress) => this.deps.shell.emit('backupProgress', p);

  cancel(): void {
    this.job?.abort();
  }

  async export(): Promise<{ saved: boolean; fileName: string | null; summary: BackupSummaryView | null }> {
    const vault = this.deps.vault.current();
    const stamp = new Date(this.deps.clock.now()).toISOString().slice(0, 10);
    const outPath = await this.deps.dialogs.chooseSaveFile(`hearth-backup-${stamp}${FILE_EXTENSION}`);
    if (!outPath) return { saved: false, fileName: null, summary: null };
    const result = await this.run((signal) => exportBackup({ vault, outPath, overwrite: true, appVersion: this.deps.appVersion, signal, onProgress: this.progress }));
    // The vault may have locked itself while the worker ran; the next export will record the date.
    if (vault.isOpen) setSetting(vault.db, SETTING_LAST_EXPORT, new Date(this.deps.clock.now()).toISOString());
    log.info('backup.exported', { bytes: result.bytes });
    return { saved: true, fileName: basename(result.path), summary: view({ ...result, appVersion: this.deps.appVersion }) };
  }

  async chooseFile(): Promise<{ token: string | null; fileName: string | null }> {
    const path = await this.deps.dialogs.chooseOpenFile();
    if (!path) return { token: null, fileName: null };
    const token = randomUUID();
    this.chosen.set(token, path);
    return { token, fileName: basename(path) };
  }

  private pathFor(token: string): string {
    const path = this.chosen.get(token);
    if (!path) throw new UserError('REFUSED', 'Choose the backup file again.');
    return path;
  }

  async check(token: string, secret: { passphrase: string } | { recoveryKey: string }): Promise<BackupSummaryView> {
    const path = this.pathFor(token);
    return view(await this.run((signal) => verifyBackup(path, secret, { signal, onProgress: this.progress })));
  }

  /** Restores into a staging folder, checks it there, locks the current vault, then swaps. */
  async restore(token: string, secret: { passphrase: string } | { recoveryKey: string }): Promise<{ summary: BackupSummaryView; safetyCopy: string | null }> {
    const path = this.pathFor(token);
    const staging = newRestoreStagingDir(this.deps.dataDir);
    try {
      const summary = await this.run((signal) => restoreBackup(path, secret, staging, { signal, onProgress: this.progress }));
      // Only now, with a fully checked copy in hand, is the current vault touched.
      this.deps.vault.lock();
      const { safetyCopyDir } = swapInRestoredVault(this.deps.dataDir, staging, new Date(this.deps.clock.now()));
      this.chosen.delete(token);
      log.info('backup.restored', { keptSafetyCopy: safetyCopyDir !== null });
      return { summary: view(summary), safetyCopy: safetyCopyDir ? basename(safetyCopyDir) : null };
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }

  status() {
    const db = this.deps.vault.db();
    const vault = this.deps.vault.current();
    const lastExportedAt = getSetting(db, SETTING_LAST_EXPORT) ?? null;
    const reminderDays = Number(getSetting(db, SETTING_REMINDER_DAYS) ?? 7) || 7;
    const since = Date.parse(lastExportedAt ?? vault.envelopeInfo.createdAt);
    const reminderDue = this.deps.clock.now() - since >= reminderDays * 24 * 60 * 60 * 1000;
    const snapshots = listSnapshots(snapshotsDir(this.deps.dataDir));
    const copiesDir = join(this.deps.dataDir, SAFETY_COPIES_DIR);
    return {
      lastExportedAt,
      reminderDue,
      reminderDays,
      snapshotCount: snapshots.length,
      lastSnapshotAt: snapshots.length ? new Date(Math.max(...snapshots.map((s) => s.takenAt.getTime()))).toISOString() : null,
      safetyCopies: existsSync(copiesDir) ? readdirSync(copiesDir).sort() : [],
    };
  }

  removeSafetyCopy(name: string): void {
    const dir = join(this.deps.dataDir, SAFETY_COPIES_DIR, name);
    if (basename(dir) !== name || !existsSync(dir)) throw new UserError('NOT_FOUND', 'That safety copy is no longer there.');
    rmSync(dir, { recursive: true, force: true });
    log.info('backup.safety-copy-removed');
  }

  /** Takes today's rolling snapshot if one is due; runs in the worker, never blocking the window. */
  snapshotIfDue(): Promise<void> {
    if (!this.deps.autoSnapshots || this.snapshotRunning || this.job || !this.deps.vault.isUnlocked()) return this.snapshotRunning ?? Promise.resolve();
    const now = new Date(this.deps.clock.now());
    if (!snapshotDue(snapshotsDir(this.deps.dataDir), now)) return Promise.resolve();
    const vault = this.deps.vault.current();
    this.snapshotRunning = takeSnapshot(vault, this.deps.dataDir, now)
      .then(({ pruned }) => log.info('backup.snapshot', { pruned: pruned.length }))
      .catch((error: unknown) => {
        if (!isCancelled(error)) log.warn('backup.snapshot-failed', { error: error instanceof Error ? error.name : 'unknown' });
      })
      .finally(() => {
        this.snapshotRunning = null;
      });
    return this.snapshotRunning;
  }

  startSnapshots(): void {
    this.snapshotTimer = this.deps.clock.setInterval(() => void this.snapshotIfDue(), SNAPSHOT_CHECK_MS);
  }

  stop(): void {
    this.job?.abort();
    if (this.snapshotTimer !== null) this.deps.clock.clearInterval(this.snapshotTimer);
  }
}
