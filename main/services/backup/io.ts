// Owns the file operations backups need: a reader that keeps reads in flight ahead of the caller,
// a writer that lets several writes be in flight and always writes every byte or fails, directory
// fsync, and a fault plan that makes writes fail on cue (full disk, removed drive) so tests can
// prove nothing is left behind.
import { open, type FileHandle } from 'node:fs/promises';
import { read } from 'node:fs';
import { randomBytes } from 'node:crypto';

/** Serialisable, so it also reaches a worker: writes fail with `code` once `failAfterBytes` have been written in total. */
export interface FaultPlan {
  failAfterBytes: number;
  code: 'ENOSPC' | 'EIO';
}

export interface WritableFile {
  /**
   * Appends every byte of every buffer, in order, or rejects. Several writes may be in flight at
   * once: each takes its place in the file when called, so they land in call order regardless.
   * The buffers must not change until the returned promise settles.
   */
  write(buffers: readonly Buffer[]): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
  /** Bytes handed to write() so far (what the file will hold once they all land). */
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
      let position = 0;
      return {
        get bytesWritten() {
          return position;
        },
        write(buffers) {
          const total = buffers.reduce((n, b) => n + b.length, 0);
          const at = position;
          position += total;
          if (total <= budget) {
            budget -= total;
            return writeAllAt(fh, buffers, at);
          }
          // A real full disk usually takes part of the write first.
          const allowed = budget;
          budget = 0;
          return writeAllAt(fh, [Buffer.concat(buffers).subarray(0, allowed)], at).then(() => {
            throw errnoError(faults!.code);
          });
        },
        sync: () => fh.sync(),
        close: () => fh.close(),
      };
    },
  };
}

async function writeAllAt(fh: FileHandle, buffers: readonly Buffer[], position: number): Promise<void> {
  let pending = buffers.filter((b) => b.length > 0);
  let at = position;
  while (pending.length > 0) {
    const { bytesWritten } = await fh.writev(pending, at);
    if (bytesWritten <= 0) throw errnoError('EIO');
    at += bytesWritten;
    // Short write: drop what landed and carry on with the rest.
    let skip = bytesWritten;
    const rest: Buffer[] = [];
    for (const b of pending) {
      if (skip >= b.length) skip -= b.length;
      else {
        rest.push(skip > 0 ? b.subarray(skip) : b);
        skip = 0;
      }
    }
    pending = rest;
  }
}

/** Makes a rename or a new file in `dir` durable (shared with the vault's envelope writes). */
export { fsyncDir } from '../../../db/vault/envelope';

/** A suffix that says nothing about the contents: 12 random hex characters. */
export const randomSuffix = (): string => randomBytes(6).toString('hex');

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

/**
 * Reads a byte range of a file front to back, keeping READ_AHEAD blocks in flight so the disk
 * works while the caller computes. Blocks are aligned to `blockSize` from `start`; a read that
 * stays inside one block is a view of it, not a copy.
 *
 * Block buffers are reused, to spare the garbage collector a gigabyte of garbage per gigabyte
 * read: a view handed out stays valid until two further blocks have been handed out after its
 * own. Callers copy or finish with bytes before reading much further (hashing, encrypting and
 * decrypting all do).
 */
const READ_AHEAD = 2;
const KEEP_HANDED_OUT = 2;

export class BlockReader {
  #readAt: ReadAt;
  #next: number;
  readonly end: number;
  #blockSize: number;
  #buf: Buffer = Buffer.alloc(0);
  #current: Buffer | null = null;
  #pending: Promise<Buffer>[] = [];
  #handedOut: Buffer[] = [];
  #free: Buffer[] = [];

  constructor(readAt: ReadAt, start: number, end: number, blockSize: number) {
    this.#readAt = readAt;
    this.#next = start;
    this.end = end;
    this.#blockSize = blockSize;
  }

  #prefetch(): void {
    while (this.#pending.length < READ_AHEAD && this.#next < this.end) {
      const at = this.#next;
      const length = Math.min(this.#blockSize, this.end - at);
      this.#next += length;
      const target = length === this.#blockSize ? (this.#free.pop() ?? Buffer.allocUnsafe(length)) : Buffer.allocUnsafe(length);
      const pending = readBlock(this.#readAt, target, at, length);
      pending.catch(() => undefined); // a read left in flight by an abandoned job must not crash the process
      this.#pending.push(pending);
    }
  }

  /** The block whose bytes have all been handed out: reusable once two more have followed it. */
  #retire(block: Buffer | null): void {
    if (!block || block.length !== this.#blockSize) return;
    this.#handedOut.push(block);
    if (this.#handedOut.length > KEEP_HANDED_OUT) this.#free.push(this.#handedOut.shift()!);
  }

  /** Returns exactly `n` bytes, or fewer only when the range ends first. */
  async read(n: number): Promise<Buffer> {
    this.#prefetch();
    while (this.#buf.length < n && this.#pending.length > 0) {
      const block = await this.#pending.shift()!;
      if (this.#buf.length === 0) {
        this.#retire(this.#current);
        this.#buf = block;
      } else {
        this.#buf = Buffer.concat([this.#buf, block]);
        this.#retire(this.#current);
        this.#retire(block.length === this.#blockSize ? block : null);
      }
      this.#current = this.#buf.length === block.length ? block : null;
      this.#prefetch();
    }
    const out = this.#buf.subarray(0, n);
    this.#buf = this.#buf.subarray(out.length);
    return out;
  }
}

async function readBlock(readAt: ReadAt, buf: Buffer, position: number, length: number): Promise<Buffer> {
  let filled = 0;
  while (filled < length) {
    const bytesRead = await readAt(buf, filled, length - filled, position + filled);
    if (bytesRead === 0) break; // the file is shorter than it was: the caller sees a short read
    filled += bytesRead;
  }
  return filled === length ? buf : buf.subarray(0, filled);
}
