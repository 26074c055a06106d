// Owns the vault's integrity checks: every page's HMAC read straight from the file, then SQLite's
// integrity_check and foreign_key_check. Problems are described without any record content.
import { checkPageHmacs, type VaultDatabase } from './sqlcipher';

/**
 * Runs every check on an open connection. `rawFd` is a descriptor of vault.db that the caller
 * keeps open until after the connection closes (closing one drops this process's POSIX locks).
 */
export function runIntegrityChecks(db: VaultDatabase, rawFd: number, key: Buffer): string[] {
  const problems = checkPageHmacs(rawFd, key).map((p) => `Encryption: ${p}`);
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const lines = rows.map((r) => r.integrity_check);
    if (!(lines.length === 1 && lines[0] === 'ok')) problems.push(...lines.map((l) => `Structure: ${l}`));
  } catch {
    problems.push('Structure: the database could not be read all the way through.');
  }
  try {
    const rows = db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[];
    for (const r of rows) problems.push(`Links: row ${r.rowid ?? '?'} of ${r.table} refers to a missing entry in ${r.parent}.`);
  } catch {
    problems.push('Links: the links between records could not be checked.');
  }
  return problems;
}
