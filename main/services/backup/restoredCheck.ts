// Owns the last check of a restored vault, made before anyone is told the restore worked: the
// restored vault.db opens with the backup's key, passes SQLite's integrity_check, and holds
// exactly the rows and schema version its manifest promised.
import { join } from 'node:path';
import { DB_FILE, openKeyed, removeSideFilesIfCreated, sideFilesPresent, type VaultDatabase } from '../../../db/vault/sqlcipher';
import { BackupError } from './errors';
import type { Manifest } from './manifest';
import { countRows } from './pinnedDatabase';

const failed = (cause?: unknown): BackupError => new BackupError('RESTORED_VAULT_FAILED_CHECK', undefined, { cause });

/**
 * `pageMacsCheckedSeparately`: the caller checks every page's HMAC on the bytes it wrote
 * (PageMacVerifier) and refuses the restore unless all pass, so SQLite only decrypts here instead
 * of authenticating every page a second time. Nothing reads this file until both checks pass.
 */
export function checkRestoredVault(dir: string, key: Buffer, manifest: Manifest, opts: { pageMacsCheckedSeparately?: boolean } = {}): void {
  const path = join(dir, DB_FILE);
  const before = sideFilesPresent(path);
  let db: VaultDatabase | null = null;
  try {
    // Read-write only because a WAL-mode file needs its -shm; nothing is written.
    db = openKeyed(path, key, { readonly: false, pageMacsAlreadyVerified: opts.pageMacsCheckedSeparately ?? false });
    db.pragma('query_only = ON');
    const lines = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (lines.length !== 1 || lines[0] !== 'ok') throw failed();
    if ((db.pragma('user_version', { simple: true }) as number) !== manifest.schemaVersion) throw failed();
    const counts = countRows(db);
    const expected = Object.entries(manifest.counts);
    if (expected.length !== Object.keys(counts).length || expected.some(([table, n]) => counts[table] !== n)) throw failed();
  } catch (err) {
    throw err instanceof BackupError ? err : failed(err);
  } finally {
    db?.close();
    removeSideFilesIfCreated(path, before);
  }
}
