// Owns what can go wrong with a backup, in words a practitioner can act on. BackupError is a
// UserError, so the IPC router passes its code and message straight to the window; `problem` is the
// finer reason, for the CLI's exit codes and for tests. Messages never name files, records or keys.
import { UserError } from '../../router/userError';
import type { HearthErrorCode } from '../../../contract';

export type BackupProblem =
  | 'NOT_A_BACKUP'
  | 'TOO_NEW'
  | 'DAMAGED'
  | 'WRONG_PASSPHRASE'
  | 'WRONG_RECOVERY_KEY'
  | 'MALFORMED_RECOVERY_KEY'
  | 'CANCELLED'
  | 'DISK_FULL'
  | 'WRITE_FAILED'
  | 'READ_FAILED'
  | 'FILE_EXISTS'
  | 'TARGET_NOT_EMPTY'
  | 'VAULT_BUSY'
  | 'VAULT_UNREADABLE'
  | 'RESTORED_VAULT_FAILED_CHECK'
  | 'SWAP_REFUSED';

const codes: Record<BackupProblem, HearthErrorCode> = {
  NOT_A_BACKUP: 'BACKUP_INVALID',
  TOO_NEW: 'BACKUP_INVALID',
  DAMAGED: 'BACKUP_INVALID',
  WRONG_PASSPHRASE: 'WRONG_SECRET',
  WRONG_RECOVERY_KEY: 'WRONG_SECRET',
  MALFORMED_RECOVERY_KEY: 'WRONG_SECRET',
  CANCELLED: 'CANCELLED',
  DISK_FULL: 'DISK_FULL',
  WRITE_FAILED: 'REFUSED',
  READ_FAILED: 'BACKUP_INVALID',
  FILE_EXISTS: 'REFUSED',
  TARGET_NOT_EMPTY: 'REFUSED',
  VAULT_BUSY: 'REFUSED',
  VAULT_UNREADABLE: 'VAULT_DAMAGED',
  RESTORED_VAULT_FAILED_CHECK: 'BACKUP_INVALID',
  SWAP_REFUSED: 'REFUSED',
};

const messages: Record<BackupProblem, string> = {
  NOT_A_BACKUP: "This file isn't a Hearth backup.",
  TOO_NEW: 'This backup was made by a newer version of Hearth. Please update Hearth, then open it again.',
  DAMAGED: 'This backup is damaged: it may have been cut short or changed.',
  WRONG_PASSPHRASE:
    "That passphrase doesn't open this backup. Use the passphrase your vault had on the day the backup was made.",
  WRONG_RECOVERY_KEY:
    "That recovery key doesn't open this backup. Use the recovery key your vault had on the day the backup was made.",
  MALFORMED_RECOVERY_KEY: "That doesn't look like a recovery key. A recovery key has 8 groups of 5 letters and numbers.",
  CANCELLED: 'Cancelled. Nothing was changed, and no partial file was left behind.',
  DISK_FULL: "There isn't enough space on the disk. Nothing was changed, and no partial file was left behind.",
  WRITE_FAILED:
    "Hearth couldn't finish writing. The drive may have been removed or may be faulty. Nothing was changed, and no partial file was left behind.",
  READ_FAILED: "Hearth couldn't read the backup file. The drive may have been removed or may be faulty.",
  FILE_EXISTS: 'A file with that name is already there. Choose another name, or remove the old file first.',
  TARGET_NOT_EMPTY: "Hearth only restores into an empty folder, and this folder isn't empty. Nothing was changed.",
  VAULT_BUSY: 'Your vault is busy just now, so the backup could not start. Please try again in a moment.',
  VAULT_UNREADABLE:
    "Hearth couldn't read your vault to back it up. It may be damaged. Nothing was changed. Please contact the person who supports your IT.",
  RESTORED_VAULT_FAILED_CHECK:
    "This backup opened, but the records inside failed Hearth's integrity check, so it was not restored. Your current vault is unchanged.",
  SWAP_REFUSED: 'Hearth could not put the restored vault in place. Your current vault is unchanged.',
};

export class BackupError extends UserError {
  override readonly name = 'BackupError';

  constructor(
    readonly problem: BackupProblem,
    message: string = messages[problem],
    options?: { cause?: unknown },
  ) {
    super(codes[problem], message);
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

export const isBackupError = (err: unknown, problem?: BackupProblem): err is BackupError =>
  err instanceof BackupError && (problem === undefined || err.problem === problem);

export const damaged = (): BackupError => new BackupError('DAMAGED');

/** Turns a failed write (full disk, removed drive) into the right BackupError; other errors pass through. */
export function fromWriteError(err: unknown): unknown {
  if (err instanceof BackupError) return err;
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') return new BackupError('DISK_FULL', undefined, { cause: err });
  if (code === 'EIO' || code === 'ENXIO' || code === 'ENODEV' || code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || code === 'ENOENT') {
    return new BackupError('WRITE_FAILED', undefined, { cause: err });
  }
  return err;
}

/** Serialised form that crosses the worker boundary; stacks and causes stay in the worker. */
export interface BackupErrorData {
  problem: BackupProblem;
  message: string;
}

export function toErrorData(err: unknown): BackupErrorData | null {
  return err instanceof BackupError ? { problem: err.problem, message: err.message } : null;
}
