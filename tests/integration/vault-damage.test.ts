// A damaged, tampered or too-new vault is refused with a clear code, and the refusal changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { openVault, type VaultErrorCode } from '../../db/vault';
import { canonicalJson } from '../../db/vault/envelope';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { createTestVault, listDir, sha256File, vaultErrorFrom, type TestVault } from '../../db/testing';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A closed vault on disk, ready to be damaged. */
async function closedVault(): Promise<TestVault & { key: string }> {
  const t = await createTestVault();
  cleanups.push(t.cleanup);
  const key = t.vault.rawKeyHex();
  t.vault.close();
  return { ...t, key };
}

type Json = Record<string, unknown>;
const readEnvelope = (dir: string): Json => JSON.parse(readFileSync(join(dir, 'vault.key.json'), 'utf8')) as Json;
const writeEnvelope = (dir: string, env: unknown): void => writeFileSync(join(dir, 'vault.key.json'), JSON.stringify(env, null, 2));
const recomputeChecksum = (env: Json): Json => {
  const { checksum: _c, mac: _m, ...body } = env;
  return { ...env, checksum: createHash('sha256').update(canonicalJson(body)).digest('hex') };
};

function setPath(obj: Json, path: string, value: unknown): Json {
  const copy = structuredClone(obj);
  const parts = path.split('.');
  let node = copy as Record<string, unknown>;
  for (const p of parts.slice(0, -1)) node = node[p] as Record<string, unknown>;
  node[parts.at(-1)!] = value;
  return copy;
}

const flipBase64 = (s: string): string => {
  const b = Buffer.from(s, 'base64');
  b[0]! ^= 0x01;
  return b.toString('base64');
};

describe('tampered envelope', () => {
  // Every field of the envelope, changed in a way that still parses as JSON.
  const edits: [string, (v: unknown) => unknown, VaultErrorCode][] = [
    ['format', () => 'something-else', 'ENVELOPE_TAMPERED'],
    ['version', () => 0, 'ENVELOPE_TAMPERED'],
    ['version', () => 2, 'VAULT_TOO_NEW'],
    ['vaultId', () => '00000000-0000-4000-8000-000000000000', 'ENVELOPE_TAMPERED'],
    ['createdAt', () => '2020-01-01T00:00:00.000Z', 'ENVELOPE_TAMPERED'],
    ['updatedAt', () => '2020-01-01T00:00:00.000Z', 'ENVELOPE_TAMPERED'],
    ['cipher', () => 'aes-128-gcm', 'ENVELOPE_TAMPERED'],
    ['passphrase.kdf.algorithm', () => 'argon2i', 'ENVELOPE_TAMPERED'],
    ['passphrase.kdf.argon2Version', () => 16, 'ENVELOPE_TAMPERED'],
    ['passphrase.kdf.memoryKiB', (v) => (v as number) / 2, 'ENVELOPE_TAMPERED'],
    ['passphrase.kdf.iterations', (v) => (v as number) + 1, 'ENVELOPE_TAMPERED'],
    ['passphrase.kdf.parallelism', (v) => (v as number) + 1, 'ENVELOPE_TAMPERED'],
    ['passphrase.kdf.salt', (v) => flipBase64(v as string), 'ENVELOPE_TAMPERED'],
    ['passphrase.iv', (v) => flipBase64(v as string), 'ENVELOPE_TAMPERED'],
    ['passphrase.ciphertext', (v) => flipBase64(v as string), 'ENVELOPE_TAMPERED'],
    ['passphrase.tag', (v) => flipBase64(v as string), 'ENVELOPE_TAMPERED'],
    ['recovery.kdf.algorithm', () => 'hkdf-sha512', 'ENVELOPE_TAMPERED'],
    ['recovery.kdf.salt', (v) => flipBase64(v as string), 'ENVELOPE_TAMPERED'],
    ['recovery.iv', (v) => flipBase64(v as string), 'ENVELOPE_TAMPERED'],
    ['recovery.ciphertext', (v) => flipBase64(v as string), 'ENVELOPE_TAMPERED'],
    ['recovery.tag', (v) => flipBase64(v as string), 'ENVELOPE_TAMPERED'],
    ['checksum', (v) => (v as string).replace(/^./, (c) => (c === '0' ? '1' : '0')), 'ENVELOPE_TAMPERED'],
    ['mac', (v) => (v as string).replace(/^./, (c) => (c === '0' ? '1' : '0')), 'ENVELOPE_TAMPERED'],
    ['extra', () => 'an unexpected field', 'ENVELOPE_TAMPERED'],
  ];

  it.each(edits)('refuses a changed %s (%#)', async (path, edit, code) => {
    const { dir, passphrase, recoveryKey } = await closedVault();
    const original = readEnvelope(dir);
    const current = path.split('.').reduce<unknown>((node, p) => (node as Json)?.[p], original);
    writeEnvelope(dir, setPath(original, path, edit(current)));
    const hash = sha256File(join(dir, 'vault.key.json'));
    for (const secret of [{ passphrase }, { recoveryKey }]) {
      const err = await vaultErrorFrom(() => openVault(dir, secret));
      expect(err.code).toBe(code);
    }
    expect(sha256File(join(dir, 'vault.key.json'))).toBe(hash);
    expect(listDir(dir)).toEqual(['vault.db', 'vault.key.json']);
  });

  it('explains itself in plain words', async () => {
    const { dir, passphrase } = await closedVault();
    writeFileSync(join(dir, 'vault.key.json'), '{ not json');
    const err = await vaultErrorFrom(() => openVault(dir, { passphrase }));
    expect(err.code).toBe('ENVELOPE_TAMPERED');
    expect(err.message).toMatch(/key file \(vault\.key\.json\) has been changed or damaged/);
    writeFileSync(join(dir, 'vault.key.json'), '');
    expect((await vaultErrorFrom(() => openVault(dir, { passphrase }))).code).toBe('ENVELOPE_TAMPERED');
  });

  it('catches a deliberate edit that also fixes up the checksum', async () => {
    const { dir, passphrase, recoveryKey } = await closedVault();
    const original = readEnvelope(dir);

    // Replace the recovery wrap: the passphrase still unwraps the key, and the MAC then shows the tampering.
    const other = await createTestVault();
    cleanups.push(other.cleanup);
    const foreignRecovery = (readEnvelope(other.dir) as { recovery: unknown }).recovery;
    writeEnvelope(dir, recomputeChecksum({ ...original, recovery: foreignRecovery }));
    expect((await vaultErrorFrom(() => openVault(dir, { passphrase }))).code).toBe('ENVELOPE_TAMPERED');

    // Weaken the passphrase KDF: its wrap no longer authenticates (AAD), and the recovery route reports tampering.
    writeEnvelope(dir, recomputeChecksum(setPath(original, 'passphrase.kdf.iterations', 20)));
    expect((await vaultErrorFrom(() => openVault(dir, { passphrase }))).code).toBe('WRONG_PASSPHRASE');
    expect((await vaultErrorFrom(() => openVault(dir, { recoveryKey }))).code).toBe('ENVELOPE_TAMPERED');
  });

  it('reports a missing key file beside an existing database as damage, not a missing vault', async () => {
    const { dir, passphrase } = await closedVault();
    rmSync(join(dir, 'vault.key.json'));
    const err = await vaultErrorFrom(() => openVault(dir, { passphrase }));
    expect(err.code).toBe('VAULT_CORRUPT');
    expect(err.message).toContain('key file');
  });
});

