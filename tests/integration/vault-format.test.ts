// vault.db is standard SQLCipher 4: an independent decryption written from Zetetic's published
// design (node:crypto only) turns it into a plain SQLite file with the same content. Where a
// SQLCipher 4 command-line tool is installed, it opens the vault with default settings too.
import { afterEach, describe, expect, it } from 'vitest';
import { createDecipheriv, createHmac, pbkdf2Sync } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3-multiple-ciphers';
import { createTestVault, makeTempDir } from '../../db/testing';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const CANARY = 'Canary-5150 drew a house with a red door';

/** SQLCipher 4 defaults: 4096-byte pages; AES-256-CBC; 16-byte IV and 64-byte HMAC-SHA512 at the end of each page. */
function decryptSqlcipher4(file: Buffer, key: Buffer): Buffer {
  const pageSize = 4096;
  const reserve = 80;
  expect(file.length % pageSize).toBe(0);
  const salt = file.subarray(0, 16);
  const hmacKey = pbkdf2Sync(key, Buffer.from(salt.map((b) => b ^ 0x3a)), 2, 32, 'sha512');
  const out = Buffer.alloc(file.length);
  for (let i = 0; i < file.length / pageSize; i++) {
    const page = file.subarray(i * pageSize, (i + 1) * pageSize);
    const start = i === 0 ? 16 : 0;
    const encrypted = page.subarray(start, pageSize - reserve);
    const iv = page.subarray(pageSize - reserve, pageSize - reserve + 16);
    const pgno = Buffer.alloc(4);
    pgno.writeUInt32LE(i + 1);
    const mac = createHmac('sha512', hmacKey).update(encrypted).update(iv).update(pgno).digest();
    expect(mac.equals(page.subarray(pageSize - 64)), `HMAC of page ${i + 1}`).toBe(true);
    const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
    Buffer.concat([decipher.update(encrypted), decipher.final()]).copy(out, i * pageSize + start);
  }
  Buffer.from('SQLite format 3\0', 'latin1').copy(out, 0);
  return out;
}

async function vaultWithCanary(): Promise<{ dir: string; key: string }> {
  const { vault, dir } = await createTestVault();
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  vault.db.exec(`
    CREATE TABLE scratch_notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
    CREATE VIRTUAL TABLE scratch_fts USING fts5(body);
  `);
  vault.db.prepare('INSERT INTO scratch_notes (body) VALUES (?)').run(CANARY);
  vault.db.prepare('INSERT INTO scratch_fts (body) VALUES (?)').run(CANARY);
  const key = vault.rawKeyHex();
  vault.close();
  return { dir, key };
}

describe('vault.db format', () => {
  it('decrypts with the SQLCipher 4 algorithm alone into an ordinary SQLite database', async () => {
    const { dir, key } = await vaultWithCanary();
    const file = readFileSync(join(dir, 'vault.db'));
    for (const encoding of ['utf8', 'utf16le'] as const) expect(file.includes(Buffer.from(CANARY, encoding))).toBe(false);

    const plainDir = makeTempDir();
    cleanups.push(() => rmSync(plainDir, { recursive: true, force: true }));
    const plainPath = join(plainDir, 'plain.db');
    writeFileSync(plainPath, decryptSqlcipher4(file, Buffer.from(key, 'hex')));
    const plain = new Database(plainPath, { readonly: true });
    expect(plain.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(plain.prepare('SELECT body FROM scratch_notes').pluck().all()).toEqual([CANARY]);
    expect(plain.prepare("SELECT body FROM scratch_fts WHERE scratch_fts MATCH 'house'").pluck().all()).toEqual([CANARY]);
    expect(plain.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1);
    plain.close();
  });

  it('keeps the write-ahead log encrypted too', async () => {
    const { vault, dir } = await createTestVault();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    vault.db.exec('CREATE TABLE scratch_notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    vault.db.prepare('INSERT INTO scratch_notes (body) VALUES (?)').run(CANARY);
    const wal = readFileSync(join(dir, 'vault.db-wal'));
    expect(wal.length).toBeGreaterThan(0);
    const utf16be = Buffer.from(CANARY, 'utf16le').swap16();
    for (const needle of [Buffer.from(CANARY, 'utf8'), Buffer.from(CANARY, 'utf16le'), utf16be]) {
      for (const file of [wal, readFileSync(join(dir, 'vault.db'))]) expect(file.includes(needle)).toBe(false);
    }
    vault.close();
  });

  // Debian bookworm's sqlcipher package is 3.4.1, which cannot read SQLCipher 4, so this test exists
  // only where a SQLCipher 4 command-line tool is on the machine (it is not reported as skipped).
  const cli = ['/usr/bin/sqlcipher', '/usr/local/bin/sqlcipher'].find((p) => existsSync(p));
  const cliVersion = cli ? spawnSync(cli, [':memory:'], { input: 'PRAGMA cipher_version;\n', encoding: 'utf8' }).stdout.trim() : '';
  if (/^4\./.test(cliVersion)) it(`opens in Zetetic's sqlcipher ${cliVersion} with default settings and the raw key`, async () => {
    const { dir, key } = await vaultWithCanary();
    const result = spawnSync(cli!, [join(dir, 'vault.db')], {
      input: `PRAGMA key = "x'${key}'";\nPRAGMA cipher_integrity_check;\nSELECT body FROM scratch_notes;\n`,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(CANARY);
  });
});
