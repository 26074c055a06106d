// Owns the backup bench's lower bound for a restore on this machine: the cryptography a restore
// must do over the vault's bytes (AES-GCM decryption, the manifest's SHA-256, every page's
// HMAC-SHA512 with the verifier the restore uses), timed on bytes already in memory and spread
// perfectly over every core, plus SQLite's integrity_check of the restored file, which cannot
// start before its last byte is written. Reading, writing, thread start-up and garbage collection
// all count as free, so no restore of these bytes can be faster. It says how much of a restore's
// time is the machine and how much is the code.
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { DB_FILE, ENVELOPE_FILE } from '../db/vault';
import { PageMacVerifier } from '../db/vault/pageMacs';
import { openKeyed } from '../db/vault/sqlcipher';
import { unwrapEnvelopeBytes } from '../db/vault/unwrap';

const PIECE = 16 * 1024 * 1024;

export interface RestoreFloor {
  /** Single-core milliseconds of the restore's stream cryptography over the whole vault.db. */
  cryptoCoreMs: number;
  /** SQLite's integrity_check of the vault, pages decrypted but not re-authenticated (as a restore runs it). */
  integrityMs: number;
  cores: number;
  /** max(all work / cores, integrity_check alone): nothing of these bytes restores faster here. */
  floorMs: number;
}

function timeInto(totals: Map<string, number>, name: string, action: () => void): void {
  const start = performance.now();
  action();
  totals.set(name, (totals.get(name) ?? 0) + performance.now() - start);
}

/** Measures the floor for the vault in `vaultDir` (opened read-only; nothing is written). */
export async function measureRestoreFloor(vaultDir: string, recoveryKey: string): Promise<RestoreFloor> {
  const { key } = await unwrapEnvelopeBytes(readFileSync(join(vaultDir, ENVELOPE_FILE)), { recoveryKey });
  const dbPath = join(vaultDir, DB_FILE);
  const totals = new Map<string, number>();
  try {
    const verifier = new PageMacVerifier(key);
    const sha256 = createHash('sha256');
    // Encrypting costs what decrypting does in AES-GCM, and needs no valid tag.
    const gcm = createCipheriv('aes-256-gcm', randomBytes(32), randomBytes(12));
    const piece = Buffer.alloc(PIECE);
    const fd = openSync(dbPath, 'r');
    try {
      for (let read = readSync(fd, piece); read > 0; read = readSync(fd, piece)) {
        const bytes = piece.subarray(0, read);
        timeInto(totals, 'gcm', () => gcm.update(bytes));
        timeInto(totals, 'sha256', () => sha256.update(bytes));
        timeInto(totals, 'pages', () => verifier.update(bytes));
      }
    } finally {
      closeSync(fd);
    }
    const problems = verifier.finish();
    if (problems.length > 0) throw new Error(`bench vault failed its page check: ${problems[0]}`);

    const db = openKeyed(dbPath, key, { readonly: true, pageMacsAlreadyVerified: true });
    try {
      timeInto(totals, 'integrity', () => {
        const result = db.pragma('integrity_check', { simple: true });
        if (result !== 'ok') throw new Error('bench vault failed integrity_check');
      });
    } finally {
      db.close();
    }
  } finally {
    key.fill(0);
  }
  const cryptoCoreMs = (totals.get('gcm') ?? 0) + (totals.get('sha256') ?? 0) + (totals.get('pages') ?? 0);
  const integrityMs = totals.get('integrity') ?? 0;
  const cores = availableParallelism();
  return { cryptoCoreMs, integrityMs, cores, floorMs: Math.max((cryptoCoreMs + integrityMs) / cores, integrityMs) };
}
