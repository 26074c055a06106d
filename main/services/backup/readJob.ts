// Owns reading a backup back: checking it (every byte authenticated, the manifest matched, nothing
// written anywhere) and restoring it into an empty folder, which is checked again there (every
// page's HMAC as it lands, then SQLite's integrity_check, counts, schema version) before the
// caller hears it worked. On any failure a restore removes everything it wrote. Runs in the backup
// worker in the app, or directly in tests.
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { VaultError } from '../../../db/vault/errors';
import { envelopeMatchesKey, unwrapEnvelopeBytes } from '../../../db/vault/unwrap';
import { ArchiveReader, PART_DATABASE, PART_MANIFEST, type PartRecord } from './archive';
import { ChunkReader, recordBytes } from './chunks';
import { BackupError, damaged, fromWriteError } from './errors';
import { FIXED_PREFIX_BYTES, assertHeaderMac, checkPreamble, deriveBackupKeys, parseHeader, wipeKeys } from './format';
import { hashesFor, type HashService, type HashingMode } from './hasher';
import { BlockReader, fileLayer, fsyncDir, readAtHandle, type FaultPlan, type WritableFile } from './io';
import { MAX_MANIFEST_BYTES, checkManifest, parseManifest, type Manifest } from './manifest';
import { pageMacsFor, type PageMacCheck, type PageMacMode } from './pageMacThread';
import { ProgressMeter, type ProgressListener } from './progress';
import { checkRestoredVault } from './restoredCheck';

/** How a backup is opened: the vault's passphrase or recovery key as they were when it was made, or (inside the app) the vault key itself. */
export type BackupSecret = { passphrase: string } | { recoveryKey: string } | { vaultKeyHex: string };

export interface BackupSummary {
  formatVersion: number;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  counts: Record<string, number>;
  parts: PartRecord[];
  /** Size of the backup file. */
  bytes: number;
}

export interface ReadJob {
  path: string;
  secret: BackupSecret;
  /** Restore into this folder (created if missing, refused unless empty). Omit to only check. */
  restoreTo?: string;
  faults?: FaultPlan;
  hashing?: HashingMode;
  /** Where restored pages' HMACs are checked; tests pin one. Default: a thread for large vaults. */
  pageMacs?: PageMacMode;
}

const vaultErrorProblems = {
  WRONG_PASSPHRASE: 'WRONG_PASSPHRASE',
  WRONG_RECOVERY_KEY: 'WRONG_RECOVERY_KEY',
  MALFORMED_RECOVERY_KEY: 'MALFORMED_RECOVERY_KEY',
  VAULT_TOO_NEW: 'TOO_NEW',
} as const;

async function unwrapKey(envelope: Buffer, secret: BackupSecret): Promise<Buffer> {
  try {
    if ('vaultKeyHex' in secret) {
      const key = Buffer.from(secret.vaultKeyHex, 'hex');
      if (!envelopeMatchesKey(envelope, key)) throw new BackupError('WRONG_PASSPHRASE', "This backup wasn't made from this vault.");
      return key;
    }
    return (await unwrapEnvelopeBytes(envelope, secret)).key;
  } catch (err) {
    if (err instanceof VaultError) {
      const problem = vaultErrorProblems[err.code as keyof typeof vaultErrorProblems];
      // A tampered or unreadable envelope inside an intact header is damage, not a wrong secret.
      throw problem ? new BackupError(problem) : damaged();
    }
    throw err;
  }
}

/** What a restore has written, so a failed one can remove exactly that and nothing else. */
class RestoreTrail {
  readonly files: string[] = [];
  readonly dirs: string[] = [];

  constructor(readonly root: string) {}

  /** The restore folder must be missing (then it is created) or empty. */
  prepare(): void {
    let existing;
    try {
      existing = statSync(this.root);
    } catch {
      this.mkdir(this.root);
      return;
    }
    if (!existing.isDirectory() || readdirSync(this.root).length > 0) throw new BackupError('TARGET_NOT_EMPTY');
  }

  mkdir(dir: string): void {
    const first = mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (first !== undefined) this.dirs.push(first);
  }

