// Owns the file operations backups need: a buffered reader with one block of read-ahead, a writer
// that always writes every byte or throws, directory fsync, and a fault plan that makes writes fail
// on cue (full disk, removed drive) so tests can prove nothing is left behind.
import { open, type FileHandle } from 'node:fs/promises';
import { closeSync, fsyncSync, openSync, read } from 'node:fs';
import { randomBytes } from 'node:crypto';

/** Serialisable, so it also reaches a worker: writes fail with `code` once `failAfterBytes` have been written in total. */
export interface FaultPlan {
  failAfterBytes: number;
  code: 'ENOSPC' | 'EIO';
}

export interface WritableFile {
  /** Writes every byte of every buffer, in order, or throws. */
  write(buffers: readonly Buffer[]): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
  readonly bytesWritten: number;
}

export interface FileLayer {
  /** Creates a new file (never replaces one), readable by the owner only. */
  create(path: string): Promise<WritableFile>;
}

function errnoError(code: string): NodeJS.ErrnoException {
  const err = new Error(`${code}: simulated failure`) as NodeJS.ErrnoException;
  err.code = code;
  return err;
}

export function fileLayer(faults?: FaultPlan): FileLayer {
  let budget = faults ? faults.failAfterBytes : Number.POSITIVE_INFINITY;
  return {
    async create(path) {
      const fh = await open(path, 'wx', 0o600);
      let written = 0;
      return {
        get bytesWritten() {
          return written;
        },
        async write(buffers) {
          for (const data of buffers) {
            if (faults && data.length > budget) {
              // A real full disk usually takes part of the write first.
              const part = data.subarray(0, budget);
              await writeAll(fh, part);
              written += part.length;
              budget = 0;
              throw errnoError(faults.code);
            }
            budget -= data.length;
            await writeAll(fh, data);
            written += data.length;
          }
        },
        sync: () => fh.sync(),
        close: () => fh.close(),
      };
    },
  };
}

async function writeAll(fh: FileHandle, data: Buffer): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await fh.write(data, offset, data.length - offset);
    if (bytesWritten <= 0) throw errnoError('EIO');
    offset += bytesWritten;
  }
}

/** Makes a rename or a new file in `dir` durable. Windows cannot fsync a folder; its renames are durable anyway. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // not supported on this platform
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A suffix that says nothing about the contents: 12 random hex characters. */
export const randomSuffix = (): string => randomBytes(6).toString('hex');

/**
 * Reads a byte range of a file front to back, keeping one block in flight so the disk works while
 * the caller computes. Blocks are aligned to `blockSize` from `start`; when callers read in
 * block-sized records, each read is a view of a block, not a copy.
 */
export type ReadAt = (buf: Buffer, offset: number, length: number, position: number) => Promise<number>;

export const readAtHandle =
  (fh: FileHandle): ReadAt =>
  async (buf, offset, length, position) =>
    (await fh.read(buf, offset, length, position)).bytesRead;

/** For a plain descriptor that must not be closed here (see rawVaultFile.ts). pread, so threads can share it. */
export const readAtFd =
  (fd: number): ReadAt =>
  (buf, offset, length, position) =>
    new Promise((resolve, reject) => {
      read(fd, buf, offset, length, position, (err, bytesRead) => (err ? reject(err) : resolve(bytesRead)));
    });

export class BlockReader {
  #readAt: ReadAt;
  #next: number;
  readonly end: number;
  #blockSize: number;
  #buf: Buffer = Buffer.alloc(0);
  #pending: Promise<Buffer> | null = null;

  constructor(readAt: ReadAt, start: number, end: number, blockSize: number) {
    this.#readAt = readAt;
    this.#next = start;
    this.end = end;
    this.#blockSize = blockSize;
  }

  #prefetch(): void {
    if (this.#pending || this.#next >= this.end) return;
    const at = this.#next;
    const length = Math.min(this.#blockSize, this.end - at);
    this.#next += length;
    const pending = readBlock(this.#readAt, at, length);
    pending.catch(() => undefined); // a read left in flight by an abandoned job must not crash the process
    this.#pending = pending;
  }

  /** Returns exactly `n` bytes, or fewer only when the range ends first. */
  async read(n: number): Promise<Buffer> {
    this.#prefetch();
    while (this.#buf.length < n && this.#pending) {
      const block = await this.#pending;
      this.#pending = null;
      this.#buf = this.#buf.length === 0 ? block : Buffer.concat([this.#buf, block]);
      this.#prefetch();
    }
    const out = this.#buf.subarray(0, n);
    this.#buf = this.#buf.subarray(out.length);
    return out;
  }
}

async function readBlock(readAt: ReadAt, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const bytesRead = await readAt(buf, filled, length - filled, position + filled);
    if (bytesRead === 0) break; // the file is shorter than it was: the caller sees a short read
    filled += bytesRead;
  }
  return filled === length ? buf : buf.subarray(0, filled);
}
