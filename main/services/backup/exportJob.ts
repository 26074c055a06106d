// Owns writing one backup file: pin the vault, stream its parts through the chunk cipher into a
// partial file beside the destination, fsync, rename into place, fsync the folder. On any failure
// or cancel the partial file is removed; the vault itself is only ever read. Runs in the backup
// worker (worker.ts) in the app, or directly in tests.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DB_FILE } from '../../../db/vault/sqlcipher';
import { ENVELOPE_FILE } from '../../../db/vault/envelope';
import { envelopeMatchesKey } from '../../../db/vault/unwrap';
import { ArchiveWriter, PART_DATABASE, PART_ENVELOPE, PART_MANIFEST, type PartRecord } from './archive';
import { ChunkWriter } from './chunks';
import { BackupError, fromWriteError } from './errors';
import { DEFAULT_CHUNK_SIZE, SALT_BYTES, DIGEST_BYTES, deriveBackupKeys, encodeHeader, wipeKeys } from './format';
import { hashesFor, type HashService, type HashingMode } from './hasher';
import { BlockReader, fileLayer, fsyncDir, randomSuffix, type FaultPlan, type WritableFile } from './io';
import { MANIFEST_FORMAT, MANIFEST_VERSION, encodeManifest, type Manifest } from './manifest';
import { SnapshotMoved, pinDatabase, type PinnedDatabase } from './pinnedDatabase';
import { ProgressMeter, type ProgressListener } from './progress';

export interface ExportJob {
  vaultDir: string;
  /** The vault key as hex; crosses into the worker inside this process only. */
  keyHex: string;
  /** A read-only descriptor for vault.db from rawVaultFile.ts; the job reads through it and never closes it. */
  rawFd: number;
  outPath: string;
  appVersion: string;
  createdAt: string;
  overwrite: boolean;
  chunkSize?: number;
  faults?: FaultPlan;
  hashing?: HashingMode;
}

export interface ExportResult {
  path: string;
  bytes: number;
  createdAt: string;
  schemaVersion: number;
  counts: Record<string, number>;
}

/** A partial file's name: the destination's name plus a random suffix, in the same folder (so the rename is atomic). */
export const partialPathFor = (outPath: string): string => join(dirname(outPath), `${basename(outPath)}.partial-${randomSuffix()}`);
export const PARTIAL_PATTERN = /\.partial-[0-9a-f]{12}$/;

const isAbort = (err: unknown): boolean => (err as { name?: string } | null)?.name === 'AbortError';

export async function runExport(job: ExportJob, opts: { signal?: AbortSignal; onProgress?: ProgressListener } = {}): Promise<ExportResult> {
  const { signal } = opts;
  // The vault is only read, so a retry after the file moved under us is always safe.
  for (let attempt = 1; ; attempt++) {
    try {
      return await exportOnce(job, opts);
    } catch (err) {
      if (err instanceof SnapshotMoved && attempt < 3) continue;
      if (isAbort(err) || (signal?.aborted && !(err instanceof BackupError))) throw new BackupError('CANCELLED');
      if (err instanceof SnapshotMoved) throw new BackupError('VAULT_BUSY');
      throw fromWriteError(err);
    }
  }
}

async function exportOnce(job: ExportJob, opts: { signal?: AbortSignal; onProgress?: ProgressListener }): Promise<ExportResult> {
  const { signal } = opts;
  const chunkSize = job.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const key = Buffer.from(job.keyHex, 'hex');
  const envelope = readFileSync(join(job.vaultDir, ENVELOPE_FILE));
  // The envelope in the backup is what opens it later: prove now that it wraps this very key.
  if (!envelopeMatchesKey(envelope, key)) throw new BackupError('VAULT_UNREADABLE');
  if (!job.overwrite && existsSync(job.outPath)) throw new BackupError('FILE_EXISTS');

  const meter = new ProgressMeter('preparing', opts.onProgress);
  let pinned: PinnedDatabase | null = null;
  let out: WritableFile | null = null;
  let chunks: ChunkWriter | null = null;
  const partialPath = partialPathFor(job.outPath);
  const salt = randomBytes(SALT_BYTES);
  const keys = deriveBackupKeys(key, salt);
  let renamed = false;
  let hashes: HashService | null = null;
  try {
    pinned = await pinDatabase(join(job.vaultDir, DB_FILE), key, job.rawFd, signal);
    signal?.throwIfAborted();
    meter.start('writing', envelope.length + pinned.byteLength);

    out = await fileLayer(job.faults).create(partialPath);
    const header = encodeHeader({ chunkSize, salt, envelope }, keys.macKey);
    await out.write([header]);
    chunks = new ChunkWriter(out, keys.encKey, header.subarray(header.length - DIGEST_BYTES), chunkSize, signal);
    hashes = hashesFor(pinned.byteLength, job.hashing);
    const archive = new ArchiveWriter(chunks, hashes);

    const parts: PartRecord[] = [];
    parts.push(await archive.writePart(PART_ENVELOPE, envelope));
    meter.advance(envelope.length);

    await archive.beginPart(PART_DATABASE, pinned.byteLength);
    const source = new BlockReader(pinned.readAt, 0, pinned.byteLength, chunkSize);
    for (let left = pinned.byteLength; left > 0; ) {
      const block = await source.read(Math.min(chunkSize, left));
      if (block.length === 0) throw new SnapshotMoved();
      await archive.write(block);
      left -= block.length;
      meter.advance(block.length);
    }
    parts.push(await archive.endPart());
    await pinned.assertUnchanged();
    const { schemaVersion, counts } = pinned;
    pinned.release();
    pinned = null;

    meter.start('finishing', 1);
    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      version: MANIFEST_VERSION,
      createdAt: job.createdAt,
      appVersion: job.appVersion,
      schemaVersion,
      counts,
      parts,
    };
    await archive.writePart(PART_MANIFEST, encodeManifest(manifest));
    await archive.end();
    const bytes = out.bytesWritten;
    await out.sync();
    await out.close();
    out = null;
    signal?.throwIfAborted(); // the last moment a cancel is honoured
    await rename(partialPath, job.outPath);
    renamed = true;
    fsyncDir(dirname(job.outPath));
    meter.advance(1);
    return { path: job.outPath, bytes, createdAt: job.createdAt, schemaVersion, counts };
  } finally {
    await hashes?.close();
    wipeKeys(keys);
    key.fill(0);
    if (!renamed) {
      await chunks?.settle().catch(() => undefined);
      await out?.close().catch(() => undefined);
      await rm(partialPath, { force: true }).catch(() => undefined);
    }
    pinned?.release();
  }
}