  /** Removes what this restore created, newest first; folders it created go with their contents. */
  undo(): void {
    for (const file of this.files.reverse()) {
      for (const path of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(path, { force: true });
    }
    for (const dir of this.dirs.reverse()) rmSync(dir, { recursive: true, force: true });
  }
}

async function openBackup(path: string): Promise<{ fh: FileHandle; size: number }> {
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    throw new BackupError('READ_FAILED', undefined, { cause: err });
  }
  const st = await fh.stat();
  if (!st.isFile()) {
    await fh.close();
    throw new BackupError('NOT_A_BACKUP');
  }
  return { fh, size: st.size };
}

const MAX_WRITES_IN_FLIGHT = 3;

/**
 * Keeps a few writes to one file in flight; the first failure is thrown by the next call.
 * `onLanded` hears of each piece in file order, once it and everything before it are in the file.
 */
class WriteQueue {
  #inflight: { done: Promise<void>; data: Buffer; end: number }[] = [];
  #failure: unknown = null;

  constructor(
    private readonly out: WritableFile,
    private readonly onLanded: (data: Buffer, end: number) => void = () => undefined,
  ) {}

  async write(data: Buffer): Promise<void> {
    while (this.#inflight.length >= MAX_WRITES_IN_FLIGHT) await this.#landOldest();
    if (this.#failure) throw this.#failure;
    const done = this.out.write([data]).catch((err: unknown) => {
      this.#failure ??= err;
    });
    this.#inflight.push({ done, data, end: this.out.bytesWritten });
  }

  async drain(): Promise<void> {
    while (this.#inflight.length > 0) await this.#landOldest();
    if (this.#failure) throw this.#failure;
  }

  async #landOldest(): Promise<void> {
    const oldest = this.#inflight.shift()!;
    await oldest.done;
    if (!this.#failure) this.onLanded(oldest.data, oldest.end);
  }
}

/** Verifies (and, with `restoreTo`, restores) one backup. */
export async function runRead(job: ReadJob, opts: { signal?: AbortSignal; onProgress?: ProgressListener } = {}): Promise<BackupSummary> {
  const { signal } = opts;
  const meter = new ProgressMeter('unlocking', opts.onProgress);
  const { fh, size } = await openBackup(job.path);
  let trail: RestoreTrail | null = null;
  let current: WritableFile | null = null;
  /** Restored files being fsynced, closed once SQLite's check is done. */
  const syncing: { file: WritableFile; durable: Promise<void> }[] = [];
  const closeSynced = async (): Promise<void> => {
    await Promise.allSettled(syncing.map((s) => s.durable));
    await Promise.allSettled(syncing.splice(0).map((s) => s.file.close()));
  };
  let key: Buffer | null = null;
  let hashes: HashService | null = null;
  let pageMacs: PageMacCheck | null = null;
  let macsBegun = false;
  let databaseBytes = 0;
  let succeeded = false;
  try {
    const readAt = readAtHandle(fh);
    const prefix = Buffer.alloc(Math.min(size, FIXED_PREFIX_BYTES));
    if ((await readAt(prefix, 0, prefix.length, 0)) !== prefix.length) throw new BackupError('READ_FAILED');
    const { headerLength } = checkPreamble(prefix);
    if (size < headerLength) throw damaged();
    const headerBytes = Buffer.alloc(headerLength);
    if ((await readAt(headerBytes, 0, headerLength, 0)) !== headerLength) throw new BackupError('READ_FAILED');
    const header = parseHeader(headerBytes);

    if (job.restoreTo !== undefined) {
      const prepared = new RestoreTrail(job.restoreTo);
      prepared.prepare();
      trail = prepared;
      pageMacs = pageMacsFor(size, job.pageMacs);
    }
    key = await unwrapKey(header.envelope, job.secret);
    const keys = deriveBackupKeys(key, header.salt);
    let manifest: Manifest;
    const seen: PartRecord[] = [];
    try {
      assertHeaderMac(header, keys.macKey);
      signal?.throwIfAborted();
      meter.start('reading', size);
      meter.advance(headerLength);
      const body = new BlockReader(readAt, headerLength, size, recordBytes(header.chunkSize));
      hashes = hashesFor(size, job.hashing);
      const archive = new ArchiveReader(new ChunkReader(body, keys.encKey, header.mac, header.chunkSize, signal), hashes);
      const layer = fileLayer(job.faults);
      let manifestBytes: Buffer | null = null;
      for (let part = await archive.nextPart(); part !== null; part = await archive.nextPart()) {
        if (manifestBytes) throw damaged(); // the manifest must be the last part
        if (part.name === PART_MANIFEST) {
          const { record, data } = await archive.readSmallPart(MAX_MANIFEST_BYTES);
          seen.push(record);
          manifestBytes = data;
          continue;
        }
        let sink: (data: Buffer) => Promise<void> | void = (data) => meter.advance(data.length);
        let writes: WriteQueue | null = null;
        if (trail) {
          const target = join(trail.root, ...part.name.split('/'));
          trail.mkdir(dirname(target));
          trail.files.push(target);
          const out = await layer.create(target);
          current = out;
          // Every restored page's HMAC is checked on the bytes that landed in the file (from the
          // operating system's cache, on another thread for a large vault), so SQLite's check of
          // the restored vault need not authenticate every page a second time.
          let onLanded: ((data: Buffer, end: number) => void) | undefined;
          if (part.name === PART_DATABASE) {
            if (macsBegun || !pageMacs) throw damaged(); // one database per backup
            const macs = pageMacs;
            macs.begin(key, target);
            macsBegun = true;
            onLanded = (data, end) => macs.landed(data, end);
          }
          const queue = new WriteQueue(out, onLanded);
          writes = queue;
          // Decrypted pieces are fresh buffers, never reused, so a few writes can be in flight.
          sink = async (data) => {
            await queue.write(data);
            meter.advance(data.length);
          };
        }
        seen.push(await archive.readPart(sink));
        if (current && writes) {
          await writes.drain();
          if (part.name === PART_DATABASE) databaseBytes = current.bytesWritten;
          // The fsync is awaited before anyone hears the restore worked, but not here: SQLite's
          // check below reads through the cache, so it runs while the disk catches up. The file
          // stays open until SQLite has finished with it, since closing any descriptor of a file
          // drops the process's POSIX locks on it, SQLite's included.
          const file = current;
          current = null;
          const durable = file.sync();
          durable.catch(() => undefined); // awaited below (or, after a failure, settled in finally)
          syncing.push({ file, durable });
        }
      }
      if (!manifestBytes) throw damaged();
      manifest = parseManifest(manifestBytes);
      checkManifest(manifest, seen, header.envelope);
      meter.complete();
    } finally {
      wipeKeys(keys);
    }

    if (trail) {
      signal?.throwIfAborted();
      meter.start('checking', 1);
      if (!pageMacs || !macsBegun) throw damaged();
      // SQLite's structural check runs while the files are fsynced and the page-check thread
      // finishes the last pages; the restore succeeds only if all three succeed.
      const pageVerdict = pageMacs.finish(databaseBytes);
      pageVerdict.catch(() => undefined); // awaited below; a failure while SQLite runs must not go unhandled
      checkRestoredVault(trail.root, key, manifest, { pageMacsCheckedSeparately: true });
      await Promise.all(syncing.map((s) => s.durable));
      await closeSynced();
      for (const dir of new Set(trail.files.map((p) => dirname(p)))) fsyncDir(dir);
      fsyncDir(dirname(trail.root));
      if ((await pageVerdict).length > 0) throw new BackupError('RESTORED_VAULT_FAILED_CHECK');
      signal?.throwIfAborted(); // the last moment a cancel is honoured
      meter.advance(1);
    }
    succeeded = true;
    return {
      formatVersion: header.formatVersion,
      createdAt: manifest.createdAt,
      appVersion: manifest.appVersion,
      schemaVersion: manifest.schemaVersion,
      counts: manifest.counts,
      parts: manifest.parts,
      bytes: size,
    };
  } catch (err) {
    if ((err as { name?: string }).name === 'AbortError') throw new BackupError('CANCELLED');
    if (err instanceof BackupError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (trail && code) throw fromWriteError(err);
    if (code === 'EIO') throw new BackupError('READ_FAILED', undefined, { cause: err });
    throw err;
  } finally {
    await hashes?.close();
    await pageMacs?.close();
    key?.fill(0);
    await current?.close().catch(() => undefined);
    await closeSynced();
    await fh.close().catch(() => undefined);
    if (!succeeded) trail?.undo();
  }
}
