// Owns the vault's lifecycle: create, unlock (passphrase or recovery key), re-wrap the key, check
// integrity and close. Ties together the envelope, the lock file, the SQLCipher file and migrations.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { migrate, schemaVersionOf } from '../migrations';
import { VaultError } from './errors';
import { runIntegrityChecks } from './integrity';
import {
  DB_FILE,
  applyConnectionSettings,
  openDatabase,
  openKeyed,
  removeSideFilesIfCreated,
  type VaultDatabase,
} from './sqlcipher';
import {
  ENVELOPE_FILE,
  bodyOf,
  kdfParamsOf,
  newEnvelopeBody,
  readEnvelope,
  rewrap,
  seal,
  unwrapVaultKey,
  verifyMac,
  wrapAad,
  writeEnvelope,
  type Envelope,
} from './envelope';
import { calibrateKdf, derivePassphraseKey, deriveRecoveryKey, type KdfParams } from './kdf';
import { acquireVaultLock, type VaultLock } from './lock';
import { generateRecoveryKey, parseRecoveryKey } from './recoveryKey';

export type VaultSecret = { passphrase: string } | { recoveryKey: string };

/** The same floor as the app's form (contract/vault.ts); a test keeps the two equal. */
export const MIN_PASSPHRASE_LENGTH = 10;
const VAULT_KEY_BYTES = 32;

/** The floor every passphrase must clear; the app's strength meter asks for more. */
export function assertPassphraseAcceptable(passphrase: string): void {
  const length = [...passphrase.normalize('NFC')].length;
  if (length < MIN_PASSPHRASE_LENGTH || passphrase.trim() === '') throw new VaultError('WEAK_PASSPHRASE');
}

function assertKdfParams(kdf: KdfParams): KdfParams {
  const ok =
    kdf.algorithm === 'argon2id' &&
    // Within the bounds readEnvelope accepts, so a vault can always be reopened.
    Number.isInteger(kdf.memoryKiB) && kdf.memoryKiB >= 8 * kdf.parallelism && kdf.memoryKiB <= 4 * 1024 * 1024 &&
    Number.isInteger(kdf.iterations) && kdf.iterations >= 1 && kdf.iterations <= 1000 &&
    Number.isInteger(kdf.parallelism) && kdf.parallelism >= 1 && kdf.parallelism <= 16;
  if (!ok) throw new RangeError('Invalid Argon2id parameters.');
  return { algorithm: 'argon2id', memoryKiB: kdf.memoryKiB, iterations: kdf.iterations, parallelism: kdf.parallelism };
}

async function kdfOrCalibrated(kdf: KdfParams | undefined): Promise<KdfParams> {
  if (kdf) return assertKdfParams(kdf);
  const { measuredMs: _measured, ...calibrated } = await calibrateKdf();
  return calibrated;
}

/** True when the folder holds a vault, or the remains of one that Hearth must not overwrite. */
export function vaultExists(dir: string): boolean {
  return existsSync(join(dir, ENVELOPE_FILE)) || existsSync(join(dir, DB_FILE));
}

const INTERNAL = Symbol('Vault.internal');

interface VaultParts {
  dir: string;
  db: VaultDatabase;
  key: Buffer;
  envelope: Envelope;
  lock: VaultLock | null;
  readonly: boolean;
  /** Which SQLite side files existed before a read-only open, so close can tidy up after itself. */
  sideFilesBefore?: { wal: boolean; shm: boolean };
}

/** An unlocked vault. Obtain one from {@link createVault} or {@link openVault}; always {@link Vault.close} it. */
export class Vault {
  readonly dir: string;
  readonly db: VaultDatabase;
  readonly readonly: boolean;
  #key: Buffer;
  #envelope: Envelope;
  #lock: VaultLock | null;
  #sideFilesBefore: { wal: boolean; shm: boolean } | undefined;
  #closed = false;
  #rawFd: number | null = null;
  #envelopeWrites: Promise<unknown> = Promise.resolve();

  constructor(token: typeof INTERNAL, parts: VaultParts) {
    if (token !== INTERNAL) throw new Error('Use createVault or openVault.');
    this.dir = parts.dir;
    this.db = parts.db;
    this.readonly = parts.readonly;
    this.#key = parts.key;
    this.#envelope = parts.envelope;
    this.#lock = parts.lock;
    this.#sideFilesBefore = parts.sideFilesBefore;
  }

  get schemaVersion(): number {
    this.#assertOpen();
    return schemaVersionOf(this.db);
  }

  get isOpen(): boolean {
    return !this.#closed;
  }

  /** Non-secret facts about the key envelope, for `vault info` and the settings page. */
  get envelopeInfo(): { vaultId: string; version: number; createdAt: string; updatedAt: string; kdf: KdfParams } {
    const env = this.#envelope;
    return { vaultId: env.vaultId, version: env.version, createdAt: env.createdAt, updatedAt: env.updatedAt, kdf: kdfParamsOf(env) };
  }

