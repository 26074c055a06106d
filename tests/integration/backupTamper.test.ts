// Damaged and hostile backup files: cut short at many lengths (inside the header too), bytes added,
// single bits flipped across header and body, chunks moved, repeated or dropped, files that are
// not backups, and a newer format. Every one must be refused with the right problem, never opened.
// Most cases run the worker's job in this thread (same code, no thread start-up per case).
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestVault } from '../../db/testing';
import { BackupError, inspectBackupHeader, restoreBackup, verifyBackup } from '../../main/services/backup';
import { recordBytes } from '../../main/services/backup/chunks';
import { runExport } from '../../main/services/backup/exportJob';
import { FIXED_PREFIX_BYTES, MAGIC, MIN_CHUNK_SIZE } from '../../main/services/backup/format';
import { runRead, type BackupSecret } from '../../main/services/backup/readJob';
import { exportJobFor, flipBit, seededVault } from '../../main/services/backup/testing';

let tv: TestVault;
let scratch: string;
let original: Buffer;
let other: Buffer;
let headerLength: number;
let passphrase: BackupSecret;
let vaultKey: BackupSecret;
const RECORD = recordBytes(MIN_CHUNK_SIZE);

async function exportSmallChunks(outPath: string): Promise<Buffer> {
  await runExport(exportJobFor(tv, outPath, { chunkSize: MIN_CHUNK_SIZE })); // many chunks from a small vault
  return readFileSync(outPath);
}

let counter = 0;
/** Writes `bytes` to a fresh file and checks it in this thread; returns the problem, or 'accepted'. */
async function problemWith(bytes: Buffer, secret: BackupSecret = passphrase): Promise<string> {
  const path = join(scratch, `case-${counter++}.hearthbackup`);
  writeFileSync(path, bytes);
  try {
    await runRead({ path, secret });
    return 'accepted';
  } catch (err) {
    if (err instanceof BackupError) return err.problem;
    throw err;
  } finally {
    rmSync(path, { force: true });
  }
}

beforeAll(async () => {
  tv = await seededVault({ people: 10, notes: 40 });
  scratch = mkdtempSync(join(tmpdir(), 'hearth-tamper-'));
  original = await exportSmallChunks(join(scratch, 'original.hearthbackup'));
  other = await exportSmallChunks(join(scratch, 'other.hearthbackup'));
  headerLength = original.readUInt32BE(12);
  passphrase = { passphrase: tv.passphrase };
  vaultKey = { vaultKeyHex: tv.vault.rawKeyHex() };
});

