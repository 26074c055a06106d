// The vault's lifecycle against real encrypted files: create, unlock by passphrase or recovery key,
// change passphrase, rotate recovery key, the lock file, and KDF calibration.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  calibrateKdf,
  createVault,
  openVault,
  vaultExists,
  isVaultLocked,
  formatRecoveryKey,
  KDF_MIN_ITERATIONS,
  KDF_MIN_MEMORY_KIB,
  MIN_PASSPHRASE_LENGTH,
  type Vault,
} from '../../db/vault';
import { MIN_PASSPHRASE_LENGTH as FORM_MIN_PASSPHRASE_LENGTH } from '../../contract/vault';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { getSetting, setSetting } from '../../db/repos/settings';
import { createTestVault, listDir, makeTempDir, sha256File, TEST_KDF, vaultErrorFrom, type TestVault } from '../../db/testing';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function fresh(): Promise<TestVault> {
  const t = await createTestVault();
  cleanups.push(t.cleanup);
  return t;
}

function track(vault: Vault): Vault {
  cleanups.push(() => vault.close());
  return vault;
}

describe('create', () => {
  it('writes vault.db and vault.key.json, holds the lock, and is ready to use', async () => {
    const { vault, dir, recoveryKey } = await fresh();
    expect(listDir(dir)).toEqual(expect.arrayContaining(['vault.db', 'vault.key.json', 'vault.lock']));
    expect(vaultExists(dir)).toBe(true);
    expect(isVaultLocked(dir)).toBe(true);
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){7}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(vault.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(vault.rawKeyHex()).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(join(dir, 'vault.db')).mode & 0o077).toBe(0);
    expect(statSync(join(dir, 'vault.key.json')).mode & 0o077).toBe(0);

    const pragma = (name: string) => vault.db.pragma(name, { simple: true });
    expect(pragma('journal_mode')).toBe('wal');
    expect(pragma('synchronous')).toBe(2); // FULL
    expect(pragma('foreign_keys')).toBe(1);
    expect(pragma('temp_store')).toBe(2); // MEMORY
    expect(pragma('secure_delete')).toBe(1);

    const envelope = JSON.parse(readFileSync(join(dir, 'vault.key.json'), 'utf8'));
    expect(envelope).toMatchObject({ format: 'hearth-vault-key', version: 1, cipher: 'aes-256-gcm' });
    expect(envelope.passphrase.kdf).toMatchObject({ algorithm: 'argon2id', memoryKiB: 8192, iterations: 1, parallelism: 1 });
    const vaultId = vault.db.prepare("SELECT value FROM meta WHERE key = 'vault_id'").pluck().get();
    expect(vaultId).toBe(envelope.vaultId);
  });

  it('never overwrites an existing vault, and refuses a weak passphrase', async () => {
    const { dir } = await fresh();
    expect((await vaultErrorFrom(() => createVault(dir, { passphrase: 'another long one', kdf: TEST_KDF }))).code).toBe('VAULT_EXISTS');
    const empty = makeTempDir();
    cleanups.push(() => rmSync(empty, { recursive: true, force: true }));
    const weak = await vaultErrorFrom(() => createVault(empty, { passphrase: 'short', kdf: TEST_KDF }));
    expect(weak.code).toBe('WEAK_PASSPHRASE');
    const nine = await vaultErrorFrom(() => createVault(empty, { passphrase: 'ninechars', kdf: TEST_KDF }));
    expect(nine.code).toBe('WEAK_PASSPHRASE');
    expect(listDir(empty)).toEqual([]);
  });

  it('asks for the same passphrase length as the app’s form, so the CLI is no weaker', () => {
    expect(MIN_PASSPHRASE_LENGTH).toBe(FORM_MIN_PASSPHRASE_LENGTH);
  });

  it('reports NO_VAULT for an empty folder', async () => {
    const empty = makeTempDir();
    cleanups.push(() => rmSync(empty, { recursive: true, force: true }));
    expect(vaultExists(empty)).toBe(false);
    expect((await vaultErrorFrom(() => openVault(empty, { passphrase: 'whatever it is' }))).code).toBe('NO_VAULT');
  });
});

describe('unlock', () => {
  it('opens with the passphrase and keeps what was stored; close releases the lock and the key', async () => {
    const { vault, dir, passphrase } = await fresh();
    setSetting(vault.db, 'practitioner.name', 'Sam Example');
    vault.close();
    expect(existsSync(join(dir, 'vault.lock'))).toBe(false);
    expect(() => vault.rawKeyHex()).toThrow(/locked/);
    vault.close(); // twice is fine

    const again = track(await openVault(dir, { passphrase }));
    expect(getSetting(again.db, 'practitioner.name')).toBe('Sam Example');
  });

  it('refuses a wrong passphrase with a plain message and leaves no lock behind', async () => {
    const { vault, dir } = await fresh();
    vault.close();
    const err = await vaultErrorFrom(() => openVault(dir, { passphrase: 'not the passphrase' }));
    expect(err.code).toBe('WRONG_PASSPHRASE');
    expect(err.message).toBe("That passphrase doesn't match this vault.");
    expect(existsSync(join(dir, 'vault.lock'))).toBe(false);
  });

  it('opens with the recovery key, typed loosely', async () => {
    const { vault, dir, recoveryKey } = await fresh();
    vault.close();
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
    track(await openVault(dir, { recoveryKey: typed })).close();
  });

  it('catches a mistyped recovery key group, and a well-formed key from another vault', async () => {
    const { vault, dir, recoveryKey } = await fresh();
    vault.close();
    const groups = recoveryKey.split('-');
    groups[2] = groups[2]!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    const malformed = await vaultErrorFrom(() => openVault(dir, { recoveryKey: groups.join('-') }));
    expect(malformed.code).toBe('MALFORMED_RECOVERY_KEY');
    expect(malformed.message).toContain('group 3');

    const otherKey = formatRecoveryKey(Buffer.alloc(20, 9));
    expect((await vaultErrorFrom(() => openVault(dir, { recoveryKey: otherKey }))).code).toBe('WRONG_RECOVERY_KEY');
  });
});