  /** Checks a passphrase against this vault without changing anything (e.g. before a passphrase change). */
  async verifyPassphrase(passphrase: string): Promise<boolean> {
    this.#assertOpen();
    const key = await unwrapWithPassphrase(this.#envelope, passphrase);
    const matches = key !== null && key.equals(this.#key);
    key?.fill(0);
    return matches;
  }

  /**
   * Re-wraps the vault key under a new passphrase. The database itself is not re-encrypted, so this
   * also works on a vault opened read-only; it needs the vault's lock (held, or free to take).
   */
  async changePassphrase(newPassphrase: string, opts: { kdf?: KdfParams } = {}): Promise<void> {
    this.#assertOpen();
    assertPassphraseAcceptable(newPassphrase);
    const kdf = await kdfOrCalibrated(opts.kdf);
    await this.#rewriteEnvelope(async (body) => {
      const salt = randomBytes(16);
      const next = {
        ...body,
        passphrase: { ...body.passphrase, kdf: { ...body.passphrase.kdf, ...kdf, salt: salt.toString('base64') } },
      };
      const kek = await derivePassphraseKey(newPassphrase, salt, kdf);
      try {
        return rewrap(next, 'passphrase', kek, this.#key);
      } finally {
        kek.fill(0);
      }
    });
  }

  /** Replaces the recovery key; the old one stops working. Returns the new key, formatted for display. */
  async rotateRecoveryKey(): Promise<string> {
    this.#assertOpen();
    const recovery = generateRecoveryKey();
    try {
      await this.#rewriteEnvelope(async (body) => {
        const salt = randomBytes(16);
        const next = { ...body, recovery: { ...body.recovery, kdf: { ...body.recovery.kdf, salt: salt.toString('base64') } } };
        const kek = await deriveRecoveryKey(recovery.bytes, salt);
        try {
          return rewrap(next, 'recovery', kek, this.#key);
        } finally {
          kek.fill(0);
        }
      });
      return recovery.formatted;
    } finally {
      recovery.bytes.fill(0);
    }
  }

