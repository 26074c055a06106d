// Owns the encrypted database file (vault.db): opening it in the standard SQLCipher 4 format with a
// raw key (refusing a damaged or too-new file before anything is written), the connection settings
// Hearth relies on, and a page-by-page check of SQLCipher's
// per-page HMACs (what Zetetic's `PRAGMA cipher_integrity_check` does; this build lacks that pragma).
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, fstatSync, readSync, rmSync, statSync } from 'node:fs';
import { createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import { LATEST_SCHEMA_VERSION, migrate } from '../migrations';
import { VaultError } from './errors';

export type VaultDatabase = Database.Database;

export const DB_FILE = 'vault.db';
/** SQLCipher 4 defaults: 4096-byte pages, each ending in a 16-byte IV and a 64-byte HMAC-SHA512. */
export const PAGE_SIZE = 4096;
const IV_BYTES = 16;
const HMAC_BYTES = 64;
const RESERVE_BYTES = IV_BYTES + HMAC_BYTES;
const SALT_BYTES = 16;

export function keyPragma(key: Buffer): string {
  return `key = "x'${key.toString('hex')}'"`;
}

/** Opens a connection and keys it. Reads nothing yet, so a wrong key or damaged file shows up in {@link assertReadable}. */
export function openKeyed(path: string, key: Buffer, opts: { readonly: boolean; create?: boolean }): VaultDatabase {
  const db = new Database(path, { readonly: opts.readonly, fileMustExist: !opts.create });
  try {
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
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
 * Verifies every page's HMAC in vault.db, exactly as SQLCipher computes it:
 * HMAC-SHA512(hmacKey, encrypted bytes ‖ IV ‖ page number as 4 bytes little-endian), where
 * hmacKey = PBKDF2-HMAC-SHA512(key, salt XOR 0x3a, 2 iterations, 32 bytes). Returns problem lines
 * that name page numbers only.
 */
/** SQLite never writes the page holding the lock bytes (offset 1 GiB), so it carries no HMAC. */
const LOCK_BYTE_OFFSET = 0x40000000;

/**
 * Checks every page's HMAC. Reads through `fd`, which the caller keeps open until after the
 * database connection closes: closing any descriptor of a file drops this process's POSIX locks
 * on it, including SQLite's own.
 */
export function checkPageHmacs(fd: number, key: Buffer): string[] {
  const problems: string[] = [];
  const size = fstatSync(fd).size;
  if (size % PAGE_SIZE !== 0) problems.push(`The file size is not a whole number of ${PAGE_SIZE}-byte pages.`);
  const pages = Math.floor(size / PAGE_SIZE);
  if (pages === 0) return [...problems, 'The file holds no pages.'];
  const chunkPages = 256;
  const buf = Buffer.alloc(chunkPages * PAGE_SIZE);
  let hmacKey: Buffer | undefined;
  try {
    for (let first = 0; first < pages; first += chunkPages) {
      const count = Math.min(chunkPages, pages - first);
      const read = readSync(fd, buf, 0, count * PAGE_SIZE, first * PAGE_SIZE);
      if (read < count * PAGE_SIZE) {
        problems.push('The file ended early while being read.');
        break;
      }
      if (first === 0) {
        const hmacSalt = Buffer.from(buf.subarray(0, SALT_BYTES).map((b) => b ^ 0x3a));
        hmacKey = pbkdf2Sync(key, hmacSalt, 2, 32, 'sha512');
      }
      for (let i = 0; i < count; i++) {
        const pgno = first + i + 1;
        if ((pgno - 1) * PAGE_SIZE === LOCK_BYTE_OFFSET) continue;
        const page = buf.subarray(i * PAGE_SIZE, (i + 1) * PAGE_SIZE);
        const start = pgno === 1 ? SALT_BYTES : 0;
        const pgnoBytes = Buffer.alloc(4);
        pgnoBytes.writeUInt32LE(pgno);
        const mac = createHmac('sha512', hmacKey!)
          .update(page.subarray(start, PAGE_SIZE - HMAC_BYTES))
          .update(pgnoBytes)
          .digest();
        if (!timingSafeEqual(mac, page.subarray(PAGE_SIZE - HMAC_BYTES))) {
          problems.push(`Page ${pgno} failed its authentication check (HMAC).`);
          if (problems.length >= 100) return [...problems, 'Further page problems were not listed.'];
        }
      }
    }
  } finally {
    hmacKey?.fill(0);
    buf.fill(0);
  }
  return problems;
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
