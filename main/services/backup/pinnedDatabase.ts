// Owns taking a consistent snapshot of vault.db while the app keeps writing, without decrypting it.
//
// How: in WAL mode a read transaction that starts when the log is fully checkpointed holds
// read-lock slot 0, which means "read the database file only, ignore the log"; no checkpoint can
// write into the database file while that lock is held (sqlite3.c, walTryBeginRead and
// walCheckpoint). So the file's bytes are frozen for as long as the transaction lasts, while the
// app's new commits go to the log. A second connection holds the write lock for the instant
// between checkpoint and BEGIN, so no commit can slip in between. Copying the still-encrypted
// pages is about as fast as `cp`, where VACUUM INTO (decrypt, rebuild, re-encrypt every page) ran
// about twenty times slower on a large vault. The copy is checked afterwards: if the file changed
// at all while it was read, the snapshot is refused and retaken.
import { fstat } from 'node:fs';
import { promisify } from 'node:util';
import { openKeyed, assertReadable, type VaultDatabase } from '../../../db/vault/sqlcipher';
import { BackupError } from './errors';
import { readAtFd, type ReadAt } from './io';

const fstatAsync = promisify(fstat);
const PLAINTEXT_SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const PIN_TIMEOUT_MS = 15_000;

export interface PinnedDatabase {
  /** Bytes to copy: page_count × page_size as seen by the pinned transaction. */
  byteLength: number;
  schemaVersion: number;
  /** Rows per table, read inside the same transaction, so they describe exactly the copied bytes. */
  counts: Record<string, number>;
  readAt: ReadAt;
  /** Throws if the file's size, inode or modification time moved since pinning. */
  assertUnchanged(): Promise<void>;
  release(): void;
}

interface CheckpointRow {
  busy: number;
  log: number;
  checkpointed: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class SnapshotMoved extends Error {
  constructor() {
    super('vault.db changed while it was being copied');
  }
}

/** Quotes an SQL identifier (table names come from sqlite_schema, not from users, but still). */
const quoteId = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export function countRows(db: VaultDatabase): Record<string, number> {
  // Virtual tables (full-text indexes) are left out: their rows live in shadow tables, which are
  // counted, or are the rows of another table; counting one can mean reading every note.
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = db.prepare(`SELECT count(*) FROM ${quoteId(table)}`).pluck().get() as number;
  return counts;
}

function unreadable(cause: unknown): BackupError {
  return new BackupError('VAULT_UNREADABLE', undefined, { cause });
}

/**
 * Pins vault.db as it is now. `fd` is the process's long-lived descriptor for the file
 * (rawVaultFile.ts); the connections opened here are closed by `release`.
 */
export async function pinDatabase(dbPath: string, key: Buffer, fd: number, signal?: AbortSignal): Promise<PinnedDatabase> {
  let reader: VaultDatabase | null = null;
  let writer: VaultDatabase | null = null;
  try {
    reader = openKeyed(dbPath, key, { readonly: false });
    writer = openKeyed(dbPath, key, { readonly: false });
    for (const db of [reader, writer]) db.pragma('busy_timeout = 5000');
    try {
      assertReadable(reader);
    } catch (err) {
      throw unreadable(err);
    }
    const wal = reader.pragma('journal_mode', { simple: true }) === 'wal';
    const deadline = Date.now() + PIN_TIMEOUT_MS;
    for (;;) {
      signal?.throwIfAborted();
      if (!wal) {
        // Rollback journal: a read transaction's shared lock alone keeps writers out of the file.
        reader.exec('BEGIN');
        reader.prepare('SELECT count(*) FROM sqlite_schema').get();
        break;
      }
      writer.exec('BEGIN IMMEDIATE');
      let pinned = false;
      try {
        const [row] = reader.pragma('wal_checkpoint(PASSIVE)') as CheckpointRow[];
        if (row && row.busy === 0 && row.log === row.checkpointed) {
          reader.exec('BEGIN');
          reader.prepare('SELECT count(*) FROM sqlite_schema').get();
          pinned = true;
        }
      } finally {
        writer.exec('ROLLBACK');
      }
      if (pinned) break;
      // Someone is still reading an older state; it will finish in a moment.
      if (Date.now() > deadline) throw new BackupError('VAULT_BUSY');
      await sleep(25);
    }
    writer.close();
    writer = null;
    reader.pragma('query_only = ON');

    const pageSize = reader.pragma('page_size', { simple: true }) as number;
    const pageCount = reader.pragma('page_count', { simple: true }) as number;
    const schemaVersion = reader.pragma('user_version', { simple: true }) as number;
    const counts = countRows(reader);
    const byteLength = pageSize * pageCount;
    const readAt = readAtFd(fd);

    const before = await fstatAsync(fd, { bigint: true });
    if (before.size < BigInt(byteLength) || byteLength === 0) throw unreadable(new Error('vault.db shorter than its page count'));
    const first = Buffer.alloc(16);
    await readAt(first, 0, 16, 0);
    // Never put a plaintext database into a backup (or anywhere else).
    if (first.equals(PLAINTEXT_SQLITE_MAGIC)) throw unreadable(new Error('vault.db is not encrypted'));

    const held = reader;
    reader = null;
    return {
      byteLength,
      schemaVersion,
      counts,
      readAt,
      async assertUnchanged() {
        const after = await fstatAsync(fd, { bigint: true });
        if (after.size !== before.size || after.ino !== before.ino || after.mtimeNs !== before.mtimeNs) throw new SnapshotMoved();
      },
      release() {
        try {
          if (held.inTransaction) held.exec('COMMIT');
        } finally {
          held.close();
        }
      },
    };
  } catch (err) {
    try {
      writer?.close();
    } finally {
      reader?.close();
    }
    throw err;
  }
}