  /**
   * SQLCipher page authentication, SQLite's integrity_check and foreign_key_check. Problem lines
   * name pages, tables and row numbers only, never record content.
   */
  checkIntegrity(): { ok: boolean; problems: string[] } {
    this.#assertOpen();
    const problems: string[] = [];
    if (!this.readonly) {
      try {
        this.db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // Pages still in the WAL are checked by SQLite when integrity_check reads them.
      }
    }
    this.#rawFd ??= openSync(join(this.dir, DB_FILE), 'r');
    problems.push(...runIntegrityChecks(this.db, this.#rawFd, this.#key));
    return { ok: problems.length === 0, problems };
  }

  /** The raw SQLCipher key as 64 hex characters: the documented escape hatch (`vault key`). */
  rawKeyHex(): string {
    this.#assertOpen();
    return this.#key.toString('hex');
  }

  /** Closes the database, zeroes the key in memory (best effort) and releases the lock. Safe to call twice. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      if (this.db.open) this.db.close();
      // Only now, with SQLite's own locks gone, may the raw descriptor be closed.
      if (this.#rawFd !== null) closeSync(this.#rawFd);
      this.#rawFd = null;
      // A read-only connection leaves empty -wal/-shm files; with the lock held nobody else uses them.
      if (this.readonly && this.#lock && this.#sideFilesBefore) {
        removeSideFilesIfCreated(join(this.dir, DB_FILE), this.#sideFilesBefore);
      }
    } finally {
      this.#key.fill(0);
      this.#lock?.release();
      this.#lock = null;
    }
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('The vault is locked.');
  }


  /** Serialises envelope changes, holding the lock file for the write if this Vault does not already. */
  async #rewriteEnvelope(change: (body: ReturnType<typeof bodyOf>) => Promise<ReturnType<typeof bodyOf>>): Promise<void> {
    const run = async (): Promise<void> => {
      this.#assertOpen();
      const body = await change(bodyOf(this.#envelope));
      const sealed = seal({ ...body, updatedAt: new Date().toISOString() }, this.#key);
      const lock = this.#lock ? null : acquireVaultLock(this.dir);
      try {
        writeEnvelope(this.dir, sealed);
      } finally {
        lock?.release();
      }
      this.#envelope = sealed;
    };
    const next = this.#envelopeWrites.then(run, run);
    this.#envelopeWrites = next.catch(() => undefined);
    return next;
  }
}

async function unwrapWithPassphrase(env: Envelope, passphrase: string): Promise<Buffer | null> {
  const salt = Buffer.from(env.passphrase.kdf.salt, 'base64');
  const kek = await derivePassphraseKey(passphrase, salt, kdfParamsOf(env));
  try {
    return unwrapVaultKey(kek, env.passphrase, wrapAad(env, 'passphrase'));
  } finally {
    kek.fill(0);
  }
}

async function unwrapWithRecoveryKey(env: Envelope, recoveryKey: string): Promise<Buffer | null> {
  const bytes = parseRecoveryKey(recoveryKey);
  const kek = await deriveRecoveryKey(bytes, Buffer.from(env.recovery.kdf.salt, 'base64'));
  try {
    return unwrapVaultKey(kek, env.recovery, wrapAad(env, 'recovery'));
  } finally {
    kek.fill(0);
    bytes.fill(0);
  }
}

function readEnvelopeOf(dir: string): Envelope {
  try {
    return readEnvelope(dir);
  } catch (err) {
    if (err instanceof VaultError && err.code === 'NO_VAULT' && existsSync(join(dir, DB_FILE))) {
      throw new VaultError(
        'VAULT_CORRUPT',
        "The vault's key file (vault.key.json) is missing from this folder, so Hearth cannot open the vault. " +
          'Restore the key file from a backup. Nothing has been changed.',
      );
    }
    throw err;
  }
}

export async function openVault(
  dir: string,
  secret: VaultSecret,
  opts: { holdLock?: boolean; readonly?: boolean } = {},
): Promise<Vault> {
  const readonly = opts.readonly ?? false;
  const envelope = readEnvelopeOf(dir);
  const lock = (opts.holdLock ?? !readonly) ? acquireVaultLock(dir) : null;
  let key: Buffer | null = null;
  try {
    if ('passphrase' in secret) {
      key = await unwrapWithPassphrase(envelope, secret.passphrase);
      if (key === null) throw new VaultError('WRONG_PASSPHRASE');
    } else {
      key = await unwrapWithRecoveryKey(envelope, secret.recoveryKey);
      if (key === null) throw new VaultError('WRONG_RECOVERY_KEY');
    }
    if (!verifyMac(envelope, key)) throw new VaultError('ENVELOPE_TAMPERED');
    const { db, sideFilesBefore } = openDatabase(dir, key, { readonly, lockHeld: lock !== null });
    return new Vault(INTERNAL, { dir, db, key, envelope, lock, readonly, sideFilesBefore });
  } catch (err) {
    key?.fill(0);
    lock?.release();
    throw err;
  }
}

export async function createVault(
  dir: string,
  opts: { passphrase: string; kdf?: KdfParams; holdLock?: boolean },
): Promise<{ vault: Vault; recoveryKey: string }> {
  assertPassphraseAcceptable(opts.passphrase);
  if (vaultExists(dir)) throw new VaultError('VAULT_EXISTS');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const lock = acquireVaultLock(dir);
  const key = randomBytes(VAULT_KEY_BYTES);
  const recovery = generateRecoveryKey();
  const dbPath = join(dir, DB_FILE);
  let db: VaultDatabase | null = null;
  let createdDbFile = false;
  try {
    if (vaultExists(dir)) throw new VaultError('VAULT_EXISTS');
    const kdf = await kdfOrCalibrated(opts.kdf);
    const passphraseSalt = randomBytes(16);
    const recoverySalt = randomBytes(16);
    let body = newEnvelopeBody({ kdf, passphraseSalt, recoverySalt });
    const passphraseKek = await derivePassphraseKey(opts.passphrase, passphraseSalt, kdf);
    const recoveryKek = await deriveRecoveryKey(recovery.bytes, recoverySalt);
    body = rewrap(rewrap(body, 'passphrase', passphraseKek, key), 'recovery', recoveryKek, key);
    passphraseKek.fill(0);
    recoveryKek.fill(0);
    const envelope = seal(body, key);

    // The database is complete and committed before the envelope appears, so a key file always
    // describes a whole vault.
    // Created empty first so the file (and SQLite's -wal and -shm, which copy its mode) is private.
    closeSync(openSync(dbPath, 'wx', 0o600));
    createdDbFile = true;
    db = openKeyed(dbPath, key, { readonly: false, create: true });
    applyConnectionSettings(db, { readonly: false });
    migrate(db);
    const putMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    db.transaction(() => {
      putMeta.run('vault_id', envelope.vaultId);
      putMeta.run('created_at', envelope.createdAt);
    })();
    writeEnvelope(dir, envelope);

    const holdLock = opts.holdLock ?? true;
    if (!holdLock) lock.release();
    const vault = new Vault(INTERNAL, { dir, db, key, envelope, lock: holdLock ? lock : null, readonly: false });
    return { vault, recoveryKey: recovery.formatted };
  } catch (err) {
    db?.close();
    if (createdDbFile && !existsSync(join(dir, ENVELOPE_FILE))) {
      for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true });
    }
    key.fill(0);
    lock.release();
    throw err;
  } finally {
    recovery.bytes.fill(0);
  }
}
