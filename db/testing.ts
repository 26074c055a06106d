// Test helpers for code that needs a real vault: a fresh encrypted vault in a temporary folder,
// or a plain in-memory database at a chosen schema version for migration tests. Tests only: the
// weak KDF parameters here are passed explicitly and never reach the shipped app.
import Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from './migrations';
import { createVault, VaultError, type KdfParams, type Vault } from './vault';

/** Fast Argon2id parameters for tests (8 MiB, 1 pass). Far below what the app calibrates. */
export const TEST_KDF: KdfParams = { algorithm: 'argon2id', memoryKiB: 8192, iterations: 1, parallelism: 1 };

export const TEST_PASSPHRASE = 'correct horse battery staple';

export interface TestVault {
  vault: Vault;
  dir: string;
  passphrase: string;
  recoveryKey: string;
  /** Closes the vault (if still open) and deletes the folder. */
  cleanup(): void;
}

export function makeTempDir(prefix = 'hearth-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function createTestVault(opts: { passphrase?: string; holdLock?: boolean } = {}): Promise<TestVault> {
  const dir = makeTempDir();
  const passphrase = opts.passphrase ?? TEST_PASSPHRASE;
  try {
    const { vault, recoveryKey } = await createVault(dir, { passphrase, kdf: TEST_KDF, holdLock: opts.holdLock ?? true });
    return {
      vault,
      dir,
      passphrase,
      recoveryKey,
      cleanup() {
        vault.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** A plain (unencrypted) in-memory database migrated to exactly `version`: the start of a migration test. */
export function createDbAtVersion(version: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, { to: version });
  return db;
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function listDir(dir: string): string[] {
  return readdirSync(dir).sort();
}

/** Runs `action` and returns the VaultError it throws; throws if it succeeds or throws something else. */
export async function vaultErrorFrom(action: () => unknown): Promise<VaultError> {
  try {
    await action();
  } catch (err) {
    if (err instanceof VaultError) return err;
    throw err;
  }
  throw new Error('Expected a VaultError, but the action succeeded.');
}
