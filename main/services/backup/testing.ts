// Test helpers for backups: a vault seeded with rows in tables of its own, table dumps to compare
// a restored vault with the original, byte surgery on backup files, and a builder for crafted
// backups sealed with the real key (to prove the manifest checks, not just the encryption).
// Tests only; nothing here is used by the app.
import { faker } from '@faker-js/faker';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VaultDatabase } from '../../../db/vault/sqlcipher';
import { createTestVault, type TestVault } from '../../../db/testing';
import { ArchiveWriter } from './archive';
import { ChunkWriter } from './chunks';
import { DEFAULT_CHUNK_SIZE, DIGEST_BYTES, SALT_BYTES, deriveBackupKeys, encodeHeader } from './format';
import { fileLayer } from './io';
import { BackupError } from './errors';
import type { ExportJob } from './exportJob';
import { rawVaultFd } from './rawVaultFile';

export const SEED_TABLES = ['backup_test_people', 'backup_test_notes'] as const;

/** A test vault (weak test KDF) with a few tables of fake records. */
export async function seededVault(opts: { people?: number; notes?: number; seed?: number } = {}): Promise<TestVault> {
  const tv = await createTestVault();
  faker.seed(opts.seed ?? 42);
  seedRows(tv.vault.db, opts.people ?? 20, opts.notes ?? 60);
  return tv;
}

export function seedRows(db: VaultDatabase, people: number, notes: number): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS backup_test_people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, born TEXT);
    CREATE TABLE IF NOT EXISTS backup_test_notes (
      id INTEGER PRIMARY KEY, person_id INTEGER NOT NULL REFERENCES backup_test_people(id),
      body TEXT NOT NULL, attachment BLOB, written_at TEXT NOT NULL);
  `);
  const addPerson = db.prepare('INSERT INTO backup_test_people (name, born) VALUES (?, ?)');
  const addNote = db.prepare('INSERT INTO backup_test_notes (person_id, body, attachment, written_at) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    const first = (db.prepare('SELECT count(*) FROM backup_test_people').pluck().get() as number) + 1;
    for (let i = 0; i < people; i++) addPerson.run(faker.person.fullName(), faker.date.birthdate().toISOString().slice(0, 10));
    const last = first + people - 1;
    for (let i = 0; i < notes; i++) {
      addNote.run(
        faker.number.int({ min: 1, max: Math.max(1, last) }),
        faker.lorem.paragraphs(3),
        i % 7 === 0 ? randomBytes(3000) : null,
        faker.date.recent({ days: 400 }).toISOString(),
      );
    }
  })();
}

/** Every row of every table (sqlite_ internals aside), in a stable order (some tables have no rowid). */
export function dumpTables(db: VaultDatabase): Record<string, unknown[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
    .pluck()
    .all() as string[];
  const out: Record<string, unknown[]> = {};
  const key = (row: unknown): string =>
    JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) || v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v));
  for (const t of tables) {
    const rows = db.prepare(`SELECT * FROM "${t.replaceAll('"', '""')}"`).all();
    out[t] = rows.map((row) => ({ row, k: key(row) })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)).map((r) => r.row);
  }
  return out;
}

export function flipBit(bytes: Buffer, byteIndex: number, bit = 0): Buffer {
  const copy = Buffer.from(bytes);
  copy[byteIndex] = copy[byteIndex]! ^ (1 << bit);
  return copy;
}

export interface CraftedPart {
  name: string;
  data: Buffer;
}

/**
 * Writes a backup whose contents are exactly `parts` (in order), sealed with the real vault key
 * and envelope, so it authenticates perfectly: only the archive and manifest checks can object.
 * `endMarker: false` leaves the end marker out; `trailing` adds plaintext after it.
 */
export async function craftBackup(
  path: string,
  opts: { keyHex: string; envelope: Buffer; parts: CraftedPart[]; endMarker?: boolean; trailing?: Buffer; rawNames?: boolean },
): Promise<void> {
  const salt = randomBytes(SALT_BYTES);
  const keys = deriveBackupKeys(Buffer.from(opts.keyHex, 'hex'), salt);
  const out = await fileLayer().create(path);
  const header = encodeHeader({ chunkSize: DEFAULT_CHUNK_SIZE, salt, envelope: opts.envelope }, keys.macKey);
  await out.write([header]);
  const chunks = new ChunkWriter(out, keys.encKey, header.subarray(header.length - DIGEST_BYTES), DEFAULT_CHUNK_SIZE);
  if (opts.rawNames) {
    // Hand-framed parts, so names the writer would refuse (../x, duplicates) can be tested.
    for (const part of opts.parts) {
      const name = Buffer.from(part.name, 'utf8');
      const head = Buffer.alloc(3 + name.length + 8);
      head.writeUInt8(0x50, 0);
      head.writeUInt16BE(name.length, 1);
      name.copy(head, 3);
      head.writeBigUInt64BE(BigInt(part.data.length), 3 + name.length);
      await chunks.push(head);
      await chunks.push(part.data);
    }
  } else {
    const archive = new ArchiveWriter(chunks);
    for (const part of opts.parts) await archive.writePart(part.name, part.data);
  }
  if (opts.endMarker !== false) await chunks.push(Buffer.from([0x45]));
  if (opts.trailing) await chunks.push(opts.trailing);
  await chunks.finish();
  await out.sync();
  await out.close();
}

export const readEnvelopeBytes = (vaultDir: string): Buffer => readFileSync(join(vaultDir, 'vault.key.json'));

/** The BackupError problem a job ends with, or 'accepted' when it succeeds. */
export async function problemOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (err) {
    if (err instanceof BackupError) return err.problem;
    throw err;
  }
  return 'accepted';
}

/** An export job for a test vault, as exportBackup would build it, with overrides. */
export function exportJobFor(tv: TestVault, outPath: string, extra: Partial<ExportJob> = {}): ExportJob {
  return {
    vaultDir: tv.dir,
    keyHex: tv.vault.rawKeyHex(),
    rawFd: rawVaultFd(join(tv.dir, 'vault.db')),
    outPath,
    appVersion: '0.0.0-test',
    createdAt: new Date().toISOString(),
    overwrite: false,
    ...extra,
  };
}
