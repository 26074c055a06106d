// Contract: encrypted backups (.hearthbackup): export with progress and cancel, check a backup,
// restore (also from the first-run screen of a new laptop), snapshots and the reminder.
import { z } from 'zod';
import { op } from './define';
import { okSchema } from './common';

const empty = z.object({}).strict();
const secretInput = {
  method: z.enum(['passphrase', 'recoveryKey']),
  secret: z.string().min(1, 'Enter the passphrase or recovery key the backup was made with.').max(1024),
};

export const backupSummarySchema = z.object({
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  bytes: z.number().int().nonnegative(),
});
export type BackupSummaryView = z.infer<typeof backupSummarySchema>;

export const backupProgressSchema = z.object({
  phase: z.enum(['preparing', 'unlocking', 'writing', 'reading', 'checking', 'finishing']),
  done: z.number().nonnegative(),
  total: z.number().nonnegative(),
});

export const backupOperations = {
  /** Asks where to save (native dialog), then writes the backup. `saved: false` when the dialog was cancelled. */
  exportBackup: op({
    input: empty,
    output: z.object({ saved: z.boolean(), fileName: z.string().nullable(), summary: backupSummarySchema.nullable() }),
  }),
  /** Stops the backup or check in progress; nothing partial is left behind. */
  cancelBackup: op({ input: empty, output: okSchema, whileLocked: true }),
  /** Asks which backup file to use (native dialog). The renderer only ever sees its name and a token. */
  chooseBackupFile: op({
    input: empty,
    output: z.object({ token: z.string().nullable(), fileName: z.string().nullable() }),
    whileLocked: true,
  }),
  /** Reads and authenticates every byte of the chosen backup and says what it holds. Restores nothing. */
  checkBackup: op({ input: z.object({ token: z.string().max(64), ...secretInput }).strict(), output: backupSummarySchema, whileLocked: true }),
  /**
   * Restores the chosen backup: into a new folder first, checked fully there, and only then swapped
   * in. The previous vault is kept as a dated safety copy. The vault is locked afterwards.
   */
  restoreBackup: op({
    input: z.object({ token: z.string().max(64), ...secretInput }).strict(),
    output: z.object({ summary: backupSummarySchema, safetyCopy: z.string().nullable() }),
    whileLocked: true,
  }),
  getBackupStatus: op({
    input: empty,
    output: z.object({
      lastExportedAt: z.string().nullable(),
      reminderDue: z.boolean(),
      reminderDays: z.number().int(),
      snapshotCount: z.number().int(),
      lastSnapshotAt: z.string().nullable(),
      safetyCopies: z.array(z.string()),
    }),
  }),
  /** Deletes one safety copy left by a restore, once the practitioner is happy with the restored vault. */
  removeSafetyCopy: op({ input: z.object({ name: z.string().regex(/^[0-9T-]+(-[a-z0-9]+)?$/, 'That is not a safety copy.') }).strict(), output: okSchema }),
};
