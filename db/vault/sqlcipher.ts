// Owns the encrypted database file (vault.db): opening it in the standard SQLCipher 4 format with a
// raw key (refusing a damaged or too-new file before anything is written), the connection settings
// Hearth relies on, and a check of every page's HMAC read straight from the file (pageMacs.ts).
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, fstatSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LATEST_SCHEMA_VERSION, migrate } from '../migrations';
import { VaultError } from './errors';
import { PAGE_SIZE, PageMacVerifier } from './pageMacs';

export { PAGE_SIZE };

export type VaultDatabase = Database.Database;

export const DB_FILE = 'vault.db';
const IV_BYTES = 16;
const HMAC_BYTES = 64;
const RESERVE_BYTES = IV_BYTES + HMAC_BYTES;

export function keyPragma(key: Buffer): string {
  return `key = "x'${key.toString('hex')}'"`;
}

export interface OpenKeyedOptions {
  readonly: boolean;
  create?: boolean;
  /**
   * Only for a freshly restored file that nothing else uses, whose every page the caller checks
   * with {@link PageMacVerifier} before trusting it: SQLite then skips re-checking each page's HMAC
   * as it reads (decryption stays). HMAC-SHA512 is most of the cost of reading a whole vault.
   * Never for the app's vault.
   */
  pageMacsAlreadyVerified?: boolean;
}

/** Opens a connection and keys it. Reads nothing yet, so a wrong key or damaged file shows up in {@link assertReadable}. */
export function openKeyed(path: string, key: Buffer, opts: OpenKeyedOptions): VaultDatabase {
  const db = new Database(path, { readonly: opts.readonly, fileMustExist: !opts.create });
  try {
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    // SQLite3 Multiple Ciphers reads this when the key is set, so it must come first.
    if (opts.pageMacsAlreadyVerified) db.pragma('hmac_check = 0');
    db.pragma(keyPragma(key));
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

const CORRUPT_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CANTOPEN', 'SQLITE_IOERR_SHORT_READ', 'SQLITE_IOERR']);

/** Reads the schema table (proves the key and page 1) and returns user_version. Throws VAULT_CORRUPT. */
export function assertReadable(db: VaultDatabase): number {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
    return db.pragma('user_version', { simple: true }) as number;
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (CORRUPT_CODES.has(code) || code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_IOERR')) {
      throw new VaultError('VAULT_CORRUPT', undefined, { cause: err });
    }
    throw err;
  }
}

/**
 * Settings every read-write connection gets.
 * - WAL with synchronous=FULL: each commit fsyncs the WAL before it returns, so a committed note
 *   survives power loss. NORMAL in WAL mode only syncs at checkpoints and can lose the last commits.
 * - temp_store=MEMORY: sorts and temporary tables never reach disk as plaintext.
 * - secure_delete: deleted records are overwritten, not left in free pages.
 * - cache_size 64 MiB: every page read from disk costs a decryption and an HMAC check, so a
 *   page cache large enough for a practice's working set avoids decrypting the same pages again.
 */
export function applyConnectionSettings(db: VaultDatabase, opts: { readonly: boolean }): void {
  if (!opts.readonly) {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`Could not switch the vault to WAL mode (${String(mode)}).`);
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -65536');
  db.pragma('busy_timeout = 5000');
  // Zetetic SQLCipher's memory wiping; this build ignores it, so failure or silence is fine.
  try {
    db.pragma('cipher_memory_security = ON');
  } catch {
    // not supported here
  }
}

/** Removes -wal/-shm files that a read-only look created, when nobody else can be using them. */
export function removeSideFilesIfCreated(path: string, existedBefore: { wal: boolean; shm: boolean }): void {
  const wal = `${path}-wal`;
  if (!existedBefore.wal && existsSync(wal) && statSync(wal).size === 0) rmSync(wal, { force: true });
  if (!existedBefore.shm && !existsSync(wal)) rmSync(`${path}-shm`, { force: true });
}

export function sideFilesPresent(path: string): { wal: boolean; shm: boolean } {
  return { wal: existsSync(`${path}-wal`), shm: existsSync(`${path}-shm`) };
}

/** Quick shape check before SQLite sees the file: empty or ragged files are damaged vaults, never new ones. */
export function assertPlausibleFile(path: string): void {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new VaultError('VAULT_CORRUPT', 'The vault database (vault.db) is missing from this folder, so Hearth cannot open it. Nothing has been changed.');
  }
  if (size === 0 || size % PAGE_SIZE !== 0) throw new VaultError('VAULT_CORRUPT');
}

/**
 * Checks every page's HMAC (see {@link PageMacVerifier}). Reads through `fd`, which the caller keeps
 * open until after the database connection closes: closing any descriptor of a file drops this
 * process's POSIX locks on it, including SQLite's own.
 */
export function checkPageHmacs(fd: number, key: Buffer): string[] {
  const size = fstatSync(fd).size;
  const verifier = new PageMacVerifier(key);
  const buf = Buffer.alloc(256 * PAGE_SIZE);
  try {
    for (let at = 0; at < size; ) {
      const read = readSync(fd, buf, 0, Math.min(buf.length, size - at), at);
      if (read === 0) {
        verifier.problems.push('The file ended early while being read.');
        break;
      }
      verifier.update(buf.subarray(0, read));
      at += read;
    }
    return verifier.finish();
  } finally {
    verifier.wipe();
    buf.fill(0);
  }
}

export const SQLCIPHER_SETTINGS = {
  cipher: 'sqlcipher',
  legacy: 4,
  pageSize: PAGE_SIZE,
  reserveBytes: RESERVE_BYTES,
  cipherAlgorithm: 'AES-256-CBC',
  hmacAlgorithm: 'HMAC-SHA512',
  kdfAlgorithm: 'PBKDF2-HMAC-SHA512 (unused with a raw key)',
  kdfIterations: 256000,
  keyForm: 'raw 256-bit key',
} as const;

/**
 * Proves the file is readable and not newer than this app with a read-only connection first, so a
 * refused vault is never written to. Then opens read-write (unless `readonly`) and migrates.
 */
export function openDatabase(
  dir: string,
  key: Buffer,
  opts: { readonly: boolean; lockHeld: boolean },
): { db: VaultDatabase; sideFilesBefore: { wal: boolean; shm: boolean } } {
  const path = join(dir, DB_FILE);
  assertPlausibleFile(path);
  const before = sideFilesPresent(path);
  const probe = openKeyed(path, key, { readonly: true });
  let version: number;
  try {
    version = assertReadable(probe);
    if (version > LATEST_SCHEMA_VERSION) throw new VaultError('VAULT_TOO_NEW');
    if (version < 1) throw new VaultError('VAULT_CORRUPT');
  } catch (err) {
    probe.close();
    if (opts.lockHeld) removeSideFilesIfCreated(path, before);
    throw err;
  }
  if (opts.readonly) {
    applyConnectionSettings(probe, { readonly: true });
    return { db: probe, sideFilesBefore: before };
  }
  probe.close();
  const db = openKeyed(path, key, { readonly: false });
  try {
    assertReadable(db);
    applyConnectionSettings(db, { readonly: false });
    migrate(db);
    return { db, sideFilesBefore: before };
  } catch (err) {
    db.close();
    throw err;
  }
}