describe('changing secrets re-wraps the key only', () => {
  it('changes the passphrase: old fails, new works, recovery key still works, vault.db untouched', async () => {
    const { vault, dir, passphrase, recoveryKey } = await fresh();
    vault.close();
    const before = sha256File(join(dir, 'vault.db'));

    const opened = await openVault(dir, { passphrase });
    expect(await opened.verifyPassphrase(passphrase)).toBe(true);
    expect(await opened.verifyPassphrase('something else entirely')).toBe(false);
    await expect(opened.changePassphrase('short')).rejects.toMatchObject({ code: 'WEAK_PASSPHRASE' });
    await opened.changePassphrase('a brand new passphrase', { kdf: { ...TEST_KDF, iterations: 2 } });
    opened.close();

    expect(sha256File(join(dir, 'vault.db'))).toBe(before);
    expect(listDir(dir)).toEqual(['vault.db', 'vault.key.json']);
    expect((await vaultErrorFrom(() => openVault(dir, { passphrase }))).code).toBe('WRONG_PASSPHRASE');
    const reopened = await openVault(dir, { passphrase: 'a brand new passphrase' });
    expect(reopened.envelopeInfo.kdf.iterations).toBe(2);
    reopened.close();
    (await openVault(dir, { recoveryKey })).close();
  });

  it('rotates the recovery key: old fails, new works, passphrase still works', async () => {
    const { vault, dir, passphrase, recoveryKey } = await fresh();
    const before = JSON.parse(readFileSync(join(dir, 'vault.key.json'), 'utf8'));
    const [a, b] = await Promise.all([vault.rotateRecoveryKey(), vault.rotateRecoveryKey()]);
    expect(a).not.toBe(b);
    vault.close();
    const after = JSON.parse(readFileSync(join(dir, 'vault.key.json'), 'utf8'));
    expect(after.passphrase).toEqual(before.passphrase);
    expect(after.recovery.kdf.salt).not.toBe(before.recovery.kdf.salt);

    expect((await vaultErrorFrom(() => openVault(dir, { recoveryKey }))).code).toBe('WRONG_RECOVERY_KEY');
    expect((await vaultErrorFrom(() => openVault(dir, { recoveryKey: a }))).code).toBe('WRONG_RECOVERY_KEY');
    (await openVault(dir, { recoveryKey: b })).close();
    (await openVault(dir, { passphrase })).close();
  });
});

describe('lock file', () => {
  it('refuses a second writer, allows a read-only look, and frees the vault on close', async () => {
    const { vault, dir, passphrase } = await fresh();
    expect((await vaultErrorFrom(() => openVault(dir, { passphrase }))).code).toBe('VAULT_IN_USE');
    const reader = await openVault(dir, { passphrase }, { readonly: true });
    expect(reader.readonly).toBe(true);
    expect(reader.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    // Re-wrapping needs the lock, which the app holds.
    await expect(reader.rotateRecoveryKey()).rejects.toMatchObject({ code: 'VAULT_IN_USE' });
    reader.close();
    vault.close();
    track(await openVault(dir, { passphrase }));
  });

  it('takes over a lock left by a process that has died, or an unreadable old one', async () => {
    const { vault, dir, passphrase } = await fresh();
    vault.close();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const lockPath = join(dir, 'vault.lock');
    writeFileSync(lockPath, JSON.stringify({ pid: Number(dead.stdout), host: (await import('node:os')).hostname(), token: 'x' }));
    expect(isVaultLocked(dir)).toBe(false);
    (await openVault(dir, { passphrase })).close();

    writeFileSync(lockPath, '');
    expect((await vaultErrorFrom(() => openVault(dir, { passphrase }))).code).toBe('VAULT_IN_USE');
    utimesSync(lockPath, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    (await openVault(dir, { passphrase })).close();
  });

  it('lets the app hold no lock when asked (holdLock: false)', async () => {
    const { vault, dir, passphrase } = await fresh();
    vault.close();
    const unlocked = track(await openVault(dir, { passphrase }, { holdLock: false }));
    expect(isVaultLocked(dir)).toBe(false);
    await unlocked.changePassphrase('yet another passphrase', { kdf: TEST_KDF });
    expect(isVaultLocked(dir)).toBe(false);
  });
});

describe('KDF calibration', () => {
  it('never goes below 64 MiB and 3 passes, however small the target', async () => {
    const quick = await calibrateKdf({ targetMs: 1 });
    expect(quick).toMatchObject({ algorithm: 'argon2id', memoryKiB: KDF_MIN_MEMORY_KIB, iterations: KDF_MIN_ITERATIONS });
    expect(quick.parallelism).toBeGreaterThanOrEqual(1);
    expect(quick.measuredMs).toBeGreaterThan(0);
  });

  it('aims for the target time on this machine', async () => {
    const kdf = await calibrateKdf({ targetMs: 300 });
    expect(kdf.memoryKiB).toBeGreaterThanOrEqual(65536);
    expect(kdf.iterations).toBeGreaterThanOrEqual(3);
    expect(kdf.measuredMs).toBeGreaterThan(100);
    expect(kdf.measuredMs).toBeLessThan(3000);
  });
});