describe('damaged database', () => {
  const truncations: [string, (size: number) => number][] = [
    ['to nothing', () => 0],
    ['to a few bytes', () => 10],
    ['to its first page', () => 4096],
    ['by one page', (size) => size - 4096],
    ['mid-page', (size) => size - 100],
  ];

  it.each(truncations)('refuses a vault.db truncated %s, and leaves it as it was', async (_label, to) => {
    const { vault, dir, passphrase } = await createTestVault();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    vault.db.exec('CREATE TABLE filler (x TEXT)');
    const insert = vault.db.prepare('INSERT INTO filler VALUES (?)');
    vault.db.transaction(() => {
      for (let i = 0; i < 200; i++) insert.run('x'.repeat(500));
    })();
    vault.close();
    const path = join(dir, 'vault.db');
    truncateSync(path, to(readFileSync(path).length));
    const hash = sha256File(path);
    const err = await vaultErrorFrom(() => openVault(dir, { passphrase }));
    expect(err.code).toBe('VAULT_CORRUPT');
    expect(err.message).toMatch(/damaged or incomplete.*Nothing has been changed/);
    expect(sha256File(path)).toBe(hash);
    expect(listDir(dir)).toEqual(['vault.db', 'vault.key.json']);
  });

  it('reports a missing vault.db', async () => {
    const { dir, passphrase } = await closedVault();
    rmSync(join(dir, 'vault.db'));
    expect((await vaultErrorFrom(() => openVault(dir, { passphrase }))).code).toBe('VAULT_CORRUPT');
  });

  it('finds a damaged page, a broken link between rows, and names no record content', async () => {
    const { vault, dir, passphrase } = await createTestVault();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    expect(vault.checkIntegrity()).toEqual({ ok: true, problems: [] });
    vault.db.exec(`
      CREATE TABLE parent (id INTEGER PRIMARY KEY);
      CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id), body TEXT);
      PRAGMA foreign_keys = OFF;
      INSERT INTO child (parent_id, body) VALUES (99, 'Secret-Canary-4471');
      PRAGMA foreign_keys = ON;
    `);
    const links = vault.checkIntegrity();
    expect(links.ok).toBe(false);
    expect(links.problems).toEqual(['Links: row 1 of child refers to a missing entry in parent.']);
    vault.close();

    // Flip one byte in the last page: SQLCipher's per-page HMAC no longer matches.
    const path = join(dir, 'vault.db');
    const bytes = readFileSync(path);
    bytes[bytes.length - 200]! ^= 0x01;
    writeFileSync(path, bytes);
    const reopened = await openVault(dir, { passphrase });
    const result = reopened.checkIntegrity();
    reopened.close();
    expect(result.ok).toBe(false);
    expect(result.problems).toContain(`Encryption: Page ${bytes.length / 4096} failed its authentication check (HMAC).`);
    expect(result.problems.join('\n')).not.toContain('Canary');
  });
});

describe('vault newer than this app', () => {
  it('is refused and not modified in any way', async () => {
    const { dir, passphrase, recoveryKey, key } = await closedVault();
    const raw = new Database(join(dir, 'vault.db'));
    raw.pragma("cipher = 'sqlcipher'");
    raw.pragma('legacy = 4');
    raw.pragma(`key = "x'${key}'"`);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const before = listDir(dir).map((f) => [f, sha256File(join(dir, f))]);

    for (const secret of [{ passphrase }, { recoveryKey }]) {
      const err = await vaultErrorFrom(() => openVault(dir, secret));
      expect(err.code).toBe('VAULT_TOO_NEW');
      expect(err.message).toMatch(/newer version of Hearth.*Nothing has been changed/);
    }
    expect(listDir(dir).map((f) => [f, sha256File(join(dir, f))])).toEqual(before);
  });
});
