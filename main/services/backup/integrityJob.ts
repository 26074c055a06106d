// Owns "Check vault integrity" in the worker thread: a second, read-only connection to the open
// vault runs the same checks as Vault.checkIntegrity, so a large vault never freezes the window.
import { join } from 'node:path';
import { runIntegrityChecks } from '../../../db/vault/integrity';
import { DB_FILE, openKeyed } from '../../../db/vault/sqlcipher';

export interface IntegrityJob {
  vaultDir: string;
  keyHex: string;
  /** vault.db's process-wide raw descriptor (rawVaultFile.ts); never closed here. */
  rawFd: number;
}

export interface IntegrityResult {
  problems: string[];
}

export function runIntegrity(job: IntegrityJob): IntegrityResult {
  const key = Buffer.from(job.keyHex, 'hex');
  try {
    const db = openKeyed(join(job.vaultDir, DB_FILE), key, { readonly: true });
    try {
      return { problems: runIntegrityChecks(db, job.rawFd, key) };
    } finally {
      db.close();
    }
  } catch {
    return { problems: ['Structure: the database could not be opened for checking.'] };
  } finally {
    key.fill(0);
  }
}