afterAll(() => {
  tv.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

/** The encrypted records after the header, as separate buffers. */
function records(file: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let at = headerLength; at < file.length; at += RECORD) out.push(file.subarray(at, Math.min(file.length, at + RECORD)));
  return out;
}
const rebuild = (file: Buffer, recs: Buffer[]): Buffer => Buffer.concat([file.subarray(0, headerLength), ...recs]);

describe('the untouched file', () => {
  it('is accepted, with either secret, and has many chunks to tamper with', async () => {
    expect(await problemWith(original)).toBe('accepted');
    expect(await problemWith(original, vaultKey)).toBe('accepted');
    expect(records(original).length).toBeGreaterThan(20);
  });
});

describe('cut short', () => {
  it('is refused as damaged at every length tried, header included', async () => {
    const size = original.length;
    const H = headerLength;
    const lengths = new Set([
      0, 1, 4, 7, 8, 9, 10, 11, 12, 16, 20, 51, 52, 55, FIXED_PREFIX_BYTES, 57, 100, H - 33, H - 32, H - 1, H, H + 1, H + 5,
      H + RECORD - 1, H + RECORD, H + RECORD + 1, H + 2 * RECORD, H + 2 * RECORD + 5, size - RECORD, size - 17, size - 16, size - 1,
    ]);
    for (let i = 0; i < 20; i++) lengths.add(Math.floor(Math.random() * size));
    for (const n of lengths) expect(await problemWith(original.subarray(0, n), vaultKey), `length ${n}`).toBe('DAMAGED');
  });
});

describe('bytes added', () => {
  it('is refused, whatever is appended', async () => {
    const recs = records(original);
    for (const extra of [Buffer.from([0]), Buffer.alloc(16), Buffer.from('trailing text\n'), recs[1]!, recs.at(-1)!, original.subarray(0, 100)]) {
      expect(await problemWith(Buffer.concat([original, extra]))).toBe('DAMAGED');
    }
  });
});

describe('chunks moved, repeated or dropped', () => {
  it('is refused in every case', async () => {
    const recs = records(original);
    const last = recs.length - 1;
    const cases: [string, Buffer[]][] = [
      ['swap 1 and 2', [recs[0]!, recs[2]!, recs[1]!, ...recs.slice(3)]],
      ['swap first two', [recs[1]!, recs[0]!, ...recs.slice(2)]],
      ['repeat 3', [...recs.slice(0, 4), recs[3]!, ...recs.slice(4)]],
      ['repeat final', [...recs, recs[last]!]],
      ['drop 0', recs.slice(1)],
      ['drop 5', [...recs.slice(0, 5), ...recs.slice(6)]],
      ['drop final', recs.slice(0, last)],
      ['final moved earlier', [...recs.slice(0, 3), recs[last]!]],
      ['reversed', [...recs].reverse()],
      ['chunk from another backup', [recs[0]!, records(other)[1]!, ...recs.slice(2)]],
    ];
    for (const [name, recsOut] of cases) expect(await problemWith(rebuild(original, recsOut)), name).toBe('DAMAGED');
    // Another backup's header on this body (and the other way round).
    expect(await problemWith(Buffer.concat([other.subarray(0, headerLength), original.subarray(headerLength)]))).toBe('DAMAGED');
  });
});

describe('one flipped bit', () => {
  it('anywhere in the header is refused, and named for what it hit', async () => {
    for (let i = 0; i < headerLength; i++) {
      const problem = await problemWith(flipBit(original, i, i % 8), vaultKey);
      if (i < MAGIC.length) expect(problem, `byte ${i}`).toBe('NOT_A_BACKUP');
      else if (i < 10) expect(['TOO_NEW', 'DAMAGED'], `byte ${i}`).toContain(problem);
      else expect(problem, `byte ${i}`).toBe('DAMAGED');
    }
  });

  it('sampled across the body is refused as damaged', async () => {
    const positions = new Set<number>();
    for (let i = 0; i < 150; i++) positions.add(headerLength + Math.floor(Math.random() * (original.length - headerLength)));
    for (const r of [0, 1, 2]) for (const off of [0, 1, 4, 5, 100, RECORD - 16, RECORD - 1]) positions.add(headerLength + r * RECORD + off);
    positions.add(original.length - 1);
    positions.add(original.length - 17);
    for (const at of positions) expect(await problemWith(flipBit(original, at, at % 8), vaultKey), `byte ${at}`).toBe('DAMAGED');
  });

  it('is refused through the worker too, and a damaged restore leaves nothing behind', async () => {
    const path = join(scratch, 'flipped.hearthbackup');
    writeFileSync(path, flipBit(original, Math.floor(original.length / 2)));
    await expect(verifyBackup(path, passphrase)).rejects.toMatchObject({ problem: 'DAMAGED', code: 'BACKUP_INVALID' });
    const target = join(scratch, 'restore-flipped');
    await expect(restoreBackup(path, passphrase, target)).rejects.toMatchObject({ problem: 'DAMAGED' });
    expect(existsSync(target)).toBe(false);
  });
});

describe('random single-byte changes (property)', () => {
  it('are always refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: original.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, delta) => {
        const mutated = Buffer.from(original);
        mutated[at] = (mutated[at]! + delta) & 0xff;
        const problem = await problemWith(mutated);
        expect(['DAMAGED', 'NOT_A_BACKUP', 'TOO_NEW']).toContain(problem);
      }),
      { numRuns: 200 },
    );
  });
});

describe('files that are not backups', () => {
  it('are named as such', async () => {
    const plain = join(scratch, 'plain.db');
    const db = new Database(plain);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    db.close();
    const cases: [string, Buffer][] = [
      ['text', Buffer.from('Dear Sir or Madam,\nPlease find attached.\n')],
      ['random', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 131 + 7) & 0xff))],
      ['plain sqlite', readFileSync(plain)],
      ['png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')],
      ['pdf', Buffer.from('%PDF-1.7\n')],
      ['json', Buffer.from('{"format":"hearth-backup-manifest"}')],
    ];
    for (const [name, bytes] of cases) expect(await problemWith(bytes), name).toBe('NOT_A_BACKUP');
    expect(await problemWith(Buffer.alloc(0))).toBe('DAMAGED'); // an empty file: cut short before it began
    await expect(inspectBackupHeader(plain)).rejects.toMatchObject({ problem: 'NOT_A_BACKUP', message: "This file isn't a Hearth backup." });
    await expect(inspectBackupHeader(scratch)).rejects.toMatchObject({ problem: 'NOT_A_BACKUP' });
    await expect(inspectBackupHeader(join(scratch, 'missing'))).rejects.toMatchObject({ problem: 'READ_FAILED' });
  });
});

describe('a newer format version', () => {
  it('is refused clearly, however the rest looks', async () => {
    for (const version of [2, 3, 0x100, 0xffff]) {
      const newer = Buffer.from(original);
      newer.writeUInt16BE(version, 8);
      expect(await problemWith(newer)).toBe('TOO_NEW');
      expect(await problemWith(Buffer.concat([newer.subarray(0, 10), Buffer.from('a layout this version has never seen')]))).toBe('TOO_NEW');
    }
    const path = join(scratch, 'newer.hearthbackup');
    const newer = Buffer.from(original);
    newer.writeUInt16BE(2, 8);
    writeFileSync(path, newer);
    await expect(inspectBackupHeader(path)).rejects.toMatchObject({ problem: 'TOO_NEW' });
    await expect(verifyBackup(path, passphrase)).rejects.toMatchObject({
      problem: 'TOO_NEW',
      message: expect.stringContaining('newer version of Hearth'),
    });
  });

  it('the current version inspects without a passphrase and says nothing about the contents', async () => {
    const info = await inspectBackupHeader(join(scratch, 'original.hearthbackup'));
    expect(info).toEqual({ formatVersion: 1, supported: true, bytes: original.length });
  });
});
